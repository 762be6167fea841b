/**
 * `npm run sweep -- --runs 300 --seeds 1..20 [--only PATTERN] [--out DIR] [--no-stored] [--summary-only]`
 *
 * Runs the catalogue once per base seed (as `mechcheck verify --seed S --runs N`
 * would) and records, for every entry and seed, the outcome, whether it is the
 * expected one, the evidence and the CPU time of the entry. Results go to
 * `DIR/seed-<S>.jsonl` (one line per entry, appended as it finishes, so an
 * interrupted sweep resumes where it stopped) and a summary to
 * `DIR/sweep.md` and `DIR/sweep.json` (default DIR: reports/sweep under the
 * working directory). Several sweeps over disjoint seed ranges may share DIR
 * (for example one per core); each writes the summary of everything in DIR.
 *
 * `--no-stored` skips the stored counterexamples (fixtures/counterexamples), so
 * that every refuted entry must be refuted by its search at every seed.
 * Exit 0 when every recorded result is as expected, 1 otherwise.
 *
 * A benchmark, not a test: its CPU times depend on the machine.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { catalogue } from '../../properties/index.ts';
import { runEntry, selectEntries } from '../catalogue/runner.ts';
import type { Evidence, Outcome, Verdict } from '../catalogue/types.ts';
import { writeFilesAtomically } from '../report/atomicWrite.ts';

/** One entry at one seed. */
export interface SweepRecord {
  seed: number;
  runs: number;
  id: string;
  expected: Verdict;
  outcome: Outcome;
  asExpected: boolean;
  /** CPU seconds of the process while the entry ran (all threads) */
  cpu: number;
  evidence: Evidence;
  origin?: string;
  error?: string;
  replay?: string;
}

/** Parse `1..20`, `3`, or `1,5,9..12` into a list of seeds. */
export function parseSeeds(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:\.\.\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`--seeds: '${part}' is not a seed or a range a..b`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (b < a || b - a > 10_000) throw new Error(`--seeds: bad range '${part}'`);
    for (let s = a; s <= b; s++) seeds.push(s);
  }
  return seeds;
}

function readRecords(dir: string): SweepRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^seed-\d+\.jsonl$/.test(f))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as SweepRecord),
    );
}

const fmtS = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2));

/** The summary: per seed, per entry (as expected across seeds, CPU), and every unexpected result. */
export function summarize(records: SweepRecord[]): { markdown: string; json: unknown } {
  const seeds = [...new Set(records.map((r) => r.seed))].sort((a, b) => a - b);
  const runs = [...new Set(records.map((r) => r.runs))];
  const ids = catalogue.map((e) => e.id).filter((id) => records.some((r) => r.id === id));
  const bySeed = seeds.map((seed) => {
    const rs = records.filter((r) => r.seed === seed);
    return { seed, entries: rs.length, asExpected: rs.filter((r) => r.asExpected).length, cpu: rs.reduce((a, r) => a + r.cpu, 0) };
  });
  const byEntry = ids.map((id) => {
    const rs = records.filter((r) => r.id === id);
    const cpus = rs.map((r) => r.cpu);
    return {
      id,
      expected: rs[0].expected,
      seeds: rs.length,
      asExpected: rs.filter((r) => r.asExpected).length,
      meanCpu: cpus.reduce((a, b) => a + b, 0) / cpus.length,
      maxCpu: Math.max(...cpus),
      meanChecked: rs.reduce((a, r) => a + r.evidence.checked, 0) / rs.length,
      storedRefutations: rs.filter((r) => r.origin === 'stored').length,
    };
  });
  const unexpected = records.filter((r) => !r.asExpected).sort((a, b) => a.seed - b.seed || ids.indexOf(a.id) - ids.indexOf(b.id));
  const total = records.length;
  const ok = records.filter((r) => r.asExpected).length;
  const lines: string[] = [];
  lines.push('# Catalogue sweep', '');
  lines.push(
    `Runs per entry: ${runs.join(', ')}; seeds: ${seeds.join(', ')}. **${ok}/${total} results as expected.** CPU seconds per entry (the process, all threads).`,
    '',
  );
  lines.push('| seed | entries | as expected | CPU s |', '| --- | --- | --- | --- |');
  for (const s of bySeed) lines.push(`| ${s.seed} | ${s.entries} | ${s.asExpected} | ${fmtS(s.cpu)} |`);
  lines.push('');
  if (unexpected.length) {
    lines.push('## Unexpected results', '', '| seed | id | expected | outcome | error | replay |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of unexpected)
      lines.push(
        `| ${r.seed} | ${r.id} | ${r.expected} | ${r.outcome} | ${(r.error ?? '').replace(/\|/g, '\\|').slice(0, 300)} | ${r.replay ? `\`${r.replay}\`` : ''} |`,
      );
    lines.push('');
  }
  lines.push(
    '## Entries',
    '',
    '| id | expected | as expected / seeds | mean checked | refuted by a stored instance | mean CPU s | max CPU s |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const e of byEntry)
    lines.push(
      `| ${e.id} | ${e.expected} | ${e.asExpected}/${e.seeds} | ${e.meanChecked.toFixed(0)} | ${e.storedRefutations} | ${fmtS(e.meanCpu)} | ${fmtS(e.maxCpu)} |`,
    );
  return { markdown: lines.join('\n') + '\n', json: { runs, seeds, total, asExpected: ok, bySeed, byEntry, unexpected } };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '300' },
      seeds: { type: 'string', default: '1..20' },
      only: { type: 'string' },
      out: { type: 'string', default: 'reports/sweep' },
      'no-stored': { type: 'boolean' },
      'summary-only': { type: 'boolean' },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs: '${values.runs}' is not a positive integer`);
  const seeds = parseSeeds(values.seeds);
  const out = resolve(process.cwd(), values.out);
  mkdirSync(out, { recursive: true });
  const entries = values.only ? selectEntries(catalogue, values.only) : catalogue;
  if (!values['summary-only']) {
    const done = readRecords(out);
    for (const seed of seeds) {
      const file = join(out, `seed-${seed}.jsonl`);
      for (const entry of entries) {
        if (done.some((r) => r.seed === seed && r.runs === runs && r.id === entry.id)) continue;
        const c0 = process.cpuUsage();
        const r = await runEntry(entry, { seed, runs, cwd: process.cwd(), ...(values['no-stored'] ? { counterexampleDirs: [] } : {}) });
        const c = process.cpuUsage(c0);
        const rec: SweepRecord = {
          seed,
          runs,
          id: entry.id,
          expected: entry.expected,
          outcome: r.outcome,
          asExpected: r.asExpected,
          cpu: +((c.user + c.system) / 1e6).toFixed(3),
          evidence: r.evidence,
          ...(r.outcome !== 'holds' && r.counterexample?.type === 'property' ? { origin: r.counterexample.origin } : {}),
          ...(r.outcome === 'error' ? { error: r.error } : {}),
          ...(r.outcome !== 'holds' && r.replay ? { replay: r.replay.command } : {}),
        };
        appendFileSync(file, JSON.stringify(rec) + '\n');
        process.stderr.write(
          `seed ${seed} ${rec.asExpected ? 'ok ' : 'BAD'} ${entry.id}: ${rec.outcome} (expected ${rec.expected}) ${fmtS(rec.cpu)} s CPU${rec.error ? `\n      ${rec.error}` : ''}\n`,
        );
      }
    }
  }
  const records = readRecords(out).filter((r) => r.runs === runs);
  const { markdown, json } = summarize(records);
  writeFilesAtomically([
    { file: join(out, 'sweep.md'), content: markdown },
    { file: join(out, 'sweep.json'), content: JSON.stringify(json, null, 1) + '\n' },
  ]);
  process.stderr.write(`wrote ${join(out, 'sweep.md')}\n`);
  return records.every((r) => r.asExpected) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`sweep: ${e.message}\n`);
      process.exit(2);
    },
  );
}
