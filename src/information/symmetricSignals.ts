/**
 * Conditionally independent, symmetric signals, computed through signal
 * counts (seed 000 section 5/7 and seed 001 Theorem B(b) need n in the
 * hundreds or thousands). States theta in {0..m-1} with prior pi; each of n
 * agents draws a signal s in {0..k-1} independently with likelihood L[theta][s].
 *
 * With conditionally independent signals the posterior on the state depends on
 * the counts of each signal only:
 *   P(theta | counts C) proportional to pi(theta) prod_s L[theta][s]^{C_s}.
 * The others' profile a_-i given one's own signal s has probability
 *   Q(a_-i | s) = sum_theta P(theta | s) prod_s' L[theta][s']^{c_s'}     (c = counts of a_-i)
 * and there are multinomial(n-1; c) profiles with the same counts. Everything is
 * computed in log space (lgamma from mathjs), so n = 1000 neither overflows nor
 * underflows.
 */
import { lgamma } from 'mathjs';
import { assertDistribution } from '../core/distribution.ts';
import { InputError } from '../core/errors.ts';

export interface SymmetricSignalModel {
  /** pi(theta) */
  statePrior: number[];
  /** L[theta][s] */
  likelihood: number[][];
  /** number of agents n */
  agents: number;
}

export function validateSymmetricModel(m: SymmetricSignalModel, field = 'model'): void {
  assertDistribution(m.statePrior, `${field}.statePrior`);
  if (m.likelihood.length !== m.statePrior.length)
    throw new InputError(`${field}.likelihood`, `needs one row per state (${m.statePrior.length})`);
  m.likelihood.forEach((row, th) => assertDistribution(row, `${field}.likelihood[${th}]`, { length: m.likelihood[0].length }));
  if (!Number.isInteger(m.agents) || m.agents < 1) throw new InputError(`${field}.agents`, 'must be a positive integer');
}

/** log of x, with log 0 = -Infinity. */
const ln = (x: number) => (x > 0 ? Math.log(x) : -Infinity);

/** log-sum-exp of an array. */
export function logSumExp(xs: readonly number[]): number {
  let mx = -Infinity;
  for (const x of xs) if (x > mx) mx = x;
  if (mx === -Infinity) return -Infinity;
  let s = 0;
  for (const x of xs) s += Math.exp(x - mx);
  return mx + Math.log(s);
}

/** log multinomial coefficient (sum c)! / prod c_s!. */
export function logMultinomial(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let r = lgamma<number>(n + 1);
  for (const c of counts) r -= lgamma<number>(c + 1);
  return r;
}

/** All count vectors of length k summing to total (compositions), in lexicographic order. */
export function* countVectors(total: number, k: number): Generator<number[]> {
  if (k === 1) {
    yield [total];
    return;
  }
  for (let c = total; c >= 0; c--) for (const rest of countVectors(total - c, k - 1)) yield [c, ...rest];
}

/** Number of count vectors: C(total + k - 1, k - 1). */
export function countVectorCount(total: number, k: number): number {
  let r = 1;
  for (let j = 1; j < k; j++) r = (r * (total + j)) / j;
  return Math.round(r);
}

export class SymmetricSignals {
  readonly model: SymmetricSignalModel;
  readonly states: number;
  readonly signals: number;
  private readonly logPi: number[];
  private readonly logL: number[][];

  constructor(model: SymmetricSignalModel) {
    validateSymmetricModel(model);
    this.model = model;
    this.states = model.statePrior.length;
    this.signals = model.likelihood[0].length;
    this.logPi = model.statePrior.map(ln);
    this.logL = model.likelihood.map((r) => r.map(ln));
  }

  /** log of pi(theta) prod_s L[theta][s]^{C_s} for each theta. */
  private logJoint(counts: readonly number[]): number[] {
    return this.logPi.map((lp, th) => {
      let v = lp;
      for (let s = 0; s < this.signals; s++) if (counts[s] > 0) v += counts[s] * this.logL[th][s];
      return v;
    });
  }

  /** P(theta | counts) for the counts of a whole profile (or any set of signals). */
  posterior(counts: readonly number[]): number[] {
    const lj = this.logJoint(counts);
    const z = logSumExp(lj);
    return lj.map((v) => Math.exp(v - z));
  }

  /** P(theta | own signal s). */
  posteriorGivenOwn(s: number): number[] {
    const c = new Array(this.signals).fill(0);
    c[s] = 1;
    return this.posterior(c);
  }

  /** log Q(a_-i | s) for ONE profile a_-i of the others with counts c (sum c = n - 1). */
  logProfileGivenOwn(c: readonly number[], s: number): number {
    const post = this.posteriorGivenOwn(s);
    const terms = post.map((p, th) => {
      let v = ln(p);
      for (let j = 0; j < this.signals; j++) if (c[j] > 0) v += c[j] * this.logL[th][j];
      return v;
    });
    return logSumExp(terms);
  }

  /** P(others' counts = c | own signal s) = multinomial(c) Q(a_-i | s). */
  countsGivenOwn(c: readonly number[], s: number): number {
    return Math.exp(logMultinomial(c) + this.logProfileGivenOwn(c, s));
  }

  /** log ||Q(. | s)||_2 over all profiles of the others (not counts). */
  logL2NormOthersGivenOwn(s: number): number {
    const terms: number[] = [];
    for (const c of countVectors(this.model.agents - 1, this.signals)) terms.push(logMultinomial(c) + 2 * this.logProfileGivenOwn(c, s));
    return 0.5 * logSumExp(terms);
  }

  /** The others' count vectors with their probabilities given own signal s. */
  othersCountDistribution(s: number): Array<{ counts: number[]; prob: number }> {
    const out: Array<{ counts: number[]; prob: number }> = [];
    for (const c of countVectors(this.model.agents - 1, this.signals)) out.push({ counts: c, prob: this.countsGivenOwn(c, s) });
    return out;
  }
}
