/**
 * The verification report: one record per catalogue entry run, with the run's
 * settings and a summary (overall, by paper, by kind). Every reporter
 * (terminal, JSON, Markdown, HTML, JUnit, GitHub annotations) renders this one
 * structure, so a report merged from shards (`mechcheck merge`) renders
 * exactly as a single run's does.
 *
 * A report of a subset of the catalogue (`--only`, `--replay`, `--shard`, a
 * run stopped by `--bail`, or a merge that does not cover the catalogue) is
 * *partial*: it is written to `<out>/partial/`, never over the full report,
 * and says so in its header.
 */
import type { ResultRecord } from '../catalogue/runner.ts';
import type { RefutationKind } from '../catalogue/types.ts';

/** Counts of one group of results (all, one paper, one kind). */
export interface Counts {
  total: number;
  asExpected: number;
  unexpected: number;
  errors: number;
  holds: number;
  refuted: number;
}

/** Which part of the catalogue a run covered. */
export interface ShardSpec {
  /** 1-based */
  index: number;
  count: number;
}

export interface Report {
  tool: 'mechcheck';
  version: string;
  /** timing: when the report was made */
  generatedAt: string;
  /** the base seed (each entry's seed is derived from it and the entry's id) */
  seed: number;
  runsOverride: number | null;
  /** the per-entry time budget (`--timeout`), in seconds */
  timeoutSeconds: number | null;
  only: string | null;
  replay: string | null;
  shard: ShardSpec | null;
  /** the run stopped at its first unexpected result (`--bail`) */
  stoppedEarly: boolean;
  /** the number of entries in the catalogue the run was taken from */
  catalogueSize: number;
  /** a subset of the catalogue: written to `<out>/partial/`, never over the full report */
  partial: boolean;
  summary: Counts & {
    /** refuted results by what the refutation means (relaxation, erratum of the paper, example) */
    refutedBy: Record<RefutationKind, number>;
    /** timing: the run's wall time */
    durationMs: number;
    /**
     * LP answers behind the results, summed over entries: solves, disagreements between backends
     * settled by a certificate (a verified point, Farkas ray or dual bound), and answers no
     * certificate could settle (each one an error of its entry).
     */
    lp: { solves: number; disagreementsResolved: number; unresolved: number };
    byPaper: Record<string, Counts>;
    byKind: Record<string, Counts>;
  };
  results: ReportedResult[];
}

/** A result as report.json stores it: artifacts by file name (their content is written beside the report). */
export type ReportedResult = ResultRecord extends infer R
  ? R extends unknown
    ? Omit<R, 'artifacts'> & { artifacts?: Array<{ file: string; description?: string }> }
    : never
  : never;

/** The run's settings, as `buildReport` records them. */
export interface RunSettings {
  version: string;
  seed: number;
  runs: number | null;
  timeoutSeconds?: number | null;
  only?: string | null;
  replay?: string | null;
  shard?: ShardSpec | null;
  stoppedEarly?: boolean;
  catalogueSize: number;
  durationMs: number;
  generatedAt?: string;
}

/** The paper an entry belongs to: the first component of its id (`seed001`, `foundation`). */
export function paperOf(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

/** Counts of a list of results. */
export function countResults(results: ReadonlyArray<{ asExpected: boolean; outcome: string }>): Counts {
  return {
    total: results.length,
    asExpected: results.filter((r) => r.asExpected).length,
    unexpected: results.filter((r) => !r.asExpected).length,
    errors: results.filter((r) => r.outcome === 'error').length,
    holds: results.filter((r) => r.outcome === 'holds').length,
    refuted: results.filter((r) => r.outcome === 'refuted').length,
  };
}

function groupCounts(results: ReportedResult[], key: (r: ReportedResult) => string): Record<string, Counts> {
  const groups = new Map<string, ReportedResult[]>();
  for (const r of results) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  return Object.fromEntries([...groups].map(([k, rs]) => [k, countResults(rs)]));
}

/** A result without its artifacts' content (report.json keeps their file names). */
export function toReported(r: ResultRecord | ReportedResult): ReportedResult {
  return {
    ...r,
    artifacts: r.artifacts?.map((a) => ({ file: a.file, ...(a.description !== undefined ? { description: a.description } : {}) })),
  };
}

/** Build the report of a run from its results, in catalogue order. */
export function buildReport(results: ReadonlyArray<ResultRecord | ReportedResult>, meta: RunSettings): Report {
  const reported = results.map(toReported);
  const shard = meta.shard ?? null;
  const stoppedEarly = meta.stoppedEarly ?? false;
  const partial = Boolean(meta.only) || Boolean(meta.replay) || shard !== null || stoppedEarly || reported.length !== meta.catalogueSize;
  return {
    tool: 'mechcheck',
    version: meta.version,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    seed: meta.seed,
    runsOverride: meta.runs,
    timeoutSeconds: meta.timeoutSeconds ?? null,
    only: meta.only ?? null,
    replay: meta.replay ?? null,
    shard,
    stoppedEarly,
    catalogueSize: meta.catalogueSize,
    partial,
    summary: {
      ...countResults(reported),
      refutedBy: {
        relaxation: reported.filter((r) => r.outcome === 'refuted' && r.refutation === 'relaxation').length,
        erratum: reported.filter((r) => r.outcome === 'refuted' && r.refutation === 'erratum').length,
        example: reported.filter((r) => r.outcome === 'refuted' && r.refutation === 'example').length,
      },
      durationMs: meta.durationMs,
      lp: {
        solves: sum(reported, (r) => r.lp?.solves ?? 0),
        disagreementsResolved: sum(reported, (r) => r.lp?.disagreementsResolved ?? 0),
        unresolved: sum(reported, (r) => r.lp?.unresolved ?? 0),
      },
      byPaper: groupCounts(reported, (r) => paperOf(r.id)),
      byKind: groupCounts(reported, (r) => r.kind),
    },
    results: reported,
  };
}

/** A report with the figures its entries produced (file name relative to the report folder -> SVG text). */
export interface ReportBundle {
  report: Report;
  figures: Map<string, string>;
}

/** The figures of a run's results, by file name. */
export function figuresOf(results: ReadonlyArray<ResultRecord>): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of results) for (const a of r.artifacts ?? []) m.set(a.file, a.content);
  return m;
}

/** The command that replays an entry's result: its own replay command when it has one, else the entry with the run's seed (and runs). */
export function replayCommandFor(r: ReportedResult, report: Pick<Report, 'seed' | 'runsOverride'>): string {
  if ('replay' in r && r.replay?.command) return r.replay.command;
  return `npx mechcheck verify --only ${shellQuote(r.id)} --seed ${report.seed}${report.runsOverride ? ` --runs ${report.runsOverride}` : ''}`;
}

/** Quote a word for a POSIX shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9._\-/:=@%+]+$/.test(s) ? `'${s}'` : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The metrics worth showing first: at the counterexample for a refutation, then the others (without the instance count). */
export function keyMetrics(r: ReportedResult, max = 4): Array<[string, unknown]> {
  const all = Object.entries(r.metrics).filter(([k]) => k !== 'instancesChecked');
  const atCex = r.outcome === 'refuted' ? all.filter(([k]) => k.endsWith('AtCounterexample')) : [];
  return [...atCex, ...all.filter((m) => !atCex.includes(m))].slice(0, max);
}

/** A short description of the run's scope for a report's header ("the full catalogue", "a partial run: only ..."). */
export function scopeLine(rep: Report): string {
  if (!rep.partial) return `the full catalogue (${rep.catalogueSize} entries)`;
  const why: string[] = [];
  if (rep.only) why.push(`--only ${rep.only}`);
  if (rep.replay) why.push(`--replay ${rep.replay}`);
  if (rep.shard) why.push(`shard ${rep.shard.index}/${rep.shard.count}`);
  if (rep.stoppedEarly) why.push('stopped at the first unexpected result (--bail)');
  if (why.length === 0) why.push('a subset');
  return `a PARTIAL run: ${rep.summary.total} of ${rep.catalogueSize} entries (${why.join(', ')}); it is kept apart from the full report and does not replace it`;
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  return xs.reduce((a, x) => a + f(x), 0);
}
