/**
 * Discrete virtual values with ironing: the uniform case, an irregular case
 * whose ironed values pool two types, monotonicity, and for one bidder the
 * optimal revenue equals the best posted price max_j v_j P(v >= v_j).
 */
import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { exactField as E } from '../mechanisms/bilateralTrade/field.ts';
import { discreteVirtualValues, optimalAuctionRevenue } from './virtualValues.ts';

const fr = (xs: (number | string)[]) => xs.map((x) => E.of(x));
const show = (xs: ReturnType<typeof fr>) => xs.map((x) => E.show(x));

describe('discrete virtual values', () => {
  it('uniform on 1..6: v_k - (6 - k) = 2k - 6, already monotone', () => {
    const v = fr([1, 2, 3, 4, 5, 6]);
    const p = fr(v.map(() => '1/6'));
    expect(show(discreteVirtualValues(E, v, p, false))).toEqual(['-4', '-2', '0', '2', '4', '6']);
    expect(show(discreteVirtualValues(E, v, p))).toEqual(['-4', '-2', '0', '2', '4', '6']);
    expect(
      E.show(
        optimalAuctionRevenue(
          E,
          [0, 1, 2].map(() => ({ values: v, probs: p })),
        ),
      ),
    ).toBe('4');
  });

  it('irregular: {30, 31, 50} w.p. {1/5, 3/5, 1/5} has raw values 26, 74/3, 50 and ironed 25, 25, 50', () => {
    const v = fr([30, 31, 50]);
    const p = fr(['1/5', '3/5', '1/5']);
    expect(show(discreteVirtualValues(E, v, p, false))).toEqual(['26', '74/3', '50']);
    expect(show(discreteVirtualValues(E, v, p))).toEqual(['25', '25', '50']);
    const two = [0, 1].map(() => ({ values: v, probs: p }));
    expect(E.show(optimalAuctionRevenue(E, two))).toBe('34');
    expect(E.show(optimalAuctionRevenue(E, two, { ironed: false }))).toBe('854/25');
  });

  const dist = fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }).chain((vals) =>
    fc.record({
      values: fc.constant([...vals].sort((a, b) => a - b)),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: vals.length, maxLength: vals.length }),
    }),
  );
  fcTest.prop([dist], { seed: 31, numRuns: 200 })(
    'ironed values are nondecreasing; one bidder earns the best posted price',
    ({ values, weights }) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const v = fr(values);
      const p = weights.map((w) => E.div(E.of(w), E.of(total)));
      const phi = discreteVirtualValues(E, v, p);
      for (let j = 1; j < phi.length; j++) expect(E.cmp(phi[j], phi[j - 1])).toBeGreaterThanOrEqual(0);
      let best = E.zero;
      let q = E.zero;
      for (let j = v.length - 1; j >= 0; j--) {
        q = E.add(q, p[j]);
        if (E.cmp(E.mul(v[j], q), best) > 0) best = E.mul(v[j], q);
      }
      expect(E.show(optimalAuctionRevenue(E, [{ values: v, probs: p }]))).toBe(E.show(best));
    },
  );
});
