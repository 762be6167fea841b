/**
 * Ex post incentive compatibility of rule (4) on a finite grid of signals
 * (seed 003_9ea1ccbe66e932a9.txt, Lemma 1, section 2), cast as a foundation
 * Environment + DirectMechanism: buyer i's types are the points of the grid
 * {0, 1/(K-1), ..., 1}^{d_i}; outcome 0 = a_0, i + 1 = a_i; V_i(s) is evaluated
 * at the true profile (interdependent values); the winner's transfer is minus
 * his personalized price at the reported profile (money paid TO the agent).
 * The check itself is the foundation's exPostIC.
 */
import { JointPrior } from '../../core/prior.ts';
import type { Environment } from '../../model/environment.ts';
import type { DirectMechanism } from '../../model/mechanism.ts';
import { exPostIC } from '../../concepts/incentiveCompatibility.ts';
import type { ConceptResult } from '../../concepts/result.ts';
import { admissibleAt, implementingRule, memoPrices, type PersonalizedPrices, type SignalProfile, type ValuationModel } from './model.ts';

/** The K^d points of {0, 1/(K-1), ..., 1}^d, first coordinate slowest. */
export function gridPoints(d: number, K: number): number[][] {
  if (!Number.isInteger(K) || K < 2) throw new RangeError(`grid needs K >= 2 points per dimension, got ${K}`);
  const pts: number[][] = [];
  const total = K ** d;
  for (let idx = 0; idx < total; idx++) {
    const p = new Array<number>(d);
    let r = idx;
    for (let k = d - 1; k >= 0; k--) {
      p[k] = (r % K) / (K - 1);
      r = Math.floor(r / K);
    }
    pts.push(p);
  }
  return pts;
}

export interface GridInstance {
  env: Environment;
  mech: DirectMechanism;
  /** the grid points of each buyer (types) */
  points: number[][][];
  /** the signal profile of a profile index */
  signals(profileIndex: number): number[][];
}

/** Rule (4) with prices t on a grid, as a finite environment and direct mechanism. */
export function gridInstance(model: ValuationModel, rawPrices: PersonalizedPrices, K: number, tol = 0): GridInstance {
  const prices = memoPrices(rawPrices);
  const n = model.dims.length;
  const points = model.dims.map((d) => gridPoints(d, K));
  const prior = JointPrior.independent(points.map((p) => p.map(() => 1 / p.length)));
  const space = prior.profiles;
  const signalsCache: number[][][] = [];
  const signals = (k: number) => (signalsCache[k] ??= space.profile(k).map((t, i) => points[i][t]));
  const valueCache = new Float64Array(n * space.size).fill(NaN);
  const valueAt = (i: number, k: number) => {
    const c = i * space.size + k;
    if (Number.isNaN(valueCache[c])) valueCache[c] = model.value(i, signals(k));
    return valueCache[c];
  };
  const env: Environment = {
    prior,
    outcomes: n + 1,
    value: (i, c, _th, k) => (c === i + 1 ? valueAt(i, k) : 0),
    outcomeLabels: ['a0', ...model.dims.map((_, i) => `a${i + 1}`)],
  };
  const rule = new Int32Array(space.size).fill(-1);
  const ruleAt = (k: number) => (rule[k] >= 0 ? rule[k] : (rule[k] = implementingRule(model, prices, signals(k), tol)));
  const mech: DirectMechanism = {
    name: prices.name ?? 'rule (4)',
    outcome: (k) => ruleAt(k),
    transfer: (k) => {
      const o = ruleAt(k);
      return model.dims.map((_, i) => (o === i + 1 ? -prices.price(i, signals(k)) : 0));
    },
  };
  return { env, mech, points, signals };
}

export interface GridCheck {
  exPostIC: ConceptResult;
  /** largest second-largest excess over the grid (> 0: condition (3) fails) */
  admissibilityViolation: number;
  firstViolation: { profile: number[][]; values: number[]; prices: number[] } | null;
  /** share of grid profiles per outcome (a_0, a_1, ...) */
  shares: number[];
  /** a readable witness of the worst misreport (signals instead of type indices) */
  witness: { buyer: number; truth: number[][]; lie: number[]; gain: number } | null;
  profiles: number;
}

/** Lemma 1 on a grid: admissibility (3) at every grid profile and ex post IC (foundation exPostIC). */
export function checkOnGrid(model: ValuationModel, rawPrices: PersonalizedPrices, K: number, tolerance: number): GridCheck {
  const prices = memoPrices(rawPrices);
  const g = gridInstance(model, prices, K);
  const ic = exPostIC(g.env, g.mech, { tolerance });
  const size = g.env.prior.profiles.size;
  let worst = -Infinity;
  let first: GridCheck['firstViolation'] = null;
  const counts = new Array<number>(model.dims.length + 1).fill(0);
  for (let k = 0; k < size; k++) {
    const s = g.signals(k);
    const a = admissibleAt(model, prices, s);
    if (a.violation > worst) worst = a.violation;
    if (!first && a.violation > tolerance) first = { profile: s, values: a.values, prices: a.prices };
    counts[implementingRule(model, prices, s)]++;
  }
  const w = ic.witness;
  const witness =
    w && w.agent !== undefined && w.trueProfile && w.report !== undefined
      ? { buyer: w.agent, truth: w.trueProfile.map((t, i) => g.points[i][t]), lie: g.points[w.agent][w.report], gain: ic.worst }
      : null;
  return {
    exPostIC: ic,
    admissibilityViolation: worst,
    firstViolation: first,
    shares: counts.map((c) => c / size),
    witness,
    profiles: size,
  };
}

/** Convenience for callers holding a profile list. */
export function profilesOnGrid(dims: readonly number[], K: number): SignalProfile[] {
  const pts = dims.map((d) => gridPoints(d, K));
  const out: number[][][] = [];
  const rec = (i: number, acc: number[][]) => {
    if (i === dims.length) {
      out.push(acc);
      return;
    }
    for (const p of pts[i]) rec(i + 1, [...acc, p]);
  };
  rec(0, []);
  return out;
}
