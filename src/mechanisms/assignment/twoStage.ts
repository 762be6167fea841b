/**
 * The two-stage game Gamma(u, c, v, P, xi) of seed 000_8a10c4f2f12bc353.txt,
 * section 4.2, with the spherical-scoring first-stage rewards of Theorem 1
 * (section 6.2): xi_i(b) = delta * P_-i(b_-i | b_i) / ||P_-i(. | b_i)||_2.
 *
 * Stage 1: each buyer reports a signal; the mechanism posts p(r) = P_Theta(. | r).
 * Stage 2: buyers report state-contingent data (w_k(theta), d_k(theta)); the
 * mechanism runs the VCG mechanism of section 4.1 on their averages under p(r),
 * with seller costs v(p(r)). Buyer i's payoff with true signal profile b is
 * g_i(phi; u_i(p(b)), c_i(p(b)), v_i(p(r))) + x_i + xi_i(r).
 *
 * Opponents' second-stage strategies beta_j(r_j, pi, b_j) are given as a
 * function of (j, b_j, the posted posterior); the first stage of the opponents
 * is truthful (the case the proof of Theorem 1 treats: pi = p(b), pi' = p(b_-i, r_i)).
 *
 * The deviator's stage-2 optimum after a first-stage lie r_i is computed
 * EXACTLY: with the posted posterior pi' = p(b_-i, r_i), buyer i's true
 * stage-2 data are (u_i(pi), c_i(pi)) with seller costs v_i(pi'), and by the
 * dominant-strategy IC of the stage-2 VCG mechanism the best report is one whose
 * average under pi' equals (u_i(pi), c_i(pi)) (the state-constant report); its
 * utility is max_z [g_i(z; true) + sum_{k!=i} g_k(z; reports)] - max_{Z_-i} sum_{k!=i} g_k.
 * When several b_-i lead to the same posted posterior, i must send one report
 * for all of them; the per-b_-i optimum used here is then an upper bound on the
 * deviator's payoff, so condition (ii) verified with it holds a fortiori.
 */
import { distance1 } from '../../core/distribution.ts';
import type { JointPrior } from '../../core/prior.ts';
import { sphericalRewards } from '../../core/scoringRules.ts';
import { type AssignmentInstance, type BuyerReport, copyBuyerRows, dataAtPosterior, setBuyerReport } from './instance.ts';
import { PostedPosteriors } from '../postedPosterior.ts';
import { part2ConstantStated } from './lipschitz.ts';
import { type AssignmentData, cloneData } from './payoff.ts';
import { vcgAssignment, vcgUtility } from './solver.ts';

/** beta_j: buyer j's state-contingent report at the information set (b_j, posted posterior). `postedKey` identifies the posted posterior. */
export type OpponentStrategy = (j: number, bj: number, postedKey: number, posted: readonly number[]) => BuyerReport;

export class TwoStageGame {
  readonly inst: AssignmentInstance;
  readonly prior: JointPrior;
  readonly n: number;
  /** posterior p(b) for each profile index */
  readonly posteriors: number[][];
  /** canonical key of each profile's posterior: the smallest profile index posting the same posterior (src/mechanisms/postedPosterior.ts) */
  readonly postedKey: number[];
  /** unit spherical rewards zeta_i(b) = P_-i(b_-i|b_i)/||P_-i(.|b_i)||_2, [i][k] */
  readonly zeta: number[][];

  constructor(inst: AssignmentInstance, prior: JointPrior) {
    this.inst = inst;
    this.prior = prior;
    this.n = inst.n;
    const S = prior.profiles.size;
    this.posteriors = Array.from({ length: S }, (_, k) => prior.stateGivenProfile(k));
    // the same posted posterior is the same information set (the rule shared with seed 001)
    const posts = new PostedPosteriors();
    const firstProfileOfPost: number[] = [];
    this.postedKey = this.posteriors.map((p, k) => (firstProfileOfPost[posts.indexOf(p)] ??= k));
    this.zeta = Array.from({ length: this.n }, (_, i) => {
      const f = sphericalRewards(prior, i, 1);
      return Array.from({ length: S }, (_, k) => f(k));
    });
  }

  /** The profile with buyer i's signal replaced by r. */
  withSignal(k: number, i: number, r: number): number {
    return this.prior.profiles.replace(k, i, r);
  }

  /** The reported data at posted profile kPosted: seller costs v(pi'), opponents' reports averaged under pi', buyer i's rows = i's true data at the true posterior. */
  private stage2Data(kTrue: number, kPosted: number, i: number, opp: OpponentStrategy): AssignmentData {
    const posted = this.posteriors[kPosted];
    const data = dataAtPosterior(this.inst, posted);
    const prof = this.prior.profiles.profile(kTrue);
    for (let j = 0; j < this.n; j++) if (j !== i) setBuyerReport(data, j, opp(j, prof[j], this.postedKey[kPosted], posted), posted);
    if (kPosted !== kTrue) copyBuyerRows(data, dataAtPosterior(this.inst, this.posteriors[kTrue]), i);
    return data;
  }

  /** Stage-2 VCG utility of buyer i on the truthful path (true profile k, truthful report). */
  truthfulStage2Utility(k: number, i: number, opp: OpponentStrategy): number {
    const data = this.stage2Data(k, k, i, opp);
    return vcgUtility(data, data, i);
  }

  /** Buyer i's optimal stage-2 utility after reporting r_i in stage 1 (exact per b_-i, see the module comment). */
  deviationStage2Utility(k: number, i: number, r: number, opp: OpponentStrategy): number {
    const kPosted = this.withSignal(k, i, r);
    const data = this.stage2Data(k, kPosted, i, opp);
    return vcgUtility(data, data, i);
  }

  /** Stage-2 utility of buyer i on the truthful path when i reports `report` (state-contingent) instead of the truth. */
  stage2UtilityWithReport(k: number, i: number, report: BuyerReport, opp: OpponentStrategy): number {
    const pi = this.posteriors[k];
    const truth = this.stage2Data(k, k, i, opp);
    const reported = cloneData(truth);
    setBuyerReport(reported, i, report, pi);
    return vcgUtility(reported, truth, i);
  }

  /** Profiles with buyer i's signal b_i, with P_-i(b_-i | b_i). */
  cell(i: number, bi: number): Array<{ k: number; prob: number }> {
    const out: Array<{ k: number; prob: number }> = [];
    for (let k = 0; k < this.prior.profiles.size; k++)
      if (this.prior.profiles.component(k, i) === bi) out.push({ k, prob: this.prior.othersGivenOwnAt(i, k) });
    return out;
  }

  /** E[||p(b) - p(b_-i, r_i)||_1 | b_i] (the posterior shift of Part 3). */
  expectedPosteriorShift(i: number, bi: number, r: number): number {
    let s = 0;
    for (const { k, prob } of this.cell(i, bi)) s += prob * distance1(this.posteriors[k], this.posteriors[this.withSignal(k, i, r)]);
    return s;
  }

  /** sum_{b_-i} [zeta_i(b) - zeta_i(b_-i, r_i)] P_-i(b_-i | b_i): the expected unit reward gap (> 0 under the assumption of section 3.2). */
  expectedRewardGap(i: number, bi: number, r: number): number {
    let s = 0;
    for (const { k, prob } of this.cell(i, bi)) s += prob * (this.zeta[i][k] - this.zeta[i][this.withSignal(k, i, r)]);
    return s;
  }

  /** All (i, b_i, r_i) with r_i != b_i. */
  *deviations(): Generator<[number, number, number]> {
    for (let i = 0; i < this.n; i++) {
      const B = this.prior.typeCounts[i];
      for (let bi = 0; bi < B; bi++) for (let r = 0; r < B; r++) if (r !== bi) yield [i, bi, r];
    }
  }

  /**
   * The smallest delta the proof's inequality (Part 3 of section 6.2) requires:
   * max over (i, b_i, r_i) of C E||p(b) - p(b_-i,r_i)|| / E[zeta gap], C = (2+n)(2n+1)M
   * (or another constant). Infinity when some gap is <= 0.
   */
  proofDelta(C = part2ConstantStated(this.n, this.inst.M)): number {
    let d = 0;
    for (const [i, bi, r] of this.deviations()) {
      const gap = this.expectedRewardGap(i, bi, r);
      const shift = this.expectedPosteriorShift(i, bi, r);
      if (!(gap > 1e-15)) return shift > 0 ? Infinity : d;
      d = Math.max(d, (C * shift) / gap);
    }
    return d;
  }

  /**
   * A delta that works against EVERY opponents' second-stage strategy with
   * reports in [0, M] (externality reports >= 0), opponents truthful in stage 1:
   * U_truth >= 0 (individual rationality) and U_dev <= max(0, max_j u_ij(p(b)) - v_ij(p(b_-i,r_i)))
   * (others' payoffs with i matched are at most their best without i, as reported
   * externality costs are >= 0), so delta = max E[that] / E[zeta gap] suffices.
   */
  robustDelta(): number {
    let d = 0;
    const n = this.n;
    for (const [i, bi, r] of this.deviations()) {
      const gap = this.expectedRewardGap(i, bi, r);
      let gain = 0;
      for (const { k, prob } of this.cell(i, bi)) {
        const truth = dataAtPosterior(this.inst, this.posteriors[k]);
        const posted = dataAtPosterior(this.inst, this.posteriors[this.withSignal(k, i, r)]);
        let m = 0;
        for (let j = 0; j < n; j++) m = Math.max(m, truth.w[i * n + j] - posted.kappa[i * n + j]);
        gain += prob * m;
      }
      if (!(gap > 1e-15)) return gain > 0 ? Infinity : d;
      d = Math.max(d, gain / gap);
    }
    return d;
  }

  /**
   * Condition (ii) of Definition 2 for (i, b_i, r_i) against `opp`, opponents
   * truthful in stage 1: E[U_truth + delta zeta(b)] - E[U_dev* + delta zeta(b_-i, r_i)]
   * (>= 0 when truth is optimal), and the parts.
   */
  conditionII(
    i: number,
    bi: number,
    r: number,
    delta: number,
    opp: OpponentStrategy,
  ): { margin: number; stage2Gain: number; rewardGap: number } {
    let stage2Gain = 0;
    for (const { k, prob } of this.cell(i, bi))
      stage2Gain += prob * (this.deviationStage2Utility(k, i, r, opp) - this.truthfulStage2Utility(k, i, opp));
    const rewardGap = delta * this.expectedRewardGap(i, bi, r);
    return { margin: rewardGap - stage2Gain, stage2Gain, rewardGap };
  }

  /** The smallest delta making truth optimal against `opp`: max over deviations of (E stage-2 gain)^+ / E gap. */
  neededDelta(opp: OpponentStrategy): number {
    let d = 0;
    for (const [i, bi, r] of this.deviations()) {
      const { stage2Gain } = this.conditionII(i, bi, r, 0, opp);
      const gap = this.expectedRewardGap(i, bi, r);
      if (stage2Gain > 0) d = Math.max(d, gap > 1e-15 ? stage2Gain / gap : Infinity);
    }
    return d;
  }

  /**
   * Truthful play in both stages: expected first-stage rewards E[sum_i xi_i(b)]
   * and the expected VCG surplus E[-sum_i x_i] (section 4.2, "the net payment").
   */
  budget(delta: number): { expectedRewards: number; expectedVcgSurplus: number; expectedNetPayment: number } {
    let rewards = 0;
    let surplus = 0;
    for (let k = 0; k < this.prior.profiles.size; k++) {
      const pk = this.prior.profileMarginal[k];
      const out = vcgAssignment(dataAtPosterior(this.inst, this.posteriors[k]));
      for (let i = 0; i < this.n; i++) {
        rewards += pk * delta * this.zeta[i][k];
        surplus -= pk * out.transfers[i];
      }
    }
    return { expectedRewards: rewards, expectedVcgSurplus: surplus, expectedNetPayment: rewards - surplus };
  }
}

/** Truthful opponents: beta_j = (u_j(theta), c_j(theta)). */
export function truthfulOpponents(inst: AssignmentInstance): OpponentStrategy {
  const reps = Array.from({ length: inst.n }, (_, j) => ({ w: inst.u.map((us) => us[j]), d: inst.c.map((cs) => cs[j]) }));
  return (j) => reps[j];
}

/**
 * The quantity bounded in Part 2 of the proof of Theorem 1 (section 6.2), for
 * buyer i with true posterior pi and posted posterior pi' after a lie:
 *   U_truth(pi) - U_dev*(pi, pi'),
 * U_truth: i truthful, opponents' reports `atPi` averaged under pi;
 * U_dev*: i's best stage-2 report at the posted pi' (exact, by DSIC: i's
 * reported averages equal its true u_i(pi), c_i(pi); seller costs v(pi')),
 * opponents' reports `atPiPrime` averaged under pi'. The proof claims this is
 * >= -(2+n)(2n+1)M ||pi - pi'||.
 */
export function part2Difference(
  inst: AssignmentInstance,
  pi: readonly number[],
  piPrime: readonly number[],
  i: number,
  atPi: (j: number) => BuyerReport,
  atPiPrime: (j: number) => BuyerReport,
): { truthful: number; deviation: number; difference: number } {
  const truth = dataAtPosterior(inst, pi);
  for (let j = 0; j < inst.n; j++) if (j !== i) setBuyerReport(truth, j, atPi(j), pi);
  const dev = dataAtPosterior(inst, piPrime);
  for (let j = 0; j < inst.n; j++) if (j !== i) setBuyerReport(dev, j, atPiPrime(j), piPrime);
  copyBuyerRows(dev, truth, i);
  const truthful = vcgUtility(truth, truth, i);
  const deviation = vcgUtility(dev, dev, i);
  return { truthful, deviation, difference: truthful - deviation };
}
