/** Work limits (issue 15, item 2): estimates refused before allocation, budgets counted while running. */
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { assertWorkWithinLimit, DEFAULT_MAX_WORK, LimitError, maxWorkOption, product, StepBudget, totalWork } from './limits.ts';

describe('work limits', () => {
  it('--max-work: decimal, 1 to 1e13, default 1e9', () => {
    expect(maxWorkOption(undefined)).toBe(DEFAULT_MAX_WORK);
    expect(maxWorkOption('2e7')).toBe(2e7);
    expect(() => maxWorkOption('0x10')).toThrow(/--max-work: must be a decimal number/);
    expect(() => maxWorkOption('0')).toThrow(/--max-work: must be >= 1/);
    expect(() => maxWorkOption('1e14')).toThrow(/--max-work: must be <= 10000000000000/);
  });
  it('an estimate above the limit is refused naming the field, the largest part, the size, the limit and --max-work', () => {
    const parts = [
      { what: 'the plan (horizon 1e9)', units: 2e12 },
      { what: 'memory', units: 5e10 },
    ];
    expect(totalWork(parts)).toBe(2.05e12);
    expect(() => assertWorkWithinLimit(parts, 1e9, 'horizon')).toThrow(LimitError);
    expect(() => assertWorkWithinLimit(parts, 1e9, 'horizon')).toThrow(
      'horizon: the work asked for (the plan (horizon 1e9)) is 2.05e12 units, above the limit of 1.00e9 units (raise it with --max-work)',
    );
    expect(assertWorkWithinLimit(parts, 1e13, 'horizon')).toBe(2.05e12);
  });
  it('overflowing sizes are refused, not wrapped: product past 1e308 is Infinity, NaN parts count as Infinity', () => {
    expect(product([1e200, 1e200])).toBe(Infinity);
    expect(() => assertWorkWithinLimit([{ what: 'x', units: product([1e200, 1e200]) }], 1e9, 'signals')).toThrow(
      /is more than 1e308 units/,
    );
    expect(() => assertWorkWithinLimit([{ what: 'x', units: NaN }], 1e9, 'signals')).toThrow(LimitError);
  });
  it('a StepBudget counts while running and stops past its limit', () => {
    const b = new StepBudget(100, 'spec', 'evaluating expressions');
    b.spend(60);
    expect(b.remaining).toBe(40);
    b.spend(40);
    expect(() => b.spend(1)).toThrow(InputError);
    expect(() => b.spend(1)).toThrow(
      /^spec: the work spent on evaluating expressions \(counted while running\) is 102 units, above the limit of 100 units \(raise it with --max-work\)$/,
    );
  });
});
