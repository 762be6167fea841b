import { describe, expect, it } from 'vitest';
import { JointPrior } from './prior.ts';
import { ProfileSpace } from './profiles.ts';
import { InputError } from './errors.ts';
import { assertDistribution, distance1, norm2 } from './distribution.ts';

describe('ProfileSpace', () => {
  it('indexes row-major with agent 0 slowest, and removes an agent', () => {
    const s = new ProfileSpace([2, 3, 2]);
    expect(s.size).toBe(12);
    expect(s.index([1, 2, 0])).toBe(1 * 6 + 2 * 2 + 0);
    expect(s.profile(11)).toEqual([1, 2, 1]);
    for (let k = 0; k < s.size; k++) {
      const p = s.profile(k);
      expect(s.othersIndex(k, 1)).toBe(s.without(1).index([p[0], p[2]]));
      expect(s.replace(k, 2, 1 - p[2])).toBe(s.index([p[0], p[1], 1 - p[2]]));
    }
  });
});

describe('JointPrior', () => {
  // two states, two agents with binary signals, conditionally independent with accuracy 0.8
  const P = JointPrior.conditionallyIndependent(
    [0.5, 0.5],
    [
      [
        [0.8, 0.2],
        [0.2, 0.8],
      ],
      [
        [0.8, 0.2],
        [0.2, 0.8],
      ],
    ],
  );
  it('posterior on the state given a profile', () => {
    const post = P.stateGivenProfile(P.profiles.index([0, 0]));
    expect(post[0]).toBeCloseTo(0.64 / 0.68, 12);
  });
  it('beliefs about the others given own signal', () => {
    const b = P.othersGivenOwn(0, 0);
    // P(a_1 = 0 | a_0 = 0) = 0.8*0.8 + 0.2*0.2 = 0.68
    expect(b[0]).toBeCloseTo(0.68, 12);
    expect(b[0] + b[1]).toBeCloseTo(1, 12);
  });
  it('validates its input, naming the field', () => {
    expect(() => new JointPrior(1, [2], [0.5, 0.6])).toThrow(InputError);
    expect(() => new JointPrior(1, [2], [0.5, 0.6])).toThrow(/prior: sums to 1.1/);
    expect(() => new JointPrior(2, [2], [0.5, 0.5])).toThrow(/expected 4/);
    expect(() => JointPrior.independent([[1, 0]]).requireFullSupport()).toThrow(/full support/);
  });
  it('refuses a table above PRIOR_CELLS_LIMIT before allocating it, naming the size', () => {
    const huge = Array.from({ length: 10 }, () => Array<number>(100).fill(0.01));
    expect(() => JointPrior.independent(huge)).toThrow(
      /prior: the prior's table \(1 states x 100 x 100 x 100 x 100 x 100 x 100 x 100 x 100 x 100 x 100 profiles\) is 1\.00e20, above the limit of 1\.50e8/,
    );
    // the likelihoods of 3 agents with 1000 signals in 2 states: 2e9 cells
    const L = Array.from({ length: 3 }, () => [Array<number>(1000).fill(0.001), Array<number>(1000).fill(0.001)]);
    expect(() => JointPrior.conditionallyIndependent([0.5, 0.5], L)).toThrow(/is 2\.00e9, above the limit/);
  });
  it('norms', () => {
    expect(distance1([0.5, 0.5], [1, 0])).toBe(1);
    expect(norm2([3, 4])).toBe(5);
    expect(() => assertDistribution([0.5, -0.1, 0.6], 'p')).toThrow(/p\[1\]: is negative/);
  });
});
