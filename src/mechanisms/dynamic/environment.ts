/**
 * Finite dynamic environments with Markov signals whose transition may depend
 * on the allocation (seed 004_9d6e3cf19fe3eb52.txt, section 2 "Model":
 * mu_t : A_{t-1} x Theta_{t-1} -> Delta(Theta_t); payoffs
 * sum_t delta^(t-1) [u^i(a_t, theta_t) - p_t^i]).
 *
 * Conventions (README): signal profiles are row-major with agent 0 (the
 * paper's agent 1) the slowest index; transfers are money paid TO the agent
 * (the slides' payment p is -transfer). Periods are numbered 1..T as in the
 * slides; the environment is stationary (one transition and one utility table
 * for every period), with a finite horizon T or T = infinity.
 */
import { assertDistribution } from '../../core/distribution.ts';
import { InputError } from '../../core/errors.ts';
import { validateAgainstSchema } from '../../core/jsonSchema.ts';
import { product } from '../../core/limits.ts';
import { finiteNumber, payoff, probability } from '../../core/numbers.ts';
import { ProfileSpace } from '../../core/profiles.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';

export type Horizon = number | 'infinite';

export interface DynamicEnvironmentSpec {
  /** k_i = |Theta^i| for each agent */
  signals: number[];
  /** |A| */
  actions: number;
  /** T, or 'infinite' */
  horizon: Horizon;
  /** delta in (0, 1) */
  discount: number;
  /** mu(theta' | a, theta): [a][profile][next profile], rows are distributions */
  transition: number[][][];
  /** u^i(a, theta): [agent][a][profile] */
  utility: number[][][];
  /**
   * Finite horizon: the constant allocation a-bar of period T (Corollary 3.3).
   * Absent: period T uses the efficient allocation a*_T = argmax_a sum_j u^j(a, .).
   */
  lastAction?: number;
}

export interface DynamicEnvironment extends DynamicEnvironmentSpec {
  readonly agents: number;
  /** the signal-profile space Theta (row-major, agent 0 slowest) */
  readonly space: ProfileSpace;
  /** for each agent i, the space Theta^{-i} of the others' profiles */
  readonly othersSpaces: ProfileSpace[];
  /** others[i][s] = index in Theta^{-i} of the others' part of profile s */
  readonly others: number[][];
  /** fullIndex[i][o][own] = profile index with the others' part o and agent i's signal own */
  readonly fullIndex: number[][][];
}

/** Build the derived index tables of an environment (no validation; see `parseDynamicEnvironment`). */
export function dynamicEnvironment(spec: DynamicEnvironmentSpec): DynamicEnvironment {
  const space = new ProfileSpace(spec.signals);
  const n = spec.signals.length;
  const othersSpaces = spec.signals.map((_, i) => space.without(i));
  const others = spec.signals.map((_, i) => Array.from({ length: space.size }, (_, s) => space.othersIndex(s, i)));
  const fullIndex = spec.signals.map((k, i) => {
    const t: number[][] = Array.from({ length: othersSpaces[i].size }, () => new Array<number>(k).fill(-1));
    for (let s = 0; s < space.size; s++) t[others[i][s]][space.component(s, i)] = s;
    return t;
  });
  return { ...spec, agents: n, space, othersSpaces, others, fullIndex };
}

/** True when the horizon T is finite. */
export function hasFiniteHorizon(env: DynamicEnvironmentSpec): env is DynamicEnvironmentSpec & { horizon: number } {
  return env.horizon !== 'infinite';
}

/**
 * The others' next-period marginal mu^{-i}(theta'^{-i} | a, theta) (the column
 * of M^{-i}_{t+1}(a, theta^{-i}) indexed by theta^i), as a vector over Theta^{-i}.
 */
export function othersNextMarginal(env: DynamicEnvironment, i: number, a: number, s: number): number[] {
  const out = new Array<number>(env.othersSpaces[i].size).fill(0);
  const row = env.transition[a][s];
  const oth = env.others[i];
  for (let s2 = 0; s2 < row.length; s2++) out[oth[s2]] += row[s2];
  return out;
}

/**
 * M^{-i}_{t+1}(a, theta^{-i}) = [mu^{-i}(theta'^{-i} | a, theta^i, theta^{-i})], a
 * |Theta^{-i}| x |Theta^i| matrix (rows: the others' next profiles; columns: own signal),
 * seed 004, Assumptions 2 and 3.
 */
export function othersTransitionMatrix(env: DynamicEnvironment, i: number, a: number, o: number): number[][] {
  const cols = env.fullIndex[i][o].map((s) => othersNextMarginal(env, i, a, s));
  const rows = env.othersSpaces[i].size;
  return Array.from({ length: rows }, (_, r) => cols.map((c) => c[r]));
}

/** `x` (an array by the schema) with the declared length, or an InputError naming the field. */
function expectLength<T>(x: readonly T[], field: string, length: number): readonly T[] {
  if (x.length !== length) throw new InputError(field, `has ${x.length} entries, expected ${length}`);
  return x;
}

/** A dynamic environment file as its schema guarantees it (keys and types, not yet bounds or sizes). */
interface DynamicEnvironmentFile {
  agents: number;
  signals: number[];
  actions: number;
  horizon: number | 'infinite';
  discount: number;
  transition: number[][][];
  utility: number[][][];
  lastAction?: number;
}

/** The dynamic environment file's JSON Schema (structure and types), beside this parser. */
const SCHEMA = new URL('./environment.schema.json', import.meta.url);

/**
 * The range of the discount factor delta accepted from a file: below 1e-6 the
 * Lemma A.4 transfers (scaled by 1/delta) lose all precision, and within 1e-9
 * of 1 the value equations (I - delta P) W = r are singular in floating point.
 */
export const DISCOUNT_RANGE = { min: 1e-6, max: 1 - DEFAULT_TOLERANCE } as const;

/**
 * Validate the `mechcheck dynamic` file format (issue 7, item 6) without
 * building anything: {"agents": N, "signals": [k_1..k_N], "actions": A,
 * "horizon": T | "infinite", "discount": d, "transition": [A][S][S],
 * "utility": [N][A][S], "lastAction": a}, first against its JSON Schema
 * (environment.schema.json: keys and types), then semantically. Declared sizes are checked against
 * the arrays as they are read (a file declaring 1e9 profiles with two rows is
 * refused at the first row); numbers must be finite: probabilities in [0, 1]
 * (rows summing to 1), utilities |u| <= MAX_ABS_PAYOFF, the discount in
 * DISCOUNT_RANGE. Every problem is an InputError naming the field.
 */
export function parseDynamicSpec(raw: unknown): DynamicEnvironmentSpec {
  validateAgainstSchema(raw, SCHEMA, 'dynamic environment');
  // the schema guarantees the keys and the types; the bounds and sizes are checked here, each array as it is read
  const o = raw as DynamicEnvironmentFile;
  const n = finiteNumber(o.agents, 'agents', { integer: true, min: 1 });
  const signals = expectLength(o.signals, 'signals', n).map((k, i) => finiteNumber(k, `signals[${i}]`, { integer: true, min: 1 }));
  const A = finiteNumber(o.actions, 'actions', { integer: true, min: 1 });
  let horizon: Horizon;
  if (o.horizon === 'infinite') horizon = 'infinite';
  else if (Number.isInteger(o.horizon) && o.horizon >= 1) horizon = o.horizon;
  else throw new InputError('horizon', `must be a positive integer or "infinite", got ${JSON.stringify(o.horizon) ?? String(o.horizon)}`);
  const d = o.discount;
  if (!(d >= DISCOUNT_RANGE.min && d <= DISCOUNT_RANGE.max)) {
    throw new InputError(
      'discount',
      `must be a number in (0, 1), from ${DISCOUNT_RANGE.min} to 1 - 1e-9 (floating-point precision), got ${JSON.stringify(d) ?? String(d)}`,
    );
  }
  const discount = d;
  const S = product(signals);
  const transition = expectLength(o.transition, 'transition', A).map((m, a) =>
    expectLength(m, `transition[${a}]`, S).map((row, s) => {
      const field = `transition[${a}][${s}]`;
      expectLength(row, field, S).forEach((p, s2) => probability(p, `${field}[${s2}]`));
      return [...assertDistribution(row, field, { length: S })];
    }),
  );
  const utility = expectLength(o.utility, 'utility', n).map((ua, i) =>
    expectLength(ua, `utility[${i}]`, A).map((us, a) =>
      expectLength(us, `utility[${i}][${a}]`, S).map((v, s) => payoff(v, `utility[${i}][${a}][${s}]`)),
    ),
  );
  let lastAction: number | undefined;
  if (o.lastAction !== undefined) {
    if (!Number.isInteger(o.lastAction) || o.lastAction < 0 || o.lastAction >= A)
      throw new InputError('lastAction', `must be an action index in 0..${A - 1}, got ${JSON.stringify(o.lastAction)}`);
    lastAction = o.lastAction;
  }
  return { signals, actions: A, horizon, discount, transition, utility, lastAction };
}

/** `parseDynamicSpec`, then the derived index tables (`dynamicEnvironment`). */
export function parseDynamicEnvironment(raw: unknown): DynamicEnvironment {
  return dynamicEnvironment(parseDynamicSpec(raw));
}
