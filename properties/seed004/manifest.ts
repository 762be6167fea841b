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
    markovSignals: 'signals follow a Markov decision process: theta_t is drawn from mu_t(. | a_{t-1}, theta_{t-1}) (the model)',
    efficientAllocation: 'the socially efficient allocation rule a*_t, solving the social program (the model)',
    constantLastAllocation:
      'in the finite-horizon case, a constant allocation a-bar in the last period T and a*_t for t < T (Corollary 3.3)',
    lemmaA3Conditions:
      'conditions (i) and (ii) of Lemma A.3 on the transfers: delta E[p_{t+1} | a, theta] = -sum_{j!=i} u^j, and truthful reporting minimises the expected contingent payment (appendix, proof of Theorem 3.1)',
    lemmaA4System:
      'the transfers solving the linear system of Lemma A.4 (right-hand side sum_{j!=i} u^j(a_t, theta_t)) (appendix, proof of Theorem 3.2)',
    auction:
      'the auction example: N bidders, v^i(theta_t) = theta_t^i + gamma sum_{j!=i} theta_t^j with gamma > 1, the allocation does not affect the signals, the dynamic winner-pay auction of Steps 1-4 (indirect implementation with auctions)',
    condition2:
      'condition (2): (1/N) sum_j theta_t^j = sum eta^{-i}(theta_{t+1}^{-i}) mu_{t+1}^{-i}(theta_{t+1}^{-i} | theta_t) (indirect implementation with auctions)',
    contingentTransfer:
      "the winner's contingent transfer r^i_{t+1}(b_{t+1}^{-i}, b_t^{-i}) of Step 4, whose b^j_t is unbound as printed (indirect implementation with auctions)",
    intertemporalCorrelation:
      "signals are correlated across periods (what Assumptions 2 and 3 need: agent i's signal today moves the others' signals tomorrow)",
  },
};
