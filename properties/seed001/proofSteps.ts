/**
 * The two inequalities of Part 3 of the proof of Theorem B (seed
 * 001_e592948973ecc068.txt, section 7.2), on small product-structure instances:
 *  (1) the stage-2 gain of a coordinated deviation (first-stage lie r_i, then the
 *      best stage-2 report for each t_-i, and a fortiori the exact beta*_i) is at most 2 n M E[||rho(a_-i, a_i) - rho(a_-i, r_i)||_1 | a_i]
 *      (Lemma B's (2n - 1)M plus M for valuing at the wrong posterior);
 *  (2) E[||rho(a_-i, a_i) - rho(a_-i, r_i)||_1 | a_i] <= 3 nu_i (distances are at
 *      most 2 on a set of mass at most nu_i, at most nu_i elsewhere).
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { productFromSpec, productSpecArb, type ProductSpec } from '../../src/information/decompositionArbitraries.ts';
import { expectedPosteriorDistance, informationalSize } from '../../src/information/informationalSize.ts';
import { TwoStageGame } from '../../src/mechanisms/twoStage/game.ts';
import { src } from './common.ts';

function proofSteps(spec: ProductSpec, tol: number, nuFactor: number) {
  const { structure } = productFromSpec(spec);
  const { P, decomposition: D } = structure;
  const Q = D.Q;
  const n = P.agents;
  const game = new TwoStageGame(P, D, spec.values);
  let worstGainRatio = 0;
  let worstBetaStarRatio = 0;
  let worstNuRatio = 0;
  let ok = true;
  let detail: unknown = null;
  for (let i = 0; i < n; i++) {
    const nu = informationalSize(Q, i).nu;
    for (let t = 0; t < P.typeCounts[i]; t++) {
      const a = D.signalOf[i][t];
      for (let r = 0; r < Q.typeCounts[i]; r++) {
        if (r === a) continue;
        const ed = expectedPosteriorDistance(Q, i, a, r);
        const d = game.coordinatedDeviation(i, t, r);
        const gain = d.deviationStage2UpperBound - d.truthfulStage2;
        const gainBound = 2 * n * spec.M * ed;
        const nuBound = nuFactor * nu;
        if (gain > gainBound + tol || ed > nuBound + tol) {
          ok = false;
          detail = { agent: i, type: t, report: r, gain, gainBound, expectedDistance: ed, nu, nuBound };
        }
        if (gainBound > 0) worstGainRatio = Math.max(worstGainRatio, gain / gainBound);
        // the gain with the exact beta*_i (one stage-2 report per information set, optimal given mu_i): <= gain
        if (gainBound > 0) worstBetaStarRatio = Math.max(worstBetaStarRatio, (d.deviationStage2 - d.truthfulStage2) / gainBound);
        if (d.deviationStage2 > d.deviationStage2UpperBound + tol) {
          ok = false;
          detail = {
            agent: i,
            type: t,
            report: r,
            betaStar: d.deviationStage2,
            upperBound: d.deviationStage2UpperBound,
            note: 'beta* above the per-t_-i bound',
          };
        }
        if (nuBound > 0) worstNuRatio = Math.max(worstNuRatio, ed / nuBound);
      }
    }
  }
  return {
    ok,
    metrics: {
      worstGainRatioToBound: worstGainRatio,
      worstBetaStarGainRatioToBound: worstBetaStarRatio,
      worstDistanceRatioToThreeNu: worstNuRatio,
      outcomes: spec.outcomes,
    },
    detail,
  };
}

export const theoremBProofSteps = propertyEntry<ProductSpec>({
  id: 'seed001.theoremB.part3Steps',
  title: 'Theorem B, proof Part 3: stage-2 gain <= 2nM E||drho||_1 and E||drho||_1 <= 3 nu_i',
  source: src('Theorem B, proof Part 3', '7.2'),
  kind: 'bound',
  hypotheses: ['[productPrior] P = P1 x P2 full support', '[decomposition] D = ((X_i, p_X_i), P1)', '[boundedValues] v_i in [0, M]'],
  scope: ['M = 4, two or three outcomes'],
  conclusion:
    'for every agent, type and first-stage lie: the best stage-2 gain (each t_-i separately) <= 2nM E[||rho(a_-i,a_i) - rho(a_-i,r_i)||_1 | a_i] <= 6nM nu_i',
  expected: 'holds',
  runs: 30,
  arbitrary: () =>
    productSpecArb({
      agents: { min: 2, max: 3 },
      signals: { min: 2, max: 3 },
      payoffTypes: { min: 1, max: 2 },
      states: { min: 2, max: 3 },
      outcomes: { min: 2, max: 3 },
      M: 4,
    }),
  check: (spec, ctx) => proofSteps(spec, ctx.tolerance, 3),
  metrics: { worstGainRatioToBound: 'max', worstBetaStarGainRatioToBound: 'max', worstDistanceRatioToThreeNu: 'max', outcomes: 'max' },
  notes: [
    'worstGainRatioToBound uses the best stage-2 report chosen separately for each t_-i (the right-hand side of Part 3, which covers every stage-2 strategy); worstBetaStarGainRatioToBound uses the exact beta*_i (one report per information set, optimal given mu_i over all of H_i, any number of outcomes), which is what a liar can actually achieve and is never above the first.',
  ],
  mutant: { description: 'E||drho||_1 <= nu_i (the factor 3 dropped)', check: (spec, ctx) => proofSteps(spec, ctx.tolerance, 1) },
});
