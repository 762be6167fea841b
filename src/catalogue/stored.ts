/**
 * Stored counterexamples, the catalogue's example database (as Hypothesis's):
 * `<dir>/<id>.json` holds one instance of an entry with where it came from
 * (`Provenance`). They are replayed in a phase of their own before generation,
 * so fast-check's seed and path never depend on what is stored.
 *
 * The package's own database is `fixtures/counterexamples/`; `mechcheck
 * verify --save-counterexamples` writes under the user's working directory
 * (`<cwd>/fixtures/counterexamples/`, which is the package's folder when run
 * from a clone), never into the install folder, and only when the
 * counterexample is new.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import type { EntryResult, Provenance } from './types.ts';

/** One stored counterexample, as its fixture file holds it. */
export interface StoredCounterexample {
  id: string;
  provenance: Provenance;
  /** the raw instance (what the entry's arbitrary generates), as JSON */
  input: unknown;
}

/** A stored counterexample and the file it was read from. */
export interface LoadedCounterexample extends StoredCounterexample {
  file: string;
}

const fail = (file: string, field: string, msg: string): never => {
  throw new InputError(`${file}: ${field}`, msg);
};

function isInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Validate a parsed fixture; throws an InputError naming the file and the field. */
export function parseStoredCounterexample(json: unknown, file: string, id?: string | readonly string[]): StoredCounterexample {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    fail(file, '(top level)', 'must be an object { id, provenance, input }');
  const o = json as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.length === 0) fail(file, 'id', 'must be the id of a catalogue entry');
  const ids = id === undefined ? undefined : typeof id === 'string' ? [id] : id;
  if (ids !== undefined && !ids.includes(o.id as string))
    fail(
      file,
      'id',
      `is '${String(o.id)}' but the file is for '${ids[0]}'${
        ids.length > 1
          ? ` (or its older ids ${ids
              .slice(1)
              .map((a) => `'${a}'`)
              .join(', ')})`
          : ''
      }`,
    );
  if (!('input' in o)) fail(file, 'input', 'is missing');
  const p = o.provenance as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null)
    fail(
      file,
      'provenance',
      "is missing: say where the counterexample came from ({ kind: 'generated', baseSeed, seed, path }, { kind: 'paper', ref }, or { kind: 'regression', note })",
    );
  let provenance: Provenance;
  switch (p!.kind) {
    case 'generated':
      if (!isInteger(p!.baseSeed)) fail(file, 'provenance.baseSeed', 'must be a non-negative integer');
      if (!isInteger(p!.seed)) fail(file, 'provenance.seed', 'must be a non-negative integer');
      if (typeof p!.path !== 'string' || !/^\d+(:\d+)*$/.test(p!.path))
        fail(file, 'provenance.path', "must be a fast-check path such as '3:0:1'");
      provenance = { kind: 'generated', baseSeed: p!.baseSeed as number, seed: p!.seed as number, path: p!.path as string };
      break;
    case 'paper':
      if (typeof p!.ref !== 'string' || p!.ref.length === 0)
        fail(file, 'provenance.ref', "must name the paper's place (e.g. 'Example 1, footnote 7')");
      provenance = { kind: 'paper', ref: p!.ref as string, ...(typeof p!.note === 'string' ? { note: p!.note } : {}) };
      break;
    case 'regression':
      if (typeof p!.note !== 'string' || p!.note.length === 0) fail(file, 'provenance.note', 'must say what the regression guards against');
      provenance = { kind: 'regression', note: p!.note as string };
      break;
    default:
      return fail(file, 'provenance.kind', `must be 'generated', 'paper' or 'regression' (got ${JSON.stringify(p!.kind)})`);
  }
  return { id: o.id as string, provenance, input: o.input };
}

/**
 * The stored counterexamples of an entry, one per folder and name that has a
 * file for it (duplicates by content dropped). A file may be named by the
 * entry's id or by one of its `aliases` (the ids it had before a rename), and
 * its `id` field may hold either: fixtures stored under an old id keep loading.
 */
export function loadStoredCounterexamples(id: string, dirs: readonly string[], aliases: readonly string[] = []): LoadedCounterexample[] {
  const out: LoadedCounterexample[] = [];
  for (const dir of dirs)
    for (const name of [id, ...aliases]) {
      const file = join(dir, `${name}.json`);
      if (!existsSync(file)) continue;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
      }
      const s = parseStoredCounterexample(json, file, [id, ...aliases]);
      if (!out.some((o) => sameInstance(o.input, s.input))) out.push({ ...s, id, file });
    }
  return out;
}

/** Two instances are the same when their JSON forms are (what a fixture can hold). */
export function sameInstance(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fixture text of a stored counterexample (stable: one-space indentation, a final newline). */
export function storedCounterexampleText(s: StoredCounterexample): string {
  return JSON.stringify({ id: s.id, provenance: s.provenance, input: s.input }, null, 1) + '\n';
}

/** What `saveCounterexample` did. */
export type SaveOutcome = { saved: 'written'; file: string } | { saved: 'unchanged'; file: string } | { saved: 'nothing'; reason: string };

/**
 * Store the counterexample of a result found by generation in `<dir>/<id>.json`.
 * Nothing is written when the result has no generated counterexample (a stored
 * or example counterexample is already kept) or when the file already holds
 * the same instance: an unchanged fixture is never rewritten.
 */
export function saveCounterexample(id: string, result: EntryResult, dir: string): SaveOutcome {
  if (result.outcome !== 'refuted' || result.counterexample.type !== 'property')
    return { saved: 'nothing', reason: 'no property counterexample' };
  const c = result.counterexample;
  if (c.origin !== 'generated' || !result.replay?.path)
    return { saved: 'nothing', reason: `the counterexample is ${c.origin === 'stored' ? 'already stored' : "the entry's own example"}` };
  const input = c.raw !== undefined ? c.raw : c.input;
  const file = join(dir, `${id}.json`);
  if (existsSync(file)) {
    try {
      const old = JSON.parse(readFileSync(file, 'utf8')) as { input?: unknown };
      if (sameInstance(old.input, input)) return { saved: 'unchanged', file };
    } catch {
      // an unreadable file is replaced
    }
  }
  const stored: StoredCounterexample = {
    id,
    provenance: { kind: 'generated', baseSeed: result.replay.baseSeed, seed: result.replay.seed, path: result.replay.path },
    input,
  };
  writeFileAtomic(file, storedCounterexampleText(stored));
  return { saved: 'written', file };
}
