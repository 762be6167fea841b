/**
 * Terminal conventions shared by the commands: when to colour, the colours,
 * escaping of untrusted text before it reaches a terminal, and durations.
 *
 * Colour follows the common conventions (https://no-color.org,
 * FORCE_COLOR as read by Node and most CLIs): a non-empty `NO_COLOR` turns it
 * off; otherwise `FORCE_COLOR` turns it on (`FORCE_COLOR=0` or `false` turns
 * it off); otherwise a stream is coloured when it is a terminal.
 */
import type { CliIO } from './io.ts';

/** Whether output to `stream` ('out' = standard output, 'err' = standard error) is coloured. */
export function colourEnabled(io: Pick<CliIO, 'env' | 'stdoutIsTTY' | 'stderrIsTTY'>, stream: 'out' | 'err'): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return false;
    return true;
  }
  if (io.env.TERM === 'dumb') return false;
  return stream === 'out' ? io.stdoutIsTTY : io.stderrIsTTY;
}

/** SGR styles; each is the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

/** The styles for one stream of `io`. */
export function styleFor(io: Pick<CliIO, 'env' | 'stdoutIsTTY' | 'stderrIsTTY'>, stream: 'out' | 'err'): Style {
  const on = colourEnabled(io, stream);
  const sgr = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { enabled: on, bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}

/**
 * Untrusted text made safe for a terminal: C0 and C1 control characters
 * (escape sequences, carriage returns, bells, backspaces), DEL, and the
 * Unicode bidirectional overrides and isolates are shown as `\xNN` / `\u{NNNN}`
 * instead of being interpreted. Newlines and tabs are kept unless
 * `singleLine` is set (then they are escaped too).
 */
export function sanitizeForTerminal(text: string, opts: { singleLine?: boolean } = {}): string {
  /* eslint-disable no-control-regex -- control characters are what these patterns find */
  const unsafe = opts.singleLine
    ? /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
    : /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  /* eslint-enable no-control-regex */
  return text.replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** A duration for people: `850 ms`, `12.3 s`, `4m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The width of `s` once SGR escape sequences are removed (for padding coloured text). */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
