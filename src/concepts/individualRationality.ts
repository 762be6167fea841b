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
import { exPostProfiles, type CheckOptions } from './incentiveCompatibility.ts';
import { WorstCase, type ConceptResult } from './result.ts';

export function exPostIR(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const ev = Evaluation.of(env, mech);
  const space = ev.space;
  const worst = new WorstCase();
  for (const t of exPostProfiles(env, ev)) {
    for (let i = 0; i < space.agents; i++) {
      const u = ev.utility(i, t, t);
      worst.offer(-u, () => ({ agent: i, trueType: space.component(t, i), profile: space.profile(t), truthfulUtility: u }));
    }
  }
  return worst.result('exPostIR', opts.tolerance ?? DEFAULT_TOLERANCE);
}

export function interimIR(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation, opts: CheckOptions = {}): ConceptResult {
  const ev = Evaluation.of(env, mech);
  const space = ev.space;
  const prior = env.prior;
  const worst = new WorstCase();
  for (let i = 0; i < space.agents; i++) {
    const u = new Float64Array(space.counts[i]);
    for (let t = 0; t < space.size; t++) {
      const w = prior.othersGivenOwnAt(i, t);
      if (w > 0) u[space.component(t, i)] += w * ev.utility(i, t, t);
    }
    for (let own = 0; own < space.counts[i]; own++) {
      if (!(prior.ownMarginal[i][own] > 0)) continue;
      worst.offer(-u[own], () => ({ agent: i, trueType: own, truthfulUtility: u[own] }));
    }
  }
  return worst.result('interimIR', opts.tolerance ?? DEFAULT_TOLERANCE);
}
