/**
 * Non-triviality of a mechanism (seed 003_9ea1ccbe66e932a9.txt, section 2,
 * definition after Lemma 1: two distinct outcomes each implemented on a set of
 * positive Lebesgue measure), estimated by uniform sampling with an exact
 * (Clopper-Pearson) lower confidence bound on each outcome's measure.
 */
import { lgamma } from 'mathjs';
import { mulberry32, randomProfile, type SignalProfile } from './model.ts';

/** log of the binomial probability mass function. */
function logBinom(n: number, k: number, p: number): number {
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X >= k) for X ~ Binomial(n, p). */
function upperTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  let s = 0;
  if (k > n / 2) for (let x = k; x <= n; x++) s += Math.exp(logBinom(n, x, p));
  else {
    for (let x = 0; x < k; x++) s += Math.exp(logBinom(n, x, p));
    s = 1 - s;
  }
  return Math.min(1, Math.max(0, s));
}

/**
 * Clopper-Pearson one-sided lower bound: the smallest p with P(X >= k; p) >= delta.
 * Positive as soon as k >= 1; with probability >= 1 - delta the true share is above it.
 */
export function clopperPearsonLower(k: number, n: number, delta: number): number {
  if (k <= 0) return 0;
  let lo = 0;
  let hi = k / n;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (upperTail(n, k, mid) >= delta) hi = mid;
    else lo = mid;
  }
  return lo;
}

export interface OutcomeShares {
  samples: number;
  counts: number[];
  /** estimated measure of each outcome's region */
  shares: number[];
  /** lower confidence bounds (simultaneous at level 1 - delta, Bonferroni over outcomes) */
  lower: number[];
  delta: number;
  /** number of outcomes whose lower bound is positive */
  outcomesWithPositiveMeasure: number;
  /** two outcomes on sets of positive measure (with confidence 1 - delta) */
  nonTrivial: boolean;
}

/** Sample `samples` uniform profiles (seeded) and bound each outcome's measure from below. */
export function outcomeShares(
  dims: readonly number[],
  outcomes: number,
  rule: (s: SignalProfile) => number,
  opts: { samples: number; seed: number; delta?: number },
): OutcomeShares {
  const rnd = mulberry32(opts.seed);
  const counts = new Array<number>(outcomes).fill(0);
  for (let k = 0; k < opts.samples; k++) counts[rule(randomProfile(dims, rnd))]++;
  const delta = opts.delta ?? 1e-3;
  const lower = counts.map((c) => clopperPearsonLower(c, opts.samples, delta / outcomes));
  const positive = lower.filter((l) => l > 0).length;
  return {
    samples: opts.samples,
    counts,
    shares: counts.map((c) => c / opts.samples),
    lower,
    delta,
    outcomesWithPositiveMeasure: positive,
    nonTrivial: positive >= 2,
  };
}
