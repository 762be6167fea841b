/**
 * Hostile inputs for the CLI fuzz suite (issue 15, item 6): fast-check
 * arbitraries of extreme and non-finite numbers, declared sizes, ragged
 * arrays, odd values and option strings; mutations of a valid JSON document
 * along random paths; and the assertions every run must satisfy (documented
 * exit code, a field named on exit 2, no stack trace, no internal error,
 * bounded memory; `misbehaviour`). The runs are in-process (runCli) and count-based
 * (fast-check numRuns with fixed seeds): no verdict depends on the clock.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliRun } from '../runCli.ts';

/** A number written into a JSON file as raw text (`1e309` reads back as Infinity; JSON.stringify cannot write it). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** JSON text of a document that may contain RawNumber leaves. */
export function toJsonText(doc: unknown): string {
  if (doc instanceof RawNumber) return doc.text;
  if (Array.isArray(doc)) return `[${doc.map(toJsonText).join(',')}]`;
  if (doc !== null && typeof doc === 'object')
    return `{${Object.entries(doc)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(doc) ?? 'null';
}

/** Extreme, non-finite and boundary numbers (the fuzzing pass's), and arbitrary doubles. */
export const hostileNumber: fc.Arbitrary<number | RawNumber> = fc.oneof(
  fc.constantFrom<number | RawNumber>(
    0,
    -0,
    1,
    -1,
    0.5,
    2,
    5e-324,
    1e-320,
    1e-9,
    -1e-10,
    1e12,
    1e12 + 1,
    -1e12 - 1,
    1e15,
    2 ** 53 + 2,
    1e308,
    -1e308,
    1.7976931348623157e308,
    0.9999999999999999,
    1.0000000001,
    1 / 3,
    new RawNumber('1e309'),
    new RawNumber('-1e309'),
    new RawNumber('1e-400'),
    new RawNumber('-0.0'),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10, max: 10 }),
);

/** Declared sizes: zero, negative, fractional, huge, beyond 2^53, non-finite. */
export const hostileSize: fc.Arbitrary<number | RawNumber> = fc.constantFrom<number | RawNumber>(
  0,
  -1,
  1.5,
  3,
  4096,
  1e6,
  1e8,
  1e9,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  new RawNumber('1e309'),
  new RawNumber('-1e309'),
);

/** Values of the wrong kind or shape. */
export const oddValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  true,
  false,
  '1',
  '1/0',
  '0x10',
  '',
  'Infinity',
  [],
  {},
  [[[]]],
  [null],
  { __proto__: 1 },
  'x'.repeat(200),
  [1, [2, [3]]],
);

/** Option values as a user (or a script with a bug) might type them: hex, empty, non-finite, fractions, other digits, garbage. */
export const hostileOptionString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0x10',
    '0b1',
    '0o7',
    '1e309',
    '-1e309',
    'Infinity',
    '-Infinity',
    'NaN',
    '1/0',
    '1/3',
    '0/0',
    '-1',
    '-0',
    '1e-400',
    '1.5',
    '2',
    '3',
    '1e3',
    '١',
    '１',
    ' 5 ',
    '5 5',
    '1,2',
    '1e',
    '.',
    '+',
    '1e308',
    '9007199254740993',
    '0.1.2',
    '--',
    'null',
    'true',
    '[]',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 100 }).map(String),
  fc.double({ noNaN: true }).map(String),
);

/** One edit of a JSON document at the node reached by `path` (indices taken modulo the number of children). */
export type Mutation =
  | { kind: 'number'; path: number[]; value: number | RawNumber }
  | { kind: 'value'; path: number[]; value: unknown }
  | { kind: 'drop' | 'dup' | 'wrap'; path: number[] }
  | { kind: 'key'; path: number[]; key: string; value: unknown }
  | { kind: 'field'; field: (string | number)[]; value: unknown };

const pathArb = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 7 });

/**
 * Random edits of a document: hostile numbers, odd values, ragged arrays
 * (drop, duplicate, wrap) and unknown keys at random paths, and hostile
 * declared sizes at the given `sizeFields` (paths of keys and indices).
 */
export function mutationsArb(
  sizeFields: (string | number)[][] = [],
  opts: { maxMutations?: number; kinds?: Mutation['kind'][] } = {},
): fc.Arbitrary<Mutation[]> {
  const kinds = new Set(opts.kinds ?? ['number', 'value', 'drop', 'dup', 'wrap', 'key', 'field']);
  const one: fc.Arbitrary<Mutation>[] = [];
  if (kinds.has('number')) one.push(fc.record({ kind: fc.constant('number' as const), path: pathArb, value: hostileNumber }));
  if (kinds.has('value')) one.push(fc.record({ kind: fc.constant('value' as const), path: pathArb, value: oddValue }));
  for (const k of ['drop', 'dup', 'wrap'] as const) if (kinds.has(k)) one.push(fc.record({ kind: fc.constant(k), path: pathArb }));
  if (kinds.has('key'))
    one.push(
      fc.record({
        kind: fc.constant('key' as const),
        path: pathArb,
        key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'colour', ''),
        value: oddValue,
      }),
    );
  if (kinds.has('field') && sizeFields.length > 0)
    one.push(fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom(...sizeFields), value: hostileSize }));
  return fc.array(fc.oneof(...one), { minLength: 1, maxLength: opts.maxMutations ?? 3 });
}

const clone = (x: unknown): unknown =>
  x instanceof RawNumber
    ? x
    : Array.isArray(x)
      ? x.map(clone)
      : x !== null && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, clone(v)]))
        : x;

/** Apply mutations to a deep copy of `doc`. */
export function applyMutations(doc: unknown, ms: readonly Mutation[]): unknown {
  const root = { doc: clone(doc) } as Record<string, unknown>;
  for (const m of ms) {
    if (m.kind === 'field') {
      let node: unknown = root.doc;
      for (let k = 0; k + 1 < m.field.length && node !== null && typeof node === 'object'; k++)
        node = (node as Record<string | number, unknown>)[m.field[k]];
      if (node !== null && typeof node === 'object') (node as Record<string | number, unknown>)[m.field[m.field.length - 1]] = m.value;
      continue;
    }
    // walk down: parent container and key of the target
    let parent: Record<string | number, unknown> = root;
    let key: string | number = 'doc';
    for (const step of m.path) {
      const node = parent[key];
      if (node === null || typeof node !== 'object' || node instanceof RawNumber) break;
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      parent = node as Record<string | number, unknown>;
      key = keys[step % keys.length];
    }
    const target = parent[key];
    switch (m.kind) {
      case 'number':
      case 'value':
        parent[key] = m.value;
        break;
      case 'wrap':
        parent[key] = [target];
        break;
      case 'drop':
      case 'dup':
        if (Array.isArray(parent) && typeof key === 'number')
          parent.splice(key, m.kind === 'drop' ? 1 : 0, ...(m.kind === 'dup' ? [clone(target)] : []));
        else if (m.kind === 'drop' && parent !== root) delete parent[key];
        break;
      case 'key':
        if (target !== null && typeof target === 'object' && !Array.isArray(target) && !(target instanceof RawNumber))
          Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
    }
  }
  return root.doc;
}

/** A fresh temporary directory for one fuzz file's inputs. */
export function fuzzDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `mechcheck-fuzz-${name}-`));
}

let fileCounter = 0;
/** Write `text` to a new file in `dir`; returns its path. */
export function writeInput(dir: string, text: string): string {
  const f = join(dir, `input-${fileCounter++}.json`);
  writeFileSync(f, text);
  return f;
}

/**
 * What every run must satisfy: an exit code among the documented ones, no
 * stack trace and no `internal error` anywhere, and on exit 2 a one-line
 * message `mechcheck <command>: error: <field>: <what>` naming a field.
 * Returns the problem (with the run and its input), or null when there is none.
 */
export function misbehaviour(command: string, r: CliRun, documented: readonly number[], context: unknown): string | null {
  const where = () =>
    `mechcheck ${command} on ${JSON.stringify(context).slice(0, 600)}\nstatus ${r.status}\nstderr: ${r.stderr.slice(0, 600)}`;
  if (!documented.includes(r.status)) return `exit code ${r.status} is not one of ${documented.join(', ')}: ${where()}`;
  if (/\n\s+at \S+ \(|internal error|\bTypeError\b|\bRangeError\b|heap out of memory/.test(r.stderr + r.stdout))
    return `a stack trace or an internal error: ${where()}`;
  if (r.status === 2 && !new RegExp(`^mechcheck ${command}: error: [^:\\n]+: \\S`).test(r.stderr))
    return `exit 2 without a field named: ${where()}`;
  return null;
}

/**
 * Peak resident memory of this process (process.resourceUsage().maxRSS, in
 * bytes): the suite asserts that hostile runs never push it past a generous
 * bound (an out-of-memory abort would kill the worker long before).
 */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** The bound asserted on peakRss() after each fuzz file's runs (3 GB: normal runs stay well under 1 GB). */
export const MEMORY_BOUND = 3 * 2 ** 30;
