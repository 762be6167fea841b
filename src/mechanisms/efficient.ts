/**
 * Outcome efficiency: q(t) in argmax_c sum_j vhat_j(c; t) (seed 001,
 * Definition 1). Ties go to the lowest outcome index.
 */
import { ValueTable } from '../model/environment.ts';
import { TIE_TOLERANCE } from '../core/tolerance.ts';

/** argmax over outcomes of sum_{j in agents} vhat_j(c; t_k); returns [outcome, value]. */
export function bestOutcome(values: ValueTable, k: number, agents: readonly number[]): [number, number] {
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < values.outcomes; c++) {
    let s = 0;
    for (const j of agents) s += values.get(j, k, c);
    if (s > best + TIE_TOLERANCE) {
      best = s;
      arg = c;
    }
  }
  return [arg, best];
}

export function allAgents(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export function othersThan(n: number, i: number): number[] {
  return allAgents(n).filter((j) => j !== i);
}
