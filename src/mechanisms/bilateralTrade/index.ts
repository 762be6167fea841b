/** Seed 002 (Eilat and Paunzer 2008): optimal bilateral trade of multiple objects. */
export * from './field.ts';
export * from './model.ts';
export * from './binomial.ts';
export * from './thresholdProgram.ts';
export * from './program12.ts';
export * from './frontier.ts';
export * from './directMechanism.ts';
export * from './amd.ts';
export * from './slic.ts';
