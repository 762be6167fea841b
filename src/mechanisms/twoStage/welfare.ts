import { TIE_TOLERANCE } from '../../core/tolerance.ts';
/**
 * The welfare functions of Lemmas A and B (seed 001_e592948973ecc068.txt,
 * section 7.1), for payoffs g_i(c, theta) in [0, M] and a distribution pi on Theta:
 *   F_S(pi)   = max_c sum_{i in S} sum_theta g_i(c, theta) pi(theta)                      (Lemma A)
 *   xi(pi)    in argmax_c sum_{i in N} sum_theta g_i(c, theta) pi(theta)  (ties: lowest c)
 *   eta_i(pi) = sum_{j != i} g_j(xi(pi)) . pi - F_{N \ i}(pi)                             (Lemma B)
 * and agent i's private-values VCG payoff at pi: g_i(xi(pi)) . pi + eta_i(pi).
 * `g[i][c][theta]`.
 */
export type PayoffsOnStates = readonly (readonly (readonly number[])[])[];

/** sum_{i in S} g_i(c, .) . pi */
export function groupValue(g: PayoffsOnStates, S: readonly number[], c: number, pi: readonly number[]): number {
  let v = 0;
  for (const i of S) for (let th = 0; th < pi.length; th++) v += g[i][c][th] * pi[th];
  return v;
}

/** F_S(pi) and its maximiser (lowest index among ties). */
export function maxWelfare(g: PayoffsOnStates, S: readonly number[], pi: readonly number[]): { value: number; outcome: number } {
  const C = g[0].length;
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < C; c++) {
    const v = groupValue(g, S, c, pi);
    if (v > best + TIE_TOLERANCE) {
      best = v;
      arg = c;
    }
  }
  return { value: S.length ? best : 0, outcome: arg };
}

/** Agent i's VCG payoff at pi when all report g_j . pi: g_i(xi(pi)) . pi + eta_i(pi) (Lemma B's bracket). */
export function vcgPayoffAtPosterior(g: PayoffsOnStates, i: number, pi: readonly number[]): number {
  const n = g.length;
  const all = Array.from({ length: n }, (_, j) => j);
  const others = all.filter((j) => j !== i);
  const xi = maxWelfare(g, all, pi).outcome;
  return groupValue(g, all, xi, pi) - maxWelfare(g, others, pi).value;
}
