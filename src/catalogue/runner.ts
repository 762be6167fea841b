/**
 * Running catalogue entries: per-entry seeds derived from a base seed and the
 * entry id (so `--only` reproduces exactly what a full run did), timing, and
 * errors turned into an `error` outcome instead of a crash.
 */
import { certificateLogSince, markCertificateLog, type CertificateLog } from '../solvers/lp/certificateLog.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { seedName } from './manifest.ts';
import { counterexampleDirs } from './paths.ts';
import { entryMeta, type CatalogueEntry, type EntryMeta, type EntryResult, type RunContext } from './types.ts';

/** The embedded default seed of `mechcheck verify`. */
export const DEFAULT_SEED = 20261124;

/** FNV-1a hash of the id mixed with the base seed, as a 31-bit integer. */
export function entrySeed(baseSeed: number, id: string): number {
  let h = 0x811c9dc5 ^ (baseSeed >>> 0);
  for (let k = 0; k < id.length; k++) {
    h ^= id.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

export interface RunOptions {
  seed?: number;
  /** overrides every entry's default number of runs */
  runs?: number;
  tolerance?: number;
  /** fast-check path to replay (generation only, at that path) */
  path?: string;
  /** the user's working directory: its fixtures/counterexamples are replayed too (besides the package's) */
  cwd?: string;
  /** the folders of stored counterexamples to replay (default: the package's and the user's, see paths.ts); [] replays none */
  counterexampleDirs?: string[];
}

/** What the runner records for one entry: its metadata, its result, and how the run went. */
export type ResultRecord = EntryResult &
  EntryMeta & {
    asExpected: boolean;
    seed: number;
    durationMs: number;
    /**
     * How the LP answers this entry rested on were certified (src/solvers/lp/certificateLog.ts):
     * solves by resolution, disagreements between backends settled by a certificate, and answers
     * nothing could certify. Absent when the entry solved no LP.
     */
    lp?: CertificateLog;
  };

export function contextFor(entry: CatalogueEntry, opts: RunOptions): RunContext {
  return {
    seed: entrySeed(opts.seed ?? DEFAULT_SEED, seedName(entry)),
    baseSeed: opts.seed ?? DEFAULT_SEED,
    runs: opts.runs ?? entry.runs ?? 100,
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
    path: opts.path,
    counterexampleDirs: opts.counterexampleDirs ?? counterexampleDirs(opts.cwd),
    ...(entry.aliases?.length ? { aliases: entry.aliases } : {}),
  };
}

export async function runEntry(entry: CatalogueEntry, opts: RunOptions = {}): Promise<ResultRecord> {
  const ctx = contextFor(entry, opts);
  const t0 = performance.now();
  const lpMark = markCertificateLog();
  let res: EntryResult;
  try {
    res = await entry.run(ctx);
  } catch (e) {
    res = {
      outcome: 'error',
      runs: 0,
      metrics: {},
      evidence: { generated: 0, checked: 0, replayed: 0 },
      error: `${(e as Error).name}: ${(e as Error).message}`,
    };
  }
  const durationMs = Math.round(performance.now() - t0);
  const lp = certificateLogSince(lpMark);
  return {
    ...entryMeta(entry),
    ...res,
    asExpected: res.outcome === entry.expected,
    seed: ctx.seed,
    durationMs,
    ...(lp.solves > 0 ? { lp } : {}),
  };
}

export async function runMutant(entry: CatalogueEntry, opts: RunOptions = {}): Promise<EntryResult | null> {
  if (!entry.mutant) return null;
  const ctx = contextFor(entry, opts);
  try {
    return await entry.mutant.run(ctx);
  } catch (e) {
    return { outcome: 'error', runs: 0, metrics: {}, evidence: { generated: 0, checked: 0, replayed: 0 }, error: (e as Error).message };
  }
}

/**
 * The entries `--only PATTERN` selects: the entry whose id (or one of its
 * aliases, the ids it had before) is exactly PATTERN when there is one (so a printed replay command selects one entry even when
 * other ids extend it, e.g. `seed002.proposition3` and
 * `seed002.proposition3.withoutMonotonicity`); otherwise every entry matching
 * it (`matchesPattern`).
 */
export function selectEntries<E extends { id: string; aliases?: string[] }>(entries: readonly E[], pattern: string): E[] {
  const exact = entries.filter((e) => e.id === pattern || (e.aliases ?? []).includes(pattern));
  return exact.length > 0 ? exact : entries.filter((e) => matchesPattern(e.id, pattern));
}

/** Glob-like filter: `*` matches any run of characters; otherwise a substring match. */
export function matchesPattern(id: string, pattern: string): boolean {
  if (!pattern.includes('*')) return id.includes(pattern);
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return re.test(id);
}
