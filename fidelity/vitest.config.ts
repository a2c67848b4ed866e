import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The real-broker suite: run through `npm run test:fidelity` (scripts/fidelity.sh starts the broker).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('..', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['fidelity/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/fast-check-setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
