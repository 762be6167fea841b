/**
 * `mechcheck/arbitraries`: fast-check arbitraries of priors, payoffs and
 * environments, as plain JSON specs (priors.ts, payoffs.ts, environments.ts)
 * and as labelled finite environments for a user's own mechanisms
 * (finiteEnvironments.ts).
 */
export * from './priors.ts';
export * from './payoffs.ts';
export * from './environments.ts';
export * from './finiteEnvironments.ts';
