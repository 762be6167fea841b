/**
 * Loading a user's finite mechanism from JSON (the format of
 * src/check/mechanism.schema.json): structural validation against the schema,
 * then, in this order,
 *
 * 1. the declared sizes (agents, types, states, outcomes) as finite positive
 *    integers, consistent with each other, and the size of every table against
 *    the limits (src/check/limits.ts) before anything of that size is
 *    allocated;
 * 2. every array's length against the declared sizes (a ragged array is named);
 * 3. every number finite and bounded (payoffs |x| <= 1e12), probabilities
 *    summing to one (exactly when written as fractions, src/check/literals.ts).
 *
 * Every problem is an InputError naming the field. Parsing is linear in the
 * size of the file.
 */
import { InputError } from '../core/errors.ts';
import { finiteNumber, MAX_ABS_PAYOFF } from '../core/numbers.ts';
import { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';
import type { ConceptName } from '../concepts/result.ts';
import { FiniteEnvironment, type ValuationKind } from '../api/environment.ts';
import { FiniteMechanism } from '../api/mechanism.ts';
import { assertCellsWithinLimit, DEFAULT_CHECK_LIMITS, type CheckLimits, type MechanismDimensions } from './limits.ts';
import { readNumber, readPayoff, readProbabilities, type NumberLiteral } from './literals.ts';
import { mechanismSchema, validateMechanismJson } from './validator.ts';

/** The JSON format, as TypeScript (src/check/mechanism.schema.json is the reference). */
export interface MechanismFile {
  $schema?: string;
  name?: string;
  description?: string;
  agents: number | string[];
  types: Array<number | Array<string | number>>;
  states?: number | string[];
  prior: { independent: NumberLiteral[][] } | { joint: NumberLiteral[] };
  outcomes: number | string[];
  valuations: { private?: NumberLiteral[][][]; stateDependent?: NumberLiteral[][][][]; interdependent?: NumberLiteral[][][][] };
  outcome: Array<number | NumberLiteral[]>;
  transfers: NumberLiteral[][];
  tolerance?: number;
  require?: ConceptName[];
}

/** A mechanism and its environment read from a file or module, with the user's labels and check settings. */
export interface LoadedMechanism {
  name: string;
  env: FiniteEnvironment<unknown, unknown>;
  mech: FiniteMechanism;
  agentNames: readonly string[];
  typeLabels: readonly (readonly string[])[];
  outcomeLabels: readonly string[];
  tolerance?: number;
  require?: ConceptName[];
}

/** Options of `parseMechanism`. */
export interface ParseOptions {
  /** Limits on the tables (default DEFAULT_CHECK_LIMITS). */
  limits?: CheckLimits;
}

export { mechanismSchema };

function count(x: unknown, field: string): number {
  return finiteNumber(x, field, { integer: true, min: 1 });
}

/** A payoff that needs no conversion or message (the fast path of a 1e6-profile file); otherwise NaN. */
function plainPayoff(x: unknown): number {
  return typeof x === 'number' && x >= -MAX_ABS_PAYOFF && x <= MAX_ABS_PAYOFF ? x : NaN;
}

function requireArray(x: unknown, n: number, field: string, what: string): unknown[] {
  if (!Array.isArray(x)) throw new InputError(field, `must be an array (${what})`);
  if (x.length !== n) throw new InputError(field, `has ${x.length} entries, expected ${n} (${what})`);
  return x;
}

/**
 * Parse a mechanism file's JSON value into a checked environment and
 * mechanism. Throws an InputError naming the field on any problem, and a
 * LimitError (an InputError) when the declared sizes exceed `opts.limits`.
 *
 * @example
 *   const m = parseMechanism(JSON.parse(readFileSync('auction.json', 'utf8')));
 *   checkAll(m.env, m.mech); // every concept, worst violation and witness
 */
export function parseMechanism(data: unknown, opts: ParseOptions = {}): LoadedMechanism {
  validateMechanismJson(data);
  const f = data as MechanismFile;
  const limits = opts.limits ?? DEFAULT_CHECK_LIMITS;

  // 1. declared sizes, then the limits, before any table is allocated
  const n = typeof f.agents === 'number' ? count(f.agents, 'agents') : f.agents.length;
  if (f.types.length !== n) throw new InputError('types', `has ${f.types.length} entries, expected one per agent (${n})`);
  const typeCounts = f.types.map((t, i) => (typeof t === 'number' ? count(t, `types[${i}]`) : t.length));
  const m = f.states === undefined ? 1 : typeof f.states === 'number' ? count(f.states, 'states') : f.states.length;
  const C = typeof f.outcomes === 'number' ? count(f.outcomes, 'outcomes') : f.outcomes.length;
  const kind = Object.keys(f.valuations)[0] as ValuationKind;
  if (kind === 'private' && m !== 1)
    throw new InputError('valuations.private', `private values take a single state, but states = ${m}; use valuations.stateDependent`);
  const dims: MechanismDimensions = {
    typeCounts,
    states: m,
    outcomes: C,
    interdependent: kind === 'interdependent',
    privateValues: kind === 'private' || (kind === 'stateDependent' && m === 1),
  };
  assertCellsWithinLimit(dims, limits, 'types');

  // 2. every array's length against the declared sizes
  const space = new ProfileSpace(typeCounts);
  const S = space.size;
  const shape = `one entry per reported profile (${typeCounts.join(' x ')} = ${S})`;
  requireArray(f.outcome, S, 'outcome', shape);
  requireArray(f.transfers, S, 'transfers', `one row per reported profile (${typeCounts.join(' x ')} = ${S})`);
  for (let k = 0; k < S; k++) {
    const row = f.transfers[k];
    if (!Array.isArray(row) || row.length !== n) requireArray(row, n, `transfers[${k}]`, 'one transfer per agent');
  }
  if ('independent' in f.prior) {
    if (m !== 1)
      throw new InputError(
        'prior.independent',
        `independent marginals describe a single state, but states = ${m}; give prior.joint over states x profiles`,
      );
    requireArray(f.prior.independent, n, 'prior.independent', 'one marginal per agent');
    f.prior.independent.forEach((p, i) =>
      requireArray(p, typeCounts[i], `prior.independent[${i}]`, `one probability per type of agent ${i}`),
    );
  } else requireArray(f.prior.joint, m * S, 'prior.joint', `${m} state(s) x ${S} profiles`);
  const v = (f.valuations as Record<string, unknown>)[kind] as unknown[];
  requireArray(v, n, `valuations.${kind}`, 'one table per agent');
  for (let i = 0; i < n; i++) {
    const rows = kind === 'interdependent' ? S : typeCounts[i];
    const what = kind === 'interdependent' ? `one row per type profile (${S})` : `one row per type of agent ${i}`;
    const perState = kind === 'private' ? [v[i]] : requireArray(v[i], m, `valuations.${kind}[${i}]`, 'one table per state');
    perState.forEach((vs, th) => {
      const at = kind === 'private' ? `valuations.private[${i}]` : `valuations.${kind}[${i}][${th}]`;
      const table = requireArray(vs, rows, at, what);
      for (let r = 0; r < rows; r++) {
        const row = table[r];
        if (!Array.isArray(row) || row.length !== C) requireArray(row, C, `${at}[${r}]`, 'one value per outcome');
      }
    });
  }

  // 3. labels, numbers and probabilities
  const agentNames = typeof f.agents === 'number' ? Array.from({ length: n }, (_, i) => `agent ${i}`) : f.agents;
  const types: (string | number)[][] = f.types.map((t, i) =>
    // a numeric label is a number like any other: 1e309 in the file is Infinity, refused, not the label "Infinity"
    typeof t === 'number'
      ? Array.from({ length: typeCounts[i] }, (_, k) => k)
      : t.map((x, k) => (typeof x === 'number' ? finiteNumber(x, `types[${i}][${k}]`) : x)),
  );
  const typeLabels = f.types.map((t, i) =>
    typeof t === 'number' ? Array.from({ length: typeCounts[i] }, (_, k) => `t${i}=${k}`) : t.map(String),
  );
  const outcomeLabels = typeof f.outcomes === 'number' ? Array.from({ length: C }, (_, c) => `outcome ${c}`) : f.outcomes;
  const stateLabels =
    f.states === undefined ? ['state'] : typeof f.states === 'number' ? Array.from({ length: m }, (_, th) => `state ${th}`) : f.states;

  let prior: JointPrior;
  if ('independent' in f.prior) {
    const marginals = f.prior.independent.map((p, i) => readProbabilities(p, `prior.independent[${i}]`, { length: typeCounts[i] }));
    prior = JointPrior.independent(marginals, 'prior.independent');
  } else prior = new JointPrior(m, typeCounts, readProbabilities(f.prior.joint, 'prior.joint', { length: m * S }), 'prior.joint');

  const tables: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const rows = kind === 'interdependent' ? S : typeCounts[i];
    const tab = new Float64Array(m * rows * C);
    for (let th = 0; th < m; th++) {
      const vs = (kind === 'private' ? v[i] : (v[i] as unknown[])[th]) as NumberLiteral[][];
      const at = kind === 'private' ? `valuations.private[${i}]` : `valuations.${kind}[${i}][${th}]`;
      for (let r = 0; r < rows; r++) {
        const row = vs[r];
        for (let c = 0; c < C; c++) {
          const x = plainPayoff(row[c]);
          tab[(th * rows + r) * C + c] = x === x ? x : readPayoff(row[c], `${at}[${r}][${c}]`);
        }
      }
    }
    tables.push(tab);
  }
  const value =
    kind === 'interdependent'
      ? (i: number, c: number, th: number, k: number) => tables[i][(th * S + k) * C + c]
      : (i: number, c: number, th: number, k: number) => tables[i][(th * typeCounts[i] + space.component(k, i)) * C + c];

  const outcomeIndex = new Int32Array(S);
  const lotteries = new Map<number, number[]>();
  for (let k = 0; k < S; k++) {
    const o = f.outcome[k];
    if (typeof o === 'number') {
      if (!(Number.isInteger(o) && o >= 0 && o < C)) {
        finiteNumber(o, `outcome[${k}]`, { integer: true, min: 0 });
        throw new InputError(`outcome[${k}]`, `is ${o}, but outcomes are numbered 0..${C - 1}`);
      }
      outcomeIndex[k] = o;
    } else {
      outcomeIndex[k] = -1;
      lotteries.set(k, readProbabilities(o, `outcome[${k}]`, { length: C }));
    }
  }
  const transfers = new Float64Array(S * n);
  for (let k = 0; k < S; k++) {
    const row = f.transfers[k];
    for (let i = 0; i < n; i++) {
      const x = plainPayoff(row[i]);
      transfers[k * n + i] = x === x ? x : readPayoff(row[i], `transfers[${k}][${i}]`);
    }
  }
  const tolerance = f.tolerance === undefined ? undefined : readNumber(f.tolerance, 'tolerance', { min: Number.MIN_VALUE, max: 1 });

  const env = new FiniteEnvironment<unknown, unknown>({
    name: f.name,
    agentNames,
    types,
    typeLabels,
    outcomeValues: outcomeLabels,
    outcomeLabels,
    stateLabels,
    prior,
    valuationKind: kind,
    value,
  });
  const mech = new FiniteMechanism(env, f.name, outcomeIndex, lotteries, transfers);
  return { name: f.name ?? 'mechanism', env, mech, agentNames, typeLabels, outcomeLabels, tolerance, require: f.require };
}
