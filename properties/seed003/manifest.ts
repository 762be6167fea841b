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
    admissibility: 'the personalized prices are admissible (condition (3))',
    assumption2: 'Assumption 2 (generalized single crossing)',
    subadditivity: 'buyer preferences over bundles are subadditive (13)',
    minimalElement: 'the demand mechanism allocates the minimal element of the demand set (Lemma 3)',
  },
};
