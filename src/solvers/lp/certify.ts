/**
 * Certificates for LP answers (no trusted black boxes). Every check here is
 * rigorous for the LP as stored in floating point: quantities are computed in
 * floating point with error bars (`roundedDot`) and, where that cannot decide
 * or the LP is small, exactly (`ExactSum`).
 *
 *  - a feasible point: the largest row/bound violation at x, each row scaled by
 *    max(1, max_k |a_k x_k|) (`primalViolation`, an upper bound; `pointCertificate`
 *    also decides exact feasibility on small LPs);
 *  - a dual bound from row multipliers y (any y of the right signs):
 *      for max:  c.x <= sum_i (y_i > 0 ? y_i * upper_i : y_i * lower_i) + sum_j max_{x_j in [l_j, u_j]} (c_j - a_j.y) x_j
 *    Multipliers pointing at an infinite row bound are set to 0; a reduced cost
 *    pointing at an infinite variable bound is a dual infeasibility: it is
 *    charged against the tolerance (at most the tolerance) and gives the radius
 *    within which the bound is exact (`dualBound`);
 *  - a Farkas ray: the same bound with zero objective is negative, so no point
 *    is feasible (`farkasCertificate`);
 *  - an unbounded ray: r in the recession cone of the rows and bounds with
 *    c.r > 0 (max), checked exactly (`rayCertificate`).
 */
import { LP_CERTIFICATE_RADIUS } from '../../core/tolerance.ts';
import { ExactSum, roundedDot, roundingError, up } from './exactArithmetic.ts';
import type { FarkasCertificate, LinearProgram } from './types.ts';

/** LPs with at most this many nonzeros get exact checks of their points (about 0.2 us per term). */
export const EXACT_CHECK_MAX_TERMS = 200_000;

function bounds(lp: LinearProgram): { lower: readonly number[]; upper: readonly number[] } {
  const n = lp.objective.length;
  return { lower: lp.lower ?? new Array<number>(n).fill(0), upper: lp.upper ?? new Array<number>(n).fill(Infinity) };
}

/** Number of nonzeros of the constraint matrix. */
export function nonzeros(lp: LinearProgram): number {
  let k = 0;
  for (const r of lp.rows) k += r.indices.length;
  return k;
}

function rowScale(values: readonly number[], indices: readonly number[], x: ArrayLike<number>): number {
  let scale = 1;
  for (let k = 0; k < values.length; k++) scale = Math.max(scale, Math.abs(values[k] * x[indices[k]]));
  return scale;
}

/**
 * The largest violation of a row or a variable bound at x (rows scaled by
 * max(1, max_k |a_k x_k|)): a rigorous upper bound (floating point with
 * rounding error bars). Infinity when x has a non-finite entry or the wrong length.
 */
export function primalViolation(lp: LinearProgram, x: readonly number[]): number {
  const n = lp.objective.length;
  if (x.length !== n) return Infinity;
  const { lower, upper } = bounds(lp);
  let worst = 0;
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(x[j])) return Infinity;
    worst = Math.max(worst, up(lower[j] - x[j]), up(x[j] - upper[j]));
  }
  for (const r of lp.rows) {
    const a = roundedDot(r.values, r.indices, x);
    const scale = rowScale(r.values, r.indices, x);
    const below = up(up(r.lower - a.value) + a.error) / scale;
    const above = up(up(a.value - r.upper) + a.error) / scale;
    worst = Math.max(worst, up(below), up(above));
  }
  return worst;
}

/**
 * The same violation computed exactly (each row's activity as an exact sum of
 * the stored doubles), rounded up to a double; and whether x is exactly feasible.
 */
export function exactPrimalViolation(lp: LinearProgram, x: readonly number[]): { violation: number; exactlyFeasible: boolean } {
  const n = lp.objective.length;
  if (x.length !== n || x.some((v) => !Number.isFinite(v))) return { violation: Infinity, exactlyFeasible: false };
  const { lower, upper } = bounds(lp);
  let worst = 0;
  let feasible = true;
  for (let j = 0; j < n; j++) {
    if (x[j] < lower[j] || x[j] > upper[j]) feasible = false;
    worst = Math.max(worst, up(lower[j] - x[j]), up(x[j] - upper[j]));
  }
  for (const r of lp.rows) {
    const s = new ExactSum();
    for (let k = 0; k < r.indices.length; k++) s.addProduct(r.values[k], x[r.indices[k]]);
    const scale = rowScale(r.values, r.indices, x);
    if (Number.isFinite(r.lower)) {
      const d = new ExactSum().add(r.lower).addSum(s, -1); // lower - a.x
      if (d.sign() > 0) {
        feasible = false;
        worst = Math.max(worst, up(d.upperBound() / scale));
      }
    }
    if (Number.isFinite(r.upper)) {
      const d = new ExactSum().addSum(s).add(-r.upper); // a.x - upper
      if (d.sign() > 0) {
        feasible = false;
        worst = Math.max(worst, up(d.upperBound() / scale));
      }
    }
  }
  return { violation: worst, exactlyFeasible: feasible };
}

/** A checked point: its violation, whether it was computed exactly, and whether the point is exactly feasible. */
export interface PointCheck {
  ok: boolean;
  violation: number;
  /** the violation was computed in exact arithmetic */
  exact: boolean;
  /** known only when computed exactly */
  exactlyFeasible?: boolean;
}

/**
 * Verify a point against tolerance `tol`: exactly on small LPs (or when the
 * rounded check cannot decide), otherwise with rigorous rounding.
 */
export function pointCertificate(lp: LinearProgram, x: readonly number[] | undefined, tol: number): PointCheck {
  if (!x) return { ok: false, violation: Infinity, exact: false };
  const rounded = primalViolation(lp, x);
  if (nonzeros(lp) <= EXACT_CHECK_MAX_TERMS || (rounded > tol && Number.isFinite(rounded))) {
    const e = exactPrimalViolation(lp, x);
    return { ok: e.violation <= tol, violation: e.violation, exact: true, exactlyFeasible: e.exactlyFeasible };
  }
  return { ok: rounded <= tol, violation: rounded, exact: false };
}

/**
 * The Lagrangian bound of a max problem (objective `c`, zero when null) from
 * multipliers y: an upper bound `fixed` on sup c.x over the points satisfying
 * the rows and bounds whose coordinates on the `residual` columns are at most
 * rho in magnitude, up to rho * residualSum. Rigorous: rounding errors are
 * added in the direction that weakens the bound; reduced costs that point at
 * an infinite bound are computed exactly.
 */
interface Lagrangian {
  fixed: number;
  residualSum: number;
  residualMax: number;
  /** sum |y_i| over the rows used, and sum of |reduced costs| over columns with finite bounds (for the Farkas margin) */
  weight: number;
  y: number[];
}

function lagrangian(lp: LinearProgram, c: readonly number[] | null, y: readonly number[]): Lagrangian {
  const n = lp.objective.length;
  const { lower, upper } = bounds(lp);
  const d = new Float64Array(n);
  const dAbs = new Float64Array(n);
  const dCount = new Uint32Array(n);
  if (c)
    for (let j = 0; j < n; j++) {
      d[j] = c[j];
      dAbs[j] = Math.abs(c[j]);
      dCount[j] = 1;
    }
  const used = new Array<number>(lp.rows.length).fill(0);
  let rowPart = 0;
  let rowAbs = 0;
  let yAbs = 0;
  lp.rows.forEach((r, i) => {
    let yi = y[i] ?? 0;
    if (!Number.isFinite(yi)) yi = 0;
    if (yi > 0 && !Number.isFinite(r.upper)) yi = 0;
    if (yi < 0 && !Number.isFinite(r.lower)) yi = 0;
    if (yi === 0) return;
    used[i] = yi;
    const term = yi > 0 ? yi * r.upper : yi * r.lower;
    rowPart += term;
    rowAbs += Math.abs(term);
    yAbs += Math.abs(yi);
    for (let k = 0; k < r.indices.length; k++) {
      const j = r.indices[k];
      const t = yi * r.values[k];
      d[j] -= t;
      dAbs[j] += Math.abs(t);
      dCount[j]++;
    }
  });
  let fixed = up(rowPart + roundingError(lp.rows.length, rowAbs));
  // columns whose reduced cost may point at an infinite bound: decide exactly
  const suspicious: number[] = [];
  const err = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    err[j] = roundingError(dCount[j] + 1, dAbs[j]);
    const hi = d[j] + err[j];
    const lo = d[j] - err[j];
    if ((hi > 0 && !Number.isFinite(upper[j])) || (lo < 0 && !Number.isFinite(lower[j]))) suspicious.push(j);
  }
  const exactD = new Map<number, ExactSum>();
  if (suspicious.length > 0) {
    for (const j of suspicious) exactD.set(j, c ? new ExactSum().add(c[j]) : new ExactSum());
    lp.rows.forEach((r, i) => {
      const yi = used[i];
      if (yi === 0) return;
      for (let k = 0; k < r.indices.length; k++) {
        const s = exactD.get(r.indices[k]);
        if (s) s.addProduct(-yi, r.values[k]);
      }
    });
  }
  let residualSum = 0;
  let residualMax = 0;
  let colPart = 0;
  let colAbs = 0;
  let weight = yAbs;
  for (let j = 0; j < n; j++) {
    let lo = d[j] - err[j];
    let hi = d[j] + err[j];
    const s = exactD.get(j);
    if (s) {
      if (s.sign() === 0) lo = hi = 0;
      else {
        lo = s.lowerBound();
        hi = s.upperBound();
      }
    }
    if (lo === 0 && hi === 0) continue;
    const towardUpper = hi > 0 && !Number.isFinite(upper[j]);
    const towardLower = lo < 0 && !Number.isFinite(lower[j]);
    if (towardUpper || towardLower) {
      const r = Math.max(Math.abs(lo), Math.abs(hi));
      residualSum = up(residualSum + r);
      residualMax = Math.max(residualMax, r);
      continue;
    }
    let best = -Infinity;
    for (const dv of [lo, hi]) {
      for (const xv of [lower[j], upper[j]]) {
        if (!Number.isFinite(xv)) continue;
        best = Math.max(best, dv * xv);
      }
    }
    if (best === -Infinity) best = 0; // both bounds infinite and the reduced cost exactly 0: handled above
    colPart += best;
    colAbs += Math.abs(best);
    weight += Math.max(Math.abs(lo), Math.abs(hi));
  }
  fixed = up(up(fixed + colPart) + roundingError(n, colAbs));
  return { fixed, residualSum, residualMax, weight, y: used };
}

/** A weak-duality bound and how far the multipliers are from dual feasibility. */
export interface DualBound {
  /** the bound on the optimum (upper for max, lower for min), valid up to the residual below */
  bound: number;
  /** the largest |reduced cost| that points at an infinite variable bound */
  dualInfeasibility: number;
  /** the sum of those |reduced costs|: the bound is exact up to rho * dualResidual for points with such coordinates within rho */
  dualResidual: number;
}

/** The weak-duality bound on the optimum from the row multipliers y (as given or negated: both are tried). */
export function dualBound(lp: LinearProgram, rowDuals: readonly number[]): DualBound {
  const s = lp.sense === 'max' ? 1 : -1;
  const c = lp.objective.map((v) => s * v);
  const best = (sign: number): DualBound => {
    const L = lagrangian(
      lp,
      c,
      rowDuals.map((v) => sign * s * v),
    );
    return { bound: s * L.fixed, dualInfeasibility: L.residualMax, dualResidual: L.residualSum };
  };
  const a = best(1);
  const b = best(-1);
  const score = (x: DualBound) => (lp.sense === 'max' ? x.bound : -x.bound) + 1e6 * x.dualInfeasibility;
  return score(a) <= score(b) ? a : b;
}

/** A trivial infeasibility: a variable or row whose lower bound exceeds its upper bound. */
export function boundConflict(lp: LinearProgram): string | null {
  const { lower, upper } = bounds(lp);
  for (let j = 0; j < lower.length; j++)
    if (lower[j] > upper[j]) return `variable ${lp.names?.[j] ?? j}: lower bound ${lower[j]} > upper bound ${upper[j]}`;
  for (let i = 0; i < lp.rows.length; i++) {
    const r = lp.rows[i];
    if (r.lower > r.upper) return `row ${r.name ?? i}: lower bound ${r.lower} > upper bound ${r.upper}`;
  }
  return null;
}

/**
 * Verify row multipliers as a Farkas certificate of infeasibility (as given
 * or negated). Returns null unless the bound is negative (rigorously) and its
 * radius is at least `minRadius` (default LP_CERTIFICATE_RADIUS).
 */
export function farkasCertificate(
  lp: LinearProgram,
  y: readonly number[] | undefined,
  source: FarkasCertificate['source'],
  minRadius = LP_CERTIFICATE_RADIUS,
): FarkasCertificate | null {
  if (!y || y.length !== lp.rows.length || y.some((v) => !Number.isFinite(v))) return null;
  let best: FarkasCertificate | null = null;
  for (const sign of [1, -1]) {
    const L = lagrangian(
      lp,
      null,
      y.map((v) => sign * v),
    );
    if (!(L.fixed < 0)) continue;
    const radius = L.residualSum === 0 ? Infinity : -L.fixed / L.residualSum;
    if (!(radius >= minRadius)) continue;
    const margin = -L.fixed / up(L.weight);
    const cert: FarkasCertificate = { y: L.y, bound: L.fixed, margin, radius, source };
    if (!best || cert.margin > best.margin) best = cert;
  }
  return best;
}

/** A ray's exact check: whether it lies exactly in the recession cone, how far it leaves it, and its rate of improvement. */
export interface RayCheck {
  /** r lies exactly in the recession cone and improves the objective */
  ok: boolean;
  /** c.r (in the problem's sense: > 0 improves a max problem, < 0 a min problem) */
  rate: number;
  /** c.r improves the objective (decided exactly) */
  improving: boolean;
  /** the largest violation of a cone condition (|a.r| or |r_j| on the wrong side), computed exactly: 0 when `ok` */
  violation: number;
  why?: string;
}

/**
 * Check exactly whether r lies in the recession cone (rows: a.r <= 0 where the
 * upper bound is finite, a.r >= 0 where the lower bound is finite; variables:
 * r_j >= 0 / <= 0 at a finite lower / upper bound) and improves the objective.
 */
export function rayCertificate(lp: LinearProgram, r: readonly number[]): RayCheck {
  const n = lp.objective.length;
  if (r.length !== n || r.some((v) => !Number.isFinite(v)))
    return { ok: false, rate: 0, improving: false, violation: Infinity, why: 'ray has the wrong length or a non-finite entry' };
  const { lower, upper } = bounds(lp);
  let violation = 0;
  let why: string | undefined;
  const note = (v: number, w: string) => {
    if (v > violation) violation = v;
    why ??= w;
  };
  for (let j = 0; j < n; j++) {
    if (Number.isFinite(lower[j]) && r[j] < 0) note(-r[j], `variable ${j} has a finite lower bound and r_j < 0`);
    if (Number.isFinite(upper[j]) && r[j] > 0) note(r[j], `variable ${j} has a finite upper bound and r_j > 0`);
  }
  for (let i = 0; i < lp.rows.length; i++) {
    const row = lp.rows[i];
    const s = new ExactSum();
    for (let k = 0; k < row.indices.length; k++) s.addProduct(row.values[k], r[row.indices[k]]);
    if (Number.isFinite(row.upper) && s.sign() > 0) note(s.upperBound(), `row ${row.name ?? i}: a.r > 0 against a finite upper bound`);
    if (Number.isFinite(row.lower) && s.sign() < 0) note(-s.lowerBound(), `row ${row.name ?? i}: a.r < 0 against a finite lower bound`);
  }
  const g = new ExactSum();
  for (let j = 0; j < n; j++) g.addProduct(lp.objective[j], r[j]);
  const improving = lp.sense === 'max' ? g.sign() > 0 : g.sign() < 0;
  if (!improving) why ??= 'c.r does not improve the objective';
  return {
    ok: violation === 0 && improving,
    rate: g.toNumber(),
    improving,
    violation,
    why: violation === 0 && improving ? undefined : why,
  };
}

/**
 * A solver's ray often fails an exact check by rounding noise (a.r = 1e-17 on
 * an equality row). Try it as given, then rounded to a coarse dyadic grid
 * (entries scaled to max |r_j| = 1, multiples of 2^-k for k = 40, 30, 20),
 * where cancellations on simple data become exact. Returns the exactly
 * verified ray if any, otherwise the improving one that leaves the cone least.
 */
export function verifyRay(lp: LinearProgram, r: readonly number[] | undefined): { ray: number[]; check: RayCheck } | null {
  if (!r) return null;
  const candidates: number[][] = [[...r]];
  const m = Math.max(...r.map(Math.abs));
  if (m > 0 && Number.isFinite(m)) for (const k of [40, 30, 20]) candidates.push(r.map((v) => Math.round((v / m) * 2 ** k) / 2 ** k));
  let best: { ray: number[]; check: RayCheck } | null = null;
  for (const ray of candidates) {
    const check = rayCertificate(lp, ray);
    if (check.ok) return { ray, check };
    if (check.improving && (!best || check.violation < best.check.violation)) best = { ray, check };
  }
  return best;
}
