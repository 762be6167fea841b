/**
 * The short summary of a Stryker run (`npm run mutation`): mutation scores per
 * folder and per file, from Stryker's JSON report (mutation-testing-report-schema),
 * written to reports/mutation/summary.md (committed; the HTML and JSON reports are
 * git-ignored).
 *
 * Score = detected / valid, as Stryker computes it: detected = Killed + Timeout,
 * valid = detected + Survived + NoCoverage (Ignored, CompileError and
 * RuntimeError mutants are not counted).
 *
 * Usage: node --import tsx src/bench/mutationSummary.ts [report.json ...] > summary
 * (default reports/mutation/mutation.json; with several reports, a file's
 * later entry replaces its earlier one, so folder-by-folder runs can be merged).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A mutant as Stryker's JSON report stores it (the fields read here). */
export interface ReportedMutant {
  status: string;
  mutatorName?: string;
}

/** Stryker's JSON report, reduced to what the summary reads: the mutants of each file. */
export interface MutationReport {
  files: Record<string, { mutants: ReportedMutant[] }>;
}

/** A folder (or file set) with its goal, the score it must reach. */
export interface MutationGroup {
  name: string;
  goal: number;
  matches: (file: string) => boolean;
}

/** The groups of issue 12, item 6: 90% on src/concepts and the LP certification, 80% on the rest. */
export const MUTATION_GROUPS: readonly MutationGroup[] = [
  { name: 'src/concepts', goal: 90, matches: (f) => f.startsWith('src/concepts/') },
  {
    name: 'LP certification (src/solvers/lp/certify*.ts, solve.ts)',
    goal: 90,
    matches: (f) => /^src\/solvers\/lp\/(certify[^/]*|solve)\.ts$/.test(f),
  },
  { name: 'src/solvers (the rest)', goal: 80, matches: (f) => f.startsWith('src/solvers/') },
  { name: 'src/core', goal: 80, matches: (f) => f.startsWith('src/core/') },
  { name: 'src/check', goal: 80, matches: (f) => f.startsWith('src/check/') },
  { name: 'src/catalogue', goal: 80, matches: (f) => f.startsWith('src/catalogue/') },
];

/** Counts of mutants by outcome, and the score. */
export interface MutationCounts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Ignored, CompileError, RuntimeError (not in the score) */
  excluded: number;
  /** detected / valid in percent; null when nothing valid was tested */
  score: number | null;
}

/** Count a list of mutants by outcome and compute the score. */
export function countMutants(mutants: readonly ReportedMutant[]): MutationCounts {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, excluded: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else c.excluded++;
  }
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return { ...c, score: valid === 0 ? null : (100 * (c.killed + c.timeout)) / valid };
}

/** Merge reports: a file's later entry replaces its earlier one. */
export function mergeReports(reports: readonly MutationReport[]): MutationReport {
  const files: MutationReport['files'] = {};
  for (const r of reports) for (const [f, v] of Object.entries(r.files)) files[f.replace(/\\/g, '/')] = v;
  return { files };
}

const pct = (s: number | null) => (s === null ? 'n/a' : `${s.toFixed(1)}%`);
const row = (name: string, c: MutationCounts, extra: string[] = []) =>
  `| ${[name, String(c.killed + c.timeout + c.survived + c.noCoverage), String(c.killed), String(c.timeout), String(c.survived), String(c.noCoverage), String(c.excluded), pct(c.score), ...extra].join(' | ')} |`;

/** The summary in Markdown: one row per group (with its goal), then one per file. */
export function summarizeMutation(report: MutationReport, date: string): string {
  const files = Object.keys(report.files).sort();
  const head = '| | valid | killed | timeout | survived | no coverage | not counted | score |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|---:|';
  const lines = [
    `# Mutation testing summary (${date})`,
    '',
    'Produced by `npm run mutation` (Stryker, vitest runner; see stryker.config.json). Score = (killed + timeout) / valid.',
    'A group counts only the files that were mutated in the report(s) read (listed per file below).',
    '',
  ];
  lines.push(head.replace('score |', 'score | goal | met |'), rule + '---:|---|');
  const taken = new Set<string>();
  for (const g of MUTATION_GROUPS) {
    const mine = files.filter((f) => !taken.has(f) && g.matches(f));
    if (mine.length === 0) continue;
    mine.forEach((f) => taken.add(f));
    const c = countMutants(mine.flatMap((f) => report.files[f].mutants));
    lines.push(
      row(`${g.name} (${mine.length} file${mine.length === 1 ? '' : 's'})`, c, [
        `${g.goal}%`,
        c.score !== null && c.score >= g.goal ? 'yes' : 'no',
      ]),
    );
  }
  const rest = files.filter((f) => !taken.has(f));
  if (rest.length) lines.push(row('other files', countMutants(rest.flatMap((f) => report.files[f].mutants)), ['', '']));
  lines.push('', '## Per file', '', head, rule);
  for (const f of files) lines.push(row(f, countMutants(report.files[f].mutants)));
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const inputs = process.argv.slice(2);
  const paths = inputs.length ? inputs : [join('reports', 'mutation', 'mutation.json')];
  const report = mergeReports(paths.map((p) => JSON.parse(readFileSync(p, 'utf8')) as MutationReport));
  const out = join('reports', 'mutation', 'summary.md');
  writeFileSync(out, summarizeMutation(report, new Date().toISOString().slice(0, 10)));
  process.stdout.write(`wrote ${out}\n`);
}
