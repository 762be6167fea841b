export * from './priors.ts';
export * from './payoffs.ts';
export * from './environments.ts';
