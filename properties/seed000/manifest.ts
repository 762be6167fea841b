/**
 * Seed 000's manifest: the two-stage assignment mechanism with externalities
 * and interdependent valuations. See src/catalogue/manifest.ts for the contract.
 */
import type { PaperManifest } from '../../src/catalogue/manifest.ts';

export const manifest: PaperManifest = {
  paper: 'seed000',
  title: 'A two-stage mechanism for assignment problems with externalities and interdependent valuations',
  references: [
    {
      key: 'seed000',
      authors: [],
      authorsNote: 'authors not stated in the seed text',
      title: 'An Assignment Problem with Interdependent Valuations and Externalities',
      year: 2023,
      venue: 'working paper, Penn Institute for Economic Research (PIER), University of Pennsylvania',
      url: 'https://economics.sas.upenn.edu/pier/working-paper/2023/assignment-problem-interdependent-valuations-and-externalities',
      seedFile: '000_8a10c4f2f12bc353.txt',
      note: "The seed text starts at the abstract (no title page, authors or date): the title, series and year are those of the PIER working-paper page, whose abstract is the seed's word for word.",
    },
  ],
  hypotheses: {
    boundedPayoffs: 'valuations, externality costs and seller costs lie in [0, M] (section 3.4)',
    nonnegativeExternalities: 'externality costs are nonnegative (section 3.1: 0 <= c_ij^{pq})',
    partialMatchings: 'the assignment rule phi and the pivot maximise over all partial matchings Z',
    exactMaximiser: 'phi is an exact maximiser of total surplus (the quadratic assignment problem)',
    boundedReports: "opponents' stage-2 reports lie in [0, M] (used by Lemma B and Theorem 1)",
    informativeSignals: "P_-i(.|b_i) != P_-i(.|b_i') whenever b_i != b_i' (section 3.2)",
    posteriors: "posteriors pi, pi' in Delta(Theta), distances in the 1-norm (section 3.1)",
    knownSellerCosts: 'the seller cost profile kappa is known to all buyers and the mechanism (section 4.1)',
    stage2Vcg: 'the stage-2 VCG: the efficient assignment phi with the pivot transfers of section 4.1',
    fullSupportPrior: 'the prior P(theta, b) has full support (section 3.2)',
    twoStageGame:
      'the two-stage game of section 4.2: signal reports in stage 1, a posted posterior, stage-2 strategies beta_j(r_j, pi, b_j) that may depend on it (Definition 2, section 4.3)',
    truthfulOpponents: 'opponents report truthfully (the truthful path of Definition 1 that the proof of Theorem 1 treats, section 6.2)',
    postedPosteriorIndependentReports:
      "opponents' stage-2 reports do not depend on the posted posterior (what Part 2 of the proof of Theorem 1 uses, section 6.2)",
    sphericalRewards: 'the spherical rewards of the two-stage game, scaled by delta > 0 (section 4.2)',
    theorem2Rewards: 'the rewards xi_i(b) = n^-(k+2) P(b_{i+1}|b_i)/||P(.|b_i)||_2 of the proof of Theorem 2 (section 7)',
    conditionallyIndependentSignals: 'signals conditionally independent given the state (Theorem 2, section 7)',
  },
};
