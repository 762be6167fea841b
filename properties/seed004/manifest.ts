/**
 * Seed 004's manifest: Liu's efficient dynamic mechanisms with contingent
 * transfers (slides). See src/catalogue/manifest.ts for the contract.
 */
import type { PaperManifest } from '../../src/catalogue/manifest.ts';

export const manifest: PaperManifest = {
  paper: 'seed004',
  title: 'Efficient dynamic mechanisms with interdependent valuations: contingent transfers',
  references: [
    {
      key: 'seed004',
      authors: ['Heng Liu'],
      title: 'Efficient dynamic mechanisms in environments with interdependent valuations: The role of contingent transfers',
      year: 2025,
      venue: 'slides, Department of Economics, University of Michigan',
      seedFile: '004_9d6e3cf19fe3eb52.txt',
      note: 'Slides dated April 4, 2025.',
    },
  ],
  hypotheses: {
    assumption1: 'Assumption 1 (bounded payoffs: the discounted sum of |u^i| is bounded)',
    assumption2: 'Assumption 2 (convex independence: no column of M_{t+1}^{-i}(a_t, theta_t^{-i}) is a convex combination of the others)',
    assumption3: 'Assumption 3 (spanning: the columns of M_{t+1}^{-i}(a_t, theta_t^{-i}) are linearly independent)',
    assumption4: 'Assumption 4 (ex post incentive compatibility of the efficient allocation a*_T in period T)',
    intertemporalCorrelation: "signals are correlated across periods (what Assumptions 2 and 3 need: agent i's signal today moves the others' signals tomorrow)",
  },
};
