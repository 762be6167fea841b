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
import { conceptResult, WorstCase, type ConceptResult } from './result.ts';

function table(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation): MechanismTable {
  if (mech instanceof Evaluation) return mech.mech;
  return mech instanceof MechanismTable ? mech : new MechanismTable(env, mech);
}

function deficitAt(m: MechanismTable, t: number): number {
  let s = 0;
  for (let i = 0; i < m.agents; i++) s += m.transfer(t, i);
  return s;
}

export function exPostBudget(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const m = table(env, mech);
  const space = env.prior.profiles;
  const worst = new WorstCase();
  for (let t = 0; t < space.size; t++) worst.offer(deficitAt(m, t), () => ({ profile: space.profile(t) }));
  return worst.result('exPostBudget', opts.tolerance ?? DEFAULT_TOLERANCE);
}

export function exAnteBudget(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const m = table(env, mech);
  const prior = env.prior;
  let s = 0;
  for (let t = 0; t < prior.profiles.size; t++) if (prior.profileMarginal[t] > 0) s += prior.profileMarginal[t] * deficitAt(m, t);
  return conceptResult('exAnteBudget', s, {}, opts.tolerance ?? DEFAULT_TOLERANCE, 1);
}

export function noPositiveTransfers(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const m = table(env, mech);
  const space = env.prior.profiles;
  const worst = new WorstCase();
  for (let t = 0; t < space.size; t++) for (let i = 0; i < m.agents; i++) worst.offer(m.transfer(t, i), () => ({ agent: i, profile: space.profile(t) }));
  return worst.result('noPositiveTransfers', opts.tolerance ?? DEFAULT_TOLERANCE);
}
