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

/** A probability read from a user: a finite number in [0, 1] (a negative one is refused whatever the tolerance). */
export function probability(x: unknown, field: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(field, `must be a finite number, got ${describe(x)}`);
  if (x < 0) throw new InputError(field, `is negative (${x})`);
  if (x > 1) throw new InputError(field, `is above 1 (${x})`);
  return x;
}

/** Plain decimal notation only: no hex, octal, binary, `Infinity`, or empty strings. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse a decimal number written by a user (an option's value, say); `field` names it in the error. */
export function parseDecimal(text: string, field: string, bounds: NumberBounds = {}): number {
  const t = text.trim();
  if (!DECIMAL.test(t)) throw new InputError(field, `must be a decimal number, got '${text}'`);
  return finiteNumber(Number(t), field, bounds);
}

/** A fraction `a/b` of integers written by a user (no spaces needed around the slash). */
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/** An exact rational read from a user, as a reduced fraction of bigints, with its nearest double. */
export interface Rational {
  numerator: bigint;
  /** always positive */
  denominator: bigint;
  value: number;
}

/** Bounds of `parseRational`: the value's, and the length of the exact fraction. */
export interface RationalBounds extends NumberBounds {
  /** most digits allowed in the reduced numerator and denominator (default 60): exact arithmetic on longer numbers is slow */
  maxDigits?: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/**
 * Parse a decimal (`0.25`, `1e3`, `-2.5E-2`) or a fraction of integers (`1/3`)
 * exactly, as a reduced fraction of bigints; `field` names it in the error.
 * No hex, `Infinity`, or empty strings; the value must be within `bounds` and
 * the reduced numerator and denominator have at most `maxDigits` digits.
 *
 * @example parseRational('1.5e-1', '--q-buyer') // { numerator: 3n, denominator: 20n, value: 0.15 }
 */
export function parseRational(text: string, field: string, bounds: RationalBounds = {}): Rational {
  const t = text.trim();
  let num: bigint;
  let den: bigint;
  const frac = FRACTION.exec(t);
  if (frac) {
    num = BigInt(frac[1]);
    den = BigInt(frac[2]);
    if (den === 0n) throw new InputError(field, `has a zero denominator: '${text}'`);
  } else {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!m || !DECIMAL.test(t)) throw new InputError(field, `must be a decimal number or a fraction a/b, got '${text}'`);
    const [, sign, int, fracDigits = '', exp = '0'] = m;
    const e = Number(exp) - fracDigits.length;
    const digits = BigInt((int || '0') + fracDigits);
    // a huge exponent gives a number beyond any bound, or beyond maxDigits: reject before building 10^e
    if (Math.abs(e) > 400) throw new InputError(field, `'${text}' is out of range`);
    num = (sign === '-' ? -1n : 1n) * (e >= 0 ? digits * 10n ** BigInt(e) : digits);
    den = e >= 0 ? 1n : 10n ** BigInt(-e);
  }
  const g = gcd(num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  const maxDigits = bounds.maxDigits ?? 60;
  const len = (x: bigint) => (x < 0n ? -x : x).toString().length;
  if (len(num) > maxDigits || len(den) > maxDigits)
    throw new InputError(field, `'${text}' needs more than ${maxDigits} digits as a fraction; give a shorter number`);
  // a decimal's double is Number(text) (correctly rounded); a fraction's is the quotient of its parts
  const value = finiteNumber(frac ? Number(num) / Number(den) : Number(t), field, bounds);
  return { numerator: num, denominator: den, value };
}

/** A decimal (parseDecimal) or a fraction a/b of integers written by a user, as a finite number within bounds. */
export function parseDecimalOrFraction(text: string, field: string, bounds: NumberBounds = {}): number {
  const frac = FRACTION.exec(text.trim());
  if (!frac) {
    if (!DECIMAL.test(text.trim())) throw new InputError(field, `must be a decimal number or a fraction a/b, got '${text}'`);
    return parseDecimal(text, field, bounds);
  }
  const den = Number(frac[2]);
  if (den === 0) throw new InputError(field, `has a zero denominator: '${text}'`);
  const value = Number(frac[1]) / den;
  if (Number.isNaN(value)) throw new InputError(field, `'${text}' is out of range`);
  return finiteNumber(value, field, bounds);
}

/**
 * A quantity computed from finite, bounded inputs turned out NaN or infinite
 * (an overflow, or a degenerate instance such as a near-singular system): an
 * error naming where it arose, never a value dropped from a maximum. It is an
 * InputError (exit 2, no stack trace): the input asked for a computation
 * beyond floating-point range; `where` is its field.
 */
export class NonFiniteError extends InputError {
  readonly where: string;
  constructor(where: string, value: number) {
    super(where, `computed value is ${value}, not a finite number`);
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
