/**
 * The example of seed 001_e592948973ecc068.txt, section 2: three agents, two
 * equally likely states, conditionally independent signals a_1, a_2 with
 * accuracy rho (P(a_j | theta_j) = rho > 1/2), state-dependent values
 * v_i = (v_i^1, v_i^2) in [0, M]^2 for the object, a reward z for a stage-1
 * report in the majority, and a Vickrey auction on the expected values
 * v_i^1 pi(theta_1 | s) + v_i^2 pi(theta_2 | s) in stage 2 (outcome c = i: agent i wins).
 *
 * Everything is computed with the general two-stage game (game.ts) and the
 * foundation's GVCG; the closed forms below are what the computation is compared with:
 *  - majority advantage of truth over a lie: z (2 rho - 1)^2,
 *  - worst gain of a stage-1 lie over value profiles in [0, M]^6:
 *    M E[|pi(theta_1 | s) - pi(theta_1 | s_-i, r)| | s_i], attained at v_i = (M, M) and
 *    v_j = (M, 0) for the others (lie a_1 -> a_2), because the Vickrey payoff
 *    max(0, b_i - max_j b_j) is 1-Lipschitz in the others' bids and each bid
 *    moves by at most M |d pi(theta_1)|.
 */
import { fraction, type Fraction } from 'mathjs';
import { JointPrior } from '../../core/prior.ts';
import { trivialDecomposition, type InformationDecomposition } from '../../information/informationDecomposition.ts';
import { TwoStageGame } from './game.ts';

export const EXAMPLE_AGENTS = 3;

/** Q for the example: P(theta, s) = 1/2 prod_i L(s_i | theta), L = [[rho, 1-rho], [1-rho, rho]]. */
export function examplePrior(rho: number): JointPrior {
  const L = [
    [rho, 1 - rho],
    [1 - rho, rho],
  ];
  return JointPrior.conditionallyIndependent([0.5, 0.5], Array(EXAMPLE_AGENTS).fill(L));
}

/** The majority reward: z to agent i when at least one other agent reports the same signal. */
export function majorityRewards(Q: JointPrior, z: number): (agent: number, signalProfile: number) => number {
  return (i, a) => {
    const s = Q.profiles.profile(a);
    return s.some((x, j) => j !== i && x === s[i]) ? z : 0;
  };
}

/** values[i][theta][t_i][c] for the auction: agent i's value v_i^theta when it wins (c = i), for both signals (types = signals). */
export function auctionValues(v: readonly (readonly [number, number])[]): number[][][][] {
  return v.map((vi, i) => [0, 1].map((th) => [0, 1].map(() => Array.from({ length: EXAMPLE_AGENTS }, (_, c) => (c === i ? vi[th] : 0)))));
}

/** The two-stage game of section 2 for one value profile (values common knowledge: the worst case over value distributions). */
export function exampleGame(
  rho: number,
  v: readonly (readonly [number, number])[],
  z: number,
): { game: TwoStageGame; D: InformationDecomposition } {
  const Q = examplePrior(rho);
  const D = trivialDecomposition(Q);
  return { game: new TwoStageGame(Q, D, auctionValues(v), majorityRewards(Q, z)), D };
}

/**
 * The smallest majority reward making every stage-1 lie unprofitable at this
 * value profile: max over i, s_i, r of (stage-2 gain of the lie) / (majority
 * advantage per unit of z). Both are computed in the game.
 */
export function minimalMajorityRewardAt(
  rho: number,
  v: readonly (readonly [number, number])[],
): { z: number; worstGain: number; advantagePerUnit: number; witness: { agent: number; signal: number; report: number } | null } {
  const { game } = exampleGame(rho, v, 1);
  let z = 0;
  let worstGain = 0;
  let advantagePerUnit = Infinity;
  let witness: { agent: number; signal: number; report: number } | null = null;
  for (const d of game.allCoordinatedDeviations()) {
    const stage2Gain = d.deviationStage2 - d.truthfulStage2;
    advantagePerUnit = Math.min(advantagePerUnit, d.rewardAdvantage);
    if (stage2Gain > worstGain) worstGain = stage2Gain;
    const need = stage2Gain > 0 ? stage2Gain / d.rewardAdvantage : 0;
    if (need > z) {
      z = need;
      witness = { agent: d.agent, signal: d.trueType, report: d.report };
    }
  }
  return { z, worstGain, advantagePerUnit, witness };
}

/** pi(theta_1 | m signals a_1 among 3) = 1 / (1 + x^(2m - 3)), x = (1 - rho)/rho, in exact rationals. */
function posteriorTheta1(rho: Fraction, m: number): Fraction {
  const x = fraction(1).sub(rho).div(rho);
  const e = 2 * m - 3;
  const xe = e >= 0 ? x.pow(e) : fraction(1).div(x.pow(-e));
  return fraction(1).div(fraction(1).add(xe));
}

/**
 * Closed forms in exact rationals (rho rational): the majority advantage
 * (2 rho - 1)^2 per unit of z computed from the signal distribution, and the
 * worst-case stage-1 gain M E|d pi(theta_1)| for the lie a_1 -> a_2.
 */
export function exactExampleQuantities(
  rho: Fraction,
  M: number,
): { majorityAdvantage: Fraction; closedFormAdvantage: Fraction; worstGain: Fraction; minimalReward: Fraction } {
  const one = fraction(1);
  const q = one.sub(rho);
  // others' number k of a_1 given own a_1: P(theta_1 | a_1) = rho
  const pk = (k: number): Fraction => {
    const choose = k === 1 ? 2 : 1;
    const a = rho
      .pow(k)
      .mul(q.pow(2 - k))
      .mul(rho);
    const b = q
      .pow(k)
      .mul(rho.pow(2 - k))
      .mul(q);
    return a.add(b).mul(choose);
  };
  // in the majority when truthful: k >= 1 (someone else has a_1); after the lie a_2: k <= 1
  const truthful = pk(1).add(pk(2));
  const lie = pk(0).add(pk(1));
  const majorityAdvantage = truthful.sub(lie);
  const closedFormAdvantage = rho.mul(2).sub(1).pow(2);
  let e = fraction(0);
  for (let k = 0; k <= 2; k++)
    e = e.add(
      pk(k).mul(
        posteriorTheta1(rho, k + 1)
          .sub(posteriorTheta1(rho, k))
          .abs(),
      ),
    );
  const worstGain = e.mul(M);
  return { majorityAdvantage, closedFormAdvantage, worstGain, minimalReward: worstGain.div(majorityAdvantage) };
}

/** The worst value profile of the closed form for the lie a_1 -> a_2 by agent `agent`: own (M, M), others (M, 0). */
export function worstValueProfile(M: number, agent = 0): [number, number][] {
  return Array.from({ length: EXAMPLE_AGENTS }, (_, j) => (j === agent ? [M, M] : [M, 0]));
}
