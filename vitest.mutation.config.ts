import { defineConfig } from 'vitest/config';

// The test set of `npm run mutation` (stryker.config.json): only the fast unit
// specs beside the mutated folders (src/concepts, src/solvers, src/core,
// src/check, src/catalogue). The properties/ catalogue tests, the fuzz suite,
// the CLI and report suites and the browser test are left out: they are slow
// under instrumentation and add little kill power over these specs.
// The timeouts only stop a hung test (instrumented code on a loaded machine).
export default defineConfig({
  test: {
    include: ['src/{concepts,solvers,core,check,catalogue}/**/*.test.ts'],
    // backendHang waits twice for javascript-lp-solver's timeout (3 s) per run
    exclude: ['**/node_modules/**', 'dist/**', '.stryker-tmp/**', 'src/solvers/lp/backendHang.test.ts'],
    // test files share their worker's modules (Stryker switches mutants at
    // run time through a global, not by reloading code)
    isolate: false,
    setupFiles: ['./vitest.mutation.setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
