/**
 * Incentive compatibility of a finite direct mechanism, each as the largest
 * gain from a misreport with its witness.
 *
 * - dominantStrategyIC: for every true profile t, every profile of the others'
 *   reports r_-i and every lie t_i': U_i(t; r_-i, t_i') - U_i(t; r_-i, t_i).
 *   With private values the others' true types do not matter and the loop is
 *   over reported profiles only.
 * - exPostIC: truthful others: U_i(t; t_-i, t_i') - U_i(t; t) (seed 001 and the
 *   ex post notion of seed 003, Lemma 1).
 * - interimIC (Bayesian IC, seed 001 Definition 1): the same gain averaged with
 *   P_{T_-i}(t_-i | t_i).
 */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { MechanismTable } from '../model/mechanism.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { Evaluation } from './evaluation.ts';
import { WorstCase, type ConceptResult } from './result.ts';

export interface CheckOptions {
  /** violations up to this size count as holding; default DEFAULT_TOLERANCE (1e-9) */
  tolerance?: number;
}

type MechanismLike = DirectMechanism | MechanismTable | Evaluation;

export function dominantStrategyIC(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResult {
  const ev = Evaluation.of(env, mech);
  const space = ev.space;
  const worst = new WorstCase();
  for (let i = 0; i < space.agents; i++) {
    for (let r = 0; r < space.size; r++) {
      // r: the reported profile, with agent i's report equal to its true type
      const own = space.component(r, i);
      // the true profiles consistent with the own type: only r itself with private values
      const trueProfiles: number[] = [];
      if (env.privateValues) trueProfiles.push(r);
      else for (let t = 0; t < space.size; t++) if (space.component(t, i) === own) trueProfiles.push(t);
      for (const t of trueProfiles) {
        if (!ev.defined(t)) continue;
        const truthful = ev.utility(i, t, r);
        for (let lie = 0; lie < space.counts[i]; lie++) {
          if (lie === own) continue;
          const dev = ev.utility(i, t, space.replace(r, i, lie));
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
  return worst.result('dominantStrategyIC', opts.tolerance ?? DEFAULT_TOLERANCE);
}

/** Profiles at which ex post quantities are defined: vhat exists and, with several states, P(t) > 0. */
export function exPostProfiles(env: Environment, ev: Evaluation): number[] {
  const out: number[] = [];
  for (let t = 0; t < ev.space.size; t++) {
    if (!ev.defined(t)) continue;
    if (env.prior.states > 1 && !(env.prior.profileMarginal[t] > 0)) continue;
    out.push(t);
  }
  return out;
}

export function exPostIC(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResult {
  const ev = Evaluation.of(env, mech);
  const space = ev.space;
  const worst = new WorstCase();
  for (const t of exPostProfiles(env, ev)) {
    for (let i = 0; i < space.agents; i++) {
      const own = space.component(t, i);
      const truthful = ev.utility(i, t, t);
      for (let lie = 0; lie < space.counts[i]; lie++) {
        if (lie === own) continue;
        const dev = ev.utility(i, t, space.replace(t, i, lie));
        worst.offer(dev - truthful, () => ({ agent: i, trueType: own, trueProfile: space.profile(t), report: lie, truthfulUtility: truthful, deviationUtility: dev }));
      }
    }
  }
  return worst.result('exPostIC', opts.tolerance ?? DEFAULT_TOLERANCE);
}

export function interimIC(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResult {
  const ev = Evaluation.of(env, mech);
  const space = ev.space;
  const prior = env.prior;
  const worst = new WorstCase();
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
        truthful += w * ev.utility(i, t, t);
        for (let lie = 0; lie < Ti; lie++) if (lie !== own) dev[lie] += w * ev.utility(i, t, space.replace(t, i, lie));
      }
      for (let lie = 0; lie < Ti; lie++) {
        if (lie === own) continue;
        worst.offer(dev[lie] - truthful, () => ({ agent: i, trueType: own, report: lie, truthfulUtility: truthful, deviationUtility: dev[lie] }));
      }
    }
  }
  return worst.result('interimIC', opts.tolerance ?? DEFAULT_TOLERANCE);
}

export { MechanismTable };
