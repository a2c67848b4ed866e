import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Dependencies point one way: app → components → lib, simulator. The engine imports nothing of the
// site (no React, no lib/, no components/, no app/); lib/ imports no components/ or app/.
const outside = (...rooms) =>
  rooms.flatMap((room) => [
    { group: [`@/${room}`, `@/${room}/**`], message: `simulator/ and lib/ may not import ${room}/ (see DESIGN.md).` },
    { group: [`**/../${room}`, `**/../${room}/**`], message: `simulator/ and lib/ may not import ${room}/ (see DESIGN.md).` },
  ]);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['simulator/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'The engine is pure TypeScript: no React.' },
            { name: 'react-dom', message: 'The engine is pure TypeScript: no React.' },
            { name: 'zustand', message: 'Stores live in lib/, not in the engine.' },
          ],
          patterns: [
            ...outside('lib', 'components', 'app'),
            { group: ['react/*', 'next', 'next/*'], message: 'The engine is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: outside('components', 'app') }] },
  },
  globalIgnores([
    '.next/**',
    'out/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench/out/**',
    'fidelity/kafka/target/**',
    'fidelity/kafka/lib/**',
  ]),
]);
