// Setup of the mutation runs (vitest.mutation.config.ts): a failing property
// stops at its first counterexample instead of shrinking it. A mutant is
// killed by the failure alone; shrinking it (hundreds of runs of instrumented
// code) made such mutants end as timeouts and cost a runner restart each.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
