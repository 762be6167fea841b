/**
 * Numbers as a user writes them in a mechanism (a JSON file or a module): a
 * number, or a string holding an exact decimal or fraction (`"1/3"`,
 * `"0.25"`, `"-2"`).
 *
 * Every number read is finite and bounded (payoffs |x| <= MAX_ABS_PAYOFF =
 * 1e12, probabilities in [0, 1]). A probability vector whose entries are all
 * exact (strings or integers) must sum to exactly 1, compared in exact
 * rational arithmetic; a vector with floating-point entries must sum to 1
 * within PROBABILITY_TOLERANCE times its length (so `[0.333333, 0.333333,
 * 0.333333]` is refused, and `["1/3", "1/3", "1/3"]` accepted).
 *
 * The rationals are BigInt fractions written here rather than mathjs
 * Fractions: importing mathjs costs most of a second of CPU, which `mechcheck
 * check` must not pay at startup (README, "Startup").
 */
import { InputError } from '../core/errors.ts';
import { finiteNumber, payoff } from '../core/numbers.ts';
import { PROBABILITY_TOLERANCE } from '../core/tolerance.ts';

/** A number in a mechanism description: a JSON number, or an exact decimal or fraction in a string (`"1/3"`). */
export type NumberLiteral = number | string;

/** An exact rational num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** At most 30 digits in each part, so that an exact sum stays cheap. */
const EXACT = /^([+-]?)(\d{1,30})(?:\.(\d{1,30}))?(?:\/(\d{1,30}))?$/;

/**
 * Parse an exact decimal or fraction (`"1/3"`, `"-0.25"`, `"2"`, `"1.5/4"`);
 * anything else (hex, exponents, `Infinity`, spaces inside) is an InputError
 * naming `field`.
 *
 * @example parseExact('1/3', 'prior[0]') // { num: 1n, den: 3n }
 */
export function parseExact(text: string, field: string): Rational {
  const m = EXACT.exec(text.trim());
  if (!m) throw new InputError(field, `must be a number or an exact fraction such as "1/3", got ${quote(text)}`);
  const [, sign, whole, frac = '', denText] = m;
  let num = BigInt(whole + frac);
  let den = 10n ** BigInt(frac.length);
  if (denText !== undefined) {
    const d = BigInt(denText);
    if (d === 0n) throw new InputError(field, `divides by zero: ${quote(text)}`);
    den *= d;
  }
  if (sign === '-') num = -num;
  return { num, den };
}

/** The double nearest to an exact rational (to within one rounding of each part). */
export function rationalToNumber(r: Rational): number {
  if (r.num === 0n) return 0;
  const g = gcd(r.num < 0n ? -r.num : r.num, r.den);
  return Number(r.num / g) / Number(r.den / g);
}

/** The exact decimal value of a finite double as it prints (0.1 -> 1/10), for integers exactly. */
function numberToRational(x: number): Rational {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { num: BigInt(x), den: 1n };
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return { num: 0n, den: 1n };
  const [, sign, whole, frac = '', exp = '0'] = m;
  let num = BigInt(whole + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  return { num: sign === '-' ? -num : num, den };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function add(a: Rational, b: Rational): Rational {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const g = gcd(num < 0n ? -num : num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** A number literal as a finite double within `bounds`, or an InputError naming `field`. */
export function readNumber(x: unknown, field: string, bounds: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (typeof x === 'string') return finiteNumber(rationalToNumber(parseExact(x, field)), field, bounds);
  return finiteNumber(x, field, bounds);
}

/** A payoff literal (valuation, transfer): finite and |x| <= MAX_ABS_PAYOFF (1e12). */
export function readPayoff(x: unknown, field: string): number {
  if (typeof x === 'string') return payoff(rationalToNumber(parseExact(x, field)), field);
  return payoff(x, field);
}

/**
 * A probability vector of number literals: every entry in [0, 1] (a negative
 * entry is refused whatever the tolerance), summing to exactly 1 when every
 * entry is exact (a string or an integer), else to 1 within `tolerance` x
 * length. Returns the entries as doubles.
 *
 * @example readProbabilities(['1/3', '1/3', '1/3'], 'prior.independent[0]') // [0.333.., 0.333.., 0.333..]
 */
export function readProbabilities(
  p: unknown,
  field: string,
  opts: { length?: number; tolerance?: number; entryField?: (k: number) => string } = {},
): number[] {
  const at = opts.entryField ?? ((k: number) => `${field}[${k}]`);
  if (!Array.isArray(p)) throw new InputError(field, 'must be an array of probabilities');
  if (opts.length !== undefined && p.length !== opts.length)
    throw new InputError(field, `has ${p.length} entries, expected ${opts.length}`);
  if (p.length === 0) throw new InputError(field, 'is empty');
  const out = new Array<number>(p.length);
  let exact = true;
  let s = 0;
  for (let k = 0; k < p.length; k++) {
    const v = readNumber(p[k], at(k));
    if (v < 0) throw new InputError(at(k), `is a negative probability (${p[k]})`);
    if (v > 1) throw new InputError(at(k), `is a probability above 1 (${p[k]})`);
    if (typeof p[k] !== 'string' && !Number.isInteger(p[k])) exact = false;
    out[k] = v;
    s += v;
  }
  if (exact) {
    let sum: Rational = { num: 0n, den: 1n };
    for (let k = 0; k < p.length; k++)
      sum = add(sum, typeof p[k] === 'string' ? parseExact(p[k] as string, at(k)) : numberToRational(p[k] as number));
    if (sum.num !== sum.den) {
      const g = gcd(sum.num < 0n ? -sum.num : sum.num, sum.den);
      throw new InputError(field, `sums to exactly ${sum.num / g}/${sum.den / g}, not 1`);
    }
    return out;
  }
  const tol = opts.tolerance ?? PROBABILITY_TOLERANCE;
  if (!(Math.abs(s - 1) <= tol * Math.max(1, p.length))) {
    throw new InputError(
      field,
      `sums to ${s}, not 1 (tolerance ${tol} x ${p.length} entries); write exact fractions as strings, e.g. "1/3", to have them summed exactly`,
    );
  }
  return out;
}

function quote(s: string): string {
  const t = s.length > 40 ? s.slice(0, 40) + '...' : s;
  return JSON.stringify(t);
}
