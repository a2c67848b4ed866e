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

const engineOnly = [
  { name: 'react', message: 'The engine is pure TypeScript: no React.' },
  { name: 'react-dom', message: 'The engine is pure TypeScript: no React.' },
  { name: 'zustand', message: 'Stores live in lib/, not in the engine.' },
];
const pureEngine = [
  ...outside('lib', 'components', 'app'),
  { group: ['react/*', 'next', 'next/*'], message: 'The engine is pure TypeScript.' },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['simulator/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: engineOnly, patterns: pureEngine }] },
  },
  {
    // The broker rules do not validate: they may use the schema's types and its zod-free defaults
    // (schema/defaults.ts), never the schema itself, so they run without zod (the page's first moment
    // is built with them at build time; in the browser they run in the engine's worker).
    files: ['simulator/{core,kafka,rabbitmq}/**/*.ts', 'simulator/{world,simulation}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...engineOnly,
            { name: 'zod', message: 'The broker rules do not validate: zod loads only with the schema.', allowTypeImports: true },
          ],
          patterns: [
            ...pureEngine,
            {
              regex: '(^|/)schema(/(?!defaults$)[^/]+)?$',
              allowTypeImports: true,
              message: 'Import types from the schema and values from schema/defaults.ts (the broker rules run without zod).',
            },
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
