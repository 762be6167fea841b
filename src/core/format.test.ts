import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, roundSignificant } from './format.ts';

describe('formatNumber', () => {
  it('integers exactly, others to 8 significant digits by default; non-finite numbers by name', () => {
    expect(formatNumber(123456789)).toBe('123456789');
    expect(formatNumber(1 / 3)).toBe('0.33333333');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatNumber(NaN, { nonFinite: 'more than 1e308' })).toBe('more than 1e308');
  });
  it('each output keeps its precision through the options', () => {
    expect(formatNumber(2 / 3, { digits: 4 })).toBe('0.6667');
    expect(formatNumber(123456, { digits: 4, exactIntegers: false })).toBe('123500');
    expect(formatNumber(0.1 + 0.2, { digits: 'shortest' })).toBe('0.30000000000000004');
    expect(formatNumber(2500000, { digits: 'shortest', exactIntegers: false, exponent: { from: 1e6, digits: 2, compact: true } })).toBe(
      '2.50e6',
    );
    expect(formatNumber(1.5e-7, { digits: 10 })).toBe('1.5e-7');
  });
  it("reports' values: 6 digits within [1e-3, 1e6), exponent form outside; strings and null as they are", () => {
    expect(formatValue(0.1234567)).toBe('0.123457');
    expect(formatValue(0.00001234)).toBe('1.234e-5');
    expect(formatValue(12345678.5)).toBe('1.235e+7');
    expect(formatValue(42)).toBe('42');
    expect(formatValue('x')).toBe('x');
    expect(formatValue(null)).toBe('null');
    expect(roundSignificant(2 / 3, 3)).toBe(0.667);
  });
});
