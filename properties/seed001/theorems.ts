/**
 * Theorems A and B (seed 001_e592948973ecc068.txt, sections 5.1, 6.3 and the
 * proof in 7.2), exhaustively on small instances with a product structure
 * T_i = X_i x Y_i (signals x payoff types) and the decomposition ((X_i, p_X_i), P1):
 *  - Theorem A: the augmented GVCG (q, (alpha_i + z_i)) with spherical rewards
 *    z_i(t) = zeta_i(f(t)) at the scale the proof prescribes is ex post IR and
 *    interim IC (checked by the foundation's exPostIR / interimIC over every
 *    type and misreport);
 *  - Theorem B: in the two-stage game Gamma(D, Z) truthful play with the
 *    beliefs of Step 1 and the strategies beta* of Step 2 is an ICPBE: no
 *    profitable deviation at second-stage information sets (Parts 1-2) and no
 *    profitable coordinated deviation over every first-stage lie (Part 3).
 * Part (i)/(a) use the proof's eps with the exact expected posterior distance;
 * part (ii)/(b) use eps = 12 n M sqrt|A| max nu / min Lambda (so that
 * max nu <= delta min Lambda with delta = eps / (12 n M sqrt|A|)), and check 0 <= reward <= eps.
 * Each entry also reports the minimal sufficient eps divided by the proof's eps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/catalogue/paths.ts';
import { given, propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { interimIC } from '../../src/concepts/incentiveCompatibility.ts';
import { exPostIR } from '../../src/concepts/individualRationality.ts';
import { augmentedMechanism, generalizedVCG } from '../../src/mechanisms/gvcg.ts';
import { beliefVariability } from '../../src/information/beliefVariability.ts';
import { productFromSpec, productSpecArb, type ProductSpec } from '../../src/information/decompositionArbitraries.ts';
import {
  decompositionSummary,
  partARewardScale,
  sphericalRewardSystem,
  theoremBRewardScale,
  typeRewards,
} from '../../src/mechanisms/twoStage/rewardScales.ts';
import { TwoStageGame } from '../../src/mechanisms/twoStage/game.ts';
import type { JointPrior } from '../../src/core/prior.ts';
import { src } from './common.ts';
import { DEFAULT_TOLERANCE } from '../../src/core/tolerance.ts';

type ScaleKind = 'partA' | 'theoremB';

function proofScale(Q: JointPrior, M: number, kind: ScaleKind): number {
  return kind === 'partA' ? partARewardScale(Q, M) : theoremBRewardScale(decompositionSummary(Q), M);
}

const positiveLambda = (spec: ProductSpec) => {
  const { structure } = productFromSpec(spec);
  const Q = structure.decomposition.Q;
  for (let i = 0; i < Q.agents; i++) if (!(beliefVariability(Q, i).lambda > 1e-6)) return false;
  return true;
};

const arbA = () =>
  given(
    productSpecArb({
      agents: { min: 2, max: 3 },
      signals: { min: 2, max: 2 },
      payoffTypes: { min: 1, max: 2 },
      states: { min: 2, max: 2 },
      outcomes: { min: 2, max: 3 },
      M: 4,
    }),
    'Lambda_i^Q > 0 for every agent',
    positiveLambda,
  );
// two or three outcomes and signals: with three signals an information set can pool t_-i with different true posteriors, where beta*_i is strictly below the per-t_-i bound
const arbB = () =>
  given(
    productSpecArb({
      agents: { min: 2, max: 3 },
      signals: { min: 2, max: 3 },
      payoffTypes: { min: 1, max: 2 },
      states: { min: 2, max: 2 },
      outcomes: { min: 2, max: 3 },
      M: 4,
    }),
    'Lambda_i^Q > 0 for every agent',
    positiveLambda,
  );

// ---------------------------------------------------------------- Theorem A

function theoremACheck(spec: ProductSpec, tol: number, kind: ScaleKind, mutant: boolean) {
  const { structure, env } = productFromSpec(spec);
  const { P, decomposition: D } = structure;
  const gvcg = generalizedVCG(env);
  const eps = proofScale(D.Q, spec.M, kind);
  const holdsAt = (e: number) => interimIC(env, augmentedMechanism(gvcg, typeRewards(P, D, e)), { tolerance: tol }).holds;
  // minimal sufficient eps: interim IC is monotone in eps (the truthful reward advantage is >= 0), bisect on [0, eps]
  let minimal = 0;
  if (!holdsAt(0)) {
    let lo = 0;
    let hi = Math.max(eps, DEFAULT_TOLERANCE);
    for (let k = 0; k < 40 && holdsAt(hi) === false; k++) hi *= 2;
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (holdsAt(mid)) hi = mid;
      else lo = mid;
    }
    minimal = hi;
  }
  const used = mutant ? minimal / 2 : eps;
  const mech = augmentedMechanism(gvcg, typeRewards(P, D, used));
  const ic = interimIC(env, mech, { tolerance: tol });
  const ir = exPostIR(env, mech, { tolerance: tol });
  const rewards = typeRewards(P, D, used);
  let maxReward = 0;
  for (let k = 0; k < P.profiles.size; k++) maxReward = Math.max(maxReward, ...rewards(k));
  const withinScale = maxReward <= used + tol;
  return {
    ok: ic.holds && ir.holds && withinScale,
    metrics: {
      worstGain: ic.worst,
      worstIRShortfall: ir.worst,
      proofEpsilon: eps,
      minimalEpsilonOverProof: eps > 0 ? minimal / eps : 0,
      maxRewardOverEpsilon: used > 0 ? maxReward / used : 0,
    },
    detail: { epsilonUsed: used, proofEpsilon: eps, minimalEpsilon: minimal, interimIC: ic, exPostIR: ir, maxReward },
  };
}

const theoremAEntry = (kind: ScaleKind) =>
  propertyEntry<ProductSpec>({
    id: kind === 'partA' ? 'seed001.theoremA.i' : 'seed001.theoremA.ii',
    title:
      kind === 'partA'
        ? "Theorem A(i): the augmented GVCG with the proof's spherical rewards is ex post IR and interim IC"
        : 'Theorem A(ii): rewards 0 <= z_i <= eps with eps = 12 n M sqrt|A| max nu / min Lambda make the augmented GVCG ex post IR and interim IC',
    source: src(kind === 'partA' ? 'Theorem A (i)' : 'Theorem A (ii)', '5.1'),
    kind: 'theorem',
    hypotheses: [
      '[efficientOutcome] q outcome efficient for vhat',
      '[productPrior] P = P1 x P2 full support',
      '[decomposition] D = ((X_i, p_X_i), P1)',
      '[positiveVariability] Lambda_i^Q > 0 for every i',
      '[boundedValues] v_i(c, theta, t_i) in [0, M]',
      kind === 'partA'
        ? '[rewards] eps = max_i 4 n M sqrt|A| E||rho(a_-i, a_i) - rho(a_-i, r_i)|| / Lambda_i (the Part 3 chain)'
        : '[informationalSmallness] max_i nu_i <= delta min_i Lambda_i with delta = eps / (12 n M sqrt|A|)',
    ],
    scope: ['M = 4'],
    conclusion:
      '(q, (alpha_i + z_i)) with z_i(t) = zeta_i(f(t)) is ex post IR and interim IC (exhaustive over types and misreports), with 0 <= z_i <= eps',
    expected: 'holds',
    runs: 30,
    arbitrary: arbA,
    check: (spec, ctx) => theoremACheck(spec, ctx.tolerance, kind, false),
    metrics: {
      worstGain: 'max',
      worstIRShortfall: 'max',
      proofEpsilon: 'max',
      minimalEpsilonOverProof: 'max',
      maxRewardOverEpsilon: 'max',
    },
    notes: [
      "The proof of Theorem A is in MP (2014), not in the seed; the rewards are those of the same chain as Theorem B's Part 3 (Lemma B for the GVCG payoff, Lemma C for the spherical rewards), with the same constants. minimalEpsilonOverProof is the smallest sufficient reward scale (bisection with the exhaustive interimIC check) over the proof's scale: how loose the proof is.",
    ],
    mutant: {
      description: 'rewards at half the minimal sufficient scale',
      check: (spec, ctx) => theoremACheck(spec, ctx.tolerance, kind, true),
    },
  });

export const theoremAi = theoremAEntry('partA');
export const theoremAii = theoremAEntry('theoremB');

// ---------------------------------------------------------------- Theorem B

/**
 * A pooling instance (2 agents, 3 signals, 3 outcomes, found by search): after
 * agent 0 of signal 1 reports signal 2 (and after 1 -> 0), its information set
 * pools t_-i with different true posteriors; beta*_i = (0, 1.5, 2.5) attains
 * 85/32 there, 0.09375 more than any report of wbar_i, a t_-i's own values or
 * their mean, and 1/16 less than the per-t_-i bound (checked in bestResponse.test.ts).
 */
/** The pooling instance of fixtures/seed001/beta-star-pooling.json. */
const POOLING_SPEC = (JSON.parse(readFileSync(join(fixturesDir(), 'seed001', 'beta-star-pooling.json'), 'utf8')) as { spec: ProductSpec })
  .spec;

function theoremBCheck(spec: ProductSpec, tol: number, kind: ScaleKind, mutant: boolean) {
  const { structure } = productFromSpec(spec);
  const { P, decomposition: D } = structure;
  const eps = proofScale(D.Q, spec.M, kind);
  // stage-2 gains do not depend on the rewards: compute them once with unit-scale rewards, then scale the reward advantage
  const unit = new TwoStageGame(P, D, spec.values, sphericalRewardSystem(D.Q, 1));
  const devs = unit.allCoordinatedDeviations();
  let minimal = 0;
  for (const d of devs) {
    const g = d.deviationStage2 - d.truthfulStage2;
    if (g > tol) minimal = Math.max(minimal, g / d.rewardAdvantage);
  }
  const used = mutant ? minimal / 2 : eps;
  let worstSecond = -Infinity;
  let sets = 0;
  for (let i = 0; i < P.agents; i++)
    for (let t = 0; t < P.typeCounts[i]; t++) {
      const s = unit.secondStageGain(i, t);
      worstSecond = Math.max(worstSecond, s.gain);
      sets += s.sets;
    }
  let worstGain = -Infinity;
  let worstUpper = -Infinity;
  let witness: unknown = null;
  let belowBound = 0;
  for (const d of devs) {
    if (d.deviationStage2 < d.deviationStage2UpperBound - tol) belowBound++;
    const g = d.deviationStage2 - d.truthfulStage2 - used * d.rewardAdvantage;
    const u = d.deviationStage2UpperBound - d.truthfulStage2 - used * d.rewardAdvantage;
    if (g > worstGain) {
      worstGain = g;
      witness = { ...d, gain: g, gainUpperBound: u, epsilon: used };
    }
    worstUpper = Math.max(worstUpper, u);
  }
  return {
    ok: worstSecond <= tol && worstGain <= tol && (mutant ? true : worstUpper <= tol),
    metrics: {
      worstSecondStageGain: worstSecond,
      worstCoordinatedGain: worstGain,
      worstCoordinatedGainUpperBound: worstUpper,
      proofEpsilon: eps,
      minimalEpsilonOverProof: eps > 0 ? minimal / eps : 0,
      informationSets: sets,
      deviationsWithBetaStarBelowBound: belowBound,
      outcomes: spec.outcomes,
    },
    detail: { epsilonUsed: used, proofEpsilon: eps, minimalEpsilon: minimal, worstDeviation: witness },
  };
}

const theoremBEntry = (kind: ScaleKind) =>
  propertyEntry<ProductSpec>({
    id: kind === 'partA' ? 'seed001.theoremB.a' : 'seed001.theoremB.b',
    title:
      kind === 'partA'
        ? "Theorem B(a): truthful play with beliefs mu and strategies beta* is an ICPBE of Gamma(D, Z) with the proof's spherical rewards"
        : 'Theorem B(b): with eps = 12 n M sqrt|A| max nu / min Lambda, rewards 0 <= zeta_i <= eps give an ICPBE of Gamma(D, Z)',
    source: src(kind === 'partA' ? 'Theorem B (a)' : 'Theorem B (b)', '6.3, 7.2'),
    kind: 'theorem',
    hypotheses: [
      '[productPrior] P = P1 x P2 full support',
      '[decomposition] D = ((X_i, p_X_i), P1)',
      '[positiveVariability] Lambda_i^Q > 0',
      '[boundedValues] v_i(c, theta, t_i) in [0, M]',
      kind === 'partA'
        ? '[rewards] eps = max_i 4 n M sqrt|A| E||drho|| / Lambda_i'
        : '[informationalSmallness] delta = max nu / min Lambda and eps = 12 n M sqrt|A| delta',
    ],
    scope: ['M = 4; two or three outcomes, two or three signals per agent (beta* computed exactly)'],
    conclusion:
      'at every second-stage information set reached after truthful stage-1 reports, wbar_i is optimal over all of H_i given mu_i (Parts 1-2); no first-stage lie followed by beta*_i, nor by the best stage-2 report for each t_-i, is profitable (Part 3)',
    expected: 'holds',
    runs: 30,
    arbitrary: arbB,
    examples: [POOLING_SPEC],
    check: (spec, ctx) => theoremBCheck(spec, ctx.tolerance, kind, false),
    metrics: {
      worstSecondStageGain: 'max',
      worstCoordinatedGain: 'max',
      worstCoordinatedGainUpperBound: 'max',
      proofEpsilon: 'max',
      minimalEpsilonOverProof: 'max',
      informationSets: 'max',
      deviationsWithBetaStarBelowBound: 'max',
      outcomes: 'max',
    },
    notes: [
      "Part (b) entries use eps = 12 n M sqrt|A| max nu / min Lambda exactly, i.e. delta = max nu / min Lambda at the boundary of the proof's strict 0 < delta < eps / (12 n M sqrt|A|); the proof's last inequality is weak, so the boundary value suffices.",
      'Exhaustive over agents, types and first-stage lies. The gain of a coordinated deviation is computed with beta*_i, an exact maximiser over all of H_i = R_+^C given mu_i for any number of outcomes (src/mechanisms/twoStage/bestResponse.ts: a branch-and-bound over the outcome assignments t_-i -> c, each decided exactly as a system of strict difference constraints by shortest paths / cycle weights), and bounded above by choosing the best stage-2 report separately for each t_-i (the right-hand side of Part 3), which covers every stage-2 strategy.',
      "deviationsWithBetaStarBelowBound counts the coordinated deviations (per instance) where beta*_i is strictly worse for the liar than the per-t_-i bound: there the information set pools t_-i with different true posteriors and no single stage-2 report attains every t_-i's best outcome; the exact beta*_i is what the minimal scale and the mutant rest on.",
    ],
    mutant: {
      description: 'rewards at half the minimal sufficient scale (computed exactly: stage-2 gain / reward advantage)',
      check: (spec, ctx) => theoremBCheck(spec, ctx.tolerance, kind, true),
    },
  });

export const theoremBa = theoremBEntry('partA');
export const theoremBb = theoremBEntry('theoremB');
