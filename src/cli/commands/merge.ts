/**
 * `mechcheck merge DIR...`: put the reports of `verify --shard K/N` runs (or
 * other partial runs of one version and seed) back together into one report,
 * rendered by the same reporters as a run: merged shards that cover the
 * catalogue give the report a single machine's run gives (timing aside).
 *
 * Each DIR is a shard's `--out` folder (its `partial/report.json` is read, or
 * `report.json`), or a report.json file. The figures listed in the results are
 * read from beside that report.json. The inputs are untrusted: every report is
 * checked field by field (exit 2 naming the file and field), and the merged
 * results go through the same escaping as a run's.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';

import { inProcessExecutor } from '../../catalogue/pool.ts';
import { packageVersion } from '../../catalogue/paths.ts';
import { InputError } from '../../core/errors.ts';
import { buildReport, type Report, type ReportedResult, type ShardSpec } from '../../report/report.ts';
import { parseReporters, probeTargets, resolveTargets } from '../../report/reporters.ts';
import type { Command } from '../command.ts';
import { parse, resolvePath, type CliIO } from '../io.ts';
import { resultLines } from '../progress.ts';
import { styleFor } from '../terminal.ts';
import { emitReport } from './verify.ts';

export const HELP = `usage: mechcheck merge DIR... [--out DIR] [--reporter NAME[=PATH]]...

Merges the reports of partial runs (usually 'mechcheck verify --shard K/N', one
per machine) into one report, with the same reporters as verify. Each DIR is a
shard's --out folder (its partial/report.json, or report.json) or a report.json
file. The reports must come from the same mechcheck version, base seed, runs and
timeout, and must not overlap; shards K/N must all be there. Merged reports that
cover the whole catalogue are written as the full report (DIR/report.*),
otherwise as a partial one (DIR/partial/). Exit 0 when every merged result is as
expected, 1 otherwise, 2 on bad input.

options:
  --out DIR            report folder (default reports/)
  --reporter NAME[=PATH]  default | json | markdown | html | junit | github, several at once;
                       PATH '-' is standard output (default: default, json, markdown, html)
  -h, --help           this help

example:
  mechcheck merge shard-1 shard-2 shard-3 --reporter default --reporter html --reporter junit=reports/junit.xml`;

/** The JSON Schema a shard's report.json must meet (what merging reads from it). */
const REPORT_SCHEMA = {
  type: 'object',
  required: ['tool', 'version', 'seed', 'runsOverride', 'results', 'summary'],
  properties: {
    tool: { const: 'mechcheck' },
    version: { type: 'string', maxLength: 100 },
    generatedAt: { type: 'string', maxLength: 100 },
    seed: { type: 'integer', minimum: 0, maximum: 2147483647 },
    runsOverride: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }] },
    timeoutSeconds: { anyOf: [{ type: 'null' }, { type: 'number', exclusiveMinimum: 0 }] },
    only: { anyOf: [{ type: 'null' }, { type: 'string' }] },
    replay: { anyOf: [{ type: 'null' }, { type: 'string' }] },
    shard: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['index', 'count'],
          properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } },
        },
      ],
    },
    stoppedEarly: { type: 'boolean' },
    catalogueSize: { type: 'integer', minimum: 0 },
    summary: { type: 'object', required: ['durationMs'], properties: { durationMs: { type: 'number', minimum: 0 } } },
    results: {
      type: 'array',
      maxItems: 100000,
      items: {
        type: 'object',
        required: [
          'id',
          'title',
          'source',
          'kind',
          'hypotheses',
          'conclusion',
          'expected',
          'outcome',
          'runs',
          'metrics',
          'asExpected',
          'seed',
          'durationMs',
        ],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 300 },
          title: { type: 'string' },
          source: {
            type: 'object',
            required: ['seed', 'ref'],
            properties: { seed: { type: 'string' }, ref: { type: 'string' }, section: { type: 'string' } },
          },
          kind: { type: 'string', maxLength: 100 },
          hypotheses: { type: 'array', items: { type: 'string' } },
          scope: { type: 'array', items: { type: 'string' } },
          conclusion: { type: 'string' },
          expected: { enum: ['holds', 'refuted'] },
          outcome: { enum: ['holds', 'refuted', 'error'] },
          refutation: { enum: ['relaxation', 'erratum', 'example'] },
          correctedBy: { type: 'string' },
          runs: { type: 'integer', minimum: 0 },
          metrics: { type: 'object', additionalProperties: { type: ['number', 'string', 'boolean', 'null'] } },
          asExpected: { type: 'boolean' },
          seed: { type: 'integer' },
          durationMs: { type: 'number', minimum: 0 },
          error: { type: 'string' },
          artifacts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', pattern: '^figures/[A-Za-z0-9._-]+\\.svg$' }, description: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

interface Input {
  label: string;
  dir: string;
  report: Report;
}

function readInput(io: CliIO, arg: string, validate: (x: unknown) => boolean, errors: () => string): Input {
  const p = resolvePath(io, arg);
  let file = p;
  if (existsSync(p) && statSync(p).isDirectory()) {
    file = [join(p, 'partial', 'report.json'), join(p, 'report.json')].find((f) => existsSync(f)) ?? join(p, 'report.json');
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(arg, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(arg, `${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!validate(json)) throw new InputError(arg, `${file} is not a mechcheck report: ${errors()}`);
  return { label: arg, dir: dirname(file), report: json as Report };
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { out: { type: 'string' }, reporter: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
      true,
    );
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length === 0) throw new InputError('DIR', 'give at least one report folder or report.json to merge');
    if (values.out !== undefined && values.out.trim() === '') throw new InputError('--out', 'must not be empty (the default is reports/)');
    const reporters = parseReporters(values.reporter);
    const ajv = new Ajv({ allErrors: false, strict: false });
    const validate = ajv.compile(REPORT_SCHEMA);
    const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath || '(top)'} ${e.message}`).join('; ');
    const inputs = positionals.map((a) => readInput(io, a, validate, errors));

    // one run's settings
    const first = inputs[0].report;
    for (const input of inputs) {
      const r = input.report;
      for (const key of ['version', 'seed', 'runsOverride', 'timeoutSeconds'] as const) {
        if ((r[key] ?? null) !== (first[key] ?? null))
          throw new InputError(
            input.label,
            `${key} is ${JSON.stringify(r[key] ?? null)}, but ${inputs[0].label} has ${JSON.stringify(first[key] ?? null)}: only reports of one run's settings can be merged`,
          );
      }
    }
    const shards = inputs.map((i) => i.report.shard ?? null);
    if (shards.some((s) => s !== null)) {
      if (shards.some((s) => s === null)) throw new InputError('DIR', 'mixes shard reports with other reports');
      const count = shards[0]!.count;
      if (shards.some((s) => s!.count !== count))
        throw new InputError('DIR', `shards of different counts: ${shards.map((s) => `${s!.index}/${s!.count}`).join(', ')}`);
      const seen = new Set(shards.map((s) => s!.index));
      if (seen.size !== shards.length)
        throw new InputError('DIR', `a shard is given twice: ${shards.map((s) => `${s!.index}/${s!.count}`).join(', ')}`);
      const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
      if (missing.length)
        throw new InputError('DIR', `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')}`);
    }
    const only = [...new Set(inputs.map((i) => i.report.only ?? null))];
    const replay = [...new Set(inputs.map((i) => i.report.replay ?? null))];
    if (only.length > 1)
      throw new InputError('DIR', `the reports were run with different --only patterns (${only.map((x) => JSON.stringify(x)).join(', ')})`);

    // results in catalogue order; ids this version does not know come last, in input order
    const catalogue = await inProcessExecutor().entries();
    const position = new Map(catalogue.map((e, k) => [e.id, k]));
    const byId = new Map<string, { result: ReportedResult; input: Input }>();
    for (const input of inputs) {
      for (const r of input.report.results) {
        if (byId.has(r.id))
          throw new InputError(input.label, `entry ${r.id} is also in ${byId.get(r.id)!.input.label}: the reports overlap`);
        byId.set(r.id, { result: r, input });
      }
    }
    const merged = [...byId.values()].sort((a, b) => (position.get(a.result.id) ?? Infinity) - (position.get(b.result.id) ?? Infinity));
    const figures = new Map<string, string>();
    for (const { result, input } of merged) {
      for (const a of result.artifacts ?? []) {
        const f = resolve(input.dir, a.file);
        try {
          figures.set(a.file, readFileSync(f, 'utf8'));
        } catch (e) {
          throw new InputError(
            input.label,
            `figure ${a.file} of ${result.id} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
          );
        }
      }
    }
    const report = buildReport(
      merged.map((m) => m.result),
      {
        version: first.version,
        seed: first.seed,
        runs: first.runsOverride,
        timeoutSeconds: first.timeoutSeconds ?? null,
        only: only[0],
        replay: replay.length === 1 ? replay[0] : null,
        shard: null as ShardSpec | null,
        stoppedEarly: inputs.some((i) => i.report.stoppedEarly),
        catalogueSize: first.catalogueSize ?? catalogue.length,
        // timing: the sweep took as long as its slowest part
        durationMs: Math.max(...inputs.map((i) => i.report.summary.durationMs)),
      },
    );
    if (first.version !== packageVersion())
      io.err(`mechcheck merge: note: the reports were made by mechcheck ${first.version}, this is ${packageVersion()}\n`);
    const outDir = resolvePath(io, values.out ?? 'reports');
    const targets = resolveTargets(reporters, report.partial ? join(outDir, 'partial') : outDir, io.cwd);
    probeTargets(targets, '--out');
    if (targets.terminal) {
      const style = styleFor(io, 'out');
      io.out(
        `mechcheck ${packageVersion()} merge: ${inputs.length} report${inputs.length === 1 ? '' : 's'}, ${report.results.length} entries, base seed ${report.seed}\n`,
      );
      report.results.forEach((r, k) => io.out(resultLines(r, k, report.results.length, report, style)));
    }
    emitReport(io, targets, { report, figures }, {});
    return report.summary.unexpected === 0 ? 0 : 1;
  },
};
