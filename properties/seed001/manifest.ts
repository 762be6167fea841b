/**
 * Seed 001's manifest: McLean and Postlewaite's dynamic non-direct
 * implementation. See src/catalogue/manifest.ts for the contract.
 */
import type { PaperManifest } from '../../src/catalogue/manifest.ts';

export const manifest: PaperManifest = {
  paper: 'seed001',
  title: 'A dynamic non-direct implementation mechanism for interdependent value problems',
  references: [
    {
      key: 'seed001',
      authors: ['Richard P. McLean', 'Andrew Postlewaite'],
      title: 'A Dynamic Non-direct Implementation Mechanism for Interdependent Value Problems, Second Version',
      year: 2015,
      venue: 'working paper, PIER Working Paper 15-023, Penn Institute for Economic Research, University of Pennsylvania',
      url: 'http://ssrn.com/abstract=2624627',
      seedFile: '001_e592948973ecc068.txt',
      note: 'June 2015; the PIER cover page gives the series number and the SSRN address.',
    },
  ],
  hypotheses: {
    finiteTypes: 'finite type sets with a full-support prior P',
    informationalSmallness: "agents are informationally small (Definition 3): each one's information moves the posterior little",
    positiveVariability: "Lambda_i^Q > 0: agent i's beliefs about the others depend on its own signal (Theorem B (a))",
    rewards: 'the mechanism pays the rewards (z_i in Theorem A, the reward system zeta_i in Theorem B)',
    sphericalNormalisation: 'the rewards are normalised by ||Q(. | a_i)||_2 (the spherical scoring rule of Lemma C)',
  },
};
