/**
 * The `default` reporter of `mechcheck verify` and `mechcheck merge`: one
 * line per entry on standard output, in catalogue order whatever order the
 * workers finish in; a progress line on standard error (the entries running,
 * the time elapsed, an estimate of the time left: redrawn in place on a
 * terminal, a line every 30 s otherwise); at the end every unexpected result
 * and error again with its replay command, and the summary.
 *
 * Text from results (ids, error messages) is escaped before it reaches the
 * terminal (`sanitizeForTerminal`).
 */
import type { ResultRecord } from '../catalogue/runner.ts';
import { keyMetrics, replayCommandFor, scopeLine, type Report, type ReportedResult } from '../report/report.ts';
import type { CliIO } from './io.ts';
import { formatDuration, sanitizeForTerminal, styleFor, type Style } from './terminal.ts';
import { formatValue } from '../core/format.ts';

const safe = (s: unknown) => sanitizeForTerminal(String(s ?? ''), { singleLine: true });

/** The line of one result (and its error and replay lines when it is unexpected). */
export function resultLines(
  r: ReportedResult | ResultRecord,
  k: number,
  total: number,
  rep: Pick<Report, 'seed' | 'runsOverride'>,
  style: Style,
): string {
  const width = String(total).length;
  const mark = r.asExpected ? style.green('ok ') : r.outcome === 'error' ? style.red(style.bold('ERR')) : style.red(style.bold('BAD'));
  const metric = keyMetrics(r, 1)[0];
  const outcome = r.asExpected ? r.outcome : style.bold(`${r.outcome} (expected ${r.expected})`);
  let line = `[${String(k + 1).padStart(width)}/${total}] ${mark} ${safe(r.id)}: ${outcome}${metric ? style.dim(`  ${safe(metric[0])}=${safe(formatValue(metric[1]))}`) : ''}${style.dim(`  ${formatDuration(r.durationMs)}`)}\n`;
  const indent = ' '.repeat(width * 2 + 4);
  if (r.outcome === 'error') line += `${indent}${style.red('error:')} ${safe(r.error)}\n`;
  if (!r.asExpected) line += `${indent}replay: ${style.cyan(safe(replayCommandFor(r, rep)))}\n`;
  return line;
}

/** The closing part: every unexpected result and error again, then the totals and what was written. */
export function summaryText(rep: Report, style: Style, opts: { jobs?: number; wrote?: string[]; where?: string } = {}): string {
  const s = rep.summary;
  let text = '';
  const unexpected = rep.results.filter((r) => !r.asExpected);
  if (unexpected.length) {
    text += `\n${style.red(style.bold(`Unexpected results and errors (${unexpected.length}):`))}\n`;
    for (const r of unexpected) {
      const what = r.outcome === 'error' ? `error: ${safe(r.error)}` : `${r.outcome}, expected ${r.expected}`;
      text += `  ${r.outcome === 'error' ? style.red('ERR') : style.red('BAD')} ${safe(r.id)}: ${what}\n      replay: ${style.cyan(safe(replayCommandFor(r, rep)))}\n`;
    }
  }
  const verdict =
    s.unexpected === 0
      ? style.green(style.bold(`${s.asExpected}/${s.total} as expected`))
      : style.red(style.bold(`${s.asExpected}/${s.total} as expected, ${s.unexpected} unexpected`));
  text += `\n${verdict} (${s.holds} hold, ${s.refuted} refuted: ${s.refutedBy.relaxation} relaxations, ${s.refutedBy.erratum} paper errata, ${s.refutedBy.example} examples; ${s.errors} errors) in ${formatDuration(s.durationMs)}${opts.jobs ? ` on ${opts.jobs} worker${opts.jobs === 1 ? '' : 's'}` : ''}\n`;
  if (s.lp.solves > 0)
    text += `LP certificates: ${s.lp.solves} solves, ${s.lp.disagreementsResolved} backend disagreements settled by a certificate, ${s.lp.unresolved} unsettled\n`;
  if (rep.partial) text += style.yellow(`${safe(scopeLine(rep))}\n`);
  if (opts.wrote?.length) text += `wrote ${opts.wrote.map(safe).join(', ')}\n`;
  return text;
}

/** Live output of a run: result lines in catalogue order on stdout, progress on stderr. */
export class RunProgress {
  private readonly out: Style;
  private readonly err: Style;
  private readonly done = new Map<number, ResultRecord>();
  private readonly running = new Map<number, number>();
  private nextToPrint = 0;
  private readonly t0 = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private lastHeartbeat = performance.now();
  private drawn = false;
  private doneWeight = 0;
  /** when the first entry started (the rate of progress is measured from there, without the workers' start-up) */
  private firstStart: number | undefined;
  private readonly totalWeight: number;

  /**
   * @param ids the selected entries' ids, in catalogue order (the slots of the run)
   * @param estimates their estimated durations (same order), for the time left
   */
  constructor(
    private readonly io: CliIO,
    private readonly ids: readonly string[],
    private readonly estimates: readonly number[],
    private readonly rep: Pick<Report, 'seed' | 'runsOverride'>,
    private readonly opts: { printResults: boolean; heartbeatMs?: number },
  ) {
    this.out = styleFor(io, 'out');
    this.err = styleFor(io, 'err');
    this.totalWeight = estimates.reduce((a, b) => a + b, 0);
  }

  /** Start redrawing the progress line (a terminal) or printing a line now and then (otherwise). */
  start(): void {
    const every = this.io.stderrIsTTY ? 250 : 5_000;
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  started(slot: number): void {
    this.firstStart ??= performance.now();
    this.running.set(slot, performance.now());
    this.tick();
  }

  finished(slot: number, record: ResultRecord): void {
    this.running.delete(slot);
    this.done.set(slot, record);
    this.doneWeight += this.estimates[slot];
    this.clear();
    while (this.done.has(this.nextToPrint)) {
      if (this.opts.printResults)
        this.io.out(resultLines(this.done.get(this.nextToPrint)!, this.nextToPrint, this.ids.length, this.rep, this.out));
      this.nextToPrint++;
    }
    this.tick();
  }

  /** What the progress line says now. */
  status(): string {
    const now = performance.now();
    const elapsed = now - this.t0;
    const n = this.done.size;
    const working = now - (this.firstStart ?? now);
    const left =
      n === 0 || this.doneWeight <= 0
        ? ''
        : `, ~${formatDuration(((this.totalWeight - this.doneWeight) * working) / this.doneWeight)} left`;
    const running = [...this.running]
      .sort((a, b) => a[1] - b[1])
      .map(([slot, t]) => `${safe(this.ids[slot])} (${formatDuration(now - t)})`);
    return `${n}/${this.ids.length} done, ${formatDuration(elapsed)} elapsed${left}${running.length ? `; running ${running.join(', ')}` : ''}`;
  }

  private tick(): void {
    if (this.io.stderrIsTTY) {
      const cols = Math.max(40, Number(this.io.env.COLUMNS) || 120);
      let line = this.status();
      if (line.length > cols - 1) line = line.slice(0, cols - 2) + '…';
      this.io.err(`\r\x1b[K${this.err.dim(line)}`);
      this.drawn = true;
    } else {
      const now = performance.now();
      if (now - this.lastHeartbeat >= (this.opts.heartbeatMs ?? 30_000)) {
        this.lastHeartbeat = now;
        this.io.err(`progress: ${this.status()}\n`);
      }
    }
  }

  private clear(): void {
    if (this.drawn) {
      this.io.err('\r\x1b[K');
      this.drawn = false;
    }
  }
}
