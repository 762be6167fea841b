/**
 * GitHub Actions workflow commands: an `::error` annotation on the entry's
 * source file and line for every unexpected result and error (GitHub shows it
 * on the pull request's diff and in the run's summary), and a `::notice` with
 * the totals. Values are escaped as the runner expects (`%`, CR, LF, and in
 * properties also `:` and `,`).
 */
import type { SourceLocation } from './sourceLocations.ts';
import { replayCommandFor, scopeLine, type Report } from './report.ts';

/** Escape the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (file, title) of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotation lines (each ends with a newline) for a report. */
export function reportGithub(rep: Report, locations: ReadonlyMap<string, SourceLocation>): string {
  const lines: string[] = [];
  for (const r of rep.results) {
    if (r.asExpected) continue;
    const where = locations.get(r.id);
    const props = [
      where ? `file=${escapeProperty(where.file)}` : '',
      where ? `line=${where.line}` : '',
      `title=${escapeProperty(`mechcheck: ${r.id} ${r.outcome}, expected ${r.expected}`)}`,
    ]
      .filter(Boolean)
      .join(',');
    const what = r.outcome === 'error' ? `error: ${r.error}` : `${r.outcome}, expected ${r.expected}`;
    lines.push(`::error ${props}::${escapeData(`${r.id}: ${what} (${r.title})\nseed ${r.seed}\nreplay: ${replayCommandFor(r, rep)}`)}`);
  }
  const s = rep.summary;
  lines.push(
    `::notice title=${escapeProperty('mechcheck verify')}::${escapeData(`${s.asExpected}/${s.total} as expected, ${s.unexpected} unexpected, ${s.errors} errors (${s.holds} hold, ${s.refuted} refuted); ${scopeLine(rep)}`)}`,
  );
  return lines.join('\n') + '\n';
}
