/**
 * Numbers as mechcheck prints them for people (terminal, reports, tables): the
 * one number formatter. Each output keeps its precision through the options;
 * JSON output prints numbers as they are (see the commands' `--json`).
 */

/** How to print a number. */
export interface NumberFormat {
  /** significant digits (default 8), trailing zeros dropped; 'shortest': the shortest text that reads back as the same number */
  digits?: number | 'shortest';
  /** integers print exactly, whatever `digits` (default true) */
  exactIntegers?: boolean;
  /**
   * exponent form x.toExponential(digits) when |x| (not 0) is below `below` or
   * at least `from`; `compact` writes "e+" as "e" (1.5e6)
   */
  exponent?: { below?: number; from?: number; digits: number; compact?: boolean };
  /** the text of a non-finite number (default "Infinity", "-Infinity", "NaN") */
  nonFinite?: string;
}

/** x rounded to `digits` significant digits, as a number (for tables that keep numbers). */
export function roundSignificant(x: number, digits: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

/** A number for people, by `format` (default: integers exactly, others to 8 significant digits). */
export function formatNumber(x: number, format: NumberFormat = {}): string {
  if (!Number.isFinite(x)) return format.nonFinite ?? String(x);
  if ((format.exactIntegers ?? true) && Number.isInteger(x)) return String(x);
  const e = format.exponent;
  if (e && x !== 0 && ((e.below !== undefined && Math.abs(x) < e.below) || (e.from !== undefined && Math.abs(x) >= e.from))) {
    const s = x.toExponential(e.digits);
    return e.compact ? s.replace('e+', 'e') : s;
  }
  const digits = format.digits ?? 8;
  return digits === 'shortest' ? String(x) : String(roundSignificant(x, digits));
}

/** Reports' format: integers exactly, 6 significant digits within [1e-3, 1e6), else 4 in exponent form. */
export const REPORT_NUMBER_FORMAT: NumberFormat = { digits: 6, exponent: { below: 1e-3, from: 1e6, digits: 3 } };

/** Any value of a report's metric or table cell: numbers by REPORT_NUMBER_FORMAT, strings as they are, null as "null". */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v, REPORT_NUMBER_FORMAT);
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return String(v);
}
