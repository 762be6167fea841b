/**
 * report.md: the report for people reading it on GitHub or in an editor.
 * Unexpected results come first, named, each with its replay command; then
 * the paper findings (errata), the counts by paper and kind, the table of all
 * entries and one section per entry.
 */
import { bibliographyLink } from '../catalogue/bibliography.ts';
import type { Table } from '../catalogue/types.ts';
import { keyMetrics, paperOf, replayCommandFor, scopeLine, type Counts, type Report, type ReportedResult } from './report.ts';
import { formatValue } from '../core/format.ts';

/** Markdown table cell: no pipes or line breaks, no raw HTML. */
function cell(s: unknown): string {
  return String(s ?? '')
    .replace(/[\\|]/g, (c) => `\\${c}`)
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/\r?\n/g, ' ');
}

/** Inline text: no raw HTML. */
function text(s: unknown): string {
  return String(s ?? '').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

/** Inline code that survives backticks in the content. */
function code(s: string): string {
  const ticks = s.match(/`+/g)?.reduce((m, t) => Math.max(m, t.length), 0) ?? 0;
  const fence = '`'.repeat(ticks + 1);
  return `${fence}${ticks ? ' ' : ''}${s.replace(/\r?\n/g, ' ')}${ticks ? ' ' : ''}${fence}`;
}

/** GitHub's heading anchor for an entry id. */
export function anchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function tableMd(t: Table): string {
  const head = `| ${t.columns.map(cell).join(' | ')} |\n| ${t.columns.map(() => '---').join(' | ')} |\n`;
  return (
    `**${text(t.title)}**\n\n` +
    head +
    t.rows.map((r) => `| ${r.map((c) => cell(typeof c === 'number' ? formatValue(c) : c)).join(' | ')} |`).join('\n') +
    '\n'
  );
}

function countsTable(title: string, groups: Record<string, Counts>): string[] {
  return [
    `| ${title} | entries | as expected | unexpected | errors | hold | refuted |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(groups).map(
      ([k, c]) =>
        `| ${cell(k)} | ${c.total} | ${c.asExpected} | ${c.unexpected ? `**${c.unexpected}**` : 0} | ${c.errors ? `**${c.errors}**` : 0} | ${c.holds} | ${c.refuted} |`,
    ),
    '',
  ];
}

/**
 * report.md's text. `figurePrefix` is the path from the Markdown file to the
 * report folder ('' when beside it; null when no figures were written);
 * `bibliography` the path from it to properties/BIBLIOGRAPHY.md, which each
 * entry's reference links to (null: the citation is given without a link).
 */
export function reportMarkdown(rep: Report, opts: { figurePrefix?: string | null; bibliography?: string | null } = {}): string {
  const s = rep.summary;
  const prefix = opts.figurePrefix === undefined ? '' : opts.figurePrefix;
  const lines: string[] = [];
  lines.push(rep.partial ? '# mechcheck verification report (partial run)' : '# mechcheck verification report', '');
  lines.push(`Scope: ${text(scopeLine(rep))}.`, '');
  lines.push(
    `Generated ${rep.generatedAt} by mechcheck ${text(rep.version)}; base seed ${rep.seed}${rep.runsOverride ? `, runs ${rep.runsOverride}` : ''}${rep.timeoutSeconds ? `, timeout ${rep.timeoutSeconds} s per entry` : ''}.`,
    '',
  );
  lines.push(
    `**${s.asExpected}/${s.total} results as expected** (${s.holds} hold, ${s.refuted} refuted, ${s.errors} errors; ${s.unexpected} unexpected) in ${(s.durationMs / 1000).toFixed(1)} s.`,
    '',
  );
  const unexpected = rep.results.filter((r) => !r.asExpected);
  if (unexpected.length) {
    lines.push(`## Unexpected results (${unexpected.length})`, '');
    for (const r of unexpected) {
      lines.push(
        `- [${text(r.id)}](#${anchor(r.id)}): ${r.outcome}, expected ${r.expected}${r.outcome === 'error' ? `: ${cell(r.error)}` : ''}  `,
      );
      lines.push(`  replay: ${code(replayCommandFor(r, rep))}`);
    }
    lines.push('');
  }
  lines.push(
    `Refuted: ${s.refutedBy.relaxation} relaxations (a hypothesis dropped, the conclusion fails as it should), ${s.refutedBy.erratum} errata (a statement of a paper as printed is false), ${s.refutedBy.example} known negative examples.`,
    '',
    `LP certificates: ${s.lp.solves} LP solves behind these results; ${s.lp.disagreementsResolved} disagreements between solver backends settled by a verified certificate; ${s.lp.unresolved} answers no certificate could settle.`,
    '',
  );
  const findings = rep.results.filter((r) => r.refutation === 'erratum');
  if (findings.length) {
    lines.push(
      `## Paper findings (${findings.length})`,
      '',
      'Statements of the papers, as printed, that the computation shows false; each links to its entry and, where there is one, to the entry checking the corrected statement.',
      '',
    );
    for (const r of findings) {
      const corrected = r.correctedBy ? `; corrected: [${text(r.correctedBy)}](#${anchor(r.correctedBy)})` : '';
      lines.push(
        `- ${text(paperOf(r.id))}, ${text(r.source.ref)}: [${text(r.id)}](#${anchor(r.id)}) (${r.outcome}${r.asExpected ? '' : ', UNEXPECTED'})${corrected}. ${text(r.title)}`,
      );
    }
    lines.push('');
  }
  lines.push(
    'Expected verdicts: `holds` = the property was checked and no counterexample was found; `refuted` = a counterexample was found (for relaxations, and for statements the computation shows to be false).',
    '',
  );
  lines.push(...countsTable('paper', s.byPaper), ...countsTable('kind', s.byKind));
  lines.push('| id | source | expected | outcome | key metrics | ms |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of rep.results) {
    const mark = r.asExpected ? '' : ' **UNEXPECTED**';
    const metrics = keyMetrics(r)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(', ');
    lines.push(
      `| [${cell(r.id)}](#${anchor(r.id)}) | ${cell(r.source.seed === 'foundation' ? 'foundation' : r.source.seed.slice(0, 3))}: ${cell(r.source.ref)} | ${r.expected} | ${r.outcome}${mark} | ${cell(metrics)} | ${r.durationMs} |`,
    );
  }
  lines.push('');
  for (const r of rep.results) lines.push(...entryMarkdown(r, rep, prefix, opts.bibliography ?? null));
  // control characters (a terminal's escape sequences) are shown, not sent, when the file is printed
  // eslint-disable-next-line no-control-regex
  return (lines.join('\n') + '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function entryMarkdown(r: ReportedResult, rep: Report, prefix: string | null, bibliography: string | null): string[] {
  const lines: string[] = [];
  lines.push(`## ${text(r.id)}`, '');
  lines.push(`**${text(r.title)}**`, '');
  lines.push(`- Source: ${code(r.source.seed)}, ${text(r.source.ref)}${r.source.section ? ` (section ${text(r.source.section)})` : ''}`);
  if (r.source.citation)
    lines.push(
      `- Reference: ${bibliography && r.source.reference ? `[${text(r.source.citation)}](${bibliographyLink(bibliography, r.source.reference)})` : text(r.source.citation)}`,
    );
  lines.push(
    `- Kind: ${text(r.kind)}${r.refutation ? `; expected refutation: ${r.refutation}` : ''}${r.relaxes ? `; relaxes: ${text(r.relaxes)}` : ''}${r.correctedBy ? `; corrected statement: [${text(r.correctedBy)}](#${anchor(r.correctedBy)})` : ''}`,
  );
  lines.push(`- Hypotheses: ${r.hypotheses.map(text).join('; ')}`);
  if (r.scope?.length) lines.push(`- Searched: ${r.scope.map(text).join('; ')}`);
  lines.push(`- Conclusion checked: ${text(r.conclusion)}`);
  lines.push(
    `- Expected: ${r.expected}; outcome: **${r.outcome}**${r.asExpected ? '' : ' (UNEXPECTED)'}; runs: ${r.runs}; seed: ${r.seed}; ${r.durationMs} ms`,
  );
  const m = Object.entries(r.metrics);
  if (m.length) lines.push(`- Metrics: ${m.map(([k, v]) => `${text(k)} = ${text(formatValue(v))}`).join(', ')}`);
  if (r.evidence)
    lines.push(
      `- Evidence: ${r.evidence.generated} instances generated, ${r.evidence.checked} met the hypotheses and were checked, ${r.evidence.replayed} stored counterexamples replayed`,
    );
  if (r.outcome === 'error') lines.push(`- Error: ${cell(r.error)}`);
  if (r.outcome !== 'holds' || !r.asExpected) lines.push(`- Replay: ${code(replayCommandFor(r, rep))}`);
  lines.push('');
  for (const n of r.notes ?? []) lines.push(`> ${text(n).replace(/\r?\n/g, ' ')}`, '');
  for (const t of r.tables ?? []) lines.push(tableMd(t));
  for (const a of r.artifacts ?? [])
    lines.push(
      prefix === null
        ? `- Figure: ${text(a.description ?? a.file)} (${code(a.file)}, in the report folder)`
        : `![${cell(a.description ?? a.file)}](${encodeURI(prefix + a.file)})`,
      '',
    );
  if (r.outcome !== 'holds' && r.counterexample) {
    const json = JSON.stringify(r.counterexample, null, 1);
    const fence = '`'.repeat(
      Math.max(
        3,
        (json.match(/`+/g) ?? []).reduce((mx, t) => Math.max(mx, t.length + 1), 3),
      ),
    );
    lines.push(
      '<details><summary>Counterexample</summary>',
      '',
      `${fence}json`,
      json.length > 6000 ? json.slice(0, 6000) + '\n... (truncated; the full instance is in report.json)' : json,
      fence,
      '</details>',
      '',
    );
  }
  return lines;
}
