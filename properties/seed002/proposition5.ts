/**
 * Seed 002_db415cb54f560522.txt, Proposition 5 (section 4, "Monopoly and
 * consumer surplus"): at alpha^j = 0, agent j's ex ante utility is strictly
 * positive in every second-best mechanism iff
 *   N >= q^j/(1 - q^j) * Delta^j / (v_h^b - v_l^s - Delta^j).
 *
 * Checked on LP (12) (certified, HiGHS) at alpha^j = 0: the smallest utility of
 * j over the optimal face (welfare >= optimum - 1e-10 (1 + |optimum|)) is
 * positive (> 1e-7) iff the condition holds.
 *
 * As stated (with >=) it fails at equality: with the example's valuations
 * (Delta = 11, v_h^b - v_l^s - Delta = 1, q = 1/2) and N = 11, mu_{N-1}^j costs
 * exactly 0 (b_{N-1}^j = 0), so an optimal mechanism gives j nothing. With a
 * strict inequality it holds. The proof's last line also misprints q^b for q^j
 * (the mutant uses that misprint).
 */
import fc from 'fast-check';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { programCoefficients } from '../../src/mechanisms/bilateralTrade/thresholdProgram.ts';
import { solveProgram12 } from '../../src/mechanisms/bilateralTrade/program12.ts';
import { badGoodSurplus, valuationGap, type Agent } from '../../src/mechanisms/bilateralTrade/model.ts';
import { E, exactParams, exampleSpec, F, floatParams, paramSpecArb, src, type ParamSpec } from './common.ts';

interface In {
  spec: ParamSpec;
  agent: Agent;
}

/** The smallest utility of j over the alpha-optimal face of LP (12) at alpha^j = 0. */
export function smallestUtilityAtZeroWeight(spec: ParamSpec, j: Agent): number {
  const p = floatParams(spec);
  const coef = programCoefficients(F, p);
  const alphaSeller = j === 'seller' ? 0 : 1;
  const opt = solveProgram12(coef, alphaSeller, { backend: 'highs' });
  const rival: Agent = j === 'seller' ? 'buyer' : 'seller';
  const best = opt.solution.utilities[rival];
  const face = solveProgram12(coef, alphaSeller, {
    backend: 'highs',
    objective: { minimiseUtilityOf: j },
    extraRows: (b, idx) => {
      const terms: [number, number][] = [
        [idx[rival].c, 1],
        ...coef.agents[rival].rent.map((r, m) => [idx[rival].mu[m], r] as [number, number]),
      ];
      b.ge(terms, best - 1e-10 * (1 + Math.abs(best)), 'alpha-optimal');
    },
  });
  return face.solution.utilities[j];
}

/** The bound q^j/(1-q^j) Delta^j/(v_h^b - v_l^s - Delta^j), exactly; `misprint` uses q^b for every j. */
function bound(spec: ParamSpec, j: Agent, misprint = false) {
  const p = exactParams(spec);
  const q = misprint ? p.qBuyer : j === 'seller' ? p.qSeller : p.qBuyer;
  return E.mul(E.div(q, E.sub(E.one, q)), E.div(valuationGap(E, p, j), badGoodSurplus(E, p, j)));
}

function check(x: In, strict: boolean, misprint = false): PropertyCheck {
  const u = smallestUtilityAtZeroWeight(x.spec, x.agent);
  const b = bound(x.spec, x.agent, misprint);
  const c = E.cmp(E.of(x.spec.N), b);
  const condition = strict ? c > 0 : c >= 0;
  const positive = u > 1e-7;
  return {
    ok: condition === positive,
    metrics: { smallestUtilityOnOptimalFace: u, boundMinusN: b.valueOf() - x.spec.N },
    detail: { N: x.spec.N, bound: E.show(b), condition, smallestUtility: u },
  };
}

const arb = () =>
  fc.record({
    spec: paramSpecArb(10, {
      maxD: 6,
      q: [
        [1, 2],
        [1, 3],
        [2, 3],
        [2, 5],
        [3, 5],
      ],
    }),
    agent: fc.constantFrom<Agent>('seller', 'buyer'),
  });

export const proposition5 = propertyEntry<In>({
  id: 'seed002.proposition5',
  title: 'Proposition 5 with a strict inequality: positive utility at alpha^j = 0 iff N > q^j/(1-q^j) Delta^j/(v_h^b - v_l^s - Delta^j)',
  source: src('Proposition 5 (strict inequality)', '4'),
  kind: 'proposition',
  hypotheses: ['[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0', '[welfareWeights] alpha^j = 0'],
  scope: ['q in {1/3, 2/5, 1/2, 3/5, 2/3}', 'N <= 11'],
  conclusion:
    "j's ex ante utility is positive in every optimal mechanism (LP (12) optimal face) iff N > q^j/(1-q^j) Delta^j/(v_h^b - v_l^s - Delta^j)",
  expected: 'holds',
  runs: 40,
  arbitrary: arb,
  examples: [
    { spec: exampleSpec(11), agent: 'seller' },
    { spec: exampleSpec(12), agent: 'buyer' },
  ],
  check: (x) => check(x, true),
  metrics: { smallestUtilityOnOptimalFace: 'min' },
  mutant: { description: "the proof's last line: q^b in place of q^j for both agents", check: (x) => check(x, true, true) },
});

export const proposition5AsStated = propertyEntry<In>({
  id: 'seed002.proposition5.asStated',
  title: 'Proposition 5 as stated (N >= bound): fails at equality',
  source: src('Proposition 5', '4'),
  kind: 'proposition',
  hypotheses: ['[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)', '[welfareWeights] alpha^j = 0'],
  conclusion:
    "j's ex ante utility is strictly positive in every second-best mechanism iff N >= q^j/(1-q^j) Delta^j/(v_h^b - v_l^s - Delta^j)",
  expected: 'refuted',
  refutation: 'erratum',
  runs: 20,
  arbitrary: arb,
  examples: [{ spec: exampleSpec(11), agent: 'seller' }],
  check: (x) => check(x, false),
  notes: [
    "At equality (the example's valuations, q = 1/2, N = 11: bound 1 * 11/1 = 11) the cost b_{N-1}^j is exactly 0: mu_{N-1}^j = 0 is optimal at alpha^j = 0 and j gets nothing. The condition must be strict.",
  ],
});
