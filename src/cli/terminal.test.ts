import { describe, expect, it } from 'vitest';
import { colourEnabled, formatDuration, sanitizeForTerminal, styleFor, visibleLength } from './terminal.ts';

const io = (env: Record<string, string>, tty: boolean) => ({ env, stdoutIsTTY: tty, stderrIsTTY: tty });

describe('colour', () => {
  it('is on for a terminal and off when piped', () => {
    expect(colourEnabled(io({}, true), 'out')).toBe(true);
    expect(colourEnabled(io({}, false), 'out')).toBe(false);
  });
  it('NO_COLOR turns it off, FORCE_COLOR on (FORCE_COLOR=0 off); NO_COLOR wins', () => {
    expect(colourEnabled(io({ NO_COLOR: '1' }, true), 'out')).toBe(false);
    expect(colourEnabled(io({ NO_COLOR: '' }, true), 'out')).toBe(true);
    expect(colourEnabled(io({ FORCE_COLOR: '1' }, false), 'err')).toBe(true);
    expect(colourEnabled(io({ FORCE_COLOR: '0' }, true), 'err')).toBe(false);
    expect(colourEnabled(io({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), 'out')).toBe(false);
    expect(colourEnabled(io({ TERM: 'dumb' }, true), 'out')).toBe(false);
  });
  it('styles are escape sequences only when on', () => {
    expect(styleFor(io({}, false), 'out').red('x')).toBe('x');
    const red = styleFor(io({}, true), 'out').red('x');
    expect(red).toBe('\x1b[31mx\x1b[39m');
    expect(visibleLength(red)).toBe(1);
  });
});

describe('sanitizeForTerminal', () => {
  it('shows escape sequences, carriage returns, bells and bidi overrides instead of obeying them', () => {
    const hostile = 'id\x1b[2J\rX\x07\u202eevil\x9b';
    const s = sanitizeForTerminal(hostile, { singleLine: true });
    expect(s).toBe('id\\x1b[2J\\rX\\x07\\u{202e}evil\\x9b');
    // eslint-disable-next-line no-control-regex
    expect(s).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
  });
  it('keeps newlines and tabs unless asked for a single line', () => {
    expect(sanitizeForTerminal('a\nb\tc')).toBe('a\nb\tc');
    expect(sanitizeForTerminal('a\nb\tc', { singleLine: true })).toBe('a\\nb\\tc');
  });
});

describe('formatDuration', () => {
  it('reads as people write durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4m05s');
    expect(formatDuration(3_720_000)).toBe('1h02m');
    expect(formatDuration(Number.NaN)).toBe('?');
  });
});
