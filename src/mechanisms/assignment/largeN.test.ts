/** Theorem 2 quantities (seed 000, sections 5 and 7): counts agree with enumeration for n <= 10 (1e-9), n = 1000 stays finite. */
import { describe, expect, it } from 'vitest';
import {
  enumerationPrior,
  expectedPosteriorShiftByEnumeration,
  expectedPosteriorShifts,
  expectedRewardGap,
  expectedRewardGapByEnumeration,
  forEachCountVector,
  maxScaledRewardSum,
  maxScaledRewardSumByEnumeration,
  pairwiseConditional,
} from './largeN.ts';
import { countVectors } from '../../information/symmetricSignals.ts';

const model = {
  statePrior: [0.4, 0.6],
  likelihood: [
    [0.75, 0.25],
    [0.3, 0.7],
  ],
};

describe('Theorem 2 by counts', () => {
  it('forEachCountVector visits the same vectors as countVectors', () => {
    const a: number[][] = [];
    forEachCountVector(5, 3, (c) => a.push([...c]));
    expect(a).toEqual([...countVectors(5, 3)]);
  });
  it.each([2, 5, 8, 10])('n = %i: posterior shifts, reward gaps and max n^k sum xi agree with enumeration to 1e-9', (n) => {
    const P = enumerationPrior({ ...model, agents: n });
    const shifts = expectedPosteriorShifts({ ...model, agents: n });
    const pw = pairwiseConditional(model);
    for (const [b, r] of [
      [0, 1],
      [1, 0],
    ]) {
      expect(Math.abs(shifts[b][r] - expectedPosteriorShiftByEnumeration(P, b, r))).toBeLessThan(1e-9);
      expect(Math.abs(expectedRewardGap(pw, n, 2, b, r) - expectedRewardGapByEnumeration(P, 2, b, r))).toBeLessThan(1e-9);
    }
    expect(Math.abs(maxScaledRewardSum(pw, n) - maxScaledRewardSumByEnumeration(P, 2))).toBeLessThan(1e-9);
  });
  it('n = 1000: finite, the shift is tiny and positive, the reward gap positive', () => {
    const s = expectedPosteriorShifts({ ...model, agents: 1000 });
    expect(s[0][1]).toBeGreaterThan(0);
    expect(s[0][1]).toBeLessThan(1e-20);
    const pw = pairwiseConditional(model);
    expect(expectedRewardGap(pw, 1000, 1, 0, 1)).toBeGreaterThan(0);
    expect(maxScaledRewardSum(pw, 1000)).toBeLessThanOrEqual(1 / 1000);
  });
});
