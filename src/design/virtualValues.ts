/**
 * Myerson's optimal auction on discrete values (Myerson, "Optimal auction
 * design", Mathematics of Operations Research 6(1), 1981; the discrete form
 * with ironing: Elkind, "Designing and learning optimal finite support
 * auctions", SODA 2007).
 *
 * A bidder's values v_1 < ... < v_k have probabilities f_1..f_k. With
 * q_j = P(v >= v_j) and the revenue curve R_j = v_j q_j (post price v_j), the
 * discrete virtual value is the slope of the revenue curve in quantile space,
 *   phi_j = (R_j - R_{j+1}) / f_j = v_j - (v_{j+1} - v_j) (1 - F(v_j)) / f_j   (R_{k+1} = 0),
 * and the ironed virtual value phi-bar_j is the slope of the concave hull of
 * the points (0, 0), (q_k, R_k), ..., (q_1, R_1) over [q_{j+1}, q_j]. With
 * independent private values the optimal revenue under Bayesian IC and
 * interim IR (and under dominant-strategy IC and ex post IR) is
 *   E[ max(0, max_i phi-bar_i(v_i)) ].
 */
import type { Field } from '../mechanisms/bilateralTrade/field.ts';

/** Discrete virtual values (`ironed` false) or ironed virtual values, per value (values increasing, probabilities positive). */
export function discreteVirtualValues<T>(F: Field<T>, values: readonly T[], probs: readonly T[], ironed = true): T[] {
  const k = values.length;
  const q: T[] = new Array<T>(k + 1);
  q[k] = F.zero;
  for (let j = k - 1; j >= 0; j--) q[j] = F.add(q[j + 1], probs[j]);
  const R: T[] = values.map((v, j) => F.mul(v, q[j]));
  R.push(F.zero);
  const raw = values.map((_, j) => F.div(F.sub(R[j], R[j + 1]), probs[j]));
  if (!ironed) return raw;
  // concave hull of the points by increasing quantile: index k (q = 0), k - 1, ..., 0 (q = 1)
  const hull: number[] = [];
  for (let j = k; j >= 0; j--) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      // b lies on or below the chord from a to j: drop it (cross product in quantile space)
      const lhs = F.mul(F.sub(R[b], R[a]), F.sub(q[j], q[a]));
      const rhs = F.mul(F.sub(R[j], R[a]), F.sub(q[b], q[a]));
      if (F.cmp(lhs, rhs) <= 0) hull.pop();
      else break;
    }
    hull.push(j);
  }
  const out: T[] = new Array<T>(k);
  for (let h = 0; h + 1 < hull.length; h++) {
    const a = hull[h];
    const b = hull[h + 1];
    const slope = F.div(F.sub(R[b], R[a]), F.sub(q[b], q[a]));
    for (let j = b; j < a; j++) out[j] = slope;
  }
  return out;
}

/**
 * E[max(0, max_i phi_i(v_i))] for independent bidders, each with its values
 * and probabilities (enumerating the profiles: at most `maxProfiles`).
 */
export function optimalAuctionRevenue<T>(
  F: Field<T>,
  bidders: ReadonlyArray<{ values: readonly T[]; probs: readonly T[] }>,
  opts: { ironed?: boolean; maxProfiles?: number } = {},
): T {
  const phis = bidders.map((b) => discreteVirtualValues(F, b.values, b.probs, opts.ironed ?? true));
  const counts = bidders.map((b) => b.values.length);
  const total = counts.reduce((a, b) => a * b, 1);
  if (total > (opts.maxProfiles ?? 1_000_000)) throw new RangeError(`optimalAuctionRevenue: ${total} profiles`);
  let sum = F.zero;
  const idx = new Array<number>(bidders.length).fill(0);
  for (let p = 0; p < total; p++) {
    let prob = F.one;
    let best = F.zero;
    for (let i = 0; i < bidders.length; i++) {
      prob = F.mul(prob, bidders[i].probs[idx[i]]);
      if (F.cmp(phis[i][idx[i]], best) > 0) best = phis[i][idx[i]];
    }
    sum = F.add(sum, F.mul(prob, best));
    for (let i = bidders.length - 1; i >= 0; i--) {
      if (++idx[i] < counts[i]) break;
      idx[i] = 0;
    }
  }
  return sum;
}
