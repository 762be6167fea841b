/**
 * Groves mechanisms and VCG (Clarke pivot) for private values over any finite
 * outcome set. q(t) maximises sum_j v_j(c, t_j);
 *   x_i(t) = sum_{j != i} v_j(q(t), t_j) + h_i(t_-i)         (Groves)
 *   h_i(t_-i) = - max_c sum_{j != i} v_j(c, t_j)              (VCG / Clarke)
 * VCG is the generalized VCG (gvcg.ts) with a single state.
 */
import type { Environment } from '../model/environment.ts';
import { ValueTable } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { allAgents, bestOutcome, othersThan } from './efficient.ts';
import { generalizedVCG } from './gvcg.ts';

/**
 * A Groves mechanism with the given h_i (called with the agent and the
 * reported profile index; it must depend on t_-i only).
 */
export function grovesMechanism(env: Environment, h: (agent: number, profileIndex: number) => number): DirectMechanism {
  const values = new ValueTable(env);
  const n = env.prior.agents;
  const all = allAgents(n);
  return {
    name: 'Groves',
    outcome: (k) => bestOutcome(values, k, all)[0],
    transfer: (k) => {
      const q = bestOutcome(values, k, all)[0];
      return all.map((i) => othersThan(n, i).reduce((s, j) => s + values.get(j, k, q), 0) + h(i, k));
    },
  };
}

/** VCG with the Clarke pivot. Private values expected (`env.privateValues`). */
export function vcgMechanism(env: Environment): DirectMechanism {
  return { ...generalizedVCG(env), name: 'VCG' };
}
