/**
 * Probability vectors: every entry a finite number >= 0 (NaN, Infinity,
 * strings and negatives refused, naming the index), the sum within
 * tolerance x max(1, length) of 1 (at the bound accepted, past it refused),
 * full support and length when asked; normalisation; the norms.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { assertDistribution, distance1, distance2, norm2, normalize, sum, validateDistribution } from './distribution.ts';

describe('probability vectors', () => {
  it.each([
    [[0.5, NaN], /^p\[1\]: must be a finite number$/],
    [[Infinity, 0], /^p\[0\]: must be a finite number$/],
    [[0.5, '0.5'], /^p\[1\]: must be a finite number$/],
    [[1.5, -0.5], /^p\[1\]: is negative \(-0\.5\)$/],
    [[1 + 1e-12, -1e-12], /^p\[1\]: is negative/],
    [[], /^p: is empty$/],
    ['0.5', /^p: must be an array of probabilities$/],
    [[0.5, 0.4], /^p: sums to 0\.9, not 1 \(tolerance 1e-9\)$/],
  ])('%j is refused, naming the field', (p, message) => {
    expect(() => validateDistribution(p, 'p')).toThrow(InputError);
    expect(() => validateDistribution(p, 'p')).toThrow(message);
  });

  it('the sum may miss 1 by tolerance x max(1, length), not more', () => {
    // four entries: the bound is 4 x tolerance
    expect(() => validateDistribution([0.25, 0.25, 0.25, 0.25 + 2 ** -20], 'p', { tolerance: 2 ** -22 })).not.toThrow();
    expect(() => validateDistribution([0.25, 0.25, 0.25, 0.25 + 2 ** -19], 'p', { tolerance: 2 ** -22 })).toThrow(/sums to/);
    // one entry: max(1, 1) = 1
    expect(() => validateDistribution([1 - 2 ** -20], 'p', { tolerance: 2 ** -20 })).not.toThrow();
    expect(() => validateDistribution([1 - 2 ** -19], 'p', { tolerance: 2 ** -20 })).toThrow(/sums to/);
    // the default tolerance is 1e-9 per entry
    expect(() => validateDistribution([0.5, 0.5 + 1e-9], 'p')).not.toThrow();
    expect(() => validateDistribution([0.5, 0.5 + 1e-8], 'p')).toThrow(/tolerance 1e-9/);
    // a tolerance of 0 is kept: only an exact sum passes
    expect(() => validateDistribution([0.5, 0.5 + 2 ** -50], 'p', { tolerance: 0 })).toThrow(/tolerance 0\)/);
  });

  it('full support and length when asked', () => {
    expect(() => validateDistribution([1, 0], 'p', { fullSupport: true })).toThrow(/^p\[1\]: is 0 but full support is required$/);
    expect(() => validateDistribution([1, 0], 'p')).not.toThrow();
    expect(() => validateDistribution([0.5, 0.5], 'p', { length: 3 })).toThrow(/^p: has length 2, expected 3$/);
    expect(() => validateDistribution([0.5, 0.5], 'p', { length: 2 })).not.toThrow();
    expect(() => validateDistribution(new Float64Array([0.25, 0.75]), 'p')).not.toThrow();
  });

  it('assertDistribution returns a copy', () => {
    const p = [0.25, 0.75];
    const q = assertDistribution(p, 'p');
    expect(q).toEqual(p);
    expect(q).not.toBe(p);
    expect(() => assertDistribution([0.25, NaN], 'p')).toThrow(/p\[1\]/);
  });
});

describe('normalize', () => {
  it('divides by the sum; refuses non-finite, negative or all-zero weights naming the field', () => {
    expect(normalize([1, 3])).toEqual([0.25, 0.75]);
    expect(normalize([0, 2], 'w')).toEqual([0, 1]);
    expect(() => normalize([1, NaN], 'w')).toThrow(/^w\[1\]: must be a finite number, got NaN$/);
    expect(() => normalize([1, -1], 'w')).toThrow(/^w\[1\]: is negative \(-1\)$/);
    expect(() => normalize([0, 0], 'w')).toThrow(/^w: weights sum to 0; cannot normalise$/);
    expect(() => normalize([1, Infinity])).toThrow(/^weights\[1\]/);
  });
});

describe('norms', () => {
  it('sums, norms and distances', () => {
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(norm2([3, -4])).toBe(5);
    expect(distance1([1, 2], [4, -2])).toBe(7);
    expect(distance2([1, 2], [4, -2])).toBe(5);
  });

  it('vectors of different lengths are refused', () => {
    expect(() => distance1([1], [1, 2])).toThrow(/distance1: lengths 1 and 2 differ/);
    expect(() => distance2([1], [1, 2])).toThrow(/distance2: lengths 1 and 2 differ/);
  });
});
