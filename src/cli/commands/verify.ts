/**
 * `mechcheck verify [--only PATTERN] [--seed N] [--runs N] [--out DIR] [--replay PATH] [--save-counterexamples] [--json]`
 * Runs the catalogue, shows progress on stderr, writes DIR/report.json and
 * DIR/report.md atomically; exit 0 when every outcome equals its expectation,
 * 1 otherwise, 2 on bad usage.
 */
import { join } from 'node:path';

import { catalogue } from '../../../properties/index.ts';
import { DEFAULT_SEED, matchesPattern, runEntry, type ResultRecord } from '../../catalogue/runner.ts';
import { packageVersion, fixturesDir } from '../../catalogue/paths.ts';
import { InputError } from '../../core/errors.ts';
import { buildReport, writeReport } from '../../report/report.ts';
import { writeFileAtomic } from '../../report/atomicWrite.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, resolvePath } from '../io.ts';

const HELP = `usage: mechcheck verify [--only PATTERN] [--seed N] [--runs N] [--out DIR] [--replay PATH] [--save-counterexamples] [--json]
  --only PATTERN   entries whose id contains PATTERN (or matches it, with * wildcards)
  --seed N         base seed (default ${DEFAULT_SEED}); each entry's seed is derived from it and its id
  --runs N         random runs per entry (default: each entry's own)
  --out DIR        report directory (default reports/)
  --replay PATH    fast-check path of a counterexample to replay (with --only and --seed)
  --save-counterexamples  store each new counterexample in fixtures/counterexamples/<id>.json
  --json           print the report JSON on stdout`;

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        only: { type: 'string' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        out: { type: 'string' },
        replay: { type: 'string' },
        'save-counterexamples': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    const seed = numberOption(values.seed, 'seed', { integer: true, min: 0, max: 2 ** 31 - 1 }) ?? DEFAULT_SEED;
    const runs = numberOption(values.runs, 'runs', { integer: true, min: 1 });
    // reports go where the user is (the working directory), never into the install folder
    const out = resolvePath(io, values.out ?? 'reports');
    const selected = values.only ? catalogue.filter((e) => matchesPattern(e.id, values.only!)) : catalogue;
    if (selected.length === 0) throw new InputError('--only', `no catalogue entry matches '${values.only}' (see 'mechcheck list')`);
    if (values.replay && selected.length !== 1) throw new InputError('--replay', `needs --only to select exactly one entry (${selected.length} selected)`);

    const version = packageVersion();
    const t0 = performance.now();
    const results: ResultRecord[] = [];
    const width = String(selected.length).length;
    for (const [k, entry] of selected.entries()) {
      const r = await runEntry(entry, { seed, runs, path: values.replay });
      results.push(r);
      const mark = r.asExpected ? 'ok ' : r.outcome === 'error' ? 'ERR' : 'BAD';
      const entries = Object.entries(r.metrics).filter(([key]) => key !== 'instancesChecked');
      const keyMetric = (r.outcome === 'refuted' ? entries.find(([key]) => key.endsWith('AtCounterexample')) : undefined) ?? entries[0];
      io.err(
        `[${String(k + 1).padStart(width)}/${selected.length}] ${mark} ${entry.id}: ${r.outcome} (expected ${r.expected})` +
          (keyMetric ? `  ${keyMetric[0]}=${typeof keyMetric[1] === 'number' ? +keyMetric[1].toPrecision(6) : keyMetric[1]}` : '') +
          `  ${r.durationMs} ms\n`,
      );
      if (!r.asExpected) {
        if (r.outcome === 'error') io.err(`      error: ${r.error}\n`);
        if (r.outcome !== 'holds' && r.replay) io.err(`      replay: ${r.replay.command}\n`);
      }
      if (r.outcome === 'refuted' && r.replay && (!r.asExpected || values['save-counterexamples'])) {
        io.err(`      counterexample seed ${r.replay.seed}${r.replay.path ? `, path ${r.replay.path}` : ''}\n`);
      }
      if (values['save-counterexamples'] && r.outcome === 'refuted' && r.counterexample.type === 'property') {
        const c = r.counterexample;
        const input = 'raw' in c ? c.raw : c.input;
        if (input !== undefined) {
          writeFileAtomic(join(fixturesDir(), 'counterexamples', `${entry.id}.json`), JSON.stringify({ id: entry.id, seed: r.seed, path: r.replay?.path, input }, null, 1) + '\n');
        }
      }
    }
    const durationMs = Math.round(performance.now() - t0);
    const report = buildReport(results, { version, seed, runs: runs ?? null, only: values.only ?? null, durationMs });
    const files = writeReport(out, report, results);
    const s = report.summary;
    io.err(`\n${s.asExpected}/${s.total} as expected (${s.holds} hold, ${s.refuted} refuted, ${s.errors} errors) in ${(durationMs / 1000).toFixed(1)} s\nwrote ${files.slice(0, 2).join(', ')}${files.length > 2 ? ` and ${files.length - 2} more` : ''}\n`);
    if (values.json) printJson(io, report);
    return s.unexpected === 0 ? 0 : 1;
  },
};
