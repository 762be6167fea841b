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
    example: 'the example of section 2: seller values 0 or 11, buyer values 1 or 12, each object good with probability 1/2 (section 2)',
    welfareWeights: "the designer's weights alpha^s, alpha^b on the agents' expected utilities, objective (7) (section 4)",
    directMechanism: 'a direct mechanism over {good,bad}^N x {good,bad}^N (section 3.1)',
    symmetrization: 'Gamma-hat, the uniform average of Gamma_pi over the N! permutations of the objects (Proposition 1, section 3.4)',
    symmetric: 'a symmetric direct mechanism (Definition 1, section 3.4)',
    slic: 'the mechanism is SLIC (Definition 2, section 4.2.1)',
    construction20: 'the construction (20) in the proof of Proposition 4 (appendix)',
    thresholdMechanism: 'the alpha-optimal threshold mechanism (Theorem 1, section 4.2.3)',
    transfers: "the transfers of Theorem 1 (section 4.2.3, 'Calculation of the transfers to agents')",
    claim1Range: 'Claim 1 is stated for every q in [0, 1] (appendix, proof of Lemma 1)',
    monotonicity: 'the mechanism is monotone (Definition 3)',
  },
};
