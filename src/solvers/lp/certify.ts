/**
 * Certificates for LP answers (no trusted black boxes):
 *  - primal feasibility: the largest row/bound violation at the returned x;
 *  - a weak-duality bound from row multipliers y (any y of the right signs):
 *      for max:  c.x <= sum_i (y_i > 0 ? y_i * upper_i : y_i * lower_i) + sum_j max_{x_j in [l_j, u_j]} (c_j - a_j.y) x_j
 *    Multipliers pointing at an infinite row bound are set to 0; a reduced
 *    cost pointing at an infinite variable bound is a dual infeasibility and is
 *    charged against the tolerance (|d_j| must be at most the tolerance).
 */
import type { LinearProgram } from './types.ts';

export function primalViolation(lp: LinearProgram, x: readonly number[]): number {
  const n = lp.objective.length;
  const lower = lp.lower ?? new Array(n).fill(0);
  const upper = lp.upper ?? new Array(n).fill(Infinity);
  let worst = 0;
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(x[j])) return Infinity;
    worst = Math.max(worst, lower[j] - x[j], x[j] - upper[j]);
  }
  for (const r of lp.rows) {
    let a = 0;
    let scale = 1;
    for (let k = 0; k < r.indices.length; k++) {
      a += r.values[k] * x[r.indices[k]];
      scale = Math.max(scale, Math.abs(r.values[k] * x[r.indices[k]]));
    }
    worst = Math.max(worst, (r.lower - a) / scale, (a - r.upper) / scale);
  }
  return worst;
}

export interface DualBound {
  bound: number;
  /** the largest |reduced cost| that points at an infinite variable bound */
  dualInfeasibility: number;
}

/** The weak-duality bound on the optimum from the row multipliers y (as given or negated: both are tried). */
export function dualBound(lp: LinearProgram, rowDuals: readonly number[]): DualBound {
  const best = (sign: number): DualBound => {
    const n = lp.objective.length;
    const lower = lp.lower ?? new Array(n).fill(0);
    const upper = lp.upper ?? new Array(n).fill(Infinity);
    // work with a max problem: c' = c (max) or -c (min)
    const s = lp.sense === 'max' ? 1 : -1;
    const d = lp.objective.map((c) => s * c);
    let bound = 0;
    lp.rows.forEach((r, i) => {
      let y = sign * s * rowDuals[i];
      if (y > 0 && !Number.isFinite(r.upper)) y = 0;
      if (y < 0 && !Number.isFinite(r.lower)) y = 0;
      if (y === 0) return;
      bound += y > 0 ? y * r.upper : y * r.lower;
      for (let k = 0; k < r.indices.length; k++) d[r.indices[k]] -= y * r.values[k];
    });
    let dualInf = 0;
    for (let j = 0; j < n; j++) {
      if (d[j] > 0) {
        if (Number.isFinite(upper[j])) bound += d[j] * upper[j];
        else dualInf = Math.max(dualInf, d[j]);
      } else if (d[j] < 0) {
        if (Number.isFinite(lower[j])) bound += d[j] * lower[j];
        else dualInf = Math.max(dualInf, -d[j]);
      }
    }
    return { bound: s * bound, dualInfeasibility: dualInf };
  };
  const a = best(1);
  const b = best(-1);
  const score = (x: DualBound) => (lp.sense === 'max' ? x.bound : -x.bound) + 1e6 * x.dualInfeasibility;
  return score(a) <= score(b) ? a : b;
}
