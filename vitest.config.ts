import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts', '{lib,simulator,components}/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'fidelity/**'],
    environment: 'node',
    setupFiles: ['tests/support/fast-check-setup.ts'],
  },
});
