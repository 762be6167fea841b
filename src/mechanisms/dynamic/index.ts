/**
 * Efficient dynamic mechanisms with contingent transfers (seed
 * 004_9d6e3cf19fe3eb52.txt, Liu 2025): environments, the efficient plan,
 * Assumptions 2-4, the transfers of Lemma A.4 and Theorem 3.1, periodic ex
 * post IC by the one-shot deviation principle, and the dynamic auction.
 */
export * from './environment.ts';
export * from './allocation.ts';
export * from './assumptions.ts';
export * from './transfers.ts';
export * from './incentives.ts';
export * from './auction.ts';
export * from './generators.ts';
export { pseudoInverse } from '../../solvers/pseudoInverse.ts';
