/**
 * Binomial weights of seed 002_db415cb54f560522.txt, section 4.2.2: the number
 * g(w^j) of good valuations is Binomial(N, q^j); f_BD(m, N, q) is its density
 * and 1 - F_BD(m, N, q) = P(g > m) its upper tail (Lemma 1, Remark 1).
 *
 * `binomialTable` works in any field (exact rationals for the worked example);
 * `logBinomialTable` works in log space so that N = 1000 neither overflows nor
 * underflows (the performance goal).
 */
import type { Field } from './field.ts';

export interface BinomialTable<T> {
  /** f_BD(m, N, q), m = 0..N */
  pmf: T[];
  /** 1 - F_BD(m, N, q) = P(g > m), m = 0..N (0 at m = N) */
  upperTail: T[];
}

/** Exact (or float) binomial density and upper tail by direct multiplication. */
export function binomialTable<T>(F: Field<T>, N: number, q: T): BinomialTable<T> {
  const pmf: T[] = [];
  const oneMinus = F.sub(F.one, q);
  // C(N, m) q^m (1-q)^(N-m), built incrementally in the field
  const powQ: T[] = [F.one];
  const powR: T[] = [F.one];
  for (let m = 1; m <= N; m++) {
    powQ.push(F.mul(powQ[m - 1], q));
    powR.push(F.mul(powR[m - 1], oneMinus));
  }
  let coef = F.one;
  for (let m = 0; m <= N; m++) {
    if (m > 0) coef = F.div(F.mul(coef, F.of(N - m + 1)), F.of(m));
    pmf.push(F.mul(coef, F.mul(powQ[m], powR[N - m])));
  }
  const upperTail: T[] = new Array(N + 1);
  upperTail[N] = F.zero;
  for (let m = N - 1; m >= 0; m--) upperTail[m] = F.add(upperTail[m + 1], pmf[m + 1]);
  return { pmf, upperTail };
}

export interface LogBinomialTable {
  /** log f_BD(m, N, q) */
  logPmf: Float64Array;
  /** log(1 - F_BD(m, N, q)); -Infinity at m = N */
  logUpperTail: Float64Array;
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** Log-space binomial density and upper tail (no overflow or underflow for N in the thousands). */
export function logBinomialTable(N: number, q: number): LogBinomialTable {
  const logFact = new Float64Array(N + 1);
  for (let k = 1; k <= N; k++) logFact[k] = logFact[k - 1] + Math.log(k);
  const lq = Math.log(q);
  const lr = Math.log1p(-q);
  const logPmf = new Float64Array(N + 1);
  for (let m = 0; m <= N; m++) logPmf[m] = logFact[N] - logFact[m] - logFact[N - m] + m * lq + (N - m) * lr;
  const logUpperTail = new Float64Array(N + 1);
  logUpperTail[N] = -Infinity;
  for (let m = N - 1; m >= 0; m--) logUpperTail[m] = logAddExp(logUpperTail[m + 1], logPmf[m + 1]);
  return { logPmf, logUpperTail };
}

/** log of the ratio above (finite wherever 1 - F_BD(m) > 0, even when the ratio itself underflows). */
export function logTradeHazard(N: number, q: number): Float64Array {
  const t = logBinomialTable(N, q);
  const h = new Float64Array(N);
  for (let m = 0; m < N; m++) h[m] = Math.log(N - m) + t.logPmf[m] - t.logUpperTail[m];
  return h;
}
