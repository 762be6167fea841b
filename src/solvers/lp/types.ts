/**
 * One interface for linear programs, whatever the backend:
 *   optimise (max or min) c.x  subject to  rowLower <= A x <= rowUpper,  lower <= x <= upper.
 * Rows are sparse. Missing bounds default to x >= 0 (lower 0, upper +Infinity).
 */
export interface LPRow {
  indices: number[];
  values: number[];
  /** -Infinity when absent */
  lower: number;
  /** +Infinity when absent */
  upper: number;
  name?: string;
}

/** An LP: optimise c.x subject to row bounds on A x and variable bounds. */
export interface LinearProgram {
  sense: 'max' | 'min';
  objective: number[];
  rows: LPRow[];
  /** per-variable lower bounds (default 0) */
  lower?: number[];
  /** per-variable upper bounds (default +Infinity) */
  upper?: number[];
  names?: string[];
}

/** What an LP answer says. */
export type LPStatus = 'optimal' | 'infeasible' | 'unbounded';

/** Simplex basis statuses as HiGHS reports them: 0 at lower, 1 basic, 2 at upper, 3 free at zero, 4 nonbasic. */
export interface LPBasis {
  colStatus: number[];
  rowStatus: number[];
}

/** What a backend claims, with whatever evidence it hands over (none of it trusted until checked). */
export interface RawLPAnswer {
  backend: BackendName;
  status: LPStatus | 'error';
  x?: number[];
  objective?: number;
  /** row duals when the backend provides them */
  rowDuals?: number[];
  /** for `infeasible`: row multipliers the backend offers as a Farkas ray */
  dualRay?: number[];
  /** for `unbounded`: a direction the backend offers as an unbounded ray */
  primalRay?: number[];
  /** the final simplex basis, when the backend has one */
  basis?: LPBasis;
  message?: string;
  ms: number;
}

/** The LP backends. */
export type BackendName = 'highs' | 'jsLpSolver';

/**
 * A verified Farkas certificate: row multipliers y such that the weak-duality
 * bound of the zero objective, sum_i (y_i > 0 ? y_i u_i : y_i l_i) +
 * sum_j max_{x_j in [l_j, u_j]} -(A^T y)_j x_j, is negative: no point satisfies
 * every row and bound. Its sign convention is that of `dualBound` for a max
 * problem with zero objective (the multipliers as given, or negated).
 */
export interface FarkasCertificate {
  /** the row multipliers, oriented so that the bound above is negative */
  y: number[];
  /** the bound (< 0), a rigorous upper bound computed with rounding error bars */
  bound: number;
  /**
   * every point (within `radius` on the free directions) violates some row or
   * bound by at least this much in absolute terms: -bound / (sum |y_i| + sum |(A^T y)_j|)
   */
  margin: number;
  /**
   * the certificate proves infeasibility for every point whose coordinates
   * with an infinite bound that (A^T y)_j does not cancel exactly are at most
   * this in magnitude (Infinity when (A^T y)_j is exactly 0 on every such column)
   */
  radius: number;
  /** where it came from */
  source: 'dual-ray' | 'phase-1' | 'bound-conflict';
}

/**
 * A verified unbounded direction: a feasible point x0 and a ray r with c.r
 * improving (decided exactly). Either r lies exactly in the recession cone
 * (`exact`), or it leaves the cone by at most `coneViolation` per unit (exact
 * sums; rounding in the data, e.g. 1/3 stored as a double, can make an exact
 * ray of the float LP impossible): then x0 + t r stays within the tolerance
 * of feasibility (plus x0's own) for t <= tolerance / coneViolation, where the
 * objective gains `reach`, required to be at least LP_CERTIFICATE_RADIUS times
 * 1 + |c.x0|.
 */
export interface RayCertificate {
  /** the ray (possibly rounded to a simpler dyadic vector before its exact check) */
  ray: number[];
  /** the objective's rate of improvement along the ray, c.r (> 0 for max, < 0 for min) */
  rate: number;
  /** a feasible point (verified like an optimal point) */
  point: number[];
  /** r lies exactly in the recession cone */
  exact: boolean;
  /** 0 when exact */
  coneViolation: number;
  /** the objective gain certified along the ray (Infinity when exact) */
  reach: number;
  source: 'backend-ray' | 'ray-lp';
}

/**
 * How a solve was decided, for the certificate log:
 * - `agreement`: the backends agree and the answer carries its certificate;
 * - `certified`: one backend's answer, verified by its own certificate;
 * - `point refutes infeasible` / `farkas refutes feasible` / `dual bound refutes objective` /
 *   `ray refutes optimal` / `dual bound refutes unbounded` / `point refutes unbounded ray`:
 *   the backends disagreed and the named certificate decided;
 * - `backend failure`: one backend failed (or did not finish), the other's answer is certified;
 * - `status agreement`: infeasible or unbounded by the agreement of both backends, no verified certificate;
 * - `single backend`: infeasible or unbounded on one backend's word (second backend unavailable), no verified certificate.
 */
export type LPResolution =
  | 'agreement'
  | 'certified'
  | 'point refutes infeasible'
  | 'farkas refutes feasible'
  | 'dual bound refutes objective'
  | 'ray refutes optimal'
  | 'dual bound refutes unbounded'
  | 'point refutes unbounded ray'
  | 'backend failure'
  | 'status agreement'
  | 'single backend';

/** How an answer was certified, with the certificate's numbers. */
export interface LPCertificate {
  /** how the answer was certified */
  method: 'dual-bound' | 'second-backend' | 'dual-bound+second-backend' | 'farkas' | 'primal-ray' | 'status-agreement' | 'single-backend';
  /** how a disagreement (if any) was settled */
  resolution: LPResolution;
  /** the largest violation of a row or a bound at the returned point (scaled per row; a rigorous upper bound) */
  primalViolation: number;
  /** whether the returned point satisfies every row and bound exactly (checked in exact arithmetic; small LPs only) */
  pointExact?: boolean;
  /** the dual (weak-duality) bound on the optimum, when computed */
  dualBound?: number;
  /** |dualBound - objective| */
  gap?: number;
  /** the gap stays within tolerance for every feasible point whose free coordinates are at most this in magnitude */
  dualRadius?: number;
  /** for `infeasible`: the verified Farkas certificate */
  farkas?: FarkasCertificate;
  /** for `unbounded`: the verified ray */
  ray?: RayCertificate;
  /** the second backend's answer, when it was run */
  crossCheck?: { backend: BackendName; status: string; objective?: number };
}

/** A certified LP answer. */
export interface LPSolution {
  status: LPStatus;
  x: number[];
  objective: number;
  backend: BackendName;
  certificate: LPCertificate;
  /** for `optimal`: the row multipliers whose dual bound certified the answer */
  duals?: number[];
  ms: number;
}
