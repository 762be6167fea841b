/** The branch and bound agrees with plain enumeration of all partial matchings (seed 000, section 3.4). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allMatchings, buyerPayoff, dIndex, zeroData, type AssignmentData } from './payoff.ts';
import { efficientAssignment, efficientAssignmentByEnumeration, vcgAssignment } from './solver.ts';

function dataArb(nMax: number, lo: number, hi: number): fc.Arbitrary<AssignmentData> {
  return fc
    .integer({ min: 1, max: nMax })
    .chain((n) =>
      fc
        .tuple(
          fc.array(fc.integer({ min: 0, max: hi }), { minLength: n * n, maxLength: n * n }),
          fc.array(fc.integer({ min: 0, max: hi }), { minLength: n * n, maxLength: n * n }),
          fc.array(fc.integer({ min: lo, max: hi }), { minLength: n ** 4, maxLength: n ** 4 }),
        )
        .map(([w, k, d]) => ({ n, w: Float64Array.from(w), kappa: Float64Array.from(k), d: Float64Array.from(d) })),
    );
}

describe('assignment with externalities', () => {
  it('counts partial matchings: n = 3 has 34, n = 4 has 209', () => {
    expect(allMatchings(3).length).toBe(34);
    expect(allMatchings(4).length).toBe(209);
    expect(allMatchings(3, 1).length).toBe(1 + 6 + 6);
  });
  it('g_i: a buyer matched to j pays externality costs only for the other matches that take place', () => {
    const data = zeroData(2);
    data.w[0 * 2 + 0] = 3;
    data.kappa[0] = 1;
    data.d[dIndex(2, 0, 0, 1, 1)] = 2;
    expect(buyerPayoff(data, [0, -1], 0)).toBe(2);
    expect(buyerPayoff(data, [0, 1], 0)).toBe(0);
    expect(buyerPayoff(data, [-1, 1], 0)).toBe(0);
  });
  it('branch and bound = enumeration, nonnegative externalities (n <= 4)', () => {
    fc.assert(
      fc.property(dataArb(4, 0, 3), (data) => {
        for (const ex of [-1, 0, data.n - 1]) {
          const a = efficientAssignment(data, ex);
          const b = efficientAssignmentByEnumeration(data, ex);
          expect(a.welfare).toBeCloseTo(b.welfare, 9);
        }
      }),
      { numRuns: 150, seed: 1 },
    );
  });
  it('branch and bound = enumeration, externalities of either sign (n <= 4)', () => {
    fc.assert(
      fc.property(dataArb(4, -3, 3), (data) => {
        for (const ex of [-1, 0])
          expect(efficientAssignment(data, ex).welfare).toBeCloseTo(efficientAssignmentByEnumeration(data, ex).welfare, 9);
      }),
      { numRuns: 150, seed: 2 },
    );
  });
  it('VCG transfers are nonpositive and utilities nonnegative (n <= 4)', () => {
    fc.assert(
      fc.property(dataArb(4, 0, 3), (data) => {
        const out = vcgAssignment(data);
        out.transfers.forEach((x, i) => {
          expect(x).toBeLessThanOrEqual(1e-9);
          expect(out.payoffs[i] + x).toBeGreaterThanOrEqual(-1e-9);
        });
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
