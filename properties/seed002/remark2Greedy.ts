/**
 * Seed 002_db415cb54f560522.txt, LP (12) and Remark 2 (section 4.2.3): the
 * optimum of LP (12) is obtained by ordering the variables by cost-to-benefit
 * ratio and filling them to their upper bounds until the budget is exhausted.
 *
 * LP (12) is solved through the certified LP layer (javascript-lp-solver
 * cross-checked by HiGHS's dual-certified answer); the greedy runs in floating
 * point with log-space binomial weights. They must reach the same welfare
 * (relative 1e-7) and the greedy point must be feasible.
 */
import fc from 'fast-check';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import {
  evaluateSolution,
  greedySolution,
  prepareProgram,
  programCoefficients,
  thresholdForm,
} from '../../src/mechanisms/bilateralTrade/thresholdProgram.ts';
import { solveProgram12 } from '../../src/mechanisms/bilateralTrade/program12.ts';
import { AGENTS } from '../../src/mechanisms/bilateralTrade/model.ts';
import { alphaArb, alphaFloat, exampleSpec, F, floatParams, paramSpecArb, src, type ParamSpec } from './common.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../src/core/tolerance.ts';

interface In {
  spec: ParamSpec;
  alpha: number;
}

function check(x: In, broken: boolean): PropertyCheck {
  const p = floatParams(x.spec);
  const a = alphaFloat(x.alpha);
  const coef = programCoefficients(F, p);
  const prep = prepareProgram(coef);
  let g = greedySolution(prep, a);
  // mutant: order the variables as if the weights were equal, then evaluate at the true weights
  if (broken) {
    const h = greedySolution(prep, 0.5);
    g = evaluateSolution(coef, a, h.mu, h.fixed);
  }
  const lp = solveProgram12(coef, a);
  const scale = 1 + Math.abs(lp.solution.weightedWelfare);
  const gap = Math.abs(g.weightedWelfare - lp.solution.weightedWelfare) / scale;
  let boundViolation = 0;
  for (const j of AGENTS) {
    for (const m of g.mu[j]) boundViolation = Math.max(boundViolation, -m, m - 1);
    boundViolation = Math.max(boundViolation, -g.fixed[j]);
  }
  const budgetViolation = Math.max(0, -g.budgetSlack) / scale;
  const thresholdShaped = AGENTS.every((j) => thresholdForm(F, g.mu[j], TIE_TOLERANCE).ok);
  const ok = gap <= 1e-7 && boundViolation <= TIE_TOLERANCE && budgetViolation <= DEFAULT_TOLERANCE && thresholdShaped;
  return {
    ok,
    metrics: {
      relativeWelfareGap: gap,
      budgetViolation,
      boundViolation,
      variables: 2 * p.objects + 2,
      thresholdShaped: thresholdShaped ? 1 : 0,
    },
    detail: { greedy: g.weightedWelfare, lp: lp.solution.weightedWelfare, certificate: lp.lp.certificate.method, marginal: g.marginal },
  };
}

export const remark2Greedy = propertyEntry<In>({
  id: 'seed002.remark2.greedyEqualsLP12',
  title: "LP (12) (certified) and Remark 2's greedy construction reach the same optimum",
  source: src('LP (12) and Remark 2', '4.2.3'),
  kind: 'remark',
  hypotheses: ['[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)', '[welfareWeights] weights alpha^s'],
  scope: ['N <= 14', 'alpha^s in {0, 1/20, ..., 1}'],
  conclusion:
    "the greedy point is feasible for LP (12), has Theorem 1's threshold shape (0, then sigma, then 1 in m), and its welfare equals the certified LP optimum (relative 1e-7)",
  expected: 'holds',
  runs: 40,
  arbitrary: () => fc.record({ spec: paramSpecArb(14), alpha: alphaArb }),
  examples: [
    { spec: exampleSpec(3), alpha: 10 },
    { spec: exampleSpec(8), alpha: 13 },
  ],
  check: (x) => check(x, false),
  metrics: { relativeWelfareGap: 'max', thresholdShaped: 'min' },
  mutant: { description: 'greedy that orders the variables as if alpha^s = 1/2 (ignores the weights)', check: (x) => check(x, true) },
});
