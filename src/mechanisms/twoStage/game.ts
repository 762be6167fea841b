/**
 * The two-stage game Gamma(D, Z) of seed 001_e592948973ecc068.txt, section 6
 * (Theorem B and its proof, section 7.2):
 *  Stage 1: each agent reports a signal r_i in A_i and receives zeta_i(r).
 *  Stage 2: the designer posts rho(r) = Q_Theta(. | r); agents report
 *           u_i in H_i = R_+^C; the private-values VCG (phi, yhat) is applied.
 * Beliefs mu_i(. | r_i, pi, t_i) of Step 1, truthful second-stage reports
 * wbar_i(., pi, t_i) = sum_theta v_i(., theta, t_i) pi(theta), the strategies
 * beta*_i of Step 2 (exact for any number of outcomes, see bestResponse.ts),
 * and the payoffs of second-stage and coordinated
 * (two-stage) deviations of Parts 2 and 3 of the proof.
 *
 * Payoffs use the true posterior rho(f(t)) = P_Theta(. | t) (condition (ii)).
 * The stage-2 VCG is the foundation's generalizedVCG on a one-profile,
 * one-state environment (private values).
 */
import { JointPrior } from '../../core/prior.ts';
import { privateValuesEnvironment } from '../../model/environment.ts';
import { generalizedVCG } from '../gvcg.ts';
import { PostedPosteriors } from '../postedPosterior.ts';
import {
  signalProfileIndex,
  type InformationDecomposition,
  type StateDependentValues,
} from '../../information/informationDecomposition.ts';
import { bestStage2Response, type Stage2Cell } from './bestResponse.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';

/** The private-values VCG (phi(u), yhat(u)) of section 6.1 for reports u[i][c] (seed 001). */
export function privateValuesVCG(u: readonly (readonly number[])[]): { outcome: number; transfers: readonly number[] } {
  const prior = JointPrior.independent(u.map(() => [1]));
  const env = privateValuesEnvironment(
    prior,
    u[0].length,
    u.map((ui) => [ui as number[]]),
  );
  const m = generalizedVCG(env);
  return { outcome: m.outcome(0) as number, transfers: m.transfer(0) };
}

export interface BeliefCell {
  /** full true type profile index (in P.profiles) */
  profile: number;
  /** mu_i(t_-i | r_i, pi, t_i) summed over theta: P(t_-i | t_i) / normaliser */
  weight: number;
  /** rho(f(t)), the true posterior (mu_i(theta, t_-i) = weight * rho_theta(f(t))) */
  truePosterior: number[];
}

export interface InformationSet {
  agent: number;
  report: number;
  trueType: number;
  posted: number[];
  /** the post's index among this agent's information sets (src/mechanisms/postedPosterior.ts) */
  key: number;
  /** P(the information set | t_i): the normaliser of Step 1 */
  probability: number;
  cells: BeliefCell[];
}

export interface CoordinatedDeviation {
  agent: number;
  trueType: number;
  report: number;
  /** expected stage-2 payoff of truth (stage-1 truthful, stage-2 wbar) */
  truthfulStage2: number;
  /** the best deviation: report r_i, then beta*_i at each information set */
  deviationStage2: number;
  /** upper bound: the best stage-2 report chosen separately for each t_-i (the RHS of Part 3) */
  deviationStage2UpperBound: number;
  /** sum_{t_-i} [zeta_i(f(t)) - zeta_i(f_-i(t_-i), r_i)] P(t_-i | t_i) */
  rewardAdvantage: number;
  /** deviationStage2 - truthfulStage2 - rewardAdvantage (> 0: profitable) */
  gain: number;
  gainUpperBound: number;
}

export class TwoStageGame {
  readonly P: JointPrior;
  readonly D: InformationDecomposition;
  readonly values: StateDependentValues;
  readonly rewards: (agent: number, signalProfile: number) => number;
  readonly outcomes: number;
  private readonly postCache = new Map<number, number[]>();

  constructor(
    P: JointPrior,
    D: InformationDecomposition,
    values: StateDependentValues,
    rewards: (agent: number, signalProfile: number) => number = () => 0,
  ) {
    this.P = P;
    this.D = D;
    this.values = values;
    this.rewards = rewards;
    this.outcomes = values[0][0][0].length;
  }

  get agents(): number {
    return this.P.agents;
  }

  /** rho(r) = Q_Theta(. | r), posted after stage 1. */
  posted(signalProfile: number): number[] {
    let p = this.postCache.get(signalProfile);
    if (!p) {
      p = this.D.Q.stateGivenProfile(signalProfile);
      this.postCache.set(signalProfile, p);
    }
    return p;
  }

  /** wbar_i(., pi, t_i) = sum_theta v_i(., theta, t_i) pi(theta) (the truthful second-stage report). */
  truthfulReport(i: number, pi: readonly number[], ti: number): number[] {
    const v = this.values[i];
    return v[0][ti].map((_, c) => pi.reduce((s, p, th) => s + p * v[th][ti][c], 0));
  }

  /** The signal profile (f_-i(t_-i), r_i) for the true type profile k. */
  reportedSignals(k: number, i: number, report: number): number {
    return this.D.Q.profiles.replace(signalProfileIndex(this.P, this.D, k), i, report);
  }

  /** The information sets of agent i of type t_i after reporting r_i, with the beliefs mu_i of Step 1. */
  informationSets(i: number, ti: number, report: number): InformationSet[] {
    const space = this.P.profiles;
    // the same posted posterior is the same information set (the rule shared with seed 000)
    const posts = new PostedPosteriors();
    const sets = new Map<number, InformationSet>();
    for (let k = 0; k < space.size; k++) {
      if (space.component(k, i) !== ti) continue;
      const w = this.P.othersGivenOwnAt(i, k);
      if (!(w > 0)) continue;
      const posted = this.posted(this.reportedSignals(k, i, report));
      const key = posts.indexOf(posted);
      let set = sets.get(key);
      if (!set) {
        set = { agent: i, report, trueType: ti, posted, key, probability: 0, cells: [] };
        sets.set(key, set);
      }
      set.probability += w;
      set.cells.push({ profile: k, weight: w, truePosterior: this.posted(signalProfileIndex(this.P, this.D, k)) });
    }
    for (const set of sets.values()) for (const c of set.cells) c.weight /= set.probability;
    return [...sets.values()];
  }

  /** The others' truthful reports w*_-i(pi, t_-i) at the true profile k (all agents' rows; row i is replaced). */
  private reportsAt(k: number, pi: readonly number[]): number[][] {
    const t = this.P.profiles.profile(k);
    return t.map((tj, j) => this.truthfulReport(j, pi, tj));
  }

  /** Agent i's stage-2 payoff v_i(phi(u), ., t_i) . rho(f(t)) + yhat_i(u) at true profile k, posted pi, own report ui. */
  stage2Payoff(i: number, k: number, pi: readonly number[], ui: readonly number[], truePosterior: readonly number[]): number {
    const u = this.reportsAt(k, pi);
    u[i] = [...ui];
    const { outcome, transfers } = privateValuesVCG(u);
    const ti = this.P.profiles.component(k, i);
    return truePosterior.reduce((s, p, th) => s + p * this.values[i][th][ti][outcome], 0) + transfers[i];
  }

  /** The best stage-2 payoff at profile k over every u_i in H_i: any outcome c can be induced, so max_c [v_i(c) . rho + W_-i(c)] - max_c W_-i(c). */
  stage2UpperBound(i: number, k: number, pi: readonly number[], truePosterior: readonly number[]): number {
    const u = this.reportsAt(k, pi);
    const ti = this.P.profiles.component(k, i);
    let best = -Infinity;
    let bestOthers = -Infinity;
    for (let c = 0; c < this.outcomes; c++) {
      let W = 0;
      for (let j = 0; j < u.length; j++) if (j !== i) W += u[j][c];
      const own = truePosterior.reduce((s, p, th) => s + p * this.values[i][th][ti][c], 0);
      best = Math.max(best, own + W);
      bestOthers = Math.max(bestOthers, W);
    }
    return best - bestOthers;
  }

  /** Expected stage-2 payoff of report ui at an information set under mu_i. */
  expectedAtSet(set: InformationSet, ui: readonly number[]): number {
    return set.cells.reduce((s, c) => s + c.weight * this.stage2Payoff(set.agent, c.profile, set.posted, ui, c.truePosterior), 0);
  }

  /**
   * The cells of Step 2's objective at an information set: for each t_-i in
   * the support of mu_i, its weight, the others' welfare W_-i(c; t_-i) from
   * their truthful reports w*_-i(pi, t_-i), and i's expected value of each
   * outcome at the true posterior rho(f(t)) (seed 001, sections 6.3 and 7.2).
   */
  stage2Cells(set: InformationSet): Stage2Cell[] {
    const i = set.agent;
    return set.cells.map((cell) => {
      const u = this.reportsAt(cell.profile, set.posted);
      const others = new Array<number>(this.outcomes).fill(0);
      for (let j = 0; j < u.length; j++) if (j !== i) for (let c = 0; c < this.outcomes; c++) others[c] += u[j][c];
      const own = Array.from({ length: this.outcomes }, (_, c) =>
        cell.truePosterior.reduce((s, p, th) => s + p * this.values[i][th][set.trueType][c], 0),
      );
      return { weight: cell.weight, others, own };
    });
  }

  /**
   * beta*_i(r_i, pi, t_i) of Step 2 (seed 001, sections 6.3 and 7.2): an exact
   * maximiser over all of H_i = R_+^C of the expected stage-2 payoff under
   * mu_i, for any number of outcomes (bestStage2Response: a search over the
   * outcome assignments t_-i -> c realizable by some u_i, decided exactly as
   * systems of difference constraints). The value is recomputed through the
   * foundation's VCG at the returned report and must agree.
   */
  bestStage2Report(set: InformationSet): { report: number[]; value: number; assignment: number[] } {
    const best = bestStage2Response(this.stage2Cells(set));
    const value = this.expectedAtSet(set, best.report);
    if (Math.abs(value - best.value) > DEFAULT_TOLERANCE * (1 + Math.abs(value)))
      throw new Error(`beta*: the VCG payoff ${value} at the maximiser differs from the search's ${best.value}`);
    return { report: best.report, value, assignment: best.assignment };
  }

  /**
   * Part 2 (and Part 1): at every information set reached after a truthful
   * first stage, the largest gain of any u_i in H_i over wbar_i given mu_i,
   * bounded above through the best outcome for each t_-i (exact: wbar_i is
   * then optimal iff the returned gain is <= 0).
   */
  secondStageGain(i: number, ti: number): { gain: number; sets: number } {
    const a = this.D.signalOf[i][ti];
    let gain = -Infinity;
    const sets = this.informationSets(i, ti, a);
    for (const set of sets) {
      const truthful = this.expectedAtSet(set, this.truthfulReport(i, set.posted, ti));
      const upper = set.cells.reduce((s, c) => s + c.weight * this.stage2UpperBound(i, c.profile, set.posted, c.truePosterior), 0);
      gain = Math.max(gain, upper - truthful);
    }
    return { gain, sets: sets.length };
  }

  /** Part 3: the coordinated deviation (report r_i in stage 1, then beta*_i) of agent i of type t_i. */
  coordinatedDeviation(i: number, ti: number, report: number): CoordinatedDeviation {
    const a = this.D.signalOf[i][ti];
    let truthful = 0;
    let rewardAdvantage = 0;
    for (const set of this.informationSets(i, ti, a)) {
      const w = this.truthfulReport(i, set.posted, ti);
      for (const c of set.cells) {
        const p = c.weight * set.probability;
        truthful += p * this.stage2Payoff(i, c.profile, set.posted, w, c.truePosterior);
        rewardAdvantage +=
          p *
          (this.rewards(i, signalProfileIndex(this.P, this.D, c.profile)) - this.rewards(i, this.reportedSignals(c.profile, i, report)));
      }
    }
    let deviation = 0;
    let upper = 0;
    for (const set of this.informationSets(i, ti, report)) {
      deviation += set.probability * this.bestStage2Report(set).value;
      for (const c of set.cells) upper += c.weight * set.probability * this.stage2UpperBound(i, c.profile, set.posted, c.truePosterior);
    }
    return {
      agent: i,
      trueType: ti,
      report,
      truthfulStage2: truthful,
      deviationStage2: deviation,
      deviationStage2UpperBound: upper,
      rewardAdvantage,
      gain: deviation - truthful - rewardAdvantage,
      gainUpperBound: upper - truthful - rewardAdvantage,
    };
  }

  /** Every coordinated deviation with a different first-stage signal (exhaustive over first-stage lies). */
  allCoordinatedDeviations(): CoordinatedDeviation[] {
    const out: CoordinatedDeviation[] = [];
    for (let i = 0; i < this.agents; i++) {
      for (let ti = 0; ti < this.P.typeCounts[i]; ti++) {
        if (!(this.P.ownMarginal[i][ti] > 0)) continue;
        for (let r = 0; r < this.D.Q.typeCounts[i]; r++) if (r !== this.D.signalOf[i][ti]) out.push(this.coordinatedDeviation(i, ti, r));
      }
    }
    return out;
  }
}
