import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../core/tolerance.ts';
/**
 * The second-stage best response beta*_i(r_i, pi, t_i) of Step 2 of the proof
 * of Theorem B (seed 001_e592948973ecc068.txt, sections 6.3 and 7.2), computed
 * exactly for any number of outcomes C.
 *
 * At an information set (r_i, pi, t_i) the beliefs mu_i of Step 1 put weight
 * w_k on finitely many t_-i (the "cells" k). The others report their truthful
 * w*_-i(pi, t_-i), so cell k is described by
 *   W_k(c)   = sum_{j != i} wbar_j(c, pi, t_j)        (the others' welfare; W_-i(c; t_-i))
 *   own_k(c) = sum_theta v_i(c, theta, t_i) rho_theta(f(t)) (i's expected value at the true posterior).
 * A report u_i in H_i = R_+^C induces phi(u_i, w*_-i) = argmax_c u_i(c) + W_k(c)
 * (ties to the lowest index, as the foundation's bestOutcome) and the Clarke
 * transfer yhat_i = W_k(phi) - max_c W_k(c), so i's payoff in cell k is
 *   g_k(c) = own_k(c) + W_k(c) - max_c' W_k(c')      at c = phi.
 * The objective sum_k w_k g_k(phi_k(u_i)) is piecewise constant in u_i over the
 * cells of the hyperplane arrangement u_i(c') - u_i(c) = W_k(c) - W_k(c').
 *
 * Exactness. (1) Every u_i induces an assignment k -> c_k that is also induced
 * on an OPEN region (all comparisons strict): perturb u_i by delta * (0, -1, -2, ...);
 * among tied outcomes the lowest index gains most, so for small delta > 0 it is
 * the unique argmax, and strict comparisons survive. So the supremum over H_i is
 * the maximum over assignments realizable with strict inequalities, and it is
 * attained (at any point of that open region), with phi's tie rule irrelevant.
 * (2) Assignment k -> c_k is strictly realizable iff the system
 *   x_d - x_{c_k} < W_k(c_k) - W_k(d)      for all k and d != c_k
 * has a solution (the constraint u_i >= 0 is no restriction: only differences
 * matter). This is a system of difference constraints: edge c_k -> d of weight
 * b = W_k(c_k) - W_k(d). The strict system is feasible iff the non-strict system
 * with weights b - eps is feasible for some eps > 0, iff (Bellman-Ford's
 * criterion: no negative cycle) every one of the finitely many simple cycles
 * has b(cycle) - eps len(cycle) >= 0 for some eps > 0, iff every cycle has
 * positive weight. No LP is needed (the property tests compare with the
 * certified LP layer). The test is exact for the floating-point data, except
 * that cycle weights within `tolerance` of 0 are treated as 0 (hyperplanes
 * that coincide up to rounding, e.g. two t_-i with the same W_k differences).
 * (3) The search branches over the cells, keeps the all-pairs shortest paths D
 * of the partial constraint graph (an added edge a -> e of weight w closes a
 * non-positive cycle iff w + D[e][a] <= tolerance), and prunes with the bound
 * "value so far + sum over unassigned cells of max_c w_k g_k(c)". Every
 * strictly realizable assignment is either visited or dominated by the bound,
 * so the maximum is exact.
 * (4) The maximiser: with lambda > 0 the minimum cycle mean (Karp), shortest
 * paths with weights b - lambda/2 from a virtual source give x with every
 * constraint satisfied with slack >= lambda/2; shifted to be >= 0 it is a point
 * of H_i = R_+^C (adding a constant to u_i changes neither phi nor yhat_i).
 */

/** One t_-i in the support of mu_i at an information set (seed 001, Step 1 / Step 2). */
export interface Stage2Cell {
  /** mu_i(t_-i | r_i, pi, t_i) */
  weight: number;
  /** W_-i(c; t_-i) = sum_{j != i} wbar_j(c, pi, t_j), per outcome c */
  others: readonly number[];
  /** sum_theta v_i(c, theta, t_i) rho_theta(f(t)), per outcome c */
  own: readonly number[];
}

export interface Stage2BestResponse {
  /** a maximiser u_i in R_+^C (beta*_i) */
  report: number[];
  /** the maximal expected stage-2 payoff under mu_i */
  value: number;
  /** the outcome induced at each cell (in the order given) */
  assignment: number[];
  /** search nodes visited (for the benchmark / diagnostics) */
  nodes: number;
  /** the smallest slack of the maximiser's strict inequalities (lambda / 2) */
  slack: number;
}

/** The tie tolerance of the foundation's bestOutcome (src/mechanisms/efficient.ts). */
const PHI_TIE = TIE_TOLERANCE;

/** phi(u_i, w*_-i) at one cell: argmax_c u_i(c) + W(c), ties (within 1e-12) to the lowest index, as bestOutcome. */
export function inducedOutcome(u: readonly number[], others: readonly number[]): number {
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < others.length; c++) {
    const s = u[c] + others[c];
    if (s > best + PHI_TIE) {
      best = s;
      arg = c;
    }
  }
  return arg;
}

/** i's payoff at a cell when outcome c is chosen: own(c) + W(c) - max W (Clarke transfer yhat_i). */
export function cellPayoff(cell: Stage2Cell, c: number): number {
  return cell.own[c] + cell.others[c] - Math.max(...cell.others);
}

/** The expected stage-2 payoff of report u under mu_i: sum_k w_k g_k(phi_k(u)) (seed 001, Step 2's objective). */
export function expectedStage2Payoff(cells: readonly Stage2Cell[], u: readonly number[]): number {
  return cells.reduce((s, cell) => s + cell.weight * cellPayoff(cell, inducedOutcome(u, cell.others)), 0);
}

/** Upper bound of Part 3: each cell's best outcome chosen separately, sum_k w_k max_c g_k(c). */
export function perCellUpperBound(cells: readonly Stage2Cell[]): number {
  return cells.reduce((s, cell) => s + cell.weight * Math.max(...cell.others.map((_, c) => cellPayoff(cell, c))), 0);
}

interface Group {
  /** sum of w_k g_k(c) over the merged cells */
  gain: number[];
  /** W(c) of one representative (the merged cells have the same differences) */
  others: readonly number[];
  members: number[];
}

/** Minimum cycle mean of a dense graph (Karp 1978); Infinity when acyclic. E[a][b]: weight of a -> b (Infinity: no edge). */
export function minimumCycleMean(E: readonly (readonly number[])[]): number {
  const n = E.length;
  // F[k][v]: min weight of a walk with exactly k edges ending at v, from a virtual source reaching every vertex with 0 edges
  const F: number[][] = [new Array<number>(n).fill(0)];
  for (let k = 1; k <= n; k++) {
    const row = new Array<number>(n).fill(Infinity);
    for (let a = 0; a < n; a++) {
      if (F[k - 1][a] === Infinity) continue;
      for (let b = 0; b < n; b++) if (E[a][b] < Infinity) row[b] = Math.min(row[b], F[k - 1][a] + E[a][b]);
    }
    F.push(row);
  }
  let best = Infinity;
  for (let v = 0; v < n; v++) {
    if (F[n][v] === Infinity) continue;
    let worst = -Infinity;
    for (let k = 0; k < n; k++) if (F[k][v] < Infinity) worst = Math.max(worst, (F[n][v] - F[k][v]) / (n - k));
    best = Math.min(best, worst);
  }
  return best;
}

/**
 * beta*_i: an exact maximiser over u_i in R_+^C of the expected stage-2 payoff
 * under mu_i (seed 001, Step 2 of section 6.3 / 7.2). See the header for why it
 * is exact. `tolerance` (default 1e-9 times the scale of W) is the cycle weight
 * below which hyperplanes are treated as coinciding.
 */
export function bestStage2Response(cells: readonly Stage2Cell[], opts: { tolerance?: number } = {}): Stage2BestResponse {
  if (cells.length === 0) throw new RangeError('bestStage2Response: no cells (the information set has zero probability)');
  const C = cells[0].others.length;
  let scale = 1;
  for (const cell of cells) for (const w of cell.others) scale = Math.max(scale, Math.abs(w));
  const tol = opts.tolerance ?? DEFAULT_TOLERANCE * scale;
  // merge cells whose W differences coincide: phi is the same for every u_i
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  cells.forEach((cell, k) => {
    const key = cell.others.map((w) => Math.round((w - cell.others[0]) / (TIE_TOLERANCE * scale))).join(',');
    let g = byKey.get(key);
    if (!g) {
      g = { gain: new Array<number>(C).fill(0), others: cell.others, members: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    for (let c = 0; c < C; c++) g.gain[c] += cell.weight * cellPayoff(cell, c);
    g.members.push(k);
  });
  // most influential groups first (tighter bounds), outcomes in order of gain
  const spread = (g: Group) => Math.max(...g.gain) - Math.min(...g.gain);
  groups.sort((a, b) => spread(b) - spread(a));
  const order = groups.map((g) => g.gain.map((_, c) => c).sort((a, b) => g.gain[b] - g.gain[a]));
  const suffixMax = new Array<number>(groups.length + 1).fill(0);
  for (let l = groups.length - 1; l >= 0; l--) suffixMax[l] = suffixMax[l + 1] + Math.max(...groups[l].gain);

  let best = -Infinity;
  let bestAssign: number[] = [];
  const assign = new Array<number>(groups.length).fill(0);
  let nodes = 0;

  /** Add the edges of "group g takes outcome c" to the shortest-path matrix D (copy); null if a non-positive cycle closes. */
  const extend = (D: number[][], g: Group, c: number): number[][] | null => {
    const N = D.map((row) => row.slice());
    for (let d = 0; d < C; d++) {
      if (d === c) continue;
      const w = g.others[c] - g.others[d]; // x_d - x_c < W(c) - W(d): edge c -> d
      if (w + N[d][c] <= tol) return null; // closes a cycle of weight <= 0
      if (w >= N[c][d]) continue;
      for (let x = 0; x < C; x++) {
        const toC = N[x][c];
        if (toC === Infinity) continue;
        for (let y = 0; y < C; y++) {
          const via = toC + w + N[d][y];
          if (via < N[x][y] && x !== y) N[x][y] = via;
        }
      }
    }
    return N;
  };

  const search = (level: number, D: number[][], value: number): void => {
    nodes++;
    if (value + suffixMax[level] <= best + TIE_TOLERANCE * scale) return;
    if (level === groups.length) {
      best = value;
      bestAssign = assign.slice();
      return;
    }
    const g = groups[level];
    for (const c of order[level]) {
      if (value + g.gain[c] + suffixMax[level + 1] <= best + TIE_TOLERANCE * scale) break; // outcomes sorted by gain
      const N = extend(D, g, c);
      if (!N) continue;
      assign[level] = c;
      search(level + 1, N, value + g.gain[c]);
    }
  };
  const D0 = Array.from({ length: C }, (_, x) => Array.from({ length: C }, (_, y) => (x === y ? 0 : Infinity)));
  search(0, D0, 0);
  if (bestAssign.length !== groups.length)
    throw new Error('bestStage2Response: no realizable assignment found (impossible: u_i = 0 realizes one)');

  // the maximiser: shortest paths with weights b - lambda/2 from a virtual source
  const E = Array.from({ length: C }, () => new Array<number>(C).fill(Infinity));
  groups.forEach((g, l) => {
    const c = bestAssign[l];
    for (let d = 0; d < C; d++) if (d !== c) E[c][d] = Math.min(E[c][d], g.others[c] - g.others[d]);
  });
  const lambda = minimumCycleMean(E);
  const slack = lambda === Infinity ? 1 : Math.min(lambda / 2, 1);
  const x = new Array<number>(C).fill(0);
  for (let pass = 0; pass < C; pass++) {
    for (let a = 0; a < C; a++)
      for (let b = 0; b < C; b++) if (E[a][b] < Infinity && x[a] + E[a][b] - slack < x[b]) x[b] = x[a] + E[a][b] - slack;
  }
  const low = Math.min(...x);
  const report = x.map((v) => v - low);
  const assignment = new Array<number>(cells.length);
  groups.forEach((g, l) => {
    for (const k of g.members) assignment[k] = bestAssign[l];
  });
  // certificate: the report induces the assignment (through phi's tie rule) and attains the value
  for (let k = 0; k < cells.length; k++) {
    const c = inducedOutcome(report, cells[k].others);
    if (c !== assignment[k])
      throw new Error(`bestStage2Response: the maximiser induces outcome ${c} instead of ${assignment[k]} at cell ${k} (slack ${slack})`);
  }
  const value = expectedStage2Payoff(cells, report);
  if (Math.abs(value - best) > DEFAULT_TOLERANCE * scale)
    throw new Error(`bestStage2Response: value ${value} at the maximiser differs from the search's ${best}`);
  return { report, value, assignment, nodes, slack };
}

/**
 * Reference for two outcomes (C = 2): the payoff depends on u_i only through
 * d = u_i(1) - u_i(0), and cell k takes outcome 1 iff d > W_k(0) - W_k(1); so
 * it is constant between consecutive thresholds. Enumerate one point in each
 * interval (below all, midpoints, above all).
 */
export function bestTwoOutcomeResponseByThresholds(cells: readonly Stage2Cell[]): { report: number[]; value: number } {
  if (cells[0].others.length !== 2) throw new RangeError('bestTwoOutcomeResponseByThresholds: needs exactly two outcomes');
  const ts = [...new Set(cells.map((c) => c.others[0] - c.others[1]))].sort((a, b) => a - b);
  const ds = [ts[0] - 1, ...ts.slice(1).map((t, k) => (t + ts[k]) / 2), ts[ts.length - 1] + 1];
  let best = { report: [0, 0], value: -Infinity };
  for (const d of ds) {
    const u = [Math.max(0, -d), Math.max(0, d)];
    const v = expectedStage2Payoff(cells, u);
    if (v > best.value) best = { report: u, value: v };
  }
  return best;
}

/**
 * Brute force for three outcomes: the best expected payoff over the grid
 * u_i = (0, d1, d2) shifted to R_+^3, d1, d2 in {-L, -L + h, ..., L}.
 * When every W_k(c) is an integer, the lines of the arrangement are lattice
 * lines d = integer, and with L >= 2R + 3 (R = max |W_k(c) - W_k(c')|) and
 * h = 1/3 every open region contains a grid point (clamp the gaps between the
 * sorted coordinates at R + 1: no comparison changes, the point lands in
 * [-2R-2, 2R+2]^2, within distance 1 of the points (a + 1/3, b + 2/3) and
 * (a + 2/3, b + 1/3) of the unit lattice triangle around it), so the grid
 * maximum equals the exact maximum.
 */
export function bestThreeOutcomeResponseOnGrid(
  cells: readonly Stage2Cell[],
  L: number,
  h: number,
): { report: number[]; value: number; points: number } {
  if (cells[0].others.length !== 3) throw new RangeError('bestThreeOutcomeResponseOnGrid: needs exactly three outcomes');
  const steps = Math.round((2 * L) / h);
  let best = { report: [0, 0, 0], value: -Infinity, points: 0 };
  for (let a = 0; a <= steps; a++)
    for (let b = 0; b <= steps; b++) {
      const d1 = -L + a * h;
      const d2 = -L + b * h;
      const low = Math.min(0, d1, d2);
      const u = [-low, d1 - low, d2 - low];
      const v = expectedStage2Payoff(cells, u);
      best.points++;
      if (v > best.value) best = { report: u, value: v, points: best.points };
    }
  return best;
}
