/**
 * Finite probability distributions as plain `number[]` (index = outcome),
 * with validation and the norms the seed papers use.
 */
import { InputError } from './errors.ts';
import { PROBABILITY_TOLERANCE } from './tolerance.ts';

/** A probability vector (index = outcome, type or state). */
export type Distribution = readonly number[];

/** Sum of the entries. */
export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += xs[k];
  return s;
}

/** Normalise nonnegative weights to a distribution (weights must not all be 0). */
export function normalize(weights: ArrayLike<number>, field = 'weights'): number[] {
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    if (typeof w !== 'number' || !Number.isFinite(w)) throw new InputError(`${field}[${k}]`, `must be a finite number, got ${w}`);
    if (w < 0) throw new InputError(`${field}[${k}]`, `is negative (${w})`);
  }
  const s = sum(weights);
  if (!(s > 0)) throw new InputError(field, 'weights sum to 0; cannot normalise');
  return Array.from(weights, (w) => w / s);
}

/** Euclidean norm ||x||_2. */
export function norm2(x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k] * x[k];
  return Math.sqrt(s);
}

/** ||x - y||_1. */
export function distance1(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`distance1: lengths ${x.length} and ${y.length} differ`);
  let s = 0;
  for (let k = 0; k < x.length; k++) s += Math.abs(x[k] - y[k]);
  return s;
}

/** ||x - y||_2. */
export function distance2(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`distance2: lengths ${x.length} and ${y.length} differ`);
  let s = 0;
  for (let k = 0; k < x.length; k++) s += (x[k] - y[k]) ** 2;
  return Math.sqrt(s);
}

/** Options of `assertDistribution`. */
export interface DistributionCheckOptions {
  /** tolerance on the sum (default PROBABILITY_TOLERANCE); entries must be >= 0 whatever it is */
  tolerance?: number;
  /** Require every entry to be strictly positive (full support). */
  fullSupport?: boolean;
  /** Expected length, if known. */
  length?: number;
}

/**
 * Validate a probability vector; throws an `InputError` naming `field` and the
 * offending index. Every entry must be a finite number >= 0 (a negative entry is
 * refused whatever the tolerance: -1e-9 is not a probability); the tolerance
 * applies to the sum only (|sum - 1| <= tolerance x max(1, length)). Returns
 * the vector typed as a Distribution.
 */
export function assertDistribution(p: unknown, field: string, opts: DistributionCheckOptions = {}): Distribution {
  validateDistribution(p, field, opts);
  return Array.from(p as ArrayLike<number>);
}

/** `assertDistribution` without the copy: throws an `InputError` unless `p` is a probability vector. */
export function validateDistribution(p: unknown, field: string, opts: DistributionCheckOptions = {}): void {
  const tol = opts.tolerance ?? PROBABILITY_TOLERANCE;
  if (!Array.isArray(p) && !ArrayBuffer.isView(p)) throw new InputError(field, 'must be an array of probabilities');
  const arr = p as ArrayLike<unknown>;
  if (opts.length !== undefined && arr.length !== opts.length) {
    throw new InputError(field, `has length ${arr.length}, expected ${opts.length}`);
  }
  if (arr.length === 0) throw new InputError(field, 'is empty');
  let s = 0;
  for (let k = 0; k < arr.length; k++) {
    const v = arr[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${field}[${k}]`, 'must be a finite number');
    if (v < 0) throw new InputError(`${field}[${k}]`, `is negative (${v})`);
    if (opts.fullSupport && v <= 0) throw new InputError(`${field}[${k}]`, 'is 0 but full support is required');
    s += v;
  }
  if (Math.abs(s - 1) > tol * Math.max(1, arr.length)) {
    throw new InputError(field, `sums to ${s}, not 1 (tolerance ${tol})`);
  }
}
