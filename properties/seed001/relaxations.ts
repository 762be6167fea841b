/**
 * Relaxations of Theorems A and B (seed 001_e592948973ecc068.txt, sections 5-7):
 *  - Lambda_i = 0 while agent i's signal still moves the posterior on the state
 *    (its beliefs about the others' signals do not depend on its own signal):
 *    then no reward system whatsoever makes truthful stage-1 reports optimal
 *    for some payoffs. With Q(a_-i | a_i) = Q(a_-i), the expected reward of
 *    reporting r is R(r), whatever the true signal; truth is optimal for both
 *    a and r iff G(a -> r) <= R(a) - R(r) and G(r -> a) <= R(r) - R(a), which
 *    requires G(a -> r) + G(r -> a) <= 0. A shrunk instance with a positive sum
 *    refutes "some reward works".
 *  - The two-stage game without rewards (Z = 0): truthful play is not an ICPBE.
 *  - The one-stage GVCG without rewards on product structures: not interim IC.
 */
import fc from 'fast-check';
import { propertyEntry, unmet, type CheckResult } from '../../src/catalogue/propertyEntry.ts';
import { JointPrior } from '../../src/core/prior.ts';
import { payoffTableArb } from '../../src/generators/payoffs.ts';
import { interimIC } from '../../src/concepts/incentiveCompatibility.ts';
import { generalizedVCG } from '../../src/mechanisms/gvcg.ts';
import { TwoStageGame } from '../../src/mechanisms/twoStage/game.ts';
import { trivialDecomposition } from '../../src/information/informationDecomposition.ts';
import { beliefVariability } from '../../src/information/beliefVariability.ts';
import { posteriorDistances } from '../../src/information/informationalSize.ts';
import { productFromSpec, productSpecArb, type ProductSpec } from '../../src/information/decompositionArbitraries.ts';
import { priorFromSpec, priorSpecArb, type PriorSpec } from '../../src/generators/priors.ts';
import { src } from './common.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../src/core/tolerance.ts';

interface NoVariabilitySpec {
  /** agent 0's signal weights in states 0 and 1 (informative) */
  informative: number[][];
  /** agent 1's signal weights (the same in both states: uninformative, independent of agent 0's) */
  noise: number[];
  /** values[i][theta][t_i][c], two or three outcomes, M = 4 */
  values: number[][][][];
}

const norm = (w: number[]) => w.map((x) => x / w.reduce((a, b) => a + b, 0));

function noVariability(spec: NoVariabilitySpec): CheckResult {
  const Q = JointPrior.conditionallyIndependent([0.5, 0.5], [spec.informative.map(norm), [norm(spec.noise), norm(spec.noise)]]);
  const lambda0 = beliefVariability(Q, 0).lambda;
  const moves = Math.max(...posteriorDistances(Q, 0, 0, 1).map((x) => x.distance));
  const game = new TwoStageGame(Q, trivialDecomposition(Q), spec.values);
  const g01 = game.coordinatedDeviation(0, 0, 1);
  const g10 = game.coordinatedDeviation(0, 1, 0);
  const sum = g01.deviationStage2 - g01.truthfulStage2 + (g10.deviationStage2 - g10.truthfulStage2);
  // the hypothesis of this relaxation: Lambda_0 = 0 and the posterior moves with agent 0's signal
  if (!(lambda0 <= TIE_TOLERANCE)) return unmet('Lambda_0 = 0');
  if (!(moves > DEFAULT_TOLERANCE)) return unmet("agent 0's signal moves the posterior");
  return {
    ok: sum <= DEFAULT_TOLERANCE,
    metrics: { sumOfStage2Gains: sum, lambda0, posteriorMove: moves },
    detail: {
      lambda0,
      largestPosteriorMove: moves,
      gainLying0to1: g01.deviationStage2 - g01.truthfulStage2,
      gainLying1to0: g10.deviationStage2 - g10.truthfulStage2,
      note: 'a positive sum means no reward system (any zeta >= 0) makes truthful stage-1 reports optimal for both signals of agent 0',
    },
  };
}

export const relaxNoVariability = propertyEntry<NoVariabilitySpec>({
  id: 'seed001.theoremB.a.withoutPositiveVariability',
  aliases: ['seed001.relaxation.zeroVariability'],
  drops: 'positiveVariability',
  title: 'Lambda_i = 0 with an informative signal: no reward makes stage-1 truth optimal',
  source: src('Theorem B (a): hypothesis Lambda_i^Q > 0', '6.3'),
  kind: 'relaxation',
  relaxes: "Lambda_i^Q > 0 (agent 0's beliefs about the others do not depend on its signal, yet its signal moves the posterior)",
  hypotheses: [
    '[boundedValues] v_i(c, theta, t_i) in [0, 4]',
    '[twoStageGame] stage 2: private-values VCG on the posted posterior; the liar best-responds with the exact beta*_i',
  ],
  scope: ["2 agents, 2 states, agent 0 informative, agent 1's signal independent of the state and of agent 0", 'two or three outcomes'],
  conclusion: 'some reward system Z makes truthful stage-1 reports optimal (equivalently G(a -> r) + G(r -> a) <= 0)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 100,
  arbitrary: () =>
    fc.record({
      informative: fc
        .tuple(fc.tuple(fc.integer({ min: 2, max: 4 }), fc.constant(1)), fc.tuple(fc.constant(1), fc.integer({ min: 2, max: 4 })))
        .map((x) => x.map((r) => [...r])),
      noise: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
      values: fc
        .integer({ min: 2, max: 3 })
        .chain((C) => fc.tuple(payoffTableArb([2, 2, C], { M: 4 }), payoffTableArb([2, 2, C], { M: 4 }))) as unknown as fc.Arbitrary<
        number[][][][]
      >,
    }),
  check: (spec) => noVariability(spec),
  metrics: { sumOfStage2Gains: 'max', lambda0: 'max', posteriorMove: 'max' },
  notes: [
    'With Lambda_i = 0 the expected reward of a report cannot depend on the true signal, so any reward that deters a -> r encourages r -> a; when the stage-2 gains of the two lies sum to more than 0, no reward system (of any size or shape) supports truthful stage-1 reports. Informational size alone is not enough: the variability of beliefs is what rewards exploit.',
  ],
});

function noRewardsTwoStage(spec: ProductSpec, tol: number) {
  const { structure } = productFromSpec(spec);
  const game = new TwoStageGame(structure.P, structure.decomposition, spec.values);
  let worst = -Infinity;
  let witness: unknown = null;
  for (const d of game.allCoordinatedDeviations())
    if (d.gain > worst) {
      worst = d.gain;
      witness = d;
    }
  return { ok: worst <= tol, metrics: { worstCoordinatedGain: worst }, detail: witness };
}

export const relaxNoRewardsTwoStage = propertyEntry<ProductSpec>({
  id: 'seed001.theoremB.withoutRewards',
  aliases: ['seed001.relaxation.twoStageWithoutRewards'],
  drops: 'rewards',
  title: 'The two-stage game without rewards (Z = 0): truthful play is an ICPBE (false)',
  source: src('Theorem B: rewards zeta_i', '6.3'),
  kind: 'relaxation',
  relaxes: 'the reward system Z (zeta_i = 0)',
  hypotheses: ['[productPrior] P = P1 x P2 full support', '[decomposition] D = ((X_i, p_X_i), P1)', '[boundedValues] v_i in [0, 4]'],
  scope: ['two or three outcomes, two states'],
  conclusion: 'no first-stage lie followed by beta*_i is profitable',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 60,
  arbitrary: () =>
    productSpecArb({
      agents: { min: 2, max: 3 },
      signals: { min: 2, max: 2 },
      payoffTypes: { min: 1, max: 1 },
      states: { min: 2, max: 2 },
      outcomes: { min: 2, max: 3 },
      M: 4,
    }),
  check: (spec, ctx) => noRewardsTwoStage(spec, ctx.tolerance),
  metrics: { worstCoordinatedGain: 'max' },
});

function noRewardsOneStage(spec: ProductSpec, tol: number) {
  const { env } = productFromSpec(spec);
  const r = interimIC(env, generalizedVCG(env), { tolerance: tol });
  return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
}

export const relaxNoRewardsOneStage = propertyEntry<ProductSpec>({
  id: 'seed001.theoremA.withoutRewards',
  aliases: ['seed001.relaxation.gvcgWithoutRewards'],
  drops: 'rewards',
  title: 'The one-stage GVCG without rewards is interim IC on product structures (false)',
  source: src('Theorem A: augmenting rewards z_i; section 5.1 ("even the latter need not hold")', '5.1'),
  kind: 'relaxation',
  relaxes: 'the rewards z_i of the augmented GVCG',
  hypotheses: [
    '[productPrior] P = P1 x P2 full support (signals x payoff types)',
    '[boundedValues] v_i in [0, 4]',
    '[efficientOutcome] q outcome efficient',
  ],
  conclusion: 'the GVCG (q, alpha) is interim IC',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 60,
  arbitrary: () =>
    productSpecArb({
      agents: { min: 2, max: 3 },
      signals: { min: 2, max: 2 },
      payoffTypes: { min: 1, max: 2 },
      states: { min: 2, max: 2 },
      outcomes: { min: 2, max: 3 },
      M: 4,
    }),
  check: (spec, ctx) => noRewardsOneStage(spec, ctx.tolerance),
  metrics: { worstGain: 'max' },
});

interface LinearRuleSpec {
  prior: PriorSpec;
}

function linearRule(spec: LinearRuleSpec, tol: number) {
  const Q = priorFromSpec(spec.prior);
  let worst = Infinity;
  let detail: unknown = null;
  for (let i = 0; i < Q.agents; i++)
    for (let a = 0; a < Q.typeCounts[i]; a++)
      for (let r = 0; r < Q.typeCounts[i]; r++) {
        if (a === r) continue;
        const qa = Q.othersGivenOwn(i, a);
        const qr = Q.othersGivenOwn(i, r);
        // linear (unnormalised) rule zeta_i(a_-i, a_i) = Q(a_-i | a_i): advantage of truth
        const adv = qa.reduce((s, x, k) => s + (x - qr[k]) * x, 0);
        if (adv < worst) {
          worst = adv;
          detail = { agent: i, trueSignal: a, report: r, advantage: adv, beliefTrue: qa, beliefReport: qr };
        }
      }
  return { ok: worst >= -tol, metrics: { worstAdvantage: worst }, detail };
}

export const relaxLinearRule = propertyEntry<LinearRuleSpec>({
  id: 'seed001.lemmaC.withoutSphericalNormalisation',
  aliases: ['seed001.relaxation.linearScoringRule'],
  drops: 'sphericalNormalisation',
  title: 'Lemma C without the normalisation: the linear rule zeta_i = eps Q(a_-i | a_i) can reward lies',
  source: src('Lemma C: zeta_i(a_-i, a_i) = eps Q(a_-i | a_i) / ||Q(. | a_i)||_2', '7.1'),
  kind: 'relaxation',
  relaxes: 'the normalisation by ||Q(. | a_i)||_2 (spherical scoring rule) in the rewards',
  hypotheses: ['[finiteTypes] Q in Delta(Theta x A) with full support', '[positiveVariability] Lambda_i > 0 generically'],
  conclusion: "sum_{a_-i} [zeta_i(a_-i, a_i) - zeta_i(a_-i, a_i')] Q(a_-i | a_i) >= 0 for the linear rule",
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 100,
  arbitrary: () =>
    fc.record({ prior: priorSpecArb({ agents: { min: 2, max: 3 }, types: { min: 2, max: 3 }, states: { min: 1, max: 2 }, maxWeight: 6 }) }),
  check: (spec, ctx) => linearRule(spec, ctx.tolerance),
  metrics: { worstAdvantage: 'min' },
  notes: [
    'The linear scoring rule is not proper: a report whose belief about the others is more concentrated earns more in expectation even under the true belief. Lemma C (and the rewards of Theorems A and B) need the spherical normalisation.',
  ],
});
