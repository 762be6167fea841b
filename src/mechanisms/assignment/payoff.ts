/**
 * Assignment payoffs with externalities (seed 000_8a10c4f2f12bc353.txt,
 * section 3.4): n buyers, n sellers, a (partial) matching z, and buyer i's payoff
 *
 *   g_i(z; w_i, d_i, kappa_i) = sum_j [ w_ij - sum_{p != i} sum_{q != j} d_ij^{pq} z_pq - kappa_ij ] z_ij
 *
 * where w_ij is i's valuation for seller j, kappa_ij the seller's cost and
 * d_ij^{pq} the externality cost i suffers (when matched to j) from the match
 * (p, q). Data here are numbers already averaged over the state (the paper's
 * w_i(pi) = sum_theta w_i(theta) pi(theta)); see `instance.ts` for the
 * state-dependent data.
 *
 * A matching is stored as `match[i]` = the seller of buyer i, or -1 when i is
 * unmatched (the paper's 0/1 array z with z_ij = 1 iff match[i] = j).
 */

/** Payoff data at one posterior: w (valuations), d (externality costs), kappa (seller costs). */
export interface AssignmentData {
  n: number;
  /** w[i * n + j]: buyer i's valuation for seller j (paper: w_ij, or u_ij(pi)) */
  w: Float64Array;
  /** d[((i * n + j) * n + p) * n + q]: externality cost d_ij^{pq} (paper: c_ij^{pq}(pi)); entries with p = i or q = j are ignored */
  d: Float64Array;
  /** kappa[i * n + j]: seller j's cost of serving buyer i (paper: kappa_ij, or v_ij(pi)) */
  kappa: Float64Array;
}

export type Matching = number[];

export const dIndex = (n: number, i: number, j: number, p: number, q: number): number => ((i * n + j) * n + p) * n + q;

/** Empty data for n buyers. */
export function zeroData(n: number): AssignmentData {
  return { n, w: new Float64Array(n * n), d: new Float64Array(n ** 4), kappa: new Float64Array(n * n) };
}

/** Copy of the data. */
export function cloneData(a: AssignmentData): AssignmentData {
  return { n: a.n, w: Float64Array.from(a.w), d: Float64Array.from(a.d), kappa: Float64Array.from(a.kappa) };
}

/**
 * g_i(z; w_i, d_i, kappa_i), seed 000 section 3.4. Zero when i is unmatched (the
 * paper's assumption that an unmatched buyer suffers no externality).
 */
export function buyerPayoff(data: AssignmentData, match: readonly number[], i: number): number {
  const j = match[i];
  if (j < 0) return 0;
  const n = data.n;
  let g = data.w[i * n + j] - data.kappa[i * n + j];
  for (let p = 0; p < n; p++) {
    if (p === i) continue;
    const q = match[p];
    if (q < 0 || q === j) continue;
    g -= data.d[dIndex(n, i, j, p, q)];
  }
  return g;
}

/** Total surplus sum_i g_i(z) (the objective of the quadratic assignment problem, section 3.4). */
export function welfare(data: AssignmentData, match: readonly number[], exclude = -1): number {
  let s = 0;
  for (let i = 0; i < data.n; i++) if (i !== exclude) s += buyerPayoff(data, match, i);
  return s;
}

/** The bound |g_i| <= (2 + n) M stated in section 3.4. */
export const payoffBoundStated = (n: number, M: number): number => (2 + n) * M;

/** Every partial matching of n buyers to n sellers (the set Z of section 3.4), in a fixed order. */
export function allMatchings(n: number, exclude = -1): Matching[] {
  const out: Matching[] = [];
  const match = new Array<number>(n).fill(-1);
  const used = new Array<boolean>(n).fill(false);
  const rec = (i: number) => {
    if (i === n) {
      out.push(match.slice());
      return;
    }
    match[i] = -1;
    rec(i + 1);
    if (i === exclude) return;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      used[j] = true;
      match[i] = j;
      rec(i + 1);
      used[j] = false;
      match[i] = -1;
    }
  };
  rec(0);
  return out;
}
