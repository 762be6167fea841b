/**
 * The efficient assignment with externalities and the stage-2 VCG transfers
 * (seed 000_8a10c4f2f12bc353.txt, section 3.4 (the quadratic assignment problem
 * max_{z in Z} sum_i g_i(z)) and section 4.1 (phi(w, d) and
 * x_i(w, d) = sum_{k != i} g_k(phi) - max_{z in Z_-i} sum_{k != i} g_k(z))).
 *
 * `efficientAssignment` is an exact branch and bound over all partial
 * matchings (buyers in order; each buyer takes a free seller or stays
 * unmatched). Its upper bound is valid for externality terms of either sign,
 * so the relaxation with negative externality costs (benefits) is solved
 * exactly too. `efficientAssignmentByEnumeration` is the plain enumeration of
 * all partial matchings (the benchmark baseline and the reference in tests).
 */
import type { StepBudget } from '../../core/limits.ts';
import { type AssignmentData, type Matching, allMatchings, buyerPayoff, dIndex, welfare } from './payoff.ts';
import { TIE_TOLERANCE } from '../../core/tolerance.ts';

export interface AssignmentSolution {
  /** match[i] = seller of buyer i or -1 */
  match: Matching;
  /** sum of the included buyers' payoffs g_i */
  welfare: number;
}

/**
 * Exact maximiser of sum_i g_i(z) over all partial matchings z (section 3.4),
 * with buyer `exclude` (if >= 0) forced unmatched and left out of the sum:
 * that is max over Z_-i of sum_{k != i} g_k(z) (section 4.1).
 * Ties are broken by the search order (buyers 0..n-1; for each, "unmatched"
 * first, then sellers 0..n-1): a matching replaces the incumbent only if it is
 * better by more than 1e-12, so the outcome is a deterministic function of the data.
 * With a `budget`, the nodes visited are charged to it (a LimitError past its limit).
 */
export function efficientAssignment(data: AssignmentData, exclude = -1, budget?: StepBudget): AssignmentSolution {
  const n = data.n;
  const nn = n * n;
  // the number of nodes the search visits depends on the data: with a budget, each node is charged (its bound costs about n^2 steps)
  const nodeWork = nn + 10;
  let nodes = 0;
  // pair[(k*n+q)*nn + (i*n+j)] = d_kq^{ij} + d_ij^{kq}: the interaction of the matches (k,q) and (i,j)
  const pair = new Float64Array(nn * nn);
  const lin = new Float64Array(nn);
  for (let k = 0; k < n; k++)
    for (let q = 0; q < n; q++) {
      lin[k * n + q] = data.w[k * n + q] - data.kappa[k * n + q];
      for (let i = 0; i < n; i++) {
        if (i === k) continue;
        for (let j = 0; j < n; j++) {
          if (j === q) continue;
          pair[(k * n + q) * nn + i * n + j] = data.d[dIndex(n, k, q, i, j)] + data.d[dIndex(n, i, j, k, q)];
        }
      }
    }
  // optimistic gain from the other buyers' matches, valid when some d are negative:
  // pos[k*n+q] = sum_{p != k} max(0, max_{r != q} (-pair[(k,q),(p,r)]))
  const pos = new Float64Array(nn);
  for (let k = 0; k < n; k++)
    for (let q = 0; q < n; q++) {
      let s = 0;
      for (let p = 0; p < n; p++) {
        if (p === k || p === exclude) continue;
        let best = 0;
        for (let r = 0; r < n; r++) if (r !== q) best = Math.max(best, -pair[(k * n + q) * nn + p * n + r]);
        s += best;
      }
      pos[k * n + q] = s;
    }
  // acc[k*n+q] = sum over current matches (i,j) of pair[(k,q),(i,j)]
  const acc = new Float64Array(nn);
  const used = new Uint8Array(n);
  const match = new Array<number>(n).fill(-1);
  let best = 0; // the empty matching
  let bestMatch = match.slice();

  const bound = (from: number): number => {
    let s = 0;
    for (let k = from; k < n; k++) {
      if (k === exclude) continue;
      let m = 0;
      for (let q = 0; q < n; q++) {
        if (used[q]) continue;
        const v = lin[k * n + q] - acc[k * n + q] + pos[k * n + q];
        if (v > m) m = v;
      }
      s += m;
    }
    return s;
  };

  const rec = (k: number, value: number) => {
    if (budget && ++nodes === 4096) {
      budget.spend(nodes * nodeWork);
      nodes = 0;
    }
    if (k === n) {
      if (value > best + TIE_TOLERANCE) {
        best = value;
        bestMatch = match.slice();
      }
      return;
    }
    if (value + bound(k) <= best + TIE_TOLERANCE) return;
    // unmatched
    rec(k + 1, value);
    if (k === exclude) return;
    for (let q = 0; q < n; q++) {
      if (used[q]) continue;
      const gain = lin[k * n + q] - acc[k * n + q];
      used[q] = 1;
      match[k] = q;
      const row = (k * n + q) * nn;
      for (let t = 0; t < nn; t++) acc[t] += pair[row + t];
      rec(k + 1, value + gain);
      for (let t = 0; t < nn; t++) acc[t] -= pair[row + t];
      used[q] = 0;
      match[k] = -1;
    }
  };
  rec(0, 0);
  return { match: bestMatch, welfare: welfare(data, bestMatch, exclude) };
}

/** Plain enumeration of all partial matchings (the baseline; section 3.4). */
export function efficientAssignmentByEnumeration(data: AssignmentData, exclude = -1): AssignmentSolution {
  let best = -Infinity;
  let bestMatch: Matching = [];
  for (const z of allMatchings(data.n, exclude)) {
    const v = welfare(data, z, exclude);
    if (v > best + TIE_TOLERANCE) {
      best = v;
      bestMatch = z;
    }
  }
  return { match: bestMatch, welfare: best };
}

export interface VcgOutcome {
  /** phi(w, d): the efficient matching for the reported data */
  match: Matching;
  welfare: number;
  /** g_k(phi; reported data) */
  payoffs: number[];
  /** x_i = sum_{k != i} g_k(phi) - max_{z in Z_-i} sum_{k != i} g_k(z), money paid TO buyer i (section 4.1) */
  transfers: number[];
}

export type Solver = (data: AssignmentData, exclude?: number) => AssignmentSolution;

/** The stage-2 VCG mechanism of section 4.1 on reported data (seller costs kappa known). */
export function vcgAssignment(data: AssignmentData, solver: Solver = efficientAssignment): VcgOutcome {
  const sol = solver(data);
  const payoffs = Array.from({ length: data.n }, (_, k) => buyerPayoff(data, sol.match, k));
  const total = payoffs.reduce((a, b) => a + b, 0);
  const transfers = payoffs.map((g, i) => total - g - solver(data, i).welfare);
  return { match: sol.match, welfare: sol.welfare, payoffs, transfers };
}

/**
 * Buyer i's utility g_i(phi(reports); true data of i) + x_i(reports) when the
 * mechanism runs on `reported` and i's true payoff data are `truth` (only
 * buyer i's rows of `truth` are read).
 */
export function vcgUtility(reported: AssignmentData, truth: AssignmentData, i: number, solver: Solver = efficientAssignment): number {
  const sol = solver(reported);
  const xi = sol.welfare - buyerPayoff(reported, sol.match, i) - solver(reported, i).welfare;
  return buyerPayoff(truth, sol.match, i) + xi;
}
