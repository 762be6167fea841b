/**
 * The stage-2 VCG mechanism of seed 000_8a10c4f2f12bc353.txt, section 4.1, cast
 * as a finite direct mechanism so that the foundation's checkers
 * (dominantStrategyIC, exPostIR, noPositiveTransfers) apply: each buyer's type
 * is one of finitely many payoff data (w_i, d_i) (a grid of reports), the seller
 * costs kappa are known, the outcomes are all partial matchings, and buyer i's
 * value for outcome z is g_i(z; w_i, d_i, kappa_i) (private values).
 */
import { JointPrior } from '../../core/prior.ts';
import type { Environment } from '../../model/environment.ts';
import type { DirectMechanism } from '../../model/mechanism.ts';
import { type AssignmentData, type Matching, allMatchings, buyerPayoff, dIndex } from './payoff.ts';
import { type Solver, efficientAssignment } from './solver.ts';

/** One buyer type: the valuation row w_i[j] and externality block d_i[j][p][q]. */
export interface BuyerType {
  w: number[];
  d: number[][][];
}

export interface Stage2Grid {
  n: number;
  /** kappa[i][j], known to all */
  kappa: number[][];
  /** types[i][t] */
  types: BuyerType[][];
}

export interface Stage2Direct {
  env: Environment;
  matchings: Matching[];
  /** reported data at profile k */
  dataAt(k: number): AssignmentData;
  /** the VCG mechanism of section 4.1 */
  vcg: DirectMechanism;
  /** a Groves-type mechanism with another pivot h_i(k) (x_i = sum_{k != i} g_k(phi) - h_i) */
  withPivot(h: (i: number, data: AssignmentData, match: Matching) => number): DirectMechanism;
}

/** Build the finite environment and the VCG mechanism for a grid of buyer types. */
export function stage2Direct(grid: Stage2Grid, solver: Solver = efficientAssignment): Stage2Direct {
  const n = grid.n;
  const matchings = allMatchings(n);
  const indexOf = new Map(matchings.map((z, c) => [z.join(','), c]));
  const counts = grid.types.map((t) => t.length);
  const prior = JointPrior.independent(counts.map((c) => new Array(c).fill(1 / c)));
  const typeData = (i: number, t: number, into: AssignmentData) => {
    const ty = grid.types[i][t];
    for (let j = 0; j < n; j++) {
      into.w[i * n + j] = ty.w[j];
      into.kappa[i * n + j] = grid.kappa[i][j];
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) into.d[dIndex(n, i, j, p, q)] = p === i || q === j ? 0 : ty.d[j][p][q];
    }
  };
  const blank = (): AssignmentData => ({ n, w: new Float64Array(n * n), d: new Float64Array(n ** 4), kappa: new Float64Array(n * n) });
  // value table: g_i(z; type t) depends on i's own row only
  const values = grid.types.map((ts, i) =>
    ts.map((_, t) => {
      const data = blank();
      typeData(i, t, data);
      return matchings.map((z) => buyerPayoff(data, z, i));
    }),
  );
  const dataAt = (k: number): AssignmentData => {
    const data = blank();
    const prof = prior.profiles.profile(k);
    for (let i = 0; i < n; i++) typeData(i, prof[i], data);
    return data;
  };
  const env: Environment = {
    prior,
    outcomes: matchings.length,
    value: (i, c, _th, k) => values[i][prior.profiles.component(k, i)][c],
    privateValues: true,
  };
  const cache = new Map<number, { match: Matching; data: AssignmentData }>();
  const solve = (k: number) => {
    let s = cache.get(k);
    if (!s) {
      const data = dataAt(k);
      s = { match: solver(data).match, data };
      cache.set(k, s);
    }
    return s;
  };
  const withPivot = (h: (i: number, data: AssignmentData, match: Matching) => number): DirectMechanism => ({
    name: 'Groves assignment',
    outcome: (k) => indexOf.get(solve(k).match.join(','))!,
    transfer: (k) => {
      const { match, data } = solve(k);
      const g = Array.from({ length: n }, (_, i) => buyerPayoff(data, match, i));
      const total = g.reduce((a, b) => a + b, 0);
      return g.map((gi, i) => total - gi - h(i, data, match));
    },
  });
  const vcg = { ...withPivot((i, data) => solver(data, i).welfare), name: 'stage-2 VCG (section 4.1)' };
  return { env, matchings, dataAt, vcg, withPivot };
}
