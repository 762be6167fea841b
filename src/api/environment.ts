/**
 * Finite environments written by a user: agents with finite type sets (any
 * values: numbers, strings, objects), outcomes, optional states of nature, a
 * prior and valuations, each given as data or as functions. `defineEnvironment`
 * validates everything (each number finite and bounded, probabilities summing
 * to one), tabulates the functions once, and returns a `FiniteEnvironment`:
 * an `Environment` every checker takes, which also remembers the user's labels
 * so that witnesses read in them.
 *
 * Utilities are quasi-linear, u_i = v_i(outcome, state, types) + x_i, with x_i
 * the money paid TO agent i (README, "Conventions").
 */
import { InputError } from '../core/errors.ts';
import { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';
import { assertCellsWithinLimit, DEFAULT_CHECK_LIMITS, type CheckLimits, type MechanismDimensions } from '../check/limits.ts';
import { readPayoff, readProbabilities, type NumberLiteral } from '../check/literals.ts';
import type { Environment } from '../model/environment.ts';

/** How valuations depend on the state and the types (the three forms of the JSON format). */
export type ValuationKind = 'private' | 'stateDependent' | 'interdependent';

/**
 * The prior over states x type profiles:
 * - `'uniform'` (the default): every (state, profile) equally likely;
 * - `{ independent }`: one marginal per agent over its types (a single state),
 *   as arrays or as a function `(agent, type) => probability`;
 * - `{ joint }`: P(state, profile) as a flat array over states x profiles
 *   (state slowest, then agent 0's type, ...) or a function `(profile, state) => probability`.
 * Probabilities are numbers or exact fractions in strings (`"1/3"`).
 */
export type PriorDefinition<T> =
  | 'uniform'
  | { readonly independent: readonly (readonly NumberLiteral[])[] | ((agent: number, type: T) => NumberLiteral) }
  | { readonly joint: readonly NumberLiteral[] | ((profile: readonly T[], state: number) => NumberLiteral) };

/**
 * Valuations v_i, as a function or a table (outcomes in the order given):
 * - `{ private: (agent, outcome, type) => value }` or `[agent][type][outcome]`;
 * - `{ stateDependent: (agent, outcome, type, state) => value }` or `[agent][state][type][outcome]`;
 * - `{ interdependent: (agent, outcome, profile, state) => value }` or `[agent][state][profile][outcome]`.
 * The outcome passed to a function is the outcome's value (its index when `outcomes` is a number).
 */
export type ValuationDefinition<T, O> =
  | { readonly private: ((agent: number, outcome: O, type: T) => NumberLiteral) | readonly (readonly (readonly NumberLiteral[])[])[] }
  | {
      readonly stateDependent:
        | ((agent: number, outcome: O, type: T, state: number) => NumberLiteral)
        | readonly (readonly (readonly (readonly NumberLiteral[])[])[])[];
    }
  | {
      readonly interdependent:
        | ((agent: number, outcome: O, profile: readonly T[], state: number) => NumberLiteral)
        | readonly (readonly (readonly (readonly NumberLiteral[])[])[])[];
    };

/** A finite environment as a user writes it (see `defineEnvironment`). */
export interface EnvironmentDefinition<T, O> {
  /** A name for messages. */
  readonly name?: string;
  /** The agents' names, or their number (default: one per entry of `types`; names `agent 0`, ...). */
  readonly agents?: number | readonly string[];
  /** Per agent, its finite set of types: any values (numbers, strings, objects), distinct within an agent. */
  readonly types: readonly (readonly T[])[];
  /** The outcomes: their number (outcome values are then 0..C-1) or a list of values (strings, objects, ...). */
  readonly outcomes: number | readonly O[];
  /** The states of nature: their number or their labels (default: a single state). */
  readonly states?: number | readonly string[];
  /** The prior (default `'uniform'`). */
  readonly prior?: PriorDefinition<T>;
  /** The valuations. */
  readonly valuation: ValuationDefinition<T, O>;
  /** How a type is printed (default: `String` for numbers and strings, JSON otherwise). */
  readonly typeLabel?: (type: T, agent: number) => string;
  /** How an outcome is printed (default: `String` for numbers and strings, JSON otherwise). */
  readonly outcomeLabel?: (outcome: O) => string;
  /** Limits on the size of the tables (default DEFAULT_CHECK_LIMITS). */
  readonly limits?: Partial<CheckLimits>;
}

/** Where an API caller raises the limits (for messages). */
const API_LIMIT_NAMES = { cells: 'the `limits: { maxCells }` option', work: 'the `limits: { maxWork }` option' };

/** The fields of a FiniteEnvironment, already validated (used by defineEnvironment and the JSON parser). */
export interface FiniteEnvironmentParts<T, O> {
  name?: string;
  agentNames: readonly string[];
  types: readonly (readonly T[])[];
  typeLabels: readonly (readonly string[])[];
  outcomeValues: readonly O[];
  outcomeLabels: readonly string[];
  stateLabels: readonly string[];
  prior: JointPrior;
  valuationKind: ValuationKind;
  value: (agent: number, outcome: number, state: number, profileIndex: number) => number;
  /** A short description of the prior for printing (e.g. the fractions the user wrote). */
  priorText?: string;
  /** Overrides whether values are private (default: private, or state-dependent with one state). */
  privateValues?: boolean;
}

/**
 * A finite environment with the user's labels: an `Environment` (every checker
 * takes it) that also knows the agents' names, the type and outcome values and
 * how to print them. Build one with `defineEnvironment`.
 */
export class FiniteEnvironment<T = unknown, O = unknown> implements Environment {
  readonly name?: string;
  readonly prior: JointPrior;
  /** |C|, the number of outcomes. */
  readonly outcomes: number;
  /** True with private values, and with state-dependent values and a single state. */
  readonly privateValues: boolean;
  readonly valuationKind: ValuationKind;
  readonly agentNames: readonly string[];
  /** The user's type values, per agent. */
  readonly types: readonly (readonly T[])[];
  readonly typeLabels: readonly (readonly string[])[];
  /** The user's outcome values (0..C-1 when given as a number). */
  readonly outcomeValues: readonly O[];
  readonly outcomeLabels: readonly string[];
  readonly stateLabels: readonly string[];
  /** v_i(c, theta, t) for the profile with index `profileIndex`. */
  readonly value: (agent: number, outcome: number, state: number, profileIndex: number) => number;
  private readonly priorText?: string;
  private readonly outcomeByLabel: Map<string, number>;

  constructor(parts: FiniteEnvironmentParts<T, O>) {
    this.name = parts.name;
    this.prior = parts.prior;
    this.outcomes = parts.outcomeValues.length;
    this.valuationKind = parts.valuationKind;
    this.privateValues =
      parts.privateValues ?? (parts.valuationKind === 'private' || (parts.valuationKind === 'stateDependent' && parts.prior.states === 1));
    this.agentNames = parts.agentNames;
    this.types = parts.types;
    this.typeLabels = parts.typeLabels;
    this.outcomeValues = parts.outcomeValues;
    this.outcomeLabels = parts.outcomeLabels;
    this.stateLabels = parts.stateLabels;
    this.value = parts.value;
    this.priorText = parts.priorText;
    this.outcomeByLabel = new Map(parts.outcomeLabels.map((l, c) => [l, c]));
  }

  /** The number of agents. */
  get agents(): number {
    return this.agentNames.length;
  }

  /** The profiles (mixed-radix indexing, agent 0 slowest). */
  get profiles(): ProfileSpace {
    return this.prior.profiles;
  }

  /** The type profile with index k, as the user's values. */
  profile(k: number): T[] {
    const p = this.prior.profiles.profile(k);
    return p.map((t, i) => this.types[i][t]);
  }

  /** The type profile with index k, as labels. */
  profileLabels(k: number): string[] {
    const p = this.prior.profiles.profile(k);
    return p.map((t, i) => this.typeLabels[i][t]);
  }

  /** The index of a profile of type values (each matched by `===`, else by its label); -1 if a value is not a type. */
  indexOf(profile: readonly T[]): number {
    if (profile.length !== this.agents) return -1;
    let k = 0;
    const strides = this.prior.profiles.strides;
    for (let i = 0; i < profile.length; i++) {
      let t = this.types[i].indexOf(profile[i]);
      if (t < 0) t = this.typeLabels[i].indexOf(defaultLabel(profile[i]));
      if (t < 0) return -1;
      k += t * strides[i];
    }
    return k;
  }

  /** The index of an outcome value (matched by `===`, else by its label); -1 if none. */
  outcomeIndex(outcome: unknown): number {
    const c = this.outcomeValues.indexOf(outcome as O);
    if (c >= 0) return c;
    return this.outcomeByLabel.get(defaultLabel(outcome)) ?? -1;
  }

  /** A readable description: agents, types, outcomes, prior, valuations (truncated when large). */
  toString(): string {
    const lines: string[] = [];
    if (this.name) lines.push(`environment ${this.name}`);
    lines.push(`agents: ${this.agentNames.join(', ')}`);
    lines.push(`types: ${this.agentNames.map((a, i) => `${a} in {${this.typeLabels[i].join(', ')}}`).join('; ')}`);
    lines.push(`outcomes: ${this.outcomeLabels.join(', ')}`);
    if (this.prior.states > 1) lines.push(`states: ${this.stateLabels.join(', ')}`);
    lines.push(`prior: ${this.priorText ?? describePrior(this)}`);
    lines.push(`valuations (${this.valuationKind}):`);
    const budget = { left: 60 };
    const S = this.prior.profiles.size;
    for (let i = 0; i < this.agents && budget.left > 0; i++) {
      for (let th = 0; th < this.prior.states && budget.left > 0; th++) {
        const rows = this.valuationKind === 'interdependent' ? S : this.typeLabels[i].length;
        for (let r = 0; r < rows && budget.left-- > 0; r++) {
          const k = this.valuationKind === 'interdependent' ? r : this.prior.profiles.replace(0, i, r);
          const who =
            this.valuationKind === 'interdependent' ? `at [${this.profileLabels(k).join(', ')}]` : `with type ${this.typeLabels[i][r]}`;
          const state = this.prior.states > 1 ? ` in state ${this.stateLabels[th]}` : '';
          const vals = this.outcomeLabels.map((o, c) => `${o}: ${short(this.value(i, c, th, k))}`).join(', ');
          lines.push(`  ${this.agentNames[i]} ${who}${state}: ${vals}`);
        }
      }
    }
    if (budget.left <= 0) lines.push('  ...');
    return lines.join('\n');
  }

  /** How fast-check prints an environment in a counterexample. */
  [Symbol.for('fast-check/toStringMethod')](): string {
    return this.toString();
  }
}

function describePrior(env: FiniteEnvironment<unknown, unknown>): string {
  const p = env.prior;
  const S = p.profiles.size;
  if (p.table.length > 64) return `a joint distribution over ${p.states} state(s) x ${S} profiles`;
  const cells: string[] = [];
  for (let th = 0; th < p.states; th++) {
    for (let k = 0; k < S; k++)
      cells.push(`${p.states > 1 ? env.stateLabels[th] + ', ' : ''}[${env.profileLabels(k).join(', ')}]: ${short(p.prob(th, k))}`);
  }
  return cells.join('; ');
}

/** A number printed with at most 6 significant digits. */
function short(x: number): string {
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(6));
}

/** How a type or outcome value prints by default. */
export function defaultLabel(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return String(x);
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

function call<R>(field: string, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(field, `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

function distinctLabels(labels: readonly string[], field: string): void {
  const seen = new Map<string, number>();
  labels.forEach((l, k) => {
    const j = seen.get(l);
    if (j !== undefined) throw new InputError(`${field}[${k}]`, `repeats ${JSON.stringify(l)} (entry ${j}); values must be distinct`);
    seen.set(l, k);
  });
}

function nonNegativeCount(x: unknown, field: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1)
    throw new InputError(field, `must be a positive integer, got ${defaultLabel(x)}`);
  return x;
}

/**
 * Validate a user's finite environment and tabulate it.
 *
 * Each number must be finite, payoffs at most 1e12 in absolute value, and
 * probabilities must sum to 1 (exactly when written as fractions); a function
 * that throws or returns a non-number is an InputError naming the agent, the
 * type or profile and the field. The size of the tables is checked against
 * `limits.maxCells` before anything is allocated.
 *
 * @example
 *   // one object, two bidders with values 1, 2 or 3; outcome = who wins
 *   const env = defineEnvironment({
 *     agents: ['Ann', 'Bob'],
 *     types: [[1, 2, 3], [1, 2, 3]],
 *     outcomes: ['nobody', 'Ann', 'Bob'],
 *     prior: { independent: [['1/3', '1/3', '1/3'], ['1/3', '1/3', '1/3']] },
 *     valuation: { private: (i, winner, value) => (winner === ['Ann', 'Bob'][i] ? value : 0) },
 *   });
 */
export function defineEnvironment<T, O = number>(def: EnvironmentDefinition<T, O>): FiniteEnvironment<T, O> {
  if (def === null || typeof def !== 'object') throw new InputError('environment', 'must be an object');
  const types: readonly (readonly T[])[] = def.types;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- run-time check of a caller's value: `as unknown` keeps the guard from narrowing the declared type
  if (!Array.isArray(types as unknown) || types.length === 0)
    throw new InputError('types', 'must be a non-empty array with one type set per agent');
  let agentNames: string[];
  if (def.agents === undefined) agentNames = types.map((_, i) => `agent ${i}`);
  else if (typeof def.agents === 'number') {
    nonNegativeCount(def.agents, 'agents');
    if (def.agents !== types.length) throw new InputError('types', `has ${types.length} entries, but agents = ${def.agents}`);
    agentNames = types.map((_, i) => `agent ${i}`);
  } else if (Array.isArray(def.agents)) {
    if (def.agents.length !== types.length)
      throw new InputError('types', `has ${types.length} entries, but ${def.agents.length} agents are named`);
    agentNames = def.agents.map((a, i) => {
      if (typeof a !== 'string') throw new InputError(`agents[${i}]`, 'must be a string');
      return a;
    });
    distinctLabels(agentNames, 'agents');
  } else throw new InputError('agents', 'must be a number or a list of names');
  const n = agentNames.length;
  types.forEach((ti, i) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- run-time check of a caller's value: `as unknown` keeps the guard from narrowing the declared type
    if (!Array.isArray(ti as unknown) || ti.length === 0)
      throw new InputError(`types[${i}]`, `must be a non-empty array of ${agentNames[i]}'s types`);
  });
  const typeCounts = types.map((t) => t.length);

  let outcomeCount: number;
  if (typeof def.outcomes === 'number') outcomeCount = nonNegativeCount(def.outcomes, 'outcomes');
  else if (Array.isArray(def.outcomes) && def.outcomes.length > 0) outcomeCount = def.outcomes.length;
  else throw new InputError('outcomes', 'must be a positive number or a non-empty list of outcomes');
  let stateLabels: string[] | undefined;
  let m: number;
  if (def.states === undefined) m = 1;
  else if (typeof def.states === 'number') m = nonNegativeCount(def.states, 'states');
  else if (Array.isArray(def.states) && def.states.length > 0) {
    m = def.states.length;
    stateLabels = def.states.map(String);
  } else throw new InputError('states', 'must be a positive number or a non-empty list of labels');

  const valuation = def.valuation;
  if (valuation === null || typeof valuation !== 'object')
    throw new InputError('valuation', 'must be an object with one of private, stateDependent, interdependent');
  const kinds = Object.keys(valuation).filter(
    (k) => k === 'private' || k === 'stateDependent' || k === 'interdependent',
  ) as ValuationKind[];
  if (kinds.length !== 1 || Object.keys(valuation).length !== 1)
    throw new InputError(
      'valuation',
      `must have exactly one of private, stateDependent, interdependent; got ${Object.keys(valuation).join(', ') || 'none'}`,
    );
  const kind = kinds[0];
  if (kind === 'private' && m !== 1)
    throw new InputError('valuation.private', `private values take a single state, but there are ${m}; use stateDependent`);

  // the size of every table, before any is allocated
  const dims: MechanismDimensions = {
    typeCounts,
    states: m,
    outcomes: outcomeCount,
    interdependent: kind === 'interdependent',
    privateValues: kind !== 'interdependent' && m === 1,
  };
  assertCellsWithinLimit(dims, { ...DEFAULT_CHECK_LIMITS, ...def.limits }, 'types', API_LIMIT_NAMES);

  const typeLabel = def.typeLabel ?? ((t: T) => defaultLabel(t));
  const typeLabels = types.map((ti, i) => {
    const labels = ti.map((t, k) => call(`typeLabel(types[${i}][${k}])`, () => String(typeLabel(t, i))));
    distinctLabels(labels, `types[${i}]`);
    return labels;
  });
  const outcomeValues: O[] =
    typeof def.outcomes === 'number' ? (Array.from({ length: outcomeCount }, (_, c) => c) as O[]) : [...def.outcomes];
  const outcomeLabelOf = def.outcomeLabel ?? ((o: O) => defaultLabel(o));
  const outcomeLabels = outcomeValues.map((o, c) => call(`outcomeLabel(outcomes[${c}])`, () => String(outcomeLabelOf(o))));
  distinctLabels(outcomeLabels, 'outcomes');
  stateLabels ??= Array.from({ length: m }, (_, th) => (m === 1 ? 'state' : `state ${th}`));

  const space = new ProfileSpace(typeCounts);
  const S = space.size;
  const profileText = (k: number) =>
    `[${space
      .profile(k)
      .map((t, i) => `${agentNames[i]}=${typeLabels[i][t]}`)
      .join(', ')}]`;
  const profileValues = (k: number) => space.profile(k).map((t, i) => types[i][t]);

  // the prior
  const priorDef = def.prior ?? 'uniform';
  let prior: JointPrior;
  let priorText: string | undefined;
  if (priorDef === 'uniform') {
    prior = new JointPrior(m, typeCounts, new Float64Array(m * S).fill(1 / (m * S)), 'prior');
    priorText = 'uniform';
  } else if (typeof priorDef === 'object' && priorDef !== null && 'independent' in priorDef) {
    if (m !== 1)
      throw new InputError('prior.independent', `independent marginals describe a single state, but there are ${m}; give prior.joint`);
    const ind = priorDef.independent;
    let marginals: number[][];
    let literals: NumberLiteral[][];
    if (typeof ind === 'function') {
      literals = types.map((ti, i) => ti.map((t, k) => call(`prior.independent(${agentNames[i]}, ${typeLabels[i][k]})`, () => ind(i, t))));
      marginals = literals.map((lit, i) =>
        readProbabilities(lit, `prior.independent(${agentNames[i]})`, {
          length: typeCounts[i],
          entryField: (k) => `prior.independent(${agentNames[i]}, ${typeLabels[i][k]})`,
        }),
      );
    } else {
      if (!Array.isArray(ind) || ind.length !== n) throw new InputError('prior.independent', `must have one marginal per agent (${n})`);
      literals = ind.map((x) => x as NumberLiteral[]);
      marginals = ind.map((p, i) => readProbabilities(p, `prior.independent[${i}]`, { length: typeCounts[i] }));
    }
    prior = JointPrior.independent(marginals, 'prior.independent');
    priorText = `independent: ${agentNames.map((a, i) => `${a} [${literals[i].map((x) => (typeof x === 'number' ? short(x) : x)).join(', ')}]`).join('; ')}`;
  } else if (typeof priorDef === 'object' && priorDef !== null && 'joint' in priorDef) {
    const joint = priorDef.joint;
    let table: number[];
    if (typeof joint === 'function') {
      const cell = (j: number) => `prior.joint(${profileText(j % S)}${m > 1 ? `, state ${stateLabels[Math.floor(j / S)]}` : ''})`;
      const lit = new Array<NumberLiteral>(m * S);
      for (let th = 0; th < m; th++)
        for (let k = 0; k < S; k++) lit[th * S + k] = call(cell(th * S + k), () => joint(profileValues(k), th));
      table = readProbabilities(lit, 'prior.joint', { entryField: cell });
    } else table = readProbabilities(joint, 'prior.joint', { length: m * S });
    prior = new JointPrior(m, typeCounts, table, 'prior.joint');
  } else throw new InputError('prior', "must be 'uniform', { independent } or { joint }");

  // the valuations, tabulated
  const tables: Float64Array[] = [];
  const C = outcomeCount;
  const v = (valuation as Record<string, unknown>)[kind];
  const checkTable = (x: unknown, field: string, len: number): unknown[] => {
    if (!Array.isArray(x)) throw new InputError(field, 'must be an array');
    if (x.length !== len) throw new InputError(field, `has ${x.length} entries, expected ${len}`);
    return x;
  };
  for (let i = 0; i < n; i++) {
    const rows = kind === 'interdependent' ? S : typeCounts[i];
    const tab = new Float64Array(m * rows * C);
    const vi = typeof v === 'function' ? undefined : checkTable(v, `valuation.${kind}`, n)[i];
    for (let th = 0; th < m; th++) {
      const vs =
        vi === undefined
          ? undefined
          : kind === 'private'
            ? checkTable(vi, `valuation.private[${i}]`, rows)
            : checkTable(checkTable(vi, `valuation.${kind}[${i}]`, m)[th], `valuation.${kind}[${i}][${th}]`, rows);
      for (let r = 0; r < rows; r++) {
        const row =
          vs === undefined
            ? undefined
            : checkTable(vs[r], kind === 'private' ? `valuation.private[${i}][${r}]` : `valuation.${kind}[${i}][${th}][${r}]`, C);
        for (let c = 0; c < C; c++) {
          let x: unknown;
          let field: string;
          if (row !== undefined) {
            x = row[c];
            field = kind === 'private' ? `valuation.private[${i}][${r}][${c}]` : `valuation.${kind}[${i}][${th}][${r}][${c}]`;
          } else {
            const fn = v as (...args: unknown[]) => NumberLiteral;
            const o = outcomeValues[c];
            const state = m > 1 ? ` in state ${stateLabels[th]}` : '';
            if (kind === 'interdependent') {
              field = `valuation.interdependent(${agentNames[i]}, outcome ${outcomeLabels[c]}, ${profileText(r)}${state})`;
              x = call(field, () => fn(i, o, profileValues(r), th));
            } else {
              field = `valuation.${kind}(${agentNames[i]}, outcome ${outcomeLabels[c]}, type ${typeLabels[i][r]}${state})`;
              x = call(field, () => (kind === 'private' ? fn(i, o, types[i][r]) : fn(i, o, types[i][r], th)));
            }
          }
          tab[(th * rows + r) * C + c] = readPayoff(x, field);
        }
      }
    }
    tables.push(tab);
  }
  const value =
    kind === 'interdependent'
      ? (i: number, c: number, th: number, k: number) => tables[i][(th * S + k) * C + c]
      : (i: number, c: number, th: number, k: number) => tables[i][(th * typeCounts[i] + space.component(k, i)) * C + c];

  return new FiniteEnvironment<T, O>({
    name: def.name,
    agentNames,
    types,
    typeLabels,
    outcomeValues,
    outcomeLabels,
    stateLabels,
    prior,
    valuationKind: kind,
    value,
    priorText,
  });
}

/**
 * Any `Environment` as a FiniteEnvironment: returned as is when it is one;
 * otherwise every value v_i(c, theta, t) is read once, checked (finite, at most
 * 1e12 in absolute value; an InputError names the agent, outcome, state and
 * profile) and tabulated, and the labels are taken from the environment when
 * it has them (`agentNames`, `typeLabels`, `outcomeLabels`).
 */
export function asFiniteEnvironment(env: Environment, limits?: Partial<CheckLimits>): FiniteEnvironment<unknown, unknown> {
  if (env instanceof FiniteEnvironment) return env;
  const prior = env.prior;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- run-time check of a caller's value: `as unknown` keeps the guard from narrowing the declared type
  if (typeof prior !== 'object' || prior === null || !Array.isArray(prior.typeCounts as unknown))
    throw new InputError('environment.prior', 'must be a JointPrior');
  const typeCounts = [...prior.typeCounts];
  const n = typeCounts.length;
  const m = prior.states;
  const C = env.outcomes;
  if (!Number.isInteger(C) || C < 1) throw new InputError('environment.outcomes', `must be a positive integer, got ${defaultLabel(C)}`);
  const dims: MechanismDimensions = { typeCounts, states: m, outcomes: C, interdependent: true, privateValues: env.privateValues === true };
  assertCellsWithinLimit(dims, { ...DEFAULT_CHECK_LIMITS, ...limits }, 'environment', API_LIMIT_NAMES);
  const e = env as Environment & { agentNames?: readonly string[]; stateLabels?: readonly string[]; name?: string };
  const pick = (xs: readonly string[] | undefined, len: number, fallback: (k: number) => string) =>
    Array.isArray(xs) && xs.length === len ? xs.map(String) : Array.from({ length: len }, (_, k) => fallback(k));
  const agentNames = pick(e.agentNames, n, (i) => `agent ${i}`);
  const typeLabels = typeCounts.map((T, i) => pick(env.typeLabels?.[i], T, (k) => `t${i}=${k}`));
  const outcomeLabels = pick(env.outcomeLabels, C, (c) => `outcome ${c}`);
  const stateLabels = pick(e.stateLabels, m, (th) => (m === 1 ? 'state' : `state ${th}`));
  const space = prior.profiles;
  const S = space.size;
  const tables: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const tab = new Float64Array(m * S * C);
    for (let th = 0; th < m; th++) {
      for (let k = 0; k < S; k++) {
        for (let c = 0; c < C; c++) {
          const field = `environment.value(${agentNames[i]}, outcome ${outcomeLabels[c]}, ${m > 1 ? `state ${stateLabels[th]}, ` : ''}profile [${space
            .profile(k)
            .map((t, j) => typeLabels[j][t])
            .join(', ')}])`;
          tab[(th * S + k) * C + c] = readPayoff(
            call(field, () => env.value(i, c, th, k)),
            field,
          );
        }
      }
    }
    tables.push(tab);
  }
  return new FiniteEnvironment<unknown, unknown>({
    name: e.name,
    agentNames,
    types: typeLabels,
    typeLabels,
    outcomeValues: outcomeLabels,
    outcomeLabels,
    stateLabels,
    prior,
    valuationKind: 'interdependent',
    value: (i, c, th, k) => tables[i][(th * S + k) * C + c],
    privateValues: env.privateValues === true,
  });
}
