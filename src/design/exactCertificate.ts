/**
 * Exact certificates for small design LPs (`--exact`): the floating-point
 * answer is turned into rationals (each entry the simplest fraction within a
 * relative 1e-11 of it, by continued fractions) and re-checked on the LP whose
 * coefficients are exact rationals (mathjs fractions):
 *
 * - optimal: the rational point satisfies every row and bound exactly, the
 *   rational multipliers are exactly dual feasible (every reduced cost points at
 *   a finite bound), and the dual bound equals the point's objective: the
 *   optimum is that rational number;
 * - infeasible: the rational multipliers' bound with zero objective is
 *   negative with every reduced cost pointing at a finite bound (Farkas).
 *
 * A vertex of an LP with small integer and rational data has small
 * denominators, so this recovers it; when it does not (a large denominator, a
 * non-vertex answer), `verified` is false and the float certificate stands.
 */
import type { Fraction } from 'mathjs';
import type { Field } from '../mechanisms/bilateralTrade/field.ts';
import type { GenericLP } from './program.ts';
import { RATIONALIZE_PRECISIONS } from '../core/tolerance.ts';

/** The simplest fraction within rel * max(1, |x|) of x with denominator at most maxDen (continued fractions). */
export function rationalize(F: Field<Fraction>, x: number, rel = 1e-11, maxDen = 1e12): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`rationalize: ${x}`);
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const eps = rel * Math.max(1, ax);
  // convergents h/k of the continued fraction of ax
  let h0 = 0n;
  let h1 = 1n;
  let k0 = 1n;
  let k1 = 0n;
  let r = ax;
  let best: [bigint, bigint] = [BigInt(Math.round(ax)), 1n];
  for (let iter = 0; iter < 64; iter++) {
    const a = Math.floor(r);
    const A = BigInt(a);
    const h2 = A * h1 + h0;
    const k2 = A * k1 + k0;
    if (Number(k2) > maxDen) break;
    best = [h2, k2];
    if (Math.abs(Number(h2) / Number(k2) - ax) <= eps) break;
    const frac = r - a;
    if (frac < 1e-300) break;
    r = 1 / frac;
    h0 = h1;
    h1 = h2;
    k0 = k1;
    k1 = k2;
  }
  const [num, den] = best;
  return F.of(`${sign < 0 ? '-' : ''}${num}/${den}`);
}

const finite = (v: number) => Number.isFinite(v);

/** Whether x satisfies every row and bound of the LP exactly. */
export function exactlyFeasible<T>(F: Field<T>, lp: GenericLP<T>, x: readonly T[]): boolean {
  for (let j = 0; j < x.length; j++) {
    if (finite(lp.lower[j]) && F.cmp(x[j], F.of(lp.lower[j])) < 0) return false;
    if (finite(lp.upper[j]) && F.cmp(x[j], F.of(lp.upper[j])) > 0) return false;
  }
  for (const r of lp.rows) {
    let s = F.zero;
    for (let k = 0; k < r.indices.length; k++) s = F.add(s, F.mul(r.values[k], x[r.indices[k]]));
    if (finite(r.lower) && F.cmp(s, F.of(r.lower)) < 0) return false;
    if (finite(r.upper) && F.cmp(s, F.of(r.upper)) > 0) return false;
  }
  return true;
}

/**
 * The exact weak-duality bound of a max problem (objective `c`, or zero) from
 * multipliers y: null unless y is exactly dual feasible (a multiplier never
 * points at an infinite row bound, a reduced cost never at an infinite variable bound).
 */
export function exactDualBound<T>(F: Field<T>, lp: GenericLP<T>, y: readonly T[], withObjective: boolean): T | null {
  const n = lp.objective.length;
  const d: T[] = withObjective ? [...lp.objective] : new Array<T>(n).fill(F.zero);
  let bound = F.zero;
  for (let i = 0; i < lp.rows.length; i++) {
    const yi = y[i];
    const sgn = F.cmp(yi, F.zero);
    if (sgn === 0) continue;
    const r = lp.rows[i];
    const rhs = sgn > 0 ? r.upper : r.lower;
    if (!finite(rhs)) return null;
    bound = F.add(bound, F.mul(yi, F.of(rhs)));
    for (let k = 0; k < r.indices.length; k++) d[r.indices[k]] = F.sub(d[r.indices[k]], F.mul(yi, r.values[k]));
  }
  for (let j = 0; j < n; j++) {
    const sgn = F.cmp(d[j], F.zero);
    if (sgn === 0) continue;
    const b = sgn > 0 ? lp.upper[j] : lp.lower[j];
    if (!finite(b)) return null;
    bound = F.add(bound, F.mul(d[j], F.of(b)));
  }
  return bound;
}

/** The exact optimum, when the rationalised point and multipliers certify it. */
export function exactOptimum(
  F: Field<Fraction>,
  lp: GenericLP<Fraction>,
  x: readonly number[],
  duals: readonly number[] | undefined,
): { value: Fraction; x: Fraction[]; y: Fraction[] } | null {
  if (!duals) return null;
  for (const rel of RATIONALIZE_PRECISIONS.slice(0, 2)) {
    const xr = x.map((v) => rationalize(F, v, rel));
    if (!exactlyFeasible(F, lp, xr)) continue;
    let value = F.zero;
    for (let j = 0; j < xr.length; j++) value = F.add(value, F.mul(lp.objective[j], xr[j]));
    for (const sign of [1, -1]) {
      const yr = duals.map((v) => rationalize(F, sign * v, rel));
      const b = exactDualBound(F, lp, yr, true);
      if (b !== null && F.cmp(b, value) === 0) return { value, x: xr, y: yr };
    }
  }
  return null;
}

/** Exact Farkas multipliers (oriented), when the rationalised certificate proves infeasibility exactly; with the bound (< 0). */
export function exactFarkas(F: Field<Fraction>, lp: GenericLP<Fraction>, y: readonly number[]): { y: Fraction[]; bound: Fraction } | null {
  const scale = Math.max(...y.map(Math.abs));
  if (!(scale > 0)) return null;
  for (const rel of RATIONALIZE_PRECISIONS) {
    // scaled so that the largest multiplier is 1: rational weights with small denominators
    const yr = y.map((v) => rationalize(F, v / scale, rel));
    const b = exactDualBound(F, lp, yr, false);
    if (b !== null && F.cmp(b, F.zero) < 0) return { y: yr, bound: b };
  }
  return null;
}
