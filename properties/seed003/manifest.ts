/**
 * Seed 003's manifest: Bikhchandani's ex post implementation with private
 * goods. See src/catalogue/manifest.ts for the contract.
 */
import type { PaperManifest } from '../../src/catalogue/manifest.ts';

export const manifest: PaperManifest = {
  paper: 'seed003',
  title: 'Ex post implementation with multi-dimensional signals: admissible personalized prices',
  references: [
    {
      key: 'seed003',
      authors: ['Sushil Bikhchandani'],
      title: 'Ex Post Implementation in Environments with Private Goods',
      year: 2005,
      venue: 'working paper, Anderson School of Management, UCLA',
      seedFile: '003_9ea1ccbe66e932a9.txt',
      note: 'December 2005; an earlier version circulated as "The Limits of Ex post Implementation Revisited".',
    },
  ],
  hypotheses: {
    model:
      'two buyers, one indivisible object, multi-dimensional private signals s_i in [0, 1]^{d_i}, d_i >= 2; a buyer who does not get the object pays nothing (section 2)',
    rule4: 'rule (4): the object goes to a buyer whose value exceeds his personalized price, who pays that price (section 2)',
    example1: 'Example 1: V_i = p_i + c_i c_j with signals (p_i, c_i) in [0, 1]^2 (section 2)',
    assumption1: 'Assumption 1 (1a: V_i non-decreasing in s; 1b: V_i continuous) (section 3)',
    assumption3:
      "Assumption 3 (each buyer's value strictly exceeds the other's on a positive measure of information states; used for non-triviality) (section 3)",
    manyBuyers: 'n buyers: Assumption 2 for every pair V_i, V_j (s_j replaced by s_-i), Assumption 3 for two distinct buyers (section 3.1)',
    manyObjects: 'n buyers and K objects, signals s_i in [0, 1]^{d_i}, values V_i^L for bundles L (section 4)',
    assumptions1And2Star: 'Assumptions 1* and 2* (Assumptions 1 and 2 for every object k) (section 4)',
    prices11: 'the personalized prices t_i^k of (11) (section 4)',
    example2: "Example 2: three buyers, objects a and b, V_i^k = p_ki + w_k c_i max{c_j, c_j'} (section 4)",
    prices14: 'the personalized prices (14) of Example 2 (section 4)',
    admissibility: 'the personalized prices are admissible (condition (3))',
    assumption2: 'Assumption 2 (generalized single crossing)',
    subadditivity: 'buyer preferences over bundles are subadditive (13)',
    minimalElement: 'the demand mechanism allocates the minimal element of the demand set (Lemma 3)',
  },
};
