export * from './types.ts';
export { LPBuilder } from './builder.ts';
export { solveLP, runBackend, type SolveOptions } from './solve.ts';
export { primalViolation, dualBound } from './certify.ts';
