/**
 * Loading a user's finite mechanism from JSON (the format of
 * src/check/mechanism.schema.json): structural validation with ajv, then the
 * dimensional and probabilistic checks the schema cannot express. Every
 * problem is an InputError naming the field.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertDistribution } from '../core/distribution.ts';
import { InputError } from '../core/errors.ts';
import { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';
import { PROBABILITY_TOLERANCE } from '../core/tolerance.ts';
import type { ConceptName } from '../concepts/result.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';

export interface MechanismFile {
  name?: string;
  description?: string;
  agents: number | string[];
  types: Array<number | Array<string | number>>;
  states?: number | string[];
  prior: { independent: number[][] } | { joint: number[] };
  outcomes: number | string[];
  valuations: { private?: number[][][]; stateDependent?: number[][][][]; interdependent?: number[][][][] };
  outcome: Array<number | number[]>;
  transfers: number[][];
  tolerance?: number;
  require?: ConceptName[];
}

export interface LoadedMechanism {
  name: string;
  env: Environment;
  mech: DirectMechanism;
  agentNames: string[];
  typeLabels: string[][];
  outcomeLabels: string[];
  tolerance?: number;
  require?: ConceptName[];
}

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), 'mechanism.schema.json');
export const mechanismSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(mechanismSchema);

function pointerToField(p: string): string {
  if (!p) return '(top level)';
  return p
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
}

function describeAjvError(errors: ErrorObject[]): InputError {
  // prefer the most specific (deepest) error; oneOf errors are summarised
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const e = sorted.find((x) => x.keyword !== 'oneOf') ?? sorted[0];
  const field = pointerToField(e.instancePath);
  const samePath = sorted.filter((x) => x.instancePath === e.instancePath && x.keyword !== 'oneOf' && x.keyword !== 'required' && x.keyword !== 'additionalProperties');
  if (samePath.length > 1) {
    const msgs = [...new Set(samePath.map((x) => x.message ?? 'is invalid'))];
    return new InputError(field, msgs.join(', or '));
  }
  if (e.keyword === 'required') return new InputError(field === '(top level)' ? (e.params as { missingProperty: string }).missingProperty : `${field}.${(e.params as { missingProperty: string }).missingProperty}`, 'is required');
  if (e.keyword === 'additionalProperties') return new InputError(`${field === '(top level)' ? '' : field + '.'}${(e.params as { additionalProperty: string }).additionalProperty}`, 'is not a known field');
  return new InputError(field, e.message ?? 'is invalid');
}

function labels(x: number | Array<string | number> | undefined, fallback: number, prefix: string): string[] {
  if (x === undefined) return Array.from({ length: fallback }, (_, k) => `${prefix}${k}`);
  if (typeof x === 'number') return Array.from({ length: x }, (_, k) => `${prefix}${k}`);
  return x.map(String);
}

function requireLength(arr: unknown[], n: number, field: string, what: string): void {
  if (arr.length !== n) throw new InputError(field, `has ${arr.length} entries, expected ${n} (${what})`);
}

export function parseMechanism(data: unknown): LoadedMechanism {
  if (!validate(data)) throw describeAjvError(validate.errors ?? []);
  const f = data as MechanismFile;
  const agentNames = labels(f.agents as number | string[], 0, 'agent ');
  const n = agentNames.length;
  requireLength(f.types, n, 'types', 'one per agent');
  const typeLabels = f.types.map((t, i) => labels(t, 0, `t${i}=`).map((s) => s));
  const counts = typeLabels.map((t) => t.length);
  const stateLabels = labels(f.states as number | string[] | undefined, 1, 'state ');
  const m = stateLabels.length;
  const outcomeLabels = labels(f.outcomes as number | string[], 0, 'outcome ');
  const C = outcomeLabels.length;
  const space = new ProfileSpace(counts);

  let prior: JointPrior;
  if ('independent' in f.prior) {
    if (m !== 1) throw new InputError('prior.independent', `independent marginals describe a single state, but states = ${m}; give prior.joint over states x profiles`);
    requireLength(f.prior.independent, n, 'prior.independent', 'one marginal per agent');
    f.prior.independent.forEach((p, i) => assertDistribution(p, `prior.independent[${i}]`, { length: counts[i] }));
    prior = JointPrior.independent(f.prior.independent, 'prior.independent');
  } else {
    requireLength(f.prior.joint, m * space.size, 'prior.joint', `${m} states x ${space.size} profiles`);
    assertDistribution(f.prior.joint, 'prior.joint');
    prior = new JointPrior(m, counts, f.prior.joint, 'prior.joint');
  }

  const keys = Object.keys(f.valuations);
  const kind = keys[0] as 'private' | 'stateDependent' | 'interdependent';
  let value: Environment['value'];
  const checkRow = (row: unknown[], field: string) => requireLength(row, C, field, 'one value per outcome');
  if (kind === 'private') {
    if (m !== 1) throw new InputError('valuations.private', `private values take a single state, but states = ${m}; use valuations.stateDependent`);
    const v = f.valuations.private!;
    requireLength(v, n, 'valuations.private', 'one table per agent');
    v.forEach((vi, i) => {
      requireLength(vi, counts[i], `valuations.private[${i}]`, `one row per type of agent ${i}`);
      vi.forEach((row, t) => checkRow(row, `valuations.private[${i}][${t}]`));
    });
    value = (i, c, _th, k) => v[i][space.component(k, i)][c];
  } else if (kind === 'stateDependent') {
    const v = f.valuations.stateDependent!;
    requireLength(v, n, 'valuations.stateDependent', 'one table per agent');
    v.forEach((vi, i) => {
      requireLength(vi, m, `valuations.stateDependent[${i}]`, 'one table per state');
      vi.forEach((vs, th) => {
        requireLength(vs, counts[i], `valuations.stateDependent[${i}][${th}]`, `one row per type of agent ${i}`);
        vs.forEach((row, t) => checkRow(row, `valuations.stateDependent[${i}][${th}][${t}]`));
      });
    });
    value = (i, c, th, k) => v[i][th][space.component(k, i)][c];
  } else {
    const v = f.valuations.interdependent!;
    requireLength(v, n, 'valuations.interdependent', 'one table per agent');
    v.forEach((vi, i) => {
      requireLength(vi, m, `valuations.interdependent[${i}]`, 'one table per state');
      vi.forEach((vs, th) => {
        requireLength(vs, space.size, `valuations.interdependent[${i}][${th}]`, `one row per type profile (${space.size})`);
        vs.forEach((row, t) => checkRow(row, `valuations.interdependent[${i}][${th}][${t}]`));
      });
    });
    value = (i, c, th, k) => v[i][th][k][c];
  }

  requireLength(f.outcome, space.size, 'outcome', `one entry per reported profile (${counts.join(' x ')})`);
  f.outcome.forEach((o, k) => {
    if (typeof o === 'number') {
      if (o >= C) throw new InputError(`outcome[${k}]`, `is ${o}, but outcomes are numbered 0..${C - 1}`);
    } else assertDistribution(o, `outcome[${k}]`, { length: C, tolerance: PROBABILITY_TOLERANCE });
  });
  requireLength(f.transfers, space.size, 'transfers', `one row per reported profile (${counts.join(' x ')})`);
  f.transfers.forEach((row, k) => requireLength(row, n, `transfers[${k}]`, 'one transfer per agent'));

  const env: Environment = { prior, outcomes: C, value, privateValues: kind === 'private' || (kind === 'stateDependent' && m === 1), outcomeLabels, typeLabels };
  const mech: DirectMechanism = { name: f.name, outcome: (k) => f.outcome[k], transfer: (k) => f.transfers[k] };
  return { name: f.name ?? 'mechanism', env, mech, agentNames, typeLabels, outcomeLabels, tolerance: f.tolerance, require: f.require };
}
