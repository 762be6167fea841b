/**
 * Finite direct mechanisms written as code: an outcome rule (an outcome or a
 * lottery over outcomes) and a transfer rule, each a function of the reported
 * type profile, in the user's own type and outcome values. `defineMechanism`
 * calls them once per reported profile, validates what they return and
 * tabulates it; the result is a `DirectMechanism` every checker takes.
 *
 * Sign convention: a transfer is money paid TO the agent, so a payment is a
 * negative transfer (README, "Conventions").
 */
import { InputError } from '../core/errors.ts';
import { readPayoff, readProbabilities, type NumberLiteral } from '../check/literals.ts';
import type { Environment } from '../model/environment.ts';
import { MechanismTable, type DirectMechanism, type TabulatedMechanism } from '../model/mechanism.ts';
import { defaultLabel, FiniteEnvironment } from './environment.ts';

const LOTTERY = Symbol.for('mechcheck.lottery');

/** A randomized outcome: outcomes with their probabilities (numbers or exact fractions such as `"1/3"`). */
export interface Lottery<O> {
  readonly [LOTTERY]: true;
  readonly entries: readonly (readonly [O, NumberLiteral])[];
}

/**
 * A lottery over outcomes, for an outcome rule that randomizes. The
 * probabilities must sum to 1 (exactly, when all are fractions in strings).
 *
 * @example lottery([['Ann', '1/2'], ['Bob', '1/2']]) // a fair coin between Ann and Bob
 */
export function lottery<O>(entries: Iterable<readonly [O, NumberLiteral]>): Lottery<O> {
  return { [LOTTERY]: true, entries: [...entries] };
}

/** Whether a value returned by an outcome rule is a lottery. */
export function isLottery(x: unknown): x is Lottery<unknown> {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[LOTTERY] === true;
}

/** The rules of a mechanism as a user writes them (see `defineMechanism`). */
export interface MechanismRules<T, O> {
  /** A name for messages. */
  readonly name?: string;
  /** The outcome at a reported profile: an outcome (a value of the environment's `outcomes`) or a `lottery(...)`. */
  outcome(reports: readonly T[]): O | Lottery<O>;
  /** The money paid TO each agent at a reported profile (a payment is negative). */
  transfers(reports: readonly T[]): readonly NumberLiteral[];
}

/**
 * A finite direct mechanism tabulated over every reported profile, bound to
 * its environment. Build one with `defineMechanism` (from functions) or
 * `asFiniteMechanism` (from any `DirectMechanism`, validated).
 */
export class FiniteMechanism implements TabulatedMechanism {
  readonly name?: string;
  /** The environment the mechanism was tabulated in. */
  readonly environment: Environment;
  /** The checkers' table of the mechanism (shared with them, not copied). */
  readonly table: MechanismTable;

  constructor(
    environment: Environment,
    name: string | undefined,
    outcomeIndex: Int32Array,
    lotteries: ReadonlyMap<number, readonly number[]>,
    transfers: Float64Array,
  ) {
    this.environment = environment;
    this.name = name;
    const C = environment.outcomes;
    let flat: Float64Array | null = null;
    for (const [k, q] of lotteries) {
      // a point mass (one entry exactly 1, the others exactly 0) is its outcome, as in MechanismTable
      const point = q.indexOf(1);
      if (point >= 0 && q.every((p, c) => c === point || p === 0)) {
        outcomeIndex[k] = point;
        continue;
      }
      flat ??= new Float64Array(outcomeIndex.length * C);
      flat.set(q, k * C);
    }
    this.table = MechanismTable.fromColumns(C, environment.prior.agents, outcomeIndex, flat, transfers);
  }

  /** Outcome at reported profile k: an outcome index, or a probability vector over outcomes. */
  outcome(profileIndex: number): number | readonly number[] {
    const t = this.table;
    const c = t.outcomeIndex[profileIndex];
    return c >= 0 ? c : Array.from(t.lotteries!.subarray(profileIndex * t.outcomes, (profileIndex + 1) * t.outcomes));
  }

  /** Transfers to each agent at reported profile k. */
  transfer(profileIndex: number): readonly number[] {
    const n = this.table.agents;
    return Array.from(this.table.transfers.subarray(profileIndex * n, profileIndex * n + n));
  }
}

function profileText(env: Environment, k: number): string {
  const p = env.prior.profiles.profile(k);
  if (env instanceof FiniteEnvironment) return `[${p.map((t, i) => `${env.agentNames[i]}=${env.typeLabels[i][t]}`).join(', ')}]`;
  const labels = env.typeLabels;
  return `[${p.map((t, i) => (labels?.[i]?.[t] !== undefined ? labels[i][t] : String(t))).join(', ')}]`;
}

function call<R>(field: string, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(field, `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

function readTransfers(x: unknown, field: string, n: number, out: Float64Array, offset: number): void {
  if (!Array.isArray(x) && !(x instanceof Float64Array))
    throw new InputError(field, `must return an array of ${n} transfers, got ${defaultLabel(x)}`);
  if (x.length !== n) throw new InputError(field, `returned ${x.length} transfers, expected one per agent (${n})`);
  for (let i = 0; i < n; i++) out[offset + i] = readPayoff(x[i], `${field}[${i}]`);
}

/**
 * Tabulate a mechanism written as functions of the reported profile in a
 * finite environment. The functions are called once per reported profile with
 * the reports as the user's type values (agent order); each return value is
 * validated (an outcome of the environment or a lottery summing to 1; one
 * finite transfer per agent, |x| <= 1e12). A function that throws or returns
 * something else is an InputError naming the profile and the field.
 *
 * @example
 *   // second-price auction with a reserve of 2 (ties to the lowest index)
 *   const spa = defineMechanism(env, {
 *     name: 'second price, reserve 2',
 *     outcome: (bids) => {
 *       const top = Math.max(...bids);
 *       return top < 2 ? 'nobody' : env.agentNames[bids.indexOf(top)];
 *     },
 *     transfers: (bids) => {
 *       const top = Math.max(...bids);
 *       const w = bids.indexOf(top);
 *       const price = Math.max(2, ...bids.filter((_, i) => i !== w));
 *       return bids.map((_, i) => (top >= 2 && i === w ? -price : 0));
 *     },
 *   });
 */
export function defineMechanism<T, O>(env: FiniteEnvironment<T, O>, rules: MechanismRules<T, O>): FiniteMechanism {
  if (!(env instanceof FiniteEnvironment)) throw new InputError('environment', 'must be a FiniteEnvironment (from defineEnvironment)');
  if (rules === null || typeof rules !== 'object')
    throw new InputError('mechanism', 'must be an object with outcome and transfers functions');
  if (typeof rules.outcome !== 'function') throw new InputError('mechanism.outcome', 'must be a function of the reported profile');
  if (typeof rules.transfers !== 'function') throw new InputError('mechanism.transfers', 'must be a function of the reported profile');
  const S = env.prior.profiles.size;
  const n = env.agents;
  const C = env.outcomes;
  const outcomeIndex = new Int32Array(S);
  const lotteries = new Map<number, number[]>();
  const transfers = new Float64Array(S * n);
  for (let k = 0; k < S; k++) {
    const reports = env.profile(k);
    const where = () => profileText(env, k);
    const o = call(`mechanism.outcome(${where()})`, () => rules.outcome(reports));
    if (isLottery(o)) {
      const field = `mechanism.outcome(${where()})`;
      if (!Array.isArray(o.entries) || o.entries.length === 0) throw new InputError(field, 'returned an empty lottery');
      const idx = o.entries.map(([out], j) => {
        const c = env.outcomeIndex(out);
        if (c < 0)
          throw new InputError(
            `${field}.lottery[${j}]`,
            `${JSON.stringify(defaultLabel(out))} is not an outcome (outcomes: ${env.outcomeLabels.join(', ')})`,
          );
        return c;
      });
      if (new Set(idx).size !== idx.length) throw new InputError(field, 'returned a lottery listing an outcome twice');
      const probs = readProbabilities(
        o.entries.map(([, p]) => p),
        `${field}.lottery`,
        { entryField: (j) => `${field}.lottery[${j}] (${env.outcomeLabels[idx[j]]})` },
      );
      const dense = new Array<number>(C).fill(0);
      idx.forEach((c, j) => (dense[c] = probs[j]));
      outcomeIndex[k] = -1;
      lotteries.set(k, dense);
    } else {
      const c = env.outcomeIndex(o);
      if (c < 0)
        throw new InputError(
          `mechanism.outcome(${where()})`,
          `returned ${JSON.stringify(defaultLabel(o))}, which is not an outcome (outcomes: ${env.outcomeLabels.join(', ')}); return one of them or a lottery(...)`,
        );
      outcomeIndex[k] = c;
    }
    const x = call(`mechanism.transfers(${where()})`, () => rules.transfers(reports));
    readTransfers(x, `mechanism.transfers(${where()})`, n, transfers, k * n);
  }
  return new FiniteMechanism(env, rules.name, outcomeIndex, lotteries, transfers);
}

/**
 * Validate and tabulate any `DirectMechanism` (outcome indices and
 * probability vectors by profile index) in an environment, so that a bad
 * value is an InputError naming the profile rather than a wrong verdict.
 */
export function asFiniteMechanism(env: Environment, mech: DirectMechanism): FiniteMechanism {
  if (mech instanceof FiniteMechanism && mech.environment === env) return mech;
  if (mech === null || typeof mech !== 'object' || typeof mech.outcome !== 'function' || typeof mech.transfer !== 'function') {
    throw new InputError('mechanism', 'must have outcome(profileIndex) and transfer(profileIndex) functions');
  }
  const own = (mech as { environment?: Environment }).environment;
  if (own && own !== env && (own.prior?.profiles?.size !== env.prior.profiles.size || own.outcomes !== env.outcomes)) {
    throw new InputError(
      'mechanism',
      `was defined for another environment (${own.prior?.profiles?.size} profiles, ${own.outcomes} outcomes; this one has ${env.prior.profiles.size} and ${env.outcomes})`,
    );
  }
  const S = env.prior.profiles.size;
  const n = env.prior.agents;
  const C = env.outcomes;
  const outcomeIndex = new Int32Array(S);
  const lotteries = new Map<number, number[]>();
  const transfers = new Float64Array(S * n);
  for (let k = 0; k < S; k++) {
    const field = `mechanism.outcome(${profileText(env, k)})`;
    const q = call(field, () => mech.outcome(k));
    if (typeof q === 'number') {
      if (!Number.isInteger(q) || q < 0 || q >= C) throw new InputError(field, `returned ${q}, not an outcome index in 0..${C - 1}`);
      outcomeIndex[k] = q;
    } else if (Array.isArray(q) || q instanceof Float64Array) {
      outcomeIndex[k] = -1;
      lotteries.set(k, readProbabilities(Array.from(q), field, { length: C }));
    } else throw new InputError(field, `returned ${defaultLabel(q)}, not an outcome index or a probability vector`);
    const tfield = `mechanism.transfer(${profileText(env, k)})`;
    readTransfers(
      call(tfield, () => mech.transfer(k)),
      tfield,
      n,
      transfers,
      k * n,
    );
  }
  return new FiniteMechanism(env, mech.name, outcomeIndex, lotteries, transfers);
}
