/**
 * Individual rationality (participation constraints, outside option 0):
 * - exPostIR (seed 001 Definition 1): vhat_i(q(t); t) + x_i(t) >= 0 for all i
 *   and true profiles t (P(t) > 0);
 * - interimIR: sum_{t_-i} [vhat_i(q(t); t) + x_i(t)] P(t_-i | t_i) >= 0 for every
 *   t_i with P(t_i) > 0.
 * `worst` is the largest shortfall below zero (negative when IR is slack).
 * Computed by the one-pass engine (src/concepts/engine.ts).
 */
import type { Environment } from '../model/environment.ts';
import { Evaluation, type CheckOptions, type MechanismLike } from './evaluation.ts';
import type { ConceptResultOf } from './result.ts';

/** Ex post IR: the largest shortfall of an agent's utility below 0 at a true profile. */
export function exPostIR(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'exPostIR'> {
  return Evaluation.of(env, mech, opts).result('exPostIR', opts);
}

/** Interim IR: the largest shortfall of an agent's expected utility, given its type, below 0. */
export function interimIR(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'interimIR'> {
  return Evaluation.of(env, mech, opts).result('interimIR', opts);
}
