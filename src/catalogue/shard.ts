/**
 * `verify --shard K/N`: a deterministic, duration-balanced slice of the
 * catalogue, so that N machines share a sweep and `mechcheck merge` puts it
 * back together. Each entry's seed depends only on the base seed and its id,
 * so an entry gives the same result in any shard as in a full run.
 *
 * Balancing: entries are dealt longest first (by their recorded duration in
 * durations.json; an entry not listed counts as the median) to the slice with
 * the least total so far, ties to the lower slice (the LPT rule); a slice
 * keeps catalogue order. The same durations order the work of the worker
 * pool (longest first) and estimate the time left.
 *
 * Regenerate durations.json after a full default run:
 * `npx tsx src/catalogue/shard.ts reports/report.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.ts';

/** K/N, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** The largest N accepted by --shard. */
export const MAX_SHARDS = 1000;

/** Parse `K/N` (decimal digits, 1 <= K <= N <= MAX_SHARDS); the error names `--shard`. */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) throw new InputError('--shard', `must be K/N with 1 <= K <= N (for example 2/3), got '${text}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new InputError('--shard', `N must be between 1 and ${MAX_SHARDS}, got ${count}`);
  if (index < 1 || index > count) throw new InputError('--shard', `K must be between 1 and N = ${count}, got ${index}`);
  return { index, count };
}

const DURATIONS_FILE = new URL('./durations.json', import.meta.url);
let table: Record<string, number> | undefined;

/** Recorded durations (ms) by entry id. */
export function recordedDurations(): Record<string, number> {
  if (!table) {
    try {
      table = (JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) as { durations: Record<string, number> }).durations;
    } catch {
      table = {};
    }
  }
  return table;
}

/** The estimated duration (ms) of each id: its recorded one, else the median of the recorded ones (else 100 ms). */
export function estimatedDurations(ids: readonly string[], recorded: Record<string, number> = recordedDurations()): number[] {
  const known = Object.values(recorded).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor(known.length / 2)] : 100;
  return ids.map((id) => (Number.isFinite(recorded[id]) && recorded[id] > 0 ? recorded[id] : median));
}

/**
 * The positions (into `ids`) of slice `shard.index` of `shard.count`, in
 * catalogue order. Every position is in exactly one slice.
 */
export function shardPositions(ids: readonly string[], shard: Shard, recorded?: Record<string, number>): number[] {
  const weight = estimatedDurations(ids, recorded);
  const order = ids.map((_, k) => k).sort((a, b) => weight[b] - weight[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const load = new Array<number>(shard.count).fill(0);
  const owner = new Array<number>(ids.length);
  for (const k of order) {
    let best = 0;
    for (let s = 1; s < shard.count; s++) if (load[s] < load[best]) best = s;
    owner[k] = best;
    load[best] += weight[k];
  }
  return ids.map((_, k) => k).filter((k) => owner[k] === shard.index - 1);
}

/** The durations of a report's results, as durations.json stores them. */
export function durationsFromReport(report: { results: Array<{ id: string; durationMs: number }> }): Record<string, number> {
  return Object.fromEntries(report.results.map((r) => [r.id, Math.max(1, Math.round(r.durationMs))]));
}

// `npx tsx src/catalogue/shard.ts reports/report.json` rewrites durations.json from a full default run's report
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npx tsx src/catalogue/shard.ts REPORT.json\n');
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    partial?: boolean;
    runsOverride?: number | null;
    results: Array<{ id: string; durationMs: number }>;
  };
  if (report.partial || report.runsOverride) {
    process.stderr.write('shard.ts: give the report of a full run on the default runs\n');
    process.exit(2);
  }
  const path = fileURLToPath(DURATIONS_FILE);
  const old = JSON.parse(readFileSync(path, 'utf8')) as { note: string };
  writeFileSync(path, JSON.stringify({ note: old.note, durations: durationsFromReport(report) }, null, 1) + '\n');
  process.stderr.write(`wrote ${path}\n`);
}
