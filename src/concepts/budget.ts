/**
 * The designer's budget and the sign of transfers (transfers are paid TO agents),
 * over true profiles t (P(t) > 0):
 * - exPostBudget: the largest deficit sum_i x_i(t); the mechanism is feasible
 *   in seed 001's sense (Definition 1) when it is <= 0.
 * - exAnteBudget: the expected deficit sum_t P(t) sum_i x_i(t).
 * - noPositiveTransfers: the largest x_i(t); seed 000 and seed 001 require
 *   transfers <= 0 (agents pay, never receive).
 * Computed by the one-pass engine (src/concepts/engine.ts).
 */
import type { Environment } from '../model/environment.ts';
import { Evaluation, type CheckOptions, type MechanismLike } from './evaluation.ts';
import type { ConceptResultOf } from './result.ts';

/** Ex post budget: the largest deficit sum_i x_i(t) at a true profile. */
export function exPostBudget(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'exPostBudget'> {
  return Evaluation.of(env, mech, opts).result('exPostBudget', opts);
}

/** Ex ante budget: the expected deficit. */
export function exAnteBudget(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'exAnteBudget'> {
  return Evaluation.of(env, mech, opts).result('exAnteBudget', opts);
}

/** No positive transfers: the largest transfer x_i(t) to an agent at a true profile. */
export function noPositiveTransfers(
  env: Environment,
  mech: MechanismLike,
  opts: CheckOptions = {},
): ConceptResultOf<'noPositiveTransfers'> {
  return Evaluation.of(env, mech, opts).result('noPositiveTransfers', opts);
}
