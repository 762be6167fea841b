/**
 * Example 1 of seed 003_9ea1ccbe66e932a9.txt (section 2), the continuum of
 * mechanisms: prices t'_i = p_j + c_j^2 + eps_i(p_j, c_j) with eps_i >= 0 stay
 * admissible, and the rule implementing them is ex post IC. fast-check searches
 * signals and misreports in the continuum (fractions that shrink, doubles).
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { example1Model, example1Prices } from '../../src/mechanisms/personalizedPrices/example1.ts';
import { admissibleAt, misreportGain } from '../../src/mechanisms/personalizedPrices/model.ts';
import { profileArb, r6, signalArb, src } from './common.ts';
import { TIE_TOLERANCE } from '../../src/core/tolerance.ts';

interface Instance {
  /** eps_i(p_j, c_j) = (e0 + e1 p_j + e2 c_j + e3 p_j c_j) / 8 per buyer */
  eps: number[][];
  s: number[][];
  buyer: number;
  lie: number[];
}

const arb = (min: number) => () =>
  fc.record({
    eps: fc.array(fc.array(fc.integer({ min, max: 4 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 2 }),
    s: profileArb([2, 2]),
    buyer: fc.integer({ min: 0, max: 1 }),
    lie: signalArb(2),
  });

const eps = (e: number[][]) => (i: number, sj: readonly number[]) =>
  (e[i][0] + e[i][1] * sj[0] + e[i][2] * sj[1] + e[i][3] * sj[0] * sj[1]) / 8;

function check(x: Instance, tol: number) {
  const prices = example1Prices(1, eps(x.eps));
  const adm = admissibleAt(example1Model, prices, x.s, TIE_TOLERANCE);
  const gain = misreportGain(example1Model, prices, x.buyer, x.s, x.lie);
  return {
    ok: adm.ok && gain <= tol,
    metrics: { largestSecondExcess: adm.violation, largestGainFromLying: gain },
    detail: {
      s: x.s.map((v) => v.map(r6)),
      values: adm.values.map(r6),
      prices: adm.prices.map(r6),
      buyer: x.buyer + 1,
      lie: x.lie.map(r6),
      gainFromLie: r6(gain),
    },
  };
}

export const example1EpsilonFamily = propertyEntry<Instance>({
  id: 'seed003.example1.epsilonFamily',
  title: 'Example 1: prices p_j + c_j^2 + eps_i(p_j, c_j), eps_i >= 0, stay admissible and ex post IC',
  source: src("Example 1 (the continuum of mechanisms t'_i)", '2'),
  kind: 'example',
  hypotheses: [
    '[example1] V_i = p_i + c_i c_j on [0,1]^2',
    '[admissibility] t_i = p_j + c_j^2 + eps_i(p_j, c_j), eps_i >= 0',
    '[rule4] rule (4)',
  ],
  scope: ['eps_i: non-negative small-integer polynomials / 8'],
  conclusion: 'condition (3) at every searched profile and no profitable misreport',
  expected: 'holds',
  runs: 300,
  arbitrary: arb(0),
  check: (x, ctx) => check(x, ctx.tolerance),
  metrics: { largestSecondExcess: 'max', largestGainFromLying: 'max' },
  mutant: {
    description: 'eps_i allowed to be negative (coefficients in -4..4)',
    check: (x, ctx) => check(x, ctx.tolerance),
    arbitrary: arb(-4),
  },
});
