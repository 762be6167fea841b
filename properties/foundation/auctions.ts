/**
 * Reference mechanisms: the second-price auction is DSIC; the first-price
 * auction is not (a deliberately non-IC mechanism the checkers must refute).
 * Values on a small integer grid, independent uniform priors.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { dominantStrategyIC } from '../../src/concepts/incentiveCompatibility.ts';
import { firstPriceAuction, secondPriceAuction, singleObjectEnvironment } from '../../src/mechanisms/auctions.ts';
import { FOUNDATION } from './common.ts';

/** value grids: bidders x types, each a sorted list of distinct integers in [0, 6] */
const gridsArb = () =>
  fc.array(
    fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }).map((v) => [...v].sort((a, b) => a - b)),
    { minLength: 1, maxLength: 3 },
  );

export const secondPriceDSIC = propertyEntry({
  id: 'foundation.auction.secondPrice.dsic',
  title: 'The second-price auction is dominant-strategy IC',
  source: FOUNDATION('Vickrey (1961); VCG for one object'),
  kind: 'sanity',
  hypotheses: [
    '[singleObject] one object',
    '[privateValues] private values',
    '[secondPricePayment] highest bid wins (ties: lowest index), pays the highest other bid',
  ],
  scope: ['values and bids on a finite grid'],
  conclusion: 'no bidder gains by misreporting whatever the others bid',
  expected: 'holds',
  runs: 100,
  arbitrary: gridsArb,
  check: (values, ctx) => {
    const env = singleObjectEnvironment(values);
    const r = dominantStrategyIC(env, secondPriceAuction(env, values), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
  },
  metrics: { worstGain: 'max' },
  mutant: {
    description: 'the winner pays its own bid (a first-price auction)',
    check: (values, ctx) => {
      const env = singleObjectEnvironment(values);
      const r = dominantStrategyIC(env, firstPriceAuction(env, values), { tolerance: ctx.tolerance });
      return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
    },
  },
});

export const firstPriceNotDSIC = propertyEntry({
  id: 'foundation.auction.firstPrice.dsic.withoutSecondPricePayment',
  aliases: ['foundation.auction.firstPrice.dsic'],
  drops: 'secondPricePayment',
  title: 'The first-price auction is dominant-strategy IC (false)',
  source: FOUNDATION('first-price auction, a deliberately non-IC mechanism'),
  kind: 'relaxation',
  relaxes: 'the second-price payment rule (the winner pays its own bid instead)',
  hypotheses: ['[singleObject] one object', '[privateValues] private values'],
  scope: ['values and bids on a finite grid', 'the first-price rule: highest bid wins, pays its bid'],
  conclusion: 'no bidder gains by misreporting whatever the others bid',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 100,
  arbitrary: gridsArb,
  check: (values, ctx) => {
    const env = singleObjectEnvironment(values);
    const r = dominantStrategyIC(env, firstPriceAuction(env, values), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
  },
  metrics: { worstGain: 'max' },
});
