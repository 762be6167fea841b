/**
 * The straightforward reference implementation of the eight concepts: each
 * concept walks the profiles on its own, literally as README "Definitions"
 * states it. It is slow (it calls the mechanism and the valuations per lookup
 * and decodes profile indices each time) and kept for two uses only: it is the
 * oracle of the one-pass engine's property test (src/concepts/engine.test.ts)
 * and the baseline of `npm run bench` (src/bench/check.ts).
 *
 * The definitions it implements (seed 001, Definition 1; seed 003, Lemma 1):
 *   U_i(t; r) = sum_c q(r)[c] vhat_i(c; t) + x_i(r),
 *   vhat_i(c; t) = sum_theta v_i(c, theta, t) P(theta | t)   (= v_i(c, t_i) with private values);
 * a true profile t is one with P(t) > 0 (the zero-probability policy).
 * Ties between equal worst values go to the first case in the loop order below.
 */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { conceptResult, WorstCase, type ConceptName, type ConceptResult, type ConceptResultOf } from './result.ts';

/** A mechanism and environment with the utility U_i(t; r) evaluated from scratch at each call. */
class Straightforward {
  readonly env: Environment;
  readonly mech: DirectMechanism;

  constructor(env: Environment, mech: DirectMechanism) {
    this.env = env;
    this.mech = mech;
  }

  get space() {
    return this.env.prior.profiles;
  }

  /** P(t) > 0: t can be the true profile. */
  supported(t: number): boolean {
    return this.env.prior.profileMarginal[t] > 0;
  }

  /** vhat_i(c; t) for a true profile t (P(t) > 0, or any t with private values). */
  vhat(i: number, c: number, t: number): number {
    const { env } = this;
    if (env.privateValues) return env.value(i, c, 0, t);
    const post = env.prior.stateGivenProfile(t);
    let v = 0;
    for (let th = 0; th < env.prior.states; th++) if (post[th] !== 0) v += post[th] * env.value(i, c, th, t);
    return v;
  }

  /** U_i(t; r). */
  utility(i: number, t: number, r: number): number {
    const q = this.mech.outcome(r);
    let u = this.mech.transfer(r)[i];
    for (let c = 0; c < this.env.outcomes; c++) {
      const p = typeof q === 'number' ? (c === q ? 1 : 0) : q[c];
      if (p !== 0) u += p * this.vhat(i, c, t);
    }
    return u;
  }
}

type Options = { tolerance?: number };

/** Reference DSIC: for each agent i, reported profile r (own report r_i = t_i), true profile t, lie. */
export function referenceDominantStrategyIC(
  env: Environment,
  mech: DirectMechanism,
  opts: Options = {},
): ConceptResultOf<'dominantStrategyIC'> {
  const m = new Straightforward(env, mech);
  const space = m.space;
  const worst = new WorstCase('dominantStrategyIC');
  for (let i = 0; i < space.agents; i++) {
    // with private values the others' true types do not matter: the first true profile
    // (P(t) > 0) with agent i's type stands for all of them
    const firstTrue = new Array<number>(space.counts[i]).fill(-1);
    for (let t = space.size - 1; t >= 0; t--) if (m.supported(t)) firstTrue[space.component(t, i)] = t;
    for (let r = 0; r < space.size; r++) {
      const own = space.component(r, i);
      const trueProfiles: number[] = [];
      if (env.privateValues) {
        if (firstTrue[own] >= 0) trueProfiles.push(firstTrue[own]);
      } else for (let t = 0; t < space.size; t++) if (space.component(t, i) === own && m.supported(t)) trueProfiles.push(t);
      for (const t0 of trueProfiles) {
        // with private values: the reported profile stands for the true one when it has positive probability
        const t = env.privateValues && m.supported(r) ? r : t0;
        const truthful = m.utility(i, t, r);
        for (let lie = 0; lie < space.counts[i]; lie++) {
          if (lie === own) continue;
          const dev = m.utility(i, t, space.replace(r, i, lie));
          worst.offer(dev - truthful, () => ({
            agent: i,
            trueType: own,
            trueProfile: space.profile(t),
            reportedProfile: space.profile(r),
            report: lie,
            truthfulUtility: truthful,
            deviationUtility: dev,
          }));
        }
      }
    }
  }
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Reference ex post IC: for each true profile t (P(t) > 0), agent, lie; the others truthful. */
export function referenceExPostIC(env: Environment, mech: DirectMechanism, opts: Options = {}): ConceptResultOf<'exPostIC'> {
  const m = new Straightforward(env, mech);
  const space = m.space;
  const worst = new WorstCase('exPostIC');
  for (let t = 0; t < space.size; t++) {
    if (!m.supported(t)) continue;
    for (let i = 0; i < space.agents; i++) {
      const own = space.component(t, i);
      const truthful = m.utility(i, t, t);
      for (let lie = 0; lie < space.counts[i]; lie++) {
        if (lie === own) continue;
        const dev = m.utility(i, t, space.replace(t, i, lie));
        worst.offer(dev - truthful, () => ({
          agent: i,
          trueType: own,
          trueProfile: space.profile(t),
          report: lie,
          truthfulUtility: truthful,
          deviationUtility: dev,
        }));
      }
    }
  }
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Reference interim IC: for each agent and own type of positive probability, the expected gain of each lie. */
export function referenceInterimIC(env: Environment, mech: DirectMechanism, opts: Options = {}): ConceptResultOf<'interimIC'> {
  const m = new Straightforward(env, mech);
  const space = m.space;
  const prior = env.prior;
  const worst = new WorstCase('interimIC');
  for (let i = 0; i < space.agents; i++) {
    const Ti = space.counts[i];
    for (let own = 0; own < Ti; own++) {
      if (!(prior.ownMarginal[i][own] > 0)) continue;
      let truthful = 0;
      const dev = new Float64Array(Ti);
      for (let t = 0; t < space.size; t++) {
        if (space.component(t, i) !== own) continue;
        const w = prior.othersGivenOwnAt(i, t);
        if (w === 0) continue;
        truthful += w * m.utility(i, t, t);
        for (let lie = 0; lie < Ti; lie++) if (lie !== own) dev[lie] += w * m.utility(i, t, space.replace(t, i, lie));
      }
      for (let lie = 0; lie < Ti; lie++) {
        if (lie === own) continue;
        worst.offer(dev[lie] - truthful, () => ({
          agent: i,
          trueType: own,
          report: lie,
          truthfulUtility: truthful,
          deviationUtility: dev[lie],
        }));
      }
    }
  }
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Reference ex post IR: the shortfall -U_i(t; t) at each true profile. */
export function referenceExPostIR(env: Environment, mech: DirectMechanism, opts: Options = {}): ConceptResultOf<'exPostIR'> {
  const m = new Straightforward(env, mech);
  const space = m.space;
  const worst = new WorstCase('exPostIR');
  for (let t = 0; t < space.size; t++) {
    if (!m.supported(t)) continue;
    for (let i = 0; i < space.agents; i++) {
      const u = m.utility(i, t, t);
      worst.offer(-u, () => ({ agent: i, trueType: space.component(t, i), profile: space.profile(t), truthfulUtility: u }));
    }
  }
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Reference interim IR: the shortfall of E[U_i(t; t) | t_i] for each type of positive probability. */
export function referenceInterimIR(env: Environment, mech: DirectMechanism, opts: Options = {}): ConceptResultOf<'interimIR'> {
  const m = new Straightforward(env, mech);
  const space = m.space;
  const prior = env.prior;
  const worst = new WorstCase('interimIR');
  for (let i = 0; i < space.agents; i++) {
    const u = new Float64Array(space.counts[i]);
    for (let t = 0; t < space.size; t++) {
      const w = prior.othersGivenOwnAt(i, t);
      if (w > 0) u[space.component(t, i)] += w * m.utility(i, t, t);
    }
    for (let own = 0; own < space.counts[i]; own++) {
      if (!(prior.ownMarginal[i][own] > 0)) continue;
      worst.offer(-u[own], () => ({ agent: i, trueType: own, truthfulUtility: u[own] }));
    }
  }
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

function deficit(mech: DirectMechanism, t: number, n: number): number {
  const x = mech.transfer(t);
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s;
}

/** Reference ex post budget: the largest deficit sum_i x_i(t) over true profiles. */
export function referenceExPostBudget(env: Environment, mech: DirectMechanism, opts: Options = {}): ConceptResultOf<'exPostBudget'> {
  const space = env.prior.profiles;
  const worst = new WorstCase('exPostBudget');
  for (let t = 0; t < space.size; t++)
    if (env.prior.profileMarginal[t] > 0) worst.offer(deficit(mech, t, space.agents), () => ({ profile: space.profile(t) }));
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Reference ex ante budget: sum_t P(t) sum_i x_i(t). */
export function referenceExAnteBudget(env: Environment, mech: DirectMechanism, opts: Options = {}): ConceptResultOf<'exAnteBudget'> {
  const prior = env.prior;
  let s = 0;
  for (let t = 0; t < prior.profiles.size; t++)
    if (prior.profileMarginal[t] > 0) s += prior.profileMarginal[t] * deficit(mech, t, prior.agents);
  return conceptResult('exAnteBudget', s, {}, opts.tolerance ?? DEFAULT_TOLERANCE, 1);
}

/** Reference no positive transfers: the largest x_i(t) over true profiles and agents. */
export function referenceNoPositiveTransfers(
  env: Environment,
  mech: DirectMechanism,
  opts: Options = {},
): ConceptResultOf<'noPositiveTransfers'> {
  const space = env.prior.profiles;
  const worst = new WorstCase('noPositiveTransfers');
  for (let t = 0; t < space.size; t++) {
    if (!(env.prior.profileMarginal[t] > 0)) continue;
    const x = mech.transfer(t);
    for (let i = 0; i < space.agents; i++) worst.offer(x[i], () => ({ agent: i, profile: space.profile(t) }));
  }
  return worst.result(opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Every reference checker by concept name. */
export const referenceCheckers: { [C in ConceptName]: (env: Environment, mech: DirectMechanism, opts?: Options) => ConceptResultOf<C> } = {
  dominantStrategyIC: referenceDominantStrategyIC,
  exPostIC: referenceExPostIC,
  interimIC: referenceInterimIC,
  exPostIR: referenceExPostIR,
  interimIR: referenceInterimIR,
  exPostBudget: referenceExPostBudget,
  exAnteBudget: referenceExAnteBudget,
  noPositiveTransfers: referenceNoPositiveTransfers,
};

/** The reference results of several concepts (each a separate walk). */
export function referenceCheckAll(
  env: Environment,
  mech: DirectMechanism,
  opts: Options = {},
  concepts: readonly ConceptName[],
): ConceptResult[] {
  return concepts.map((c) => referenceCheckers[c](env, mech, opts));
}
