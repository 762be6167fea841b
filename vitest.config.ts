import { defineConfig } from 'vitest/config';

// Test files run in parallel on every core. No verdict depends on time: the
// timeouts below only stop a hung test, far beyond any test's real duration on
// a loaded 2-core machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
