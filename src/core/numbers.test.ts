/** Numbers from users (issue 15, item 1): decimal options, exact rationals, probabilities, non-finite results. */
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { assertFinite, NonFiniteError, parseDecimal, parseDecimalOrFraction, parseRational, probability } from './numbers.ts';

describe('parseDecimal', () => {
  it.each(['0x10', '0b1', '0o7', '', ' ', 'Infinity', '-Infinity', 'NaN', '1/2', '1e', '.', '1,5', '١'])(
    'refuses %j naming the option',
    (text) => {
      expect(() => parseDecimal(text, '--tolerance')).toThrow(/^--tolerance: must be a decimal number, got/);
    },
  );
  it.each([
    ['1e309', /must be finite, got Infinity/],
    ['16', /must be <= 10, got 16/],
  ])('refuses %s outside the bounds', (text, message) => {
    expect(() => parseDecimal(text, '--x', { max: 10 })).toThrow(message);
  });
  it.each([
    ['12', 12],
    [' 0.25 ', 0.25],
    ['1e3', 1000],
    ['-2.5E-2', -0.025],
    ['.5', 0.5],
  ])('reads %j', (text, value) => {
    expect(parseDecimal(text, '--x')).toBe(value);
  });
});

describe('parseRational (exact) and parseDecimalOrFraction', () => {
  it.each([
    ['1/3', 1n, 3n],
    ['6/4', 3n, 2n],
    ['-2/4', -1n, 2n],
    ['1e3', 1000n, 1n],
    ['2.5e-1', 1n, 4n],
    ['0.125', 1n, 8n],
    ['1.5e-1', 3n, 20n],
    ['0', 0n, 1n],
  ])('%s = %d / %d exactly', (text, n, d) => {
    const r = parseRational(text, '--q');
    expect([r.numerator, r.denominator]).toEqual([n, d]);
    expect(r.value).toBe(Number(n) / Number(d));
  });
  it.each([
    ['1/0', /has a zero denominator/],
    ['0x10', /must be a decimal number or a fraction a\/b/],
    ['1e999', /'1e999' is out of range/],
    ['1e-100', /needs more than 60 digits as a fraction/],
    ['1/3', /must be <= 0\.25/],
  ])('refuses %s', (text, message) => {
    expect(() => parseRational(text, '--q', { max: 0.25 })).toThrow(InputError);
    expect(() => parseRational(text, '--q', { max: 0.25 })).toThrow(message);
  });
  it('parseDecimalOrFraction reads both forms as numbers, with the same refusals', () => {
    expect(parseDecimalOrFraction('1/4', '--p')).toBe(0.25);
    expect(parseDecimalOrFraction('1e-400', '--p')).toBe(0);
    expect(() => parseDecimalOrFraction('1/0', '--p')).toThrow(/zero denominator/);
    expect(() => parseDecimalOrFraction('0x1', '--p')).toThrow(/must be a decimal number or a fraction a\/b/);
    expect(() => parseDecimalOrFraction('2/1', '--p', { max: 1 })).toThrow(/--p: must be <= 1, got 2/);
  });
});

describe('probability', () => {
  it.each([
    [-1e-10, /is negative/],
    [1.0000001, /is above 1/],
    [Infinity, /must be a finite number, got Infinity/],
    ['0.5', /must be a finite number, got the string '0\.5'/],
  ])('refuses %s whatever the tolerance', (x, message) => {
    expect(() => probability(x, 'Q[0]')).toThrow(message);
  });
  it('accepts [0, 1]', () => {
    expect([0, 0.5, 1].map((x) => probability(x, 'p'))).toEqual([0, 0.5, 1]);
  });
});

describe('assertFinite', () => {
  it('a non-finite computed value is an InputError naming where it arose (exit 2, never a dropped maximum)', () => {
    expect(assertFinite(3, 'gain')).toBe(3);
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(() => assertFinite(x, 'the largest gain')).toThrow(NonFiniteError);
      expect(() => assertFinite(x, 'the largest gain')).toThrow(InputError);
      expect(() => assertFinite(x, 'the largest gain')).toThrow(`the largest gain: computed value is ${x}, not a finite number`);
    }
  });
});
