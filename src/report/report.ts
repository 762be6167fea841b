/**
 * The verification report: report.json (machine-readable, one record per
 * catalogue entry) and report.md (for people), plus any artifacts (figures)
 * the entries produced. Written atomically by `mechcheck verify`.
 */
import { join } from 'node:path';
import type { ResultRecord } from '../catalogue/runner.ts';
import type { MetricValue, RefutationKind, Table } from '../catalogue/types.ts';
import { writeFilesAtomically } from './atomicWrite.ts';

export interface Report {
  tool: 'mechcheck';
  version: string;
  generatedAt: string;
  seed: number;
  runsOverride: number | null;
  only: string | null;
  summary: {
    total: number;
    asExpected: number;
    unexpected: number;
    errors: number;
    holds: number;
    refuted: number;
    /** refuted results by what the refutation means (relaxation, erratum of the paper, example) */
    refutedBy: Record<RefutationKind, number>;
    durationMs: number;
  };
  results: ReportedResult[];
}

/** A result as report.json stores it: artifacts by file name (their content is written beside the report). */
export type ReportedResult = ResultRecord extends infer R ? (R extends unknown ? Omit<R, 'artifacts'> & { artifacts?: Array<{ file: string; description?: string }> } : never) : never;

export function buildReport(results: ResultRecord[], meta: { version: string; seed: number; runs: number | null; only: string | null; durationMs: number }): Report {
  return {
    tool: 'mechcheck',
    version: meta.version,
    generatedAt: new Date().toISOString(),
    seed: meta.seed,
    runsOverride: meta.runs,
    only: meta.only,
    summary: {
      total: results.length,
      asExpected: results.filter((r) => r.asExpected).length,
      unexpected: results.filter((r) => !r.asExpected).length,
      errors: results.filter((r) => r.outcome === 'error').length,
      holds: results.filter((r) => r.outcome === 'holds').length,
      refuted: results.filter((r) => r.outcome === 'refuted').length,
      refutedBy: {
        relaxation: results.filter((r) => r.outcome === 'refuted' && r.refutation === 'relaxation').length,
        erratum: results.filter((r) => r.outcome === 'refuted' && r.refutation === 'erratum').length,
        example: results.filter((r) => r.outcome === 'refuted' && r.refutation === 'example').length,
      },
      durationMs: meta.durationMs,
    },
    results: results.map((r) => ({ ...r, artifacts: r.artifacts?.map((a) => ({ file: a.file, description: a.description })) }) as ReportedResult),
  };
}

function fmtMetric(v: MetricValue): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (!Number.isFinite(v)) return String(v);
    return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? v.toPrecision(6).replace(/\.?0+$/, '') : v.toExponential(3);
  }
  return String(v);
}

function esc(s: unknown): string {
  return String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function tableMd(t: Table): string {
  const head = `| ${t.columns.map(esc).join(' | ')} |\n| ${t.columns.map(() => '---').join(' | ')} |\n`;
  return `**${t.title}**\n\n` + head + t.rows.map((r) => `| ${r.map((c) => esc(typeof c === 'number' ? fmtMetric(c) : c)).join(' | ')} |`).join('\n') + '\n';
}

export function reportMarkdown(rep: Report): string {
  const s = rep.summary;
  const lines: string[] = [];
  lines.push('# mechcheck verification report', '');
  lines.push(`Generated ${rep.generatedAt} by mechcheck ${rep.version}; base seed ${rep.seed}${rep.runsOverride ? `, runs ${rep.runsOverride}` : ''}${rep.only ? `, only \`${rep.only}\`` : ''}.`, '');
  lines.push(`**${s.asExpected}/${s.total} results as expected** (${s.holds} hold, ${s.refuted} refuted, ${s.errors} errors; ${s.unexpected} unexpected) in ${(s.durationMs / 1000).toFixed(1)} s.`, '');
  lines.push(`Refuted: ${s.refutedBy.relaxation} relaxations (a hypothesis dropped, the conclusion fails as it should), ${s.refutedBy.erratum} errata (a statement of a paper as printed is false), ${s.refutedBy.example} known negative examples.`, '');
  lines.push('Expected verdicts: `holds` = the property was checked and no counterexample was found; `refuted` = a counterexample was found (for relaxations, and for statements the computation shows to be false).', '');
  lines.push('| id | source | expected | outcome | key metrics | ms |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of rep.results) {
    const mark = r.asExpected ? '' : ' **UNEXPECTED**';
    const all = Object.entries(r.metrics).filter(([k]) => k !== 'instancesChecked');
    // for a refutation, the metrics at the counterexample come first
    const atCex = r.outcome === 'refuted' ? all.filter(([k]) => k.endsWith('AtCounterexample')) : [];
    const metrics = [...atCex, ...all.filter((m) => !atCex.includes(m))]
      .slice(0, 4)
      .map(([k, v]) => `${k}=${fmtMetric(v)}`)
      .join(', ');
    lines.push(`| [${r.id}](#${anchor(r.id)}) | ${esc(r.source.seed === 'foundation' ? 'foundation' : r.source.seed.slice(0, 3))}: ${esc(r.source.ref)} | ${r.expected} | ${r.outcome}${mark} | ${esc(metrics)} | ${r.durationMs} |`);
  }
  lines.push('');
  for (const r of rep.results) {
    lines.push(`## ${r.id}`, '');
    lines.push(`**${r.title}**`, '');
    lines.push(`- Source: \`${r.source.seed}\`, ${r.source.ref}${r.source.section ? ` (section ${r.source.section})` : ''}`);
    lines.push(`- Kind: ${r.kind}${r.refutation ? `; expected refutation: ${r.refutation}` : ''}${r.relaxes ? `; relaxes: ${r.relaxes}` : ''}${r.correctedBy ? `; corrected statement: [${r.correctedBy}](#${anchor(r.correctedBy)})` : ''}`);
    lines.push(`- Hypotheses: ${r.hypotheses.join('; ')}`);
    lines.push(`- Conclusion checked: ${r.conclusion}`);
    lines.push(`- Expected: ${r.expected}; outcome: **${r.outcome}**${r.asExpected ? '' : ' (UNEXPECTED)'}; runs: ${r.runs}; seed: ${r.seed}; ${r.durationMs} ms`);
    const m = Object.entries(r.metrics);
    if (m.length) lines.push(`- Metrics: ${m.map(([k, v]) => `${k} = ${fmtMetric(v)}`).join(', ')}`);
    lines.push(`- Evidence: ${r.evidence.generated} instances generated, ${r.evidence.checked} met the hypotheses and were checked, ${r.evidence.replayed} stored counterexamples replayed`);
    if (r.outcome === 'error') lines.push(`- Error: ${esc(r.error)}`);
    if (r.outcome !== 'holds' && r.replay) lines.push(`- Replay: \`${r.replay.command}\``);
    lines.push('');
    for (const n of r.notes ?? []) lines.push(`> ${n}`, '');
    for (const t of r.tables ?? []) lines.push(tableMd(t));
    for (const a of r.artifacts ?? []) lines.push(`![${esc(a.description ?? a.file)}](${a.file})`, '');
    if (r.outcome !== 'holds' && r.counterexample) {
      lines.push('<details><summary>Counterexample</summary>', '', '```json', JSON.stringify(r.counterexample, null, 1).slice(0, 6000), '```', '</details>', '');
    }
  }
  return lines.join('\n') + '\n';
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** Write report.json, report.md and the artifacts into `dir`, atomically. */
export function writeReport(dir: string, rep: Report, results: ResultRecord[]): string[] {
  const files = [
    { file: join(dir, 'report.json'), content: JSON.stringify(rep, null, 2) + '\n' },
    { file: join(dir, 'report.md'), content: reportMarkdown(rep) },
    ...results.flatMap((r) => (r.artifacts ?? []).map((a) => ({ file: join(dir, a.file), content: a.content }))),
  ];
  writeFilesAtomically(files);
  return files.map((f) => f.file);
}
