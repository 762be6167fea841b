/**
 * Theorem 1 for n buyers (seed 003_9ea1ccbe66e932a9.txt, section 3.1): with
 * t*_i(s_-i) = max_{j != i} V^m_ij(lambda*_ij(s_-i), s_-i) (10), at most one
 * buyer's value exceeds his price, the winner has the highest value, and no
 * buyer gains by misreporting. Three buyers with 2-dimensional signals;
 * profiles and misreports searched by fast-check.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { theorem1PriceDirect, theorem1Prices, type ConstructionOptions } from '../../src/mechanisms/personalizedPrices/construction.ts';
import { outcomeShares } from '../../src/mechanisms/personalizedPrices/nonTriviality.ts';
import { admissibleAt, implementingRule, memoPrices, misreportGain } from '../../src/mechanisms/personalizedPrices/model.ts';
import {
  assumption3BySampling,
  describeFamily,
  familyModel,
  familySpecArb,
  type FamilySpec,
} from '../../src/mechanisms/personalizedPrices/valuationFamily.ts';
import { profileArb, r6, signalArb, src } from './common.ts';
import { ADMISSIBILITY_TOLERANCE } from './theorem1.ts';

interface Instance {
  spec: FamilySpec;
  profiles: { s: number[][]; buyer: number; lie: number[] }[];
}

const OPTIONS: ConstructionOptions = { accuracy: 1e-5, directions: 5 };
/** The smallest sampled share of Assumption 3's region that the non-triviality check (200 sampled profiles) can see. */
const DETECTABLE_SHARE = 0.05;

const arb = () =>
  familySpecArb({ n: 3 }).chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      profiles: fc.array(fc.record({ s: profileArb(spec.d), buyer: fc.integer({ min: 0, max: 2 }), lie: signalArb(2) }), {
        minLength: 3,
        maxLength: 3,
      }),
    }),
  );

function check(x: Instance, tolerance: number, o: ConstructionOptions, seed: number) {
  const model = familyModel(x.spec);
  const prices = theorem1Prices(model, o);
  let second = -Infinity;
  let gain = -Infinity;
  let shortfall = -Infinity;
  const rows = [];
  for (const p of x.profiles) {
    const a = admissibleAt(model, prices, p.s);
    second = Math.max(second, a.violation);
    const g = misreportGain(model, prices, p.buyer, p.s, p.lie);
    gain = Math.max(gain, g);
    const w = implementingRule(model, prices, p.s);
    if (w > 0) shortfall = Math.max(shortfall, Math.max(...a.values.filter((_, i) => i !== w - 1)) - a.values[w - 1]);
    rows.push({
      s: p.s.map((v) => v.map(r6)),
      values: a.values.map(r6),
      prices: a.prices.map(r6),
      winner: w,
      liar: p.buyer + 1,
      lie: p.lie.map(r6),
      gain: r6(g),
    });
  }
  const err = prices.maxError();
  // non-triviality when Assumption 3 holds for two distinct buyers (section 3.1), by sampling (t* in its single-maximisation form)
  const a3 = assumption3BySampling(model, 300, seed);
  // a buyer counts when it is strictly highest on a sampled share of at least DETECTABLE_SHARE: the outcome
  // sampler below (200 profiles) misses a region of that measure with probability (1 - 0.05)^200 < 4e-5, while a
  // region seen once in 300 samples (found by the sweep: seed 14, --runs 300, a share of 1/300) is invisible to it
  const a3Buyers = a3.strictlyHighestShare.filter((x) => x >= DETECTABLE_SHARE).length;
  const fast = memoPrices({ price: (i, s) => theorem1PriceDirect(model, i, s, { accuracy: 1e-5, directions: 6 }).price });
  const sh =
    a3Buyers >= 2 && o.classMaximum !== 'diagonalPoint'
      ? outcomeShares(model.dims, 4, (s) => implementingRule(model, fast, s), { samples: 200, seed, delta: 1e-3 })
      : null;
  return {
    ok: second <= ADMISSIBILITY_TOLERANCE && gain <= tolerance && shortfall <= ADMISSIBILITY_TOLERANCE && (sh === null || sh.nonTrivial),
    metrics: {
      largestSecondExcess: second,
      largestGainFromLying: gain,
      largestWinnerShortfall: Number.isFinite(shortfall) ? shortfall : 0,
      priceRootError: err.root,
      ...(sh ? { outcomesWithPositiveMeasure: sh.outcomesWithPositiveMeasure } : {}),
    },
    detail: {
      valuations: describeFamily(x.spec),
      profiles: rows,
      assumption3: a3,
      sampledShares: sh && { shares: sh.shares, lower: sh.lower },
    },
  };
}

export const theorem1NBuyers = propertyEntry<Instance>({
  id: 'seed003.theorem1.nBuyers',
  title: 'Theorem 1 for n buyers (section 3.1): t* of (10) is admissible, the winner has the highest value, no profitable misreport',
  source: src('Theorem 1 (n buyers), (10)', '3.1'),
  kind: 'theorem',
  hypotheses: ['[manyBuyers] three buyers', '[assumption1] Assumption 1', '[assumption2] Assumption 2 for every pair'],
  scope: ['three buyers, signals in [0,1]^2', 'valuations from the generated family satisfying Assumptions 1-2'],
  conclusion:
    "condition (3) for t* (tolerance 1e-4, prices computed to 1e-5), the winner's value is the highest, no buyer gains by misreporting (searched profiles and lies), and, when Assumption 3 holds for two buyers (sampled, each strictly highest on at least 5% of the profiles), two outcomes have positive sampled lower bounds (200 profiles)",
  expected: 'holds',
  runs: 8,
  health: {
    minChecked: 8,
    why: 'each instance builds t* for three buyers by level-set searches and samples outcome shares (about 0.5 s of CPU per instance); seed003.theorem1 checks the two-buyer construction on more instances',
  },
  arbitrary: arb,
  check: (x, ctx) => check(x, ctx.tolerance, OPTIONS, ctx.seed),
  metrics: {
    largestSecondExcess: 'max',
    largestGainFromLying: 'max',
    largestWinnerShortfall: 'max',
    priceRootError: 'max',
    outcomesWithPositiveMeasure: 'min',
  },
  describe: (x) => ({ valuations: describeFamily(x.spec), profiles: x.profiles }),
  mutant: {
    description: "V^m_ij replaced by buyer j's value at the single point lambda 1 of the class",
    check: (x, ctx) => check(x, ctx.tolerance, { ...OPTIONS, classMaximum: 'diagonalPoint' }, ctx.seed),
  },
});
