/**
 * `mechcheck verify`: run the theorem catalogue (on a worker pool, one worker
 * per core by default) and report with any of the reporters (terminal, JSON,
 * Markdown, HTML, JUnit, GitHub annotations). Exit 0 when every outcome equals
 * its expectation, 1 otherwise, 2 on bad usage or when an output cannot be
 * written (checked before the run starts where possible).
 *
 * A run of a subset (`--only`, `--replay`, `--shard`, or stopped by `--bail`)
 * is a partial report: it goes to `<out>/partial/` and never replaces the
 * full report in `<out>`.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

import { defaultCatalogueUrl, inProcessExecutor, workerExecutor, type EntryDescriptor, type Executor } from '../../catalogue/pool.ts';
import { DEFAULT_SEED, selectEntries, type ResultRecord } from '../../catalogue/runner.ts';
import { estimatedDurations, parseShard, shardPositions, type Shard } from '../../catalogue/shard.ts';
import { packageVersion, userCounterexampleDir } from '../../catalogue/paths.ts';
import { saveCounterexample } from '../../catalogue/stored.ts';
import { InputError } from '../../core/errors.ts';
import { parseDecimal } from '../../core/numbers.ts';
import { commitOutputs } from '../../report/atomicWrite.ts';
import { buildReport, figuresOf, type ReportBundle } from '../../report/report.ts';
import {
  parseReporters,
  probeTargets,
  renderOutputs,
  resolveTargets,
  type OutputTargets,
  type ReporterSpec,
} from '../../report/reporters.ts';
import type { Command } from '../command.ts';
import { parse, resolvePath, type CliIO } from '../io.ts';
import { RunProgress, summaryText } from '../progress.ts';
import { sanitizeForTerminal, styleFor } from '../terminal.ts';

/** The largest `--runs` accepted (per entry). */
export const MAX_RUNS = 1_000_000;
/** The largest `--jobs` accepted. */
export const MAX_JOBS = 256;
/** The largest `--timeout` accepted, in seconds (a day). */
export const MAX_TIMEOUT_S = 86_400;

export const HELP = `usage: mechcheck verify [options]

Runs the theorem catalogue and reports each entry's outcome against its
expected verdict. Exit 0: every outcome as expected; 1: an unexpected result
or an error; 2: bad usage, or an output that cannot be written.

options:
  --only PATTERN       the entry whose id is PATTERN, else entries whose id contains PATTERN
                       (or matches it, with * wildcards)
  --seed N             base seed, 0 to 2147483647 (default ${DEFAULT_SEED}); each entry's seed
                       is derived from it and the entry's id
  --runs N             random runs per entry, 1 to ${MAX_RUNS} (default: each entry's own)
  --replay PATH        replay a counterexample by fast-check's path (digits separated by
                       ':'); needs --only to select one entry, and the --seed it was found with
  --shard K/N          run slice K of N of the catalogue (deterministic, balanced by
                       duration; same seeds as a full run); put slices together with
                       'mechcheck merge'
  --jobs N             entries run at the same time, 1 to ${MAX_JOBS} (default: one per core,
                       ${availableParallelism()} here); 1 runs them one after another in this process
  --timeout S          time budget per entry in seconds (up to ${MAX_TIMEOUT_S}); an entry over it is
                       stopped and recorded as an error, and the run goes on
  --bail               stop at the first unexpected result or error
  --reporter NAME[=PATH]  default | json | markdown | html | junit | github, several at once;
                       PATH '-' is standard output (default: default, json, markdown, html)
  --out DIR            report folder (default reports/); a partial run writes DIR/partial/
  --save-counterexamples  store each new counterexample found by the search in
                       ./fixtures/counterexamples/<id>.json (an unchanged one is left alone)
  --json               the report as JSON on standard output (same as --reporter json=-
                       with the other default reporters, but not the terminal one)
  -h, --help           this help

Reporters: json, markdown, html and junit write DIR/report.json, report.md,
report.html and junit.xml, replaced together with the figures (DIR/figures/);
github prints ::error annotations for GitHub Actions on standard output.

example:
  mechcheck verify --only seed001 --seed 7 --runs 500 --reporter default --reporter junit=reports/junit.xml`;

/** The options of a verify run, validated. */
export interface VerifyOptions {
  only?: string;
  seed: number;
  runs?: number;
  replay?: string;
  shard?: Shard;
  jobs: number;
  timeoutSeconds?: number;
  bail: boolean;
  reporters: ReporterSpec[];
  out: string;
  saveCounterexamples: boolean;
  help: boolean;
}

/** Parse and validate `verify`'s arguments (no file is touched). */
export function parseVerifyOptions(argv: string[]): VerifyOptions {
  const { values } = parse(
    argv,
    {
      only: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      out: { type: 'string' },
      replay: { type: 'string' },
      shard: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      bail: { type: 'boolean' },
      reporter: { type: 'string', multiple: true },
      'save-counterexamples': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.only !== undefined && values.only.trim() === '')
    throw new InputError('--only', 'must not be empty (to run everything, leave --only out)');
  if (values.out !== undefined && values.out.trim() === '') throw new InputError('--out', 'must not be empty (the default is reports/)');
  if (values.replay !== undefined && !/^\d{1,9}(:\d{1,9}){0,999}$/.test(values.replay))
    throw new InputError('--replay', `must be fast-check's path: digits separated by ':' (for example 4:0:1), got '${values.replay}'`);
  const seed = values.seed === undefined ? DEFAULT_SEED : parseDecimal(values.seed, '--seed', { integer: true, min: 0, max: 2 ** 31 - 1 });
  const runs = values.runs === undefined ? undefined : parseDecimal(values.runs, '--runs', { integer: true, min: 1, max: MAX_RUNS });
  const jobs =
    values.jobs === undefined ? availableParallelism() : parseDecimal(values.jobs, '--jobs', { integer: true, min: 1, max: MAX_JOBS });
  const timeoutSeconds =
    values.timeout === undefined ? undefined : parseDecimal(values.timeout, '--timeout', { min: 0.001, max: MAX_TIMEOUT_S });
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  let reporters = parseReporters(values.reporter);
  if (values.json) {
    if (values.reporter) throw new InputError('--json', 'cannot be combined with --reporter (use --reporter json=-)');
    reporters = [...reporters.filter((r) => r.name !== 'default'), { name: 'json', path: '-' }];
  }
  return {
    only: values.only,
    seed,
    runs,
    replay: values.replay,
    shard,
    jobs,
    timeoutSeconds,
    bail: values.bail ?? false,
    reporters,
    out: values.out ?? 'reports',
    saveCounterexamples: values['save-counterexamples'] ?? false,
    help: values.help ?? false,
  };
}

/** The positions of the catalogue that a run selects. */
export function selectPositions(
  entries: readonly Pick<EntryDescriptor, 'id'>[],
  o: Pick<VerifyOptions, 'only' | 'replay' | 'shard'>,
): number[] {
  let positions = entries.map((_, k) => k);
  if (o.only !== undefined) {
    const chosen = new Set(selectEntries(entries, o.only));
    positions = positions.filter((k) => chosen.has(entries[k]));
  }
  if (o.only !== undefined && positions.length === 0)
    throw new InputError('--only', `no catalogue entry matches '${o.only}' (see 'mechcheck list')`);
  if (o.replay !== undefined && positions.length !== 1)
    throw new InputError('--replay', `needs --only to select exactly one entry (${positions.length} selected)`);
  if (o.shard) {
    const slice = shardPositions(
      positions.map((k) => entries[k].id),
      o.shard,
    );
    positions = slice.map((j) => positions[j]);
  }
  return positions;
}

/** Run the entries of the catalogue at `positions`; results come back in catalogue order. */
async function runSelected(
  io: CliIO,
  executor: Executor,
  entries: EntryDescriptor[],
  positions: number[],
  o: VerifyOptions,
  terminal: boolean,
): Promise<{ results: ResultRecord[]; stoppedEarly: boolean; durationMs: number }> {
  const ids = positions.map((k) => entries[k].id);
  const estimates = estimatedDurations(ids);
  const slotOf = new Map(positions.map((p, slot) => [p, slot]));
  const progress = new RunProgress(io, ids, estimates, { seed: o.seed, runsOverride: o.runs ?? null }, { printResults: terminal });
  const bySlot = new Map<number, ResultRecord>();
  let stop = false;
  // longest first, so that the last entries to finish are short ones
  const order = positions.map((_, slot) => slot).sort((a, b) => estimates[b] - estimates[a] || a - b);
  const t0 = performance.now();
  if (terminal || io.stderrIsTTY) progress.start();
  try {
    await executor.run(
      order.map((slot) => positions[slot]),
      { seed: o.seed, runs: o.runs, path: o.replay, cwd: io.cwd },
      {
        onStart: (p) => progress.started(slotOf.get(p)!),
        onResult: (p, record) => {
          const slot = slotOf.get(p)!;
          bySlot.set(slot, record);
          if (o.saveCounterexamples) {
            const saved = saveCounterexample(record.id, record, userCounterexampleDir(io.cwd));
            if (saved.saved === 'written') io.err(`saved ${saved.file}\n`);
          }
          if (o.bail && !record.asExpected) stop = true;
          progress.finished(slot, record);
        },
      },
      () => stop,
    );
  } finally {
    progress.stop();
  }
  const durationMs = Math.round(performance.now() - t0);
  const results = positions.map((_, slot) => bySlot.get(slot)).filter((r): r is ResultRecord => r !== undefined);
  return { results, stoppedEarly: stop && results.length < positions.length, durationMs };
}

/** Write a report with its reporters: files first (together), then standard output, then the summary. */
export function emitReport(io: CliIO, targets: OutputTargets, bundle: ReportBundle, opts: { jobs?: number }): void {
  const rendered = renderOutputs(targets, bundle, io.cwd);
  commitOutputs({ sets: rendered.sets, files: rendered.files });
  if (rendered.stdout) io.out(rendered.stdout);
  if (targets.terminal) io.out(summaryText(bundle.report, styleFor(io, 'out'), { jobs: opts.jobs, wrote: rendered.written }));
}

export const command: Command = {
  async run(argv, io) {
    const o = parseVerifyOptions(argv);
    if (o.help) {
      io.out(HELP + '\n');
      return 0;
    }
    const partialByOptions = o.only !== undefined || o.replay !== undefined || o.shard !== undefined;
    const outDir = resolvePath(io, o.out);
    const targets = resolveTargets(o.reporters, partialByOptions ? join(outDir, 'partial') : outDir, io.cwd);
    // an output that cannot be written stops the run before it starts
    probeTargets(targets, '--out');

    const usePool = o.jobs > 1 || o.timeoutSeconds !== undefined;
    const executor = usePool
      ? workerExecutor(o.jobs, {
          catalogueUrl: defaultCatalogueUrl,
          timeoutMs: o.timeoutSeconds === undefined ? undefined : o.timeoutSeconds * 1000,
        })
      : inProcessExecutor();
    try {
      const entries = await executor.entries();
      const positions = selectPositions(entries, o);
      const terminal = targets.terminal;
      const jobs = Math.max(1, Math.min(executor.jobs, positions.length));
      if (terminal) {
        const scope = partialByOptions ? `${positions.length} of ${entries.length} entries` : `${entries.length} entries`;
        io.out(
          `mechcheck ${packageVersion()} verify: ${scope}, base seed ${o.seed}${o.runs ? `, runs ${o.runs}` : ''}${o.shard ? `, shard ${o.shard.index}/${o.shard.count}` : ''}, ${usePool ? `${jobs} worker${jobs === 1 ? '' : 's'}` : 'in process'}\n`,
        );
      }
      const run = await runSelected(io, executor, entries, positions, o, terminal);
      const report = buildReport(run.results, {
        version: packageVersion(),
        seed: o.seed,
        runs: o.runs ?? null,
        timeoutSeconds: o.timeoutSeconds ?? null,
        only: o.only ?? null,
        replay: o.replay ?? null,
        shard: o.shard ?? null,
        stoppedEarly: run.stoppedEarly,
        catalogueSize: entries.length,
        durationMs: run.durationMs,
      });
      // a run stopped by --bail is partial even when its options were not
      const finalTargets = report.partial && !partialByOptions ? resolveTargets(o.reporters, join(outDir, 'partial'), io.cwd) : targets;
      if (report.partial && !partialByOptions && finalTargets.setDir)
        io.err(styleFor(io, 'err').yellow(`${sanitizeForTerminal(`the run stopped early: its report goes to ${finalTargets.setDir}`)}\n`));
      emitReport(io, finalTargets, { report, figures: figuresOf(run.results) }, { jobs: usePool ? jobs : undefined });
      return report.summary.unexpected === 0 ? 0 : 1;
    } finally {
      await executor.close();
    }
  },
};
