/**
 * The Lipschitz bounds of seed 000_8a10c4f2f12bc353.txt, section 6.1 (Lemmas A
 * and B) and Part 2 of the proof of Theorem 1 (section 6.2), as computable
 * quantities: the maximal surplus F(pi), buyer i's VCG utility
 * g_i(xi(pi); pi) + eta_i(pi) = F(pi) - F_-i(pi), and the constants written in
 * the statements and established by the proofs. Norms are 1-norms (section 3.1).
 */
import { distance1 } from '../../core/distribution.ts';
import { type AssignmentInstance, dataAtPosterior } from './instance.ts';
import { efficientAssignment } from './solver.ts';

/** F(pi) = max_z sum_i g_i(z; w_i(pi), d_i(pi), v_i(pi)) (Lemma A, section 6.1). */
export function maximalSurplus(inst: AssignmentInstance, pi: readonly number[]): number {
  return efficientAssignment(dataAtPosterior(inst, pi)).welfare;
}

/**
 * g_i(xi(pi); w_i(pi), d_i(pi), v_i(pi)) + eta_i(pi) (Lemma B): buyer i's payoff
 * plus VCG transfer at the truthful efficient assignment, = F(pi) - F_-i(pi).
 */
export function buyerVcgUtility(inst: AssignmentInstance, pi: readonly number[], i: number): number {
  const data = dataAtPosterior(inst, pi);
  return efficientAssignment(data).welfare - efficientAssignment(data, i).welfare;
}

/** Lemma A as stated: |F(pi) - F(pi')| <= 2 n M ||pi - pi'||. */
export const lemmaAConstantStated = (n: number, M: number): number => 2 * n * M;
/** Lemma A as its proof establishes (|sum_i g_i| <= n (2 + n) M): (2 + n) n M. */
export const lemmaAConstantProof = (n: number, M: number): number => (2 + n) * n * M;
/** Lemma B as stated, and as its proof establishes (two applications of Lemma A's proof constant): (2 + n) 2 n M. */
export const lemmaBConstant = (n: number, M: number): number => (2 + n) * 2 * n * M;
/** Lemma B if Lemma A held with its stated constant 2nM: 2nM + 2nM. */
export const lemmaBConstantFromStatedA = (n: number, M: number): number => 4 * n * M;
/** Part 2 of the proof of Theorem 1 as written: (2 + n)(2n + 1) M. */
export const part2ConstantStated = (n: number, M: number): number => (2 + n) * (2 * n + 1) * M;

/** |f(pi) - f(pi')| / (C ||pi - pi'||_1), 0 when pi = pi'. */
export function ratioToLipschitzBound(fPi: number, fPi2: number, pi: readonly number[], pi2: readonly number[], C: number): number {
  const dist = distance1(pi, pi2);
  if (dist === 0) return 0;
  return Math.abs(fPi - fPi2) / (C * dist);
}

/**
 * Pairs (pi, pi') to test a Lipschitz bound: the given pair, and for every
 * ordered pair of states (s, t) the chord from the point mass on s toward t,
 * pi' = (1 - h) e_s + h e_t (h = 1/8): F is convex and piecewise linear, so the
 * steep slopes sit at such chords when one matching is optimal near a vertex.
 */
export function testPairs(states: number, pi: number[], pi2: number[], h = 1 / 8): Array<[number[], number[]]> {
  const pairs: Array<[number[], number[]]> = [[pi, pi2]];
  for (let s = 0; s < states; s++)
    for (let t = 0; t < states; t++) {
      if (s === t) continue;
      const a = new Array(states).fill(0);
      a[s] = 1;
      const b = new Array(states).fill(0);
      b[s] = 1 - h;
      b[t] = h;
      pairs.push([a, b]);
    }
  return pairs;
}
