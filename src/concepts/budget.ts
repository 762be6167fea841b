/**
 * The designer's budget and the sign of transfers (transfers are paid TO agents).
 * - exPostBudget: the largest deficit sum_i x_i(t) over profiles; the mechanism
 *   is feasible in seed 001's sense (Definition 1) when it is <= 0.
 * - exAnteBudget: the expected deficit sum_t P(t) sum_i x_i(t).
 * - noPositiveTransfers: the largest x_i(t); seed 000 and seed 001 require
 *   transfers <= 0 (agents pay, never receive).
 */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { MechanismTable } from '../model/mechanism.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { Evaluation } from './evaluation.ts';
import type { CheckOptions } from './incentiveCompatibility.ts';
import { conceptResult, type ConceptResult, type Witness } from './result.ts';

function table(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation): MechanismTable {
  if (mech instanceof Evaluation) return mech.mech;
  return mech instanceof MechanismTable ? mech : new MechanismTable(env, mech);
}

export function exPostBudget(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const m = table(env, mech);
  const space = env.prior.profiles;
  let worst = -Infinity;
  let witness: Witness | null = null;
  let cases = 0;
  for (let t = 0; t < space.size; t++) {
    let s = 0;
    for (let i = 0; i < m.agents; i++) s += m.transfer(t, i);
    cases++;
    if (s > worst) {
      worst = s;
      witness = { profile: space.profile(t) };
    }
  }
  return conceptResult('exPostBudget', worst, witness, tol, cases);
}

export function exAnteBudget(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const m = table(env, mech);
  const prior = env.prior;
  let s = 0;
  for (let t = 0; t < prior.profiles.size; t++) {
    const p = prior.profileMarginal[t];
    if (p === 0) continue;
    for (let i = 0; i < m.agents; i++) s += p * m.transfer(t, i);
  }
  return conceptResult('exAnteBudget', s, {}, tol, 1);
}

export function noPositiveTransfers(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const m = table(env, mech);
  const space = env.prior.profiles;
  let worst = -Infinity;
  let witness: Witness | null = null;
  let cases = 0;
  for (let t = 0; t < space.size; t++) {
    for (let i = 0; i < m.agents; i++) {
      const x = m.transfer(t, i);
      cases++;
      if (x > worst) {
        worst = x;
        witness = { agent: i, profile: space.profile(t) };
      }
    }
  }
  return conceptResult('noPositiveTransfers', worst, witness, tol, cases);
}
