import { defineConfig } from 'vitest/config';

// Test files run in parallel, two at a time (2 forks), and each fork keeps its
// modules between files (isolate: false): the catalogue and mathjs are loaded
// once per fork instead of once per file.
// Tests therefore must not depend on module state left by another file (none
// mocks modules or globals; the catalogue's run state is reset per run).
// No verdict depends on time: the timeouts below only stop a hung test, far
// beyond any test's real duration on a loaded 2-core machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
