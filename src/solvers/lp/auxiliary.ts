/**
 * Auxiliary LPs that produce certificates when a backend's answer comes
 * without one (standard constructions; see e.g. Bertsimas and Tsitsiklis,
 * "Introduction to Linear Optimization", 1997, sections 3.5 and 4.6):
 *
 * - phase 1: minimise the total violation sum_i (p_i + n_i) subject to
 *   l_i <= a_i.x + p_i - n_i <= u_i and the variable bounds. It is always
 *   feasible and bounded; its optimum is 0 exactly when the LP is feasible
 *   (its x is then a feasible point), and otherwise its row duals are a Farkas
 *   certificate for the original rows (the phase-1 dual is max y.b subject to
 *   y^T A = 0 on free columns and |y_i| <= 1);
 * - the ray LP: maximise c.r (min: -c.r) over the recession cone of the rows
 *   and bounds within the box |r_j| <= 1; a positive optimum is an unbounded ray.
 */
import type { LinearProgram, LPRow } from './types.ts';

/** The phase-1 LP of `lp`: variables x (same bounds), then p_i and n_i per row. */
export function phaseOneLP(lp: LinearProgram): LinearProgram {
  const n = lp.objective.length;
  const m = lp.rows.length;
  const rows: LPRow[] = lp.rows.map((r, i) => ({
    indices: [...r.indices, n + i, n + m + i],
    values: [...r.values, 1, -1],
    lower: r.lower,
    upper: r.upper,
    name: r.name,
  }));
  return {
    sense: 'min',
    objective: [...new Array<number>(n).fill(0), ...new Array<number>(2 * m).fill(1)],
    rows,
    lower: [...(lp.lower ?? new Array<number>(n).fill(0)), ...new Array<number>(2 * m).fill(0)],
    upper: [...(lp.upper ?? new Array<number>(n).fill(Infinity)), ...new Array<number>(2 * m).fill(Infinity)],
  };
}

/** The ray LP of `lp`: the recession cone of its rows and bounds, |r_j| <= 1, maximising the objective's improvement. */
export function rayLP(lp: LinearProgram): LinearProgram {
  const n = lp.objective.length;
  const lower = lp.lower ?? new Array<number>(n).fill(0);
  const upper = lp.upper ?? new Array<number>(n).fill(Infinity);
  return {
    sense: lp.sense,
    objective: [...lp.objective],
    rows: lp.rows
      .filter((r) => Number.isFinite(r.lower) || Number.isFinite(r.upper))
      .map((r) => ({
        indices: [...r.indices],
        values: [...r.values],
        lower: Number.isFinite(r.lower) ? 0 : -Infinity,
        upper: Number.isFinite(r.upper) ? 0 : Infinity,
        name: r.name,
      })),
    lower: lower.map((l) => (Number.isFinite(l) ? 0 : -1)),
    upper: upper.map((u) => (Number.isFinite(u) ? 0 : 1)),
  };
}
