/**
 * Individual rationality (participation constraints, outside option 0):
 * - exPostIR (seed 001 Definition 1): vhat_i(q(t); t) + x_i(t) >= 0 for all i, t;
 * - interimIR: sum_{t_-i} [vhat_i(q(t); t) + x_i(t)] P(t_-i | t_i) >= 0.
 * `worst` is the largest shortfall below zero (negative when IR is slack).
 */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism, MechanismTable } from '../model/mechanism.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { Evaluation } from './evaluation.ts';
import type { CheckOptions } from './incentiveCompatibility.ts';
import { conceptResult, type ConceptResult, type Witness } from './result.ts';

function evaluation(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation): Evaluation {
  return mech instanceof Evaluation ? mech : new Evaluation(env, mech);
}

export function exPostIR(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
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
      const u = ev.utility(i, t, t);
      cases++;
      if (-u > worst) {
        worst = -u;
        witness = { agent: i, trueType: space.component(t, i), profile: space.profile(t), truthfulUtility: u };
      }
    }
  }
  return conceptResult('exPostIR', cases ? worst : 0, witness, tol, cases);
}

export function interimIR(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  const ev = evaluation(env, mech);
  const space = ev.space;
  const prior = env.prior;
  let worst = -Infinity;
  let witness: Witness | null = null;
  let cases = 0;
  for (let i = 0; i < space.agents; i++) {
    const u = new Float64Array(space.counts[i]);
    for (let t = 0; t < space.size; t++) {
      const w = prior.othersGivenOwnAt(i, t);
      if (w > 0) u[space.component(t, i)] += w * ev.utility(i, t, t);
    }
    for (let own = 0; own < space.counts[i]; own++) {
      if (!(prior.ownMarginal[i][own] > 0)) continue;
      cases++;
      if (-u[own] > worst) {
        worst = -u[own];
        witness = { agent: i, trueType: own, truthfulUtility: u[own] };
      }
    }
  }
  return conceptResult('interimIR', cases ? worst : 0, witness, tol, cases);
}
