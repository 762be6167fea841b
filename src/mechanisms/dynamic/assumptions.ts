/**
 * Assumptions 2 (convex independence) and 3 (spanning) of seed
 * 004_9d6e3cf19fe3eb52.txt, section 3, computed for a given environment from
 * the matrices M^{-i}_{t+1}(a_t, theta_t^{-i}) = [mu^{-i}(theta'^{-i} | a, theta^i, theta^{-i})]
 * (rows theta'^{-i}, columns theta^i). The environment is stationary, so the
 * conditions are the same for every t.
 */
import { eigs } from 'mathjs';
import { LPBuilder } from '../../solvers/lp/builder.ts';
import { solveLP } from '../../solvers/lp/solve.ts';
import { othersTransitionMatrix, type DynamicEnvironment } from './environment.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';

export interface MatrixWitness {
  agent: number;
  action: number;
  /** theta^{-i} as a profile of the others' signals */
  others: number[];
  /** the column (own signal) concerned, when relevant */
  column?: number;
}

export interface ConvexIndependenceResult {
  holds: boolean;
  /**
   * the smallest sup-norm distance from a column of M^{-i} to the convex hull of
   * the other columns, over i, a, theta^{-i}, theta^i (Infinity when every
   * agent has a single signal). The slides bound the Euclidean distance away
   * from 0; dist_inf <= dist_2 <= sqrt(|Theta^{-i}|) dist_inf, so both are
   * positive together, and dist_inf is an LP.
   */
  minDistance: number;
  witness: MatrixWitness | null;
  lps: number;
}

/**
 * Sup-norm distance from column `k` of M (m x n) to the convex hull of the
 * other columns: min s s.t. |M_k - sum_{l != k} lambda_l M_l| <= s, lambda in the simplex.
 * A certified LP (solveLP); an LPCertificationError propagates.
 */
export function distanceToHullOfOthers(M: number[][], k: number): number {
  const n = M[0].length;
  if (n === 1) return Infinity;
  const b = new LPBuilder('min');
  const lam = Array.from({ length: n }, (_, l) => (l === k ? -1 : b.addVariable(`lambda_${l}`)));
  const s = b.addVariable('s', { objective: 1 });
  b.eq(
    lam.filter((v) => v >= 0).map((v) => [v, 1] as const),
    1,
    'simplex',
  );
  M.forEach((row, r) => {
    const terms = lam.flatMap((v, l) => (v >= 0 ? [[v, -row[l]] as const] : []));
    // row[k] - sum lambda_l row[l] <= s  and  >= -s
    b.le([...terms, [s, -1]], -row[k], `up_${r}`);
    b.ge([...terms, [s, 1]], -row[k], `lo_${r}`);
  });
  const sol = solveLP(b.build());
  if (sol.status !== 'optimal') throw new Error(`distanceToHullOfOthers: LP ${sol.status}`);
  return Math.max(0, sol.objective);
}

/** Assumption 2 (convex independence), decided with the certified LP layer. */
export function convexIndependence(env: DynamicEnvironment, opts: { tolerance?: number } = {}): ConvexIndependenceResult {
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE;
  let minDistance = Infinity;
  let witness: MatrixWitness | null = null;
  let lps = 0;
  for (let i = 0; i < env.agents; i++) {
    for (let a = 0; a < env.actions; a++) {
      for (let o = 0; o < env.othersSpaces[i].size; o++) {
        const M = othersTransitionMatrix(env, i, a, o);
        for (let k = 0; k < env.signals[i]; k++) {
          const dist = distanceToHullOfOthers(M, k);
          if (Number.isFinite(dist)) lps++;
          if (dist < minDistance) {
            minDistance = dist;
            witness = { agent: i, action: a, others: env.othersSpaces[i].profile(o), column: k };
          }
        }
      }
    }
  }
  return { holds: minDistance > tol, minDistance, witness: minDistance > tol ? null : witness, lps };
}

export interface SpanningResult {
  holds: boolean;
  /** the smallest singular value of M^{-i} over i, a, theta^{-i} */
  minSingularValue: number;
  /** the largest ||(M^{-i})^+||_2 = 1 / sigma_min (Infinity when a matrix is rank deficient): the slides' D-bar */
  maxPseudoInverseNorm: number;
  witness: MatrixWitness | null;
}

/** Smallest singular value of an m x n matrix (sqrt of the smallest eigenvalue of M^T M; 0 when n > m). */
export function smallestSingularValue(M: number[][]): number {
  const m = M.length;
  const n = M[0].length;
  if (n > m) return 0;
  const G = Array.from({ length: n }, (_, p) => Array.from({ length: n }, (_, q) => M.reduce((acc, row) => acc + row[p] * row[q], 0)));
  if (n === 1) return Math.sqrt(G[0][0]);
  const ev = eigs(G).values as unknown as number[] | { toArray(): number[] };
  const vals = Array.isArray(ev) ? ev : ev.toArray();
  const lo = Math.min(...vals.map(Number));
  return Math.sqrt(Math.max(0, lo));
}

/** Assumption 3 (spanning: the columns of M^{-i} are linearly independent), with the norm of the pseudo-inverse. */
export function spanning(env: DynamicEnvironment, opts: { tolerance?: number } = {}): SpanningResult {
  // rank tolerance on sigma_min: sqrt of an eigenvalue of M^T M amplifies rounding (1e-16 -> 1e-8)
  const tol = opts.tolerance ?? 1e-6;
  let minSv = Infinity;
  let witness: MatrixWitness | null = null;
  for (let i = 0; i < env.agents; i++) {
    for (let a = 0; a < env.actions; a++) {
      for (let o = 0; o < env.othersSpaces[i].size; o++) {
        const sv = smallestSingularValue(othersTransitionMatrix(env, i, a, o));
        if (sv < minSv) {
          minSv = sv;
          witness = { agent: i, action: a, others: env.othersSpaces[i].profile(o) };
        }
      }
    }
  }
  const holds = minSv > tol;
  return { holds, minSingularValue: minSv, maxPseudoInverseNorm: holds ? 1 / minSv : Infinity, witness: holds ? null : witness };
}
