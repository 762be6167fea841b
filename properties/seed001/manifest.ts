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
    boundedValues: 'payoffs 0 <= v_i(c, theta, t_i) <= M (the model, before Definition 1)',
    decomposition:
      'an information decomposition D = ((A_i, f_i), Q) of P (Definition 2); with T_i = X_i x Y_i, D = ((X_i, p_X_i), P1) (section 4.1)',
    productPrior: 'P = P1 x P2 with P1 in Delta(Theta x X), P2 in Delta(Y), full support (section 4.1)',
    payoffTypesIndependent:
      "payoff types independent across agents, P2 = prod_i P2_i (mechcheck's correction of the claim of section 4.1, which allows any P2)",
    efficientOutcome: 'q (or xi(pi)) is outcome efficient for the expected values (Definition 1)',
    gvcgTransfers: 'the generalized VCG: eta_i the Clarke transfer at the posterior pi, alpha_i^q its expectation (Definition 4, Lemma B)',
    lemmaABounds: 'g_i : C x Theta -> [0, M] (Lemmas A and B)',
    posteriors: "posteriors pi, pi' in Delta(Theta), distances in the 1-norm (Lemmas A and B)",
    informationalSize: 'the informational size nu_i of Definition 3: distances in the 1-norm, I_eps = {a_-i : distance > eps} (strict)',
    conditionallyIndependentSignals: 'signals conditionally independent given the state (the example of section 2)',
    example2: 'the example of section 2: 3 agents, two equally likely states, signals of accuracy rho > 1/2 (section 2)',
    twoStageGame:
      'the two-stage game of Theorem B: signal reports, the posted posterior, a second-stage mechanism on it, others truthful (Definitions 5 and 6)',
    lemmasAToC: 'Lemmas A-C, which the proof of Theorem B uses (section 7)',
    sphericalNormalisation: 'the rewards are normalised by ||Q(. | a_i)||_2 (the spherical scoring rule of Lemma C)',
  },
};
