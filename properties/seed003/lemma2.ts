/**
 * Lemma 2 of seed 003_9ea1ccbe66e932a9.txt (section 3): under Assumptions 1
 * and 2, g_ij(lambda; s_j) = V_i(lambda 1, s_j) - V^m_ij(lambda, s_j) is
 * non-decreasing in lambda. V^m_ij (the maximum of buyer j's value on buyer i's
 * equivalence class S_i(lambda, s_j)) is computed numerically (levelSetMax, to
 * accuracy 1e-7) at 9 values of lambda; the largest decrease is reported.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { gFunction } from '../../src/mechanisms/personalizedPrices/construction.ts';
import { describeFamily, familyModel, familySpecArb, type FamilySpec } from '../../src/mechanisms/personalizedPrices/valuationFamily.ts';
import { profileArb, r6, src } from './common.ts';

interface Instance {
  spec: FamilySpec;
  s: number[][];
  buyer: number;
}

export const LAMBDAS = Array.from({ length: 9 }, (_, k) => k / 8);
/** numerical slack: the level-set maximum is computed to ~1e-7 per ray; 1e-5 leaves room for the direction search */
export const G_TOLERANCE = 1e-5;

const arb = (assumption2: boolean) => () =>
  familySpecArb({ assumption2 }).chain((spec) =>
    fc.record({ spec: fc.constant(spec), s: profileArb(spec.d), buyer: fc.integer({ min: 0, max: 1 }) }),
  );

function check(x: Instance) {
  const model = familyModel(x.spec);
  const i = x.buyer;
  const j = 1 - i;
  const g = LAMBDAS.map((l) => gFunction(model, i, j, x.s, l, { accuracy: 1e-7 }).g);
  let worst = -Infinity;
  let at: [number, number] = [0, 0];
  for (let a = 0; a < g.length; a++)
    for (let b = a + 1; b < g.length; b++)
      if (g[a] - g[b] > worst) {
        worst = g[a] - g[b];
        at = [LAMBDAS[a], LAMBDAS[b]];
      }
  return {
    ok: worst <= G_TOLERANCE,
    metrics: { largestDecreaseOfG: worst },
    detail: {
      valuations: describeFamily(x.spec),
      buyer: i + 1,
      otherSignal: x.s[j].map(r6),
      g: g.map(r6),
      lambdas: LAMBDAS,
      decreaseBetween: at,
      decrease: r6(worst),
    },
  };
}

export const lemma2 = propertyEntry<Instance>({
  id: 'seed003.lemma2',
  title: 'Lemma 2: g_ij(lambda) = V_i(lambda 1, s_j) - V^m_ij(lambda, s_j) is non-decreasing',
  source: src('Lemma 2', '3'),
  kind: 'lemma',
  hypotheses: [
    '[model] two buyers, one object',
    '[assumption1] Assumption 1 (values non-decreasing and continuous)',
    '[assumption2] Assumption 2 (generalized single crossing)',
  ],
  scope: ['signals in [0,1]^2'],
  conclusion: "g_ij(lambda'; s_j) >= g_ij(lambda; s_j) for lambda' > lambda (9-point lambda grid, numerical tolerance 1e-5)",
  expected: 'holds',
  runs: 30,
  arbitrary: arb(true),
  check,
  metrics: { largestDecreaseOfG: 'max' },
  describe: (x) => ({ valuations: describeFamily(x.spec), s: x.s, buyer: x.buyer + 1 }),
  mutant: { description: 'valuations violating Assumption 2 (cross weights unrestricted)', check, arbitrary: arb(false) },
});
