/**
 * Lemma 1 of seed 003_9ea1ccbe66e932a9.txt (section 2): a rule that implements
 * admissible personalized prices (rule (4), condition (3)) is ex post IC.
 * Valuations: the generated family satisfying Assumptions 1-2; admissible prices:
 * Theorem 1's t* (single-maximisation form) plus eps_i(s_-i) >= 0. Misreports in
 * the continuum are searched by fast-check (fractions that shrink, and doubles);
 * the same instance is also checked on a 3-point grid with the foundation's exPostIC.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { theorem1PriceDirect } from '../../src/mechanisms/personalizedPrices/construction.ts';
import { checkOnGrid } from '../../src/mechanisms/personalizedPrices/grid.ts';
import {
  admissibleAt,
  misreportGain,
  withSignal,
  type PersonalizedPrices,
  type ValuationModel,
} from '../../src/mechanisms/personalizedPrices/model.ts';
import { describeFamily, familyModel, familySpecArb, type FamilySpec } from '../../src/mechanisms/personalizedPrices/valuationFamily.ts';
import { profileArb, r6, signalArb, src } from './common.ts';

interface Instance {
  spec: FamilySpec;
  /** eps_i(s_-i) = (e0 + e1 * sum of s_-i) / 8 */
  eps: number[][];
  s: number[][];
  buyer: number;
  lie: number[];
}

const instanceArb = () =>
  familySpecArb({ maxD: 2 }).chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      eps: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map((t) => [...t]),
        { minLength: spec.d.length, maxLength: spec.d.length },
      ),
      s: profileArb(spec.d),
      buyer: fc.integer({ min: 0, max: spec.d.length - 1 }),
      lie: signalArb(2),
    }),
  );

const ACCURACY = 1e-6;

function admissiblePrices(model: ValuationModel, eps: number[][]): PersonalizedPrices {
  return {
    name: 't* + eps',
    price: (i, s) => {
      const sumOthers = s.reduce((a, x, j) => (j === i ? a : a + x.reduce((u, v) => u + v, 0)), 0);
      return theorem1PriceDirect(model, i, s, { accuracy: ACCURACY, directions: 6 }).price + (eps[i][0] + eps[i][1] * sumOthers) / 8;
    },
  };
}

/** The winner pays the others' highest value at the reported profile: a price that depends on his own report. */
function ownReportPrices(model: ValuationModel): PersonalizedPrices {
  return {
    name: 'max_j V_j(reports)',
    dependsOnOwnSignal: true,
    price: (i, s) => Math.max(...model.dims.flatMap((_, j) => (j === i ? [] : [model.value(j, s)]))),
  };
}

function check(x: Instance, tolerance: number, prices: (m: ValuationModel) => PersonalizedPrices) {
  const model = familyModel(x.spec);
  const t = prices(model);
  const lie = x.lie.slice(0, x.spec.d[x.buyer]);
  const report = withSignal(x.s, x.buyer, lie);
  // numerical t* is computed to ACCURACY: admissibility within that
  const admTol = 100 * ACCURACY;
  const admTruth = admissibleAt(model, t, x.s, admTol);
  const admReport = admissibleAt(model, t, report, admTol);
  const gain = misreportGain(model, t, x.buyer, x.s, lie);
  const grid = checkOnGrid(model, t, 3, tolerance);
  const ok = admTruth.ok && admReport.ok && gain <= tolerance && grid.exPostIC.holds && grid.admissibilityViolation <= admTol;
  return {
    ok,
    metrics: {
      largestGainFromLying: Math.max(gain, grid.exPostIC.worst),
      largestSecondExcess: Math.max(admTruth.violation, admReport.violation, grid.admissibilityViolation),
    },
    detail: {
      valuations: describeFamily(x.spec),
      prices: t.name,
      buyer: x.buyer + 1,
      truth: x.s.map((si) => si.map(r6)),
      lie: lie.map(r6),
      gainFromLie: r6(gain),
      gridExPostIC: { holds: grid.exPostIC.holds, worstGain: r6(grid.exPostIC.worst), witness: grid.witness },
      admissibleAtTruth: admTruth.ok,
    },
  };
}

export const lemma1 = propertyEntry<Instance>({
  id: 'seed003.lemma1',
  title: 'Lemma 1: the rule implementing admissible personalized prices is ex post IC',
  source: src('Lemma 1', '2'),
  kind: 'lemma',
  hypotheses: [
    '[model] two buyers, one object',
    '[assumption1] Assumption 1',
    '[assumption2] Assumption 2',
    '[admissibility] admissible prices t*_i(s_-i) + eps_i(s_-i), eps_i >= 0 (condition (3))',
    '[rule4] rule (4): the buyer whose value exceeds his price gets the object and pays it',
  ],
  scope: ['signals in [0,1]^2', 'valuations from the generated family satisfying Assumptions 1-2'],
  conclusion:
    'no buyer gains by misreporting his signal when the other reports truthfully (condition (1)), in the continuum (fast-check) and on a 3-point grid (foundation exPostIC)',
  expected: 'holds',
  runs: 30,
  arbitrary: instanceArb,
  check: (x, ctx) => check(x, ctx.tolerance, (m) => admissiblePrices(m, x.eps)),
  metrics: { largestGainFromLying: 'max', largestSecondExcess: 'max' },
  describe: (x) => ({ valuations: describeFamily(x.spec), eps: x.eps, s: x.s, buyer: x.buyer + 1, lie: x.lie }),
  mutant: {
    description: "the winner pays the other buyers' highest value at the reported profile (a price that depends on his own report)",
    check: (x, ctx) => check(x, ctx.tolerance, ownReportPrices),
  },
});
