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
import { conceptResult, type ConceptResult, type Witness } from './result.ts';

export interface CheckOptions {
  /** violations up to this size count as holding; default DEFAULT_TOLERANCE (1e-9) */
  tolerance?: number;
}

function evaluation(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation): Evaluation {
  return mech instanceof Evaluation ? mech : new Evaluation(env, mech);
}

export function dominantStrategyIC(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const ev = evaluation(env, mech);
  const space = ev.space;
  const n = space.agents;
  let worst = -Infinity;
  let witness: Witness | null = null;
  let cases = 0;
  for (let i = 0; i < n; i++) {
    const Ti = space.counts[i];
    for (let r = 0; r < space.size; r++) {
      // r: reported profile with own report = true own type
      const own = space.component(r, i);
      // true profiles consistent with own type: all (t_-i, own) when values are interdependent
      const trueProfiles: number[] = [];
      if (env.privateValues) trueProfiles.push(r);
      else for (let t = 0; t < space.size; t++) if (space.component(t, i) === own && ev.defined(t)) trueProfiles.push(t);
      for (const t of trueProfiles) {
        if (!ev.defined(t)) continue;
        const truthful = ev.utility(i, t, r);
        for (let lie = 0; lie < Ti; lie++) {
          if (lie === own) continue;
          const rl = space.replace(r, i, lie);
          const dev = ev.utility(i, t, rl);
          const gain = dev - truthful;
          cases++;
          if (gain > worst) {
            worst = gain;
            witness = {
              agent: i,
              trueType: own,
              trueProfile: space.profile(t),
              reportedProfile: space.profile(r),
              report: lie,
              truthfulUtility: truthful,
              deviationUtility: dev,
            };
          }
        }
      }
    }
  }
  return conceptResult('dominantStrategyIC', cases ? worst : 0, witness, tol, cases);
}

export function exPostIC(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const ev = evaluation(env, mech);
  const space = ev.space;
  let worst = -Infinity;
  let witness: Witness | null = null;
  let cases = 0;
  for (let t = 0; t < space.size; t++) {
    if (!ev.defined(t)) continue;
    if (env.prior.states > 1 && !(env.prior.profileMarginal[t] > 0)) continue;
    for (let i = 0; i < space.agents; i++) {
      const own = space.component(t, i);
      const truthful = ev.utility(i, t, t);
      for (let lie = 0; lie < space.counts[i]; lie++) {
        if (lie === own) continue;
        const dev = ev.utility(i, t, space.replace(t, i, lie));
        const gain = dev - truthful;
        cases++;
        if (gain > worst) {
          worst = gain;
          witness = { agent: i, trueType: own, trueProfile: space.profile(t), report: lie, truthfulUtility: truthful, deviationUtility: dev };
        }
      }
    }
  }
  return conceptResult('exPostIC', cases ? worst : 0, witness, tol, cases);
}

export function interimIC(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const ev = evaluation(env, mech);
  const space = ev.space;
  const prior = env.prior;
  let worst = -Infinity;
  let witness: Witness | null = null;
  let cases = 0;
  for (let i = 0; i < space.agents; i++) {
    const Ti = space.counts[i];
    for (let own = 0; own < Ti; own++) {
      if (!(prior.ownMarginal[i][own] > 0)) continue;
      const gains = new Float64Array(Ti);
      let truthful = 0;
      const dev = new Float64Array(Ti);
      for (let t = 0; t < space.size; t++) {
        if (space.component(t, i) !== own) continue;
        const w = prior.othersGivenOwnAt(i, t);
        if (w === 0) continue;
        const u = ev.utility(i, t, t);
        truthful += w * u;
        for (let lie = 0; lie < Ti; lie++) if (lie !== own) dev[lie] += w * ev.utility(i, t, space.replace(t, i, lie));
      }
      for (let lie = 0; lie < Ti; lie++) {
        if (lie === own) continue;
        gains[lie] = dev[lie] - truthful;
        cases++;
        if (gains[lie] > worst) {
          worst = gains[lie];
          witness = { agent: i, trueType: own, report: lie, truthfulUtility: truthful, deviationUtility: dev[lie] };
        }
      }
    }
  }
  return conceptResult('interimIC', cases ? worst : 0, witness, tol, cases);
}

export { MechanismTable };
