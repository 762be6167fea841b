/**
 * Seed 002's manifest: Eilat and Paunzer's optimal bilateral trade of multiple
 * objects. See src/catalogue/manifest.ts for the contract.
 */
import type { PaperManifest } from '../../src/catalogue/manifest.ts';

export const manifest: PaperManifest = {
  paper: 'seed002',
  title: 'Optimal bilateral trade of multiple objects: alpha-optimal threshold mechanisms',
  references: [
    {
      key: 'seed002',
      authors: ['Ran Eilat', 'Ady Paunzer'],
      title: 'Optimal Bilateral Trade of Multiple Objects',
      year: 2008,
      venue: 'working paper, Tel Aviv University',
      seedFile: '002_db415cb54f560522.txt',
      note: 'May 2008.',
    },
  ],
  hypotheses: {
    binaryIid: 'N objects, binary i.i.d. valuations with v_h^b > v_h^s > v_l^b > v_l^s >= 0 and q in (0, 1)',
    interimIC: 'interim IC for both agents',
    interimIR: 'interim IR for both agents',
    budgetBalance: 'ex ante budget balance',
    monotonicity: 'the mechanism is monotone (Definition 3)',
  },
};
