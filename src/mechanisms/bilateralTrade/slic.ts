/**
 * Symmetric, SLIC, monotone and tightly SLIC mechanisms of seed
 * 002_db415cb54f560522.txt, section 4.2 (Definitions 2-4, Propositions 3-4).
 *
 * A symmetric mechanism is summarised, per agent j, by xi_m^j (the interim
 * probability that a type with m good valuations trades a good object),
 * phi_m^j (a bad object) and tau-bar^j(m) (interim transfer of that class).
 *
 * `productMechanism` realises given per-class trade weights as a genuine direct
 * mechanism over {good,bad}^N x {good,bad}^N:
 *   p(i; w^s, w^b) = kappa^s_{g(w^s)}[w_i^s] * kappa^b_{g(w^b)}[w_i^b],
 *   tau^j(w^s, w^b) = tau-bar^j(g(w^j)),
 * so that xi_m^j = kappa^j_m[good] K^{-j}, phi_m^j = kappa^j_m[bad] K^{-j} with
 * K^{-j} = E[kappa^{-j}_{g}[w_i^{-j}]] (the same for every object by symmetry).
 */
import { binomialTable } from './binomial.ts';
import { buildMechanism, type TradeMechanism } from './directMechanism.ts';
import { floatField } from './field.ts';
import { goodCount, isGood, valuationGap, type Agent, type TradeParameters } from './model.ts';
import { TIE_TOLERANCE } from '../../core/tolerance.ts';

export interface ClassWeights {
  /** kappa_m[good], m = 0..N (entry 0 unused) */
  good: number[];
  /** kappa_m[bad], m = 0..N (entry N unused) */
  bad: number[];
}

/** K^j = E over j's types of kappa^j_{g(w)}[w_i] for a fixed object i. */
export function averageWeight(params: TradeParameters<number>, j: Agent, k: ClassWeights): number {
  const N = params.objects;
  const q = j === 'seller' ? params.qSeller : params.qBuyer;
  const f = binomialTable(floatField, N, q).pmf;
  // P(w_i good, g = m) = f(m) m/N ; P(w_i bad, g = m) = f(m) (N-m)/N
  let s = 0;
  for (let m = 0; m <= N; m++) s += f[m] * ((m / N) * (m > 0 ? k.good[m] : 0) + ((N - m) / N) * (m < N ? k.bad[m] : 0));
  return s;
}

/** xi_m^j, phi_m^j of the product mechanism (m = 0..N; NaN where undefined). */
export function productClassProbabilities(
  params: TradeParameters<number>,
  weights: Record<Agent, ClassWeights>,
  j: Agent,
): { xi: number[]; phi: number[] } {
  const N = params.objects;
  const K = averageWeight(params, j === 'seller' ? 'buyer' : 'seller', weights[j === 'seller' ? 'buyer' : 'seller']);
  const xi: number[] = [];
  const phi: number[] = [];
  for (let m = 0; m <= N; m++) {
    xi.push(m > 0 ? weights[j].good[m] * K : NaN);
    phi.push(m < N ? weights[j].bad[m] * K : NaN);
  }
  return { xi, phi };
}

export function productMechanism(
  params: TradeParameters<number>,
  weights: Record<Agent, ClassWeights>,
  tauBar: Record<Agent, number[]>,
): TradeMechanism {
  return buildMechanism(
    params,
    (i, ws, wb) => {
      const a = isGood(ws, i) ? weights.seller.good[goodCount(ws)] : weights.seller.bad[goodCount(ws)];
      const b = isGood(wb, i) ? weights.buyer.good[goodCount(wb)] : weights.buyer.bad[goodCount(wb)];
      return a * b;
    },
    (j, ws, wb) => tauBar[j][goodCount(j === 'seller' ? ws : wb)],
  );
}

/** Largest violation of Definition 2 (SLIC) given xi, phi and tau-bar of one agent. */
export function slicViolation(gap: number, xi: number[], phi: number[], tauBar: number[]): number {
  const N = tauBar.length - 1;
  let v = 0;
  for (let m = 0; m < N; m++) {
    const d = tauBar[m + 1] - tauBar[m];
    v = Math.max(v, d - gap * xi[m + 1], gap * phi[m] - d);
  }
  for (let m = 1; m < N; m++) v = Math.max(v, phi[m] - xi[m]);
  return v;
}

/** Largest violation of Definition 3 (monotonicity). */
export function monotonicityViolation(xi: number[], phi: number[]): number {
  const N = xi.length - 1;
  let v = 0;
  for (let m = 1; m < N; m++) v = Math.max(v, phi[m - 1] - phi[m], xi[m] - xi[m + 1]);
  return v;
}

/** Largest violation of Definition 4 (tightness, equation 8), m = 0..N-1. */
export function tightnessViolation(gap: number, phi: number[], tauBar: number[]): number {
  let v = 0;
  for (let m = 0; m + 1 < tauBar.length; m++) v = Math.max(v, Math.abs(tauBar[m + 1] - tauBar[m] - gap * phi[m]));
  return v;
}

/**
 * One step of Proposition 4's construction (20): with k the first m whose
 * left SLIC inequality is strict and d = tau-bar(k+1) - tau-bar(k) - Delta phi_k,
 * every class gets + d (1 - F_BD(k)) and classes m in {k+1, ..., last} also lose d.
 * The paper prints last = N - 1; `last: 'N'` is the corrected range.
 * Returns null when already tight.
 */
export function tightenStep(
  params: TradeParameters<number>,
  j: Agent,
  phi: number[],
  tauBar: number[],
  last: 'N' | 'N-1',
  tol = TIE_TOLERANCE,
): number[] | null {
  const N = params.objects;
  const gap = valuationGap(floatField, params, j);
  const q = j === 'seller' ? params.qSeller : params.qBuyer;
  const tail = binomialTable(floatField, N, q).upperTail;
  let k = -1;
  for (let m = 0; m < N; m++) {
    if (tauBar[m + 1] - tauBar[m] - gap * phi[m] > tol) {
      k = m;
      break;
    }
  }
  if (k < 0) return null;
  const d = tauBar[k + 1] - tauBar[k] - gap * phi[k];
  const top = last === 'N' ? N : N - 1;
  return tauBar.map((t, m) => t + d * tail[k] - (m >= k + 1 && m <= top ? d : 0));
}

/** Iterate (20) until tight (at most N steps per agent). */
export function tighten(
  params: TradeParameters<number>,
  j: Agent,
  phi: number[],
  tauBar: number[],
  last: 'N' | 'N-1' = 'N',
): { tauBar: number[]; steps: number } {
  let cur = tauBar;
  let steps = 0;
  for (let s = 0; s <= params.objects + 1; s++) {
    const next = tightenStep(params, j, phi, cur, last);
    if (!next) break;
    cur = next;
    steps++;
  }
  return { tauBar: cur, steps };
}
