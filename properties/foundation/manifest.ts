/**
 * The foundation module's manifest: the textbook mechanisms every paper
 * builds on (VCG, the generalized VCG of seed 001, the second-price auction),
 * checked on their own. See src/catalogue/manifest.ts for the contract.
 */
import type { PaperManifest } from '../../src/catalogue/manifest.ts';

export const manifest: PaperManifest = {
  paper: 'foundation',
  title: 'VCG, the generalized VCG and the second-price auction, checked on their own',
  references: [
    {
      key: 'V61',
      authors: ['William Vickrey'],
      title: 'Counterspeculation, auctions, and competitive sealed tenders',
      year: 1961,
      venue: 'Journal of Finance 16(1), 8-37',
    },
    { key: 'C71', authors: ['Edward H. Clarke'], title: 'Multipart pricing of public goods', year: 1971, venue: 'Public Choice 11, 17-33' },
    { key: 'G73', authors: ['Theodore Groves'], title: 'Incentives in teams', year: 1973, venue: 'Econometrica 41(4), 617-631' },
  ],
  hypotheses: {
    quasilinear: 'quasilinear utilities: value of the outcome plus the transfer received',
    privateValues: "pure private values: an agent's value depends on its own type only",
    rewards: 'the rewards z_i that augment the GVCG (McLean and Postlewaite, Theorem A), with informationally small agents',
    finiteOutcomes: 'a finite set of outcomes',
    nonnegativeValues: 'values are nonnegative: v_i >= 0',
    efficientClarke: 'the efficient outcome rule with Clarke pivot transfers (Clarke 1971; Groves 1973)',
    singleObject: 'one indivisible object sold by a sealed-bid auction (Vickrey 1961)',
    fullSupport: 'the prior P has full support on Theta x T (McLean and Postlewaite, section 2)',
    boundedValues: 'values v_i(c, theta, t_i) in [0, M] (McLean and Postlewaite, section 2)',
    interdependentValues: "interdependent values: v_i depends on the state theta as well as on i's own type",
    gvcg: 'the generalized VCG: q outcome efficient for the expected values vhat, transfers alpha_i^q (McLean and Postlewaite, section 4)',
    secondPricePayment: 'the winner pays the highest competing bid (the second-price payment rule)',
  },
};
