/**
 * Informational size (seed 001_e592948973ecc068.txt, section 4.2, Definition 3):
 *   I^i_eps(a_i', a_i) = { a_-i : || Q_Theta(. | a_-i, a_i) - Q_Theta(. | a_-i, a_i') ||_1 > eps }
 *   nu_i^Q(a_i', a_i)  = min { eps >= 0 : sum_{a_-i in I^i_eps} Q(a_-i | a_i) <= eps }
 *   nu_i^Q             = max_{a_i} max_{a_i'} nu_i^Q(a_i', a_i).
 * (The OCR has Q_Theta(a_-i | a_i) in the sum; it is Q_{A_-i}(a_-i | a_i).)
 *
 * The mass function eps -> Q(I_eps) is a right-continuous, non-increasing step
 * function with steps at the distances, so nu is computed EXACTLY from the
 * sorted distances (`smallestFixedPoint`), not by bisection; the bisection
 * (`smallestFixedPointByBisection`) is kept to cross-check it.
 */
import { InputError } from '../core/errors.ts';
import type { JointPrior } from '../core/prior.ts';
import { logSumExp } from './symmetricSignals.ts';

/** One profile of the others: the 1-norm distance between the two posteriors and its probability Q(a_-i | a_i). */
export interface WeightedDistance {
  distance: number;
  mass: number;
}

/** Q(I_eps): the mass of the profiles whose distance exceeds eps (strictly). */
export function massAbove(items: readonly WeightedDistance[], eps: number): number {
  let s = 0;
  for (const it of items) if (it.distance > eps) s += it.mass;
  return s;
}

/**
 * The smallest eps >= 0 with massAbove(items, eps) <= eps (Definition 3),
 * exactly: on [d_j, d_{j+1}) between consecutive distinct distances the mass
 * is the constant tail T_j = sum_{d > d_j} mass, so the first interval where
 * max(d_j, T_j) < d_{j+1} gives nu = max(d_j, T_j) (d_0 = 0).
 */
export function smallestFixedPoint(items: readonly WeightedDistance[]): number {
  const pos = items.filter((x) => x.distance > 0 && x.mass > 0).sort((a, b) => a.distance - b.distance);
  // distinct distances with their masses
  const d: number[] = [];
  const w: number[] = [];
  for (const it of pos) {
    if (d.length && d[d.length - 1] === it.distance) w[w.length - 1] += it.mass;
    else {
      d.push(it.distance);
      w.push(it.mass);
    }
  }
  // tail[j] = mass strictly above d_j (j = 0 is "above 0"), summed from the top
  const K = d.length;
  const tail = new Array<number>(K + 1).fill(0);
  for (let j = K - 1; j >= 0; j--) tail[j] = tail[j + 1] + w[j];
  // interval [0, d_1): tail[0]
  if (K === 0 || tail[0] < d[0]) return tail[0];
  for (let j = 1; j <= K; j++) {
    const cand = Math.max(d[j - 1], tail[j]);
    const next = j < K ? d[j] : Infinity;
    if (cand < next) return cand;
  }
  return d[K - 1];
}

/** The same fixed point by bisection on eps (for cross-checking the exact computation). */
export function smallestFixedPointByBisection(items: readonly WeightedDistance[], iterations = 200): number {
  let lo = 0;
  let hi = 2;
  if (massAbove(items, 0) <= 0) return 0;
  for (let k = 0; k < iterations; k++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (massAbove(items, mid) <= mid) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Log-space item: log distance and log mass (for count-based computations where both underflow). */
export interface LogWeightedDistance {
  logDistance: number;
  logMass: number;
}

/** `smallestFixedPoint` in log space: returns log nu (-Infinity for nu = 0). */
export function logSmallestFixedPoint(items: readonly LogWeightedDistance[]): number {
  const pos = items.filter((x) => x.logDistance > -Infinity && x.logMass > -Infinity).sort((a, b) => a.logDistance - b.logDistance);
  const d: number[] = [];
  const w: number[][] = [];
  for (const it of pos) {
    if (d.length && d[d.length - 1] === it.logDistance) w[w.length - 1].push(it.logMass);
    else {
      d.push(it.logDistance);
      w.push([it.logMass]);
    }
  }
  const K = d.length;
  const tail = new Array<number>(K + 1).fill(-Infinity);
  for (let j = K - 1; j >= 0; j--) tail[j] = logSumExp([tail[j + 1], ...w[j]]);
  if (K === 0 || tail[0] < d[0]) return tail[0];
  for (let j = 1; j <= K; j++) {
    const cand = Math.max(d[j - 1], tail[j]);
    const next = j < K ? d[j] : Infinity;
    if (cand < next) return cand;
  }
  return d[K - 1];
}

/** Posterior Q_Theta(. | a) at a signal profile; an InputError when Q(a) = 0 (the conditional is needed but undefined). */
export function posteriorAt(Q: JointPrior, a: number, field = 'Q'): number[] {
  if (!(Q.profileMarginal[a] > 0))
    throw new InputError(field, `signal profile [${Q.profiles.profile(a)}] has probability 0, but its posterior on the state is needed`);
  return Q.stateGivenProfile(a);
}

/**
 * For agent i with true signal a_i and report r: every others' profile a_-i
 * with Q(a_-i | a_i) > 0, its distance ||rho(a_-i, a_i) - rho(a_-i, r)||_1 and mass
 * (Definition 3; the distances of the proof of Theorem B, Part 3).
 */
export function posteriorDistances(Q: JointPrior, i: number, trueSignal: number, report: number): WeightedDistance[] {
  const space = Q.profiles;
  if (!(Q.ownMarginal[i][trueSignal] > 0))
    throw new InputError('Q', `agent ${i}'s signal ${trueSignal} has probability 0, but its conditional Q(. | a_i) is needed`);
  const out: WeightedDistance[] = [];
  for (let k = 0; k < space.size; k++) {
    if (space.component(k, i) !== trueSignal) continue;
    const mass = Q.othersGivenOwnAt(i, k);
    if (!(mass > 0)) continue;
    const p = posteriorAt(Q, k);
    const q = posteriorAt(Q, space.replace(k, i, report));
    let dist = 0;
    for (let th = 0; th < p.length; th++) dist += Math.abs(p[th] - q[th]);
    out.push({ distance: dist, mass });
  }
  return out;
}

/** nu_i^Q(a_i', a_i) (Definition 3): `report` = a_i', `trueSignal` = a_i. */
export function informationalSizePair(Q: JointPrior, i: number, report: number, trueSignal: number): number {
  return smallestFixedPoint(posteriorDistances(Q, i, trueSignal, report));
}

export interface InformationalSize {
  /** nu_i^Q */
  nu: number;
  /** the maximising (true signal a_i, report a_i') */
  trueSignal: number;
  report: number;
}

/** nu_i^Q = max over a_i, a_i' (Definition 3, seed 001 section 4.2). Signals with Q(a_i) = 0 are skipped. */
export function informationalSize(Q: JointPrior, i: number): InformationalSize {
  let best: InformationalSize = { nu: 0, trueSignal: 0, report: 0 };
  const k = Q.typeCounts[i];
  for (let a = 0; a < k; a++) {
    if (!(Q.ownMarginal[i][a] > 0)) continue;
    for (let r = 0; r < k; r++) {
      if (r === a) continue;
      const nu = informationalSizePair(Q, i, r, a);
      if (nu > best.nu) best = { nu, trueSignal: a, report: r };
    }
  }
  return best;
}

/** E[ ||rho(a_-i, a_i) - rho(a_-i, r)||_1 | a_i ] (the quantity bounded by 3 nu in the proof of Theorem B, Part 3). */
export function expectedPosteriorDistance(Q: JointPrior, i: number, trueSignal: number, report: number): number {
  return posteriorDistances(Q, i, trueSignal, report).reduce((s, x) => s + x.distance * x.mass, 0);
}
