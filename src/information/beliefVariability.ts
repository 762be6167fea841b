/**
 * Variability of beliefs (seed 001_e592948973ecc068.txt, section 4.3):
 *   Lambda_i^Q = min_{a_i} min_{a_i' != a_i} || Q(.|a_i)/||Q(.|a_i)||_2 - Q(.|a_i')/||Q(.|a_i')||_2 ||_2^2
 * and the spherical-scoring reward advantage of Lemma C (section 7.1):
 *   sum_{a_-i} [zeta_i(a_-i, a_i) - zeta_i(a_-i, a_i')] Q(a_-i | a_i)
 *     = (eps / 2) ||Q(.|a_i)||_2 || u(a_i) - u(a_i') ||_2^2  >=  eps Lambda_i / (2 sqrt|A|),
 * with zeta_i(a_-i, a_i) = eps Q(a_-i | a_i) / ||Q(.|a_i)||_2 (core/scoringRules.ts).
 */
import { distance2, norm2 } from '../core/distribution.ts';
import { InputError } from '../core/errors.ts';
import type { JointPrior } from '../core/prior.ts';
import { sphericalRewards } from '../core/scoringRules.ts';

/** Q_{A_-i}(. | a_i) / ||Q_{A_-i}(. | a_i)||_2 (a point on the unit sphere). */
export function normalizedBelief(Q: JointPrior, i: number, signal: number): number[] {
  if (!(Q.ownMarginal[i][signal] > 0))
    throw new InputError('Q', `agent ${i}'s signal ${signal} has probability 0, but its conditional Q(. | a_i) is needed`);
  const b = Q.othersGivenOwn(i, signal);
  const nrm = norm2(b);
  return b.map((x) => x / nrm);
}

/** || u(a_i) - u(a_i') ||_2^2 for one pair of signals. */
export function beliefVariabilityPair(Q: JointPrior, i: number, a: number, b: number): number {
  return distance2(normalizedBelief(Q, i, a), normalizedBelief(Q, i, b)) ** 2;
}

export interface BeliefVariability {
  /** Lambda_i^Q (Infinity when agent i has a single signal: no pair to compare) */
  lambda: number;
  /** the minimising pair */
  pair: [number, number] | null;
}

/** Lambda_i^Q (section 4.3). Signals with Q(a_i) = 0 are rejected (their conditional is needed). */
export function beliefVariability(Q: JointPrior, i: number): BeliefVariability {
  const k = Q.typeCounts[i];
  const u = Array.from({ length: k }, (_, a) => normalizedBelief(Q, i, a));
  let best: BeliefVariability = { lambda: Infinity, pair: null };
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const l = distance2(u[a], u[b]) ** 2;
      if (l < best.lambda) best = { lambda: l, pair: [a, b] };
    }
  }
  return best;
}

/**
 * Lemma C's left-hand side, computed from the rewards themselves (core
 * sphericalRewards): sum_{a_-i} [zeta_i(a_-i, a_i) - zeta_i(a_-i, a_i')] Q(a_-i | a_i).
 */
export function sphericalRewardAdvantage(Q: JointPrior, i: number, trueSignal: number, report: number, scale: number): number {
  const z = sphericalRewards(Q, i, scale);
  const space = Q.profiles;
  let s = 0;
  for (let k = 0; k < space.size; k++) {
    if (space.component(k, i) !== trueSignal) continue;
    const w = Q.othersGivenOwnAt(i, k);
    if (w === 0) continue;
    s += (z(k) - z(space.replace(k, i, report))) * w;
  }
  return s;
}
