/**
 * Informational size nu (Definition 3) and variability of beliefs Lambda
 * (section 4.3) of seed 001_e592948973ecc068.txt for conditionally
 * independent symmetric signals, through signal counts (symmetricSignals.ts),
 * in log space: Theorem B(b) needs many agents with accurate signals, where nu
 * and the masses underflow double precision (nu ~ 1e-300 and below).
 *
 * For agent i with signal s lying r, every profile a_-i of the others with
 * count vector c has the same distance ||P(.|c + e_s) - P(.|c + e_r)||_1 and the
 * same probability Q(a_-i | s); there are multinomial(n-1; c) of them.
 */
import { logMultinomial, logSumExp, countVectors, SymmetricSignals, type SymmetricSignalModel } from './symmetricSignals.ts';
import { logSmallestFixedPoint, type LogWeightedDistance } from './informationalSize.ts';

const ln = (x: number) => (x > 0 ? Math.log(x) : -Infinity);

/** log P(theta | counts) for each theta (log space, so the small posteriors keep their relative accuracy). */
export function logPosteriorFromCounts(model: SymmetricSignalModel, counts: readonly number[]): number[] {
  const lj = model.statePrior.map((p, th) => {
    let v = ln(p);
    for (let s = 0; s < counts.length; s++) if (counts[s] > 0) v += counts[s] * ln(model.likelihood[th][s]);
    return v;
  });
  const z = logSumExp(lj);
  return lj.map((v) => v - z);
}

/** log |e^x - e^y|. */
function logAbsDiff(x: number, y: number): number {
  if (x === y) return -Infinity;
  const hi = Math.max(x, y);
  const lo = Math.min(x, y);
  if (lo === -Infinity) return hi;
  return hi + Math.log(-Math.expm1(lo - hi));
}

/**
 * log ||p - q||_1 for two distributions given by their logs. ||p - q||_1 =
 * 2 sum_{p > q} (p - q) = 2 sum_{q > p} (q - p); the side WITHOUT the
 * dominant component is used, so that a tiny distance between two nearly
 * degenerate posteriors is not lost to cancellation in the large component.
 */
export function logDistance1(lp: readonly number[], lq: readonly number[]): number {
  const plus: number[] = [];
  const minus: number[] = [];
  let plusMax = -Infinity;
  let minusMax = -Infinity;
  for (let th = 0; th < lp.length; th++) {
    const d = logAbsDiff(lp[th], lq[th]);
    const big = Math.max(lp[th], lq[th]);
    if (lp[th] > lq[th]) {
      plus.push(d);
      plusMax = Math.max(plusMax, big);
    } else if (lq[th] > lp[th]) {
      minus.push(d);
      minusMax = Math.max(minusMax, big);
    }
  }
  if (!plus.length && !minus.length) return -Infinity;
  const side = plusMax <= minusMax ? plus : minus;
  return Math.LN2 + logSumExp(side.length ? side : plus.length ? plus : minus);
}

/** The others' count vectors with log distance and log mass, for true signal s and report r (Definition 3). */
export function symmetricPosteriorDistances(model: SymmetricSignalModel, s: number, r: number): LogWeightedDistance[] {
  const sym = new SymmetricSignals(model);
  const out: LogWeightedDistance[] = [];
  for (const c of countVectors(model.agents - 1, sym.signals)) {
    const cs = [...c];
    cs[s] += 1;
    const cr = [...c];
    cr[r] += 1;
    out.push({
      logDistance: logDistance1(logPosteriorFromCounts(model, cs), logPosteriorFromCounts(model, cr)),
      logMass: logMultinomial(c) + sym.logProfileGivenOwn(c, s),
    });
  }
  return out;
}

export interface SymmetricInformation {
  agents: number;
  /** log nu (every agent has the same nu by symmetry) */
  logNu: number;
  nu: number;
  /** Lambda (the same for every agent) */
  lambda: number;
  /** max over s != r of log E[ ||rho(c+e_s) - rho(c+e_r)||_1 | s ] */
  logExpectedDistance: number;
  /** min over s of log ||Q(.|s)||_2 */
  logMinL2Norm: number;
  /** log |A| = n log k */
  logProfileCount: number;
}

/**
 * nu, Lambda and the related quantities of the proof of Theorem B for n
 * symmetric conditionally independent agents, in time polynomial in n (the
 * number of count vectors is C(n - 1 + k - 1, k - 1)).
 */
export function symmetricInformation(model: SymmetricSignalModel): SymmetricInformation {
  const sym = new SymmetricSignals(model);
  const k = sym.signals;
  const counts = [...countVectors(model.agents - 1, k)];
  const logMult = counts.map((c) => logMultinomial(c));
  const logQ = Array.from({ length: k }, (_, s) => counts.map((c) => sym.logProfileGivenOwn(c, s)));
  const logNorm = logQ.map((row) => 0.5 * logSumExp(row.map((v, j) => logMult[j] + 2 * v)));
  let logNu = -Infinity;
  let logED = -Infinity;
  let lambda = Infinity;
  for (let s = 0; s < k; s++) {
    for (let r = 0; r < k; r++) {
      if (r === s) continue;
      const items: LogWeightedDistance[] = counts.map((c, j) => {
        const cs = [...c];
        cs[s] += 1;
        const cr = [...c];
        cr[r] += 1;
        return {
          logDistance: logDistance1(logPosteriorFromCounts(model, cs), logPosteriorFromCounts(model, cr)),
          logMass: logMult[j] + logQ[s][j],
        };
      });
      logNu = Math.max(logNu, logSmallestFixedPoint(items));
      logED = Math.max(logED, logSumExp(items.map((x) => x.logDistance + x.logMass)));
      if (r > s) {
        const logInner = logSumExp(counts.map((_, j) => logMult[j] + logQ[s][j] + logQ[r][j]));
        const logCos = logInner - logNorm[s] - logNorm[r];
        lambda = Math.min(lambda, -2 * Math.expm1(Math.min(0, logCos)));
      }
    }
  }
  return {
    agents: model.agents,
    logNu,
    nu: Math.exp(logNu),
    lambda,
    logExpectedDistance: logED,
    logMinL2Norm: Math.min(...logNorm),
    logProfileCount: model.agents * Math.log(k),
  };
}
