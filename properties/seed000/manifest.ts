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
    conditionallyIndependentSignals: 'signals conditionally independent given the state (Theorem 2, section 7)',
  },
};
