/**
 * JUnit XML, as CI systems read it (valid against the Jenkins xunit plugin's
 * junit-10.xsd, committed as fixtures/ci/junit-10.xsd and checked in a test):
 * one `<testsuite>` per paper, one `<testcase>` per entry, a `<failure>` for
 * each result that differs from its expectation and an `<error>` for each
 * entry that could not reach a verdict, with the replay command in its text.
 */
import type { SourceLocation } from './sourceLocations.ts';
import { keyMetrics, paperOf, replayCommandFor, scopeLine, type Report, type ReportedResult } from './report.ts';
import { formatValue } from '../core/format.ts';

/** Text for XML: markup escaped; characters XML 1.0 cannot hold (controls, lone surrogates) shown as `\xNN` or U+FFFD. */
export function escapeXml(s: unknown): string {
  return (
    String(s ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

function caseXml(r: ReportedResult, rep: Report, where: SourceLocation | undefined): string {
  const name = `name="${escapeXml(r.id)}" classname="${escapeXml(`mechcheck.${paperOf(r.id)}`)}" time="${seconds(r.durationMs)}"`;
  const location = where ? `\nat ${where.file}:${where.line}` : '';
  const metrics = keyMetrics(r)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(', ');
  const detail = `${r.title}\nexpected ${r.expected}, outcome ${r.outcome}${metrics ? `\nmetrics: ${metrics}` : ''}\nseed ${r.seed}\nreplay: ${replayCommandFor(r, rep)}${location}`;
  if (r.outcome === 'error') {
    return `    <testcase ${name}>\n      <error type="error" message="${escapeXml(`${r.id}: ${r.error}`)}">${escapeXml(`${r.error}\n${detail}`)}</error>\n    </testcase>`;
  }
  if (!r.asExpected) {
    return `    <testcase ${name}>\n      <failure type="unexpected ${escapeXml(r.outcome)}" message="${escapeXml(`${r.id}: ${r.outcome}, expected ${r.expected}`)}">${escapeXml(detail)}</failure>\n    </testcase>`;
  }
  if (r.outcome === 'refuted') {
    return `    <testcase ${name}>\n      <system-out>${escapeXml(`refuted as expected (${r.refutation ?? 'refutation'})\n${detail}`)}</system-out>\n    </testcase>`;
  }
  return `    <testcase ${name}/>`;
}

/** The JUnit XML document of a report; `locations` gives each entry's source file and line. */
export function reportJunit(rep: Report, locations: ReadonlyMap<string, SourceLocation> = new Map()): string {
  const s = rep.summary;
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites name="mechcheck verify" tests="${s.total}" failures="${s.unexpected - s.errors}" errors="${s.errors}" time="${seconds(s.durationMs)}">`,
  );
  const papers = new Map<string, ReportedResult[]>();
  for (const r of rep.results) {
    const p = paperOf(r.id);
    if (!papers.has(p)) papers.set(p, []);
    papers.get(p)!.push(r);
  }
  let k = 0;
  for (const [paper, rs] of papers) {
    const failures = rs.filter((r) => !r.asExpected && r.outcome !== 'error').length;
    const errors = rs.filter((r) => r.outcome === 'error').length;
    const time = rs.reduce((t, r) => t + r.durationMs, 0);
    lines.push(
      `  <testsuite name="${escapeXml(paper)}" id="${k++}" package="mechcheck" tests="${rs.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}" timestamp="${escapeXml(rep.generatedAt)}">`,
    );
    lines.push('    <properties>');
    lines.push(`      <property name="seed" value="${rep.seed}"/>`);
    lines.push(`      <property name="runs" value="${rep.runsOverride ?? 'entry defaults'}"/>`);
    lines.push(`      <property name="scope" value="${escapeXml(scopeLine(rep))}"/>`);
    lines.push(`      <property name="mechcheck" value="${escapeXml(rep.version)}"/>`);
    lines.push('    </properties>');
    for (const r of rs) lines.push(caseXml(r, rep, locations.get(r.id)));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
