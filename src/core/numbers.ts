/**
 * Numbers from users (files and command-line options) and numbers computed
 * from them.
 *
 * Every number read must be finite and within documented bounds, so that sums
 * and differences of payoffs cannot overflow or lose all precision; a computed
 * quantity that is not finite is an error naming where it arose, never a value
 * silently dropped from a maximum (NaN > x is false).
 *
 * Bounds (README, "Numbers"):
 * - `MAX_ABS_PAYOFF` (1e12): valuations, transfers, utilities, prices. A
 *   utility is a sum of a handful of such terms, far below 2^53 ~ 9e15 in
 *   magnitude where a gain of 1e-9 x scale is still representable.
 */
import { InputError } from './errors.ts';

/** The largest magnitude accepted for a payoff (valuation, transfer, utility). */
export const MAX_ABS_PAYOFF = 1e12;

/** Bounds for `finiteNumber` / `parseDecimal`: inclusive min and max, and whether an integer is required. */
export interface NumberBounds {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** `x` as a finite number within bounds, or an InputError naming `field`. */
export function finiteNumber(x: unknown, field: string, bounds: NumberBounds = {}): number {
  if (typeof x !== 'number' || Number.isNaN(x)) throw new InputError(field, `must be a number, got ${describe(x)}`);
  if (!Number.isFinite(x)) throw new InputError(field, `must be finite, got ${x}`);
  if (bounds.integer && !Number.isInteger(x)) throw new InputError(field, `must be an integer, got ${x}`);
  if (bounds.min !== undefined && x < bounds.min) throw new InputError(field, `must be >= ${bounds.min}, got ${x}`);
  if (bounds.max !== undefined && x > bounds.max) throw new InputError(field, `must be <= ${bounds.max}, got ${x}`);
  return x;
}

/** A payoff read from a user: finite and |x| <= MAX_ABS_PAYOFF. */
export function payoff(x: unknown, field: string): number {
  return finiteNumber(x, field, { min: -MAX_ABS_PAYOFF, max: MAX_ABS_PAYOFF });
}

/** Plain decimal notation only: no hex, octal, binary, `Infinity`, or empty strings. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse a decimal number written by a user (an option's value, say); `field` names it in the error. */
export function parseDecimal(text: string, field: string, bounds: NumberBounds = {}): number {
  const t = text.trim();
  if (!DECIMAL.test(t)) throw new InputError(field, `must be a decimal number, got '${text}'`);
  return finiteNumber(Number(t), field, bounds);
}

/** A quantity computed from finite inputs turned out NaN or infinite: a bug or an overflow, reported where it arose. */
export class NonFiniteError extends Error {
  readonly where: string;
  constructor(where: string, value: number) {
    super(`${where}: computed value is ${value}, not a finite number`);
    this.name = 'NonFiniteError';
    this.where = where;
  }
}

/** Returns `x` when finite; otherwise throws a NonFiniteError naming `where`. */
export function assertFinite(x: number, where: string): number {
  if (!Number.isFinite(x)) throw new NonFiniteError(where, x);
  return x;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return `the string '${x.length > 40 ? x.slice(0, 40) + '...' : x}'`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'number' ? String(x) : `a value of type ${typeof x}`;
}
