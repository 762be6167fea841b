/**
 * Theorem 1 of seed 003_9ea1ccbe66e932a9.txt (section 3), two buyers: the
 * prices t* of (8) (computed by the construction: equivalence classes,
 * V^m_ij, g_ij, lambda*_ij) are admissible; the mechanism (h*, t*) is ex post IC
 * and non-trivial; a buyer who gets the object has the highest value.
 * Admissibility, IC (foundation exPostIC) and the winner's value on a 4-point
 * grid per dimension; non-triviality by sampling 300 profiles (Clopper-Pearson
 * bounds) when Assumption 3 holds (checked by sampling). The sampled profiles use
 * t* in its single-maximisation form (theorem1PriceDirect, 50x faster), which
 * entry seed003.theorem1.directForm checks against the literal construction.
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { theorem1PriceDirect, theorem1Prices, type ConstructionOptions } from '../../src/mechanisms/personalizedPrices/construction.ts';
import { checkOnGrid, profilesOnGrid } from '../../src/mechanisms/personalizedPrices/grid.ts';
import { implementingRule, memoPrices } from '../../src/mechanisms/personalizedPrices/model.ts';
import { outcomeShares } from '../../src/mechanisms/personalizedPrices/nonTriviality.ts';
import {
  assumption3BySampling,
  satisfiesAssumption2,
  describeFamily,
  familyModel,
  familySpecArb,
  type FamilySpec,
} from '../../src/mechanisms/personalizedPrices/valuationFamily.ts';
import { r6, src } from './common.ts';
import { DEFAULT_TOLERANCE } from '../../src/core/tolerance.ts';

export const T1_OPTIONS: ConstructionOptions = { accuracy: 1e-5, directions: 6 };
/** admissibility is checked up to 10x the construction's accuracy (prices are numerical) */
export const ADMISSIBILITY_TOLERANCE = 1e-4;

export function theorem1Check(spec: FamilySpec, seed: number, tolerance: number, o: ConstructionOptions, grid = 4) {
  const model = familyModel(spec);
  const prices = theorem1Prices(model, o);
  const g = checkOnGrid(model, prices, grid, tolerance);
  // a winner has the highest value
  let winnerShortfall = -Infinity;
  let shortfallAt: number[][] | null = null;
  for (const s of profilesOnGrid(model.dims, grid)) {
    const w = implementingRule(model, prices, s);
    if (w === 0) continue;
    const v = model.dims.map((_, i) => model.value(i, s));
    const short = Math.max(...v.filter((_, i) => i !== w - 1)) - v[w - 1];
    if (short > winnerShortfall) {
      winnerShortfall = short;
      shortfallAt = s.map((x) => [...x]);
    }
  }
  const a3 = assumption3BySampling(model, 300, seed);
  const fast = memoPrices({ price: (i, s) => theorem1PriceDirect(model, i, s, { accuracy: 1e-5, directions: 6 }).price });
  const sh = a3.holds
    ? outcomeShares(model.dims, model.dims.length + 1, (s) => implementingRule(model, fast, s), { samples: 300, seed, delta: 1e-3 })
    : null;
  const err = prices.maxError();
  const ok =
    g.admissibilityViolation <= ADMISSIBILITY_TOLERANCE &&
    g.exPostIC.holds &&
    winnerShortfall <= ADMISSIBILITY_TOLERANCE &&
    (sh === null || sh.nonTrivial);
  return {
    ok,
    metrics: {
      largestSecondExcess: g.admissibilityViolation,
      largestGainFromLying: g.exPostIC.worst,
      largestWinnerShortfall: Number.isFinite(winnerShortfall) ? winnerShortfall : 0,
      priceRootError: err.root,
      priceRayError: err.ray,
      directionRefinementGain: err.refinement,
      ...(sh ? { smallestWinningShare: Math.min(...sh.shares.slice(1)), outcomesWithPositiveMeasure: sh.outcomesWithPositiveMeasure } : {}),
    },
    detail: {
      valuations: describeFamily(spec),
      firstAdmissibilityViolation: g.firstViolation,
      exPostICWitness: g.exPostIC.holds ? null : g.witness,
      winnerShortfall: r6(winnerShortfall),
      winnerShortfallAt: shortfallAt,
      assumption3: a3,
      sampledShares: sh && { shares: sh.shares, lower: sh.lower.map(r6) },
      gridShares: g.shares,
    },
  };
}

export const theorem1 = propertyEntry<FamilySpec>({
  id: 'seed003.theorem1',
  title: 'Theorem 1: t* is admissible; (h*, t*) is ex post IC and non-trivial; a winner has the highest value',
  source: src('Theorem 1', '3'),
  kind: 'theorem',
  hypotheses: [
    '[model] two buyers, one object',
    '[assumption1] Assumption 1',
    '[assumption2] Assumption 2',
    '[assumption3] Assumption 3 for non-triviality (checked by sampling; when it fails only non-triviality is skipped)',
  ],
  scope: ['signals in [0,1]^2', 'valuations from the generated family satisfying Assumptions 1-2'],
  conclusion:
    "condition (3) for t* on the 4^4 grid (tolerance 1e-4 for prices computed to 1e-5), ex post IC there (foundation exPostIC), the winner's value is the highest, and two outcomes have positive sampled lower bounds",
  expected: 'holds',
  runs: 10,
  health: {
    minChecked: 10,
    why: 'each instance builds the prices t* of (10) by level-set searches over a grid of profiles (about 0.3 s of CPU per instance); the sweep runs it at --runs 300',
  },
  arbitrary: () => familySpecArb({}),
  check: (spec, ctx) => theorem1Check(spec, ctx.seed, ctx.tolerance, T1_OPTIONS),
  metrics: {
    largestSecondExcess: 'max',
    largestGainFromLying: 'max',
    largestWinnerShortfall: 'max',
    priceRootError: 'max',
    priceRayError: 'max',
    directionRefinementGain: 'max',
    smallestWinningShare: 'min',
  },
  describe: (spec) => ({ valuations: describeFamily(spec), spec }),
  mutant: {
    description: "V^m_ij replaced by buyer j's value at the single point lambda 1 of the class (no maximisation over the class)",
    check: (spec, ctx) => theorem1Check(spec, ctx.seed, ctx.tolerance, { ...T1_OPTIONS, classMaximum: 'diagonalPoint' }),
  },
});

export const theorem1WithoutAssumption2 = propertyEntry<FamilySpec>({
  id: 'seed003.theorem1.withoutAssumption2',
  drops: 'assumption2',
  title: 'Theorem 1 without Assumption 2: the constructed prices t* are admissible (false)',
  source: src('Theorem 1, Assumption 2', '3'),
  kind: 'relaxation',
  relaxes: '[assumption2] Assumption 2 (generalized single crossing)',
  hypotheses: ['[model] two buyers, one object', '[assumption1] Assumption 1'],
  scope: ['signals in [0,1]^2', 'cross weights and exponents unrestricted (Assumption 2 may fail)'],
  conclusion: 'condition (3) for t* (computed as defined: lambda* by the three cases, the largest root) on the 3^4 grid',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 100,
  arbitrary: () => familySpecArb({ assumption2: false }),
  check: (spec) => {
    const model = familyModel(spec);
    const prices = theorem1Prices(model, { accuracy: 1e-4, directions: 5 });
    const g = checkOnGrid(model, prices, 3, DEFAULT_TOLERANCE);
    return {
      ok: g.admissibilityViolation <= ADMISSIBILITY_TOLERANCE,
      metrics: { largestSecondExcess: g.admissibilityViolation },
      detail: { valuations: describeFamily(spec), assumption2: satisfiesAssumption2(spec), firstAdmissibilityViolation: g.firstViolation },
    };
  },
  metrics: { largestSecondExcess: 'max' },
  describe: (spec) => ({ valuations: describeFamily(spec), spec }),
  notes: [
    'Without Assumption 2, g_ij need not be monotone (see the mutant of seed003.lemma2). Typical failure: g(0) > 0, so the definition sets lambda* = 0^- and buyer i wins at every signal, although g dips below 0 in between; the other buyer can then win too.',
    'Other conclusions of Theorem 1 fail as well without Assumption 2: e.g. V_1 = 2 s_22, V_2 = s_12 + s_21 + s_22 gives a trivial mechanism in which buyer 2 wins with a lower value than buyer 1.',
  ],
});
