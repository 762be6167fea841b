/** Unit tests for seed 003's personalized prices (Bikhchandani 2005). */
import { describe, expect, it } from 'vitest';
import { checkAssumptionsBySampling } from './assumptions.ts';
import { levelSetMax, monotoneSup, theorem1Price, theorem1PriceDirect, gFunction } from './construction.ts';
import { demandChoice, demandMechanism, mixedBundleModel, subadditivityViolation } from './demand.ts';
import { example1ConditionalMeasures, example1ExactMeasures, example1Model, example1Prices } from './example1.ts';
import { example2Model, example2Prices } from './example2.ts';
import { checkOnGrid, gridPoints } from './grid.ts';
import { admissibleAt, implementingRule, misreportGain } from './model.ts';
import { clopperPearsonLower, outcomeShares } from './nonTriviality.ts';
import { parsePricesSpec } from './spec.ts';
import { familyModel, satisfiesAssumption2 } from './valuationFamily.ts';

describe('model: condition (3), rule (4), misreports', () => {
  it('Example 1 at a profile: buyer 1 wins at price p_2 + c_2^2', () => {
    const s = [
      [0.9, 0.5],
      [0.4, 0.4],
    ];
    const a = admissibleAt(example1Model, example1Prices(), s);
    expect(a.values[0]).toBeCloseTo(1.1, 12);
    expect(a.values[1]).toBeCloseTo(0.6, 12);
    expect(a.prices[0]).toBeCloseTo(0.56, 12);
    expect(a.ok).toBe(true);
    expect(implementingRule(example1Model, example1Prices(), s)).toBe(1);
  });
  it('with half prices both buyers can exceed their price and buyer 2 gains by lying', () => {
    const s = [
      [0, 1],
      [0, 1],
    ];
    expect(admissibleAt(example1Model, example1Prices(0.5), s).above).toEqual([0, 1]);
    expect(misreportGain(example1Model, example1Prices(0.5), 1, s, [1, 0])).toBeCloseTo(0.5, 12);
  });
});

describe('grid and non-triviality', () => {
  it('grid points', () => {
    expect(gridPoints(2, 3)).toHaveLength(9);
    expect(gridPoints(1, 3)).toEqual([[0], [0.5], [1]]);
  });
  it('Example 1 is ex post IC and admissible on a grid (foundation exPostIC)', () => {
    const g = checkOnGrid(example1Model, example1Prices(), 4, 1e-9);
    expect(g.exPostIC.holds).toBe(true);
    expect(g.admissibilityViolation).toBeLessThanOrEqual(0);
    expect(checkOnGrid(example1Model, example1Prices(0.5), 4, 1e-9).exPostIC.holds).toBe(false);
  });
  it('Clopper-Pearson lower bound: 0 for no hits, (delta)^(1/n) for all hits', () => {
    expect(clopperPearsonLower(0, 100, 0.01)).toBe(0);
    expect(clopperPearsonLower(100, 100, 0.01)).toBeCloseTo(0.01 ** (1 / 100), 6);
    const l = clopperPearsonLower(50, 100, 0.05);
    expect(l).toBeGreaterThan(0.38);
    expect(l).toBeLessThan(0.42);
  });
  it('Example 1 exact measures 53/120 and 7/60; sampling agrees', () => {
    const m = example1ExactMeasures();
    expect(m.winI.toFraction()).toBe('53/120');
    expect(m.noSale.toFraction()).toBe('7/60');
    const sh = outcomeShares([2, 2], 3, (s) => implementingRule(example1Model, example1Prices(), s), { samples: 4000, seed: 3 });
    expect(sh.nonTrivial).toBe(true);
    expect(Math.abs(sh.shares[1] - 53 / 120)).toBeLessThan(0.03);
  });
  it('footnote 7: at s_i = (1, 0) buyer j never wins', () => {
    expect(example1ConditionalMeasures(1, 0)[2]).toBe(0);
    expect(example1ConditionalMeasures(0.5, 0.5).every((x) => x > 0)).toBe(true);
  });
});

describe("Theorem 1's construction", () => {
  it('monotoneSup brackets the supremum of a sublevel set', () => {
    const r = monotoneSup((x) => x * x - 0.25, 0, 1, -0.25, 0.75, 1e-9);
    expect(r.hi - r.lo).toBeLessThanOrEqual(1e-9);
    expect(r.lo).toBeCloseTo(0.5, 8);
  });
  it('V^m on Example 1 is p_j + min(v, c_j)', () => {
    const s = [
      [0, 0],
      [0.3, 0.6],
    ];
    for (const v of [0.2, 0.6, 1.1])
      expect(levelSetMax(example1Model, 0, 1, s, v, { accuracy: 1e-9 }).value).toBeCloseTo(0.3 + Math.min(v, 0.6), 6);
  });
  it('g is non-decreasing and t* = p_j + c_j on Example 1 (both forms)', () => {
    const s = [
      [0.2, 0.9],
      [0.3, 0.6],
    ];
    const g = [0, 0.25, 0.5, 0.75, 1].map((l) => gFunction(example1Model, 0, 1, s, l).g);
    for (let k = 1; k < g.length; k++) expect(g[k]).toBeGreaterThanOrEqual(g[k - 1] - 1e-6);
    expect(theorem1Price(example1Model, 0, s, { accuracy: 1e-7 }).price).toBeCloseTo(0.9, 4);
    expect(theorem1PriceDirect(example1Model, 0, s, { accuracy: 1e-8 }).price).toBeCloseTo(0.9, 7);
  });
  it('the diagonal-point variant (mutant) gives p_j + p_j c_j on Example 1', () => {
    const s = [
      [0.2, 0.9],
      [0.5, 0.6],
    ];
    expect(theorem1Price(example1Model, 0, s, { accuracy: 1e-7, classMaximum: 'diagonalPoint' }).price).toBeCloseTo(0.5 + 0.5 * 0.6, 4);
  });
});

describe('assumptions', () => {
  it('Assumption 2 coefficient test and sampling agree on simple cases', () => {
    const ok = {
      d: [2, 2],
      W: [
        [
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 0],
        ],
      ],
      E: [
        [
          [1, 1],
          [1, 1],
        ],
        [
          [1, 1],
          [1, 1],
        ],
      ],
      gamma: 1,
      w: [
        [0, 1],
        [0, 1],
      ],
    };
    const bad = {
      ...ok,
      W: [
        [
          [0, 0],
          [3, 0],
        ],
        [
          [1, 1],
          [1, 1],
        ],
      ],
    };
    expect(satisfiesAssumption2(ok)).toBe(true);
    expect(satisfiesAssumption2(bad)).toBe(false);
    expect(checkAssumptionsBySampling(familyModel(ok)).assumption2.holds).toBe(true);
    expect(checkAssumptionsBySampling(familyModel(bad)).assumption2.holds).toBe(false);
  });
});

describe('demand mechanism (section 4)', () => {
  it('picks a minimal element of the demand set on ties', () => {
    const m = mixedBundleModel([1, 1], 2, () => 1, 0); // unit demand, every object worth 1
    const zero = { price: () => 0 };
    const c = demandChoice(m, zero, 0, [[0], [0]]);
    expect(c.demandSet.length).toBe(3);
    expect([1, 2]).toContain(c.bundle);
  });
  it('subadditivity of unit demand and of the bonus variant', () => {
    expect(
      subadditivityViolation(
        mixedBundleModel([1, 1], 2, () => 1, 0),
        [[0], [0]],
      ),
    ).toBeLessThanOrEqual(0);
    expect(
      subadditivityViolation(
        mixedBundleModel([1, 1], 2, () => 1, 1, 1),
        [[0], [0]],
      ),
    ).toBe(1);
  });
  it('Example 2 with prices (14) is infeasible at a three-buyer profile', () => {
    const s = [
      [0.9, 0, 0.5],
      [0.9, 0, 0.5],
      [0, 0, 1],
    ];
    const d = demandMechanism(example2Model('subadditive'), example2Prices(), s);
    expect(d.feasible).toBe(false);
    expect(d.overDemanded).toEqual([0]);
  });
});

describe('spec parsing', () => {
  const base = {
    buyers: [
      { signals: ['p1', 'c1'], value: 'p1 + c1*c2' },
      { signals: ['p2', 'c2'], value: 'p2 + c1*c2' },
    ],
  };
  it('compiles valuations and prices', () => {
    const s = parsePricesSpec({
      ...base,
      prices: ['p2 + c2^2', 'p1 + c1^2'],
      at: [
        [
          [0.9, 0.5],
          [0.4, 0.4],
        ],
      ],
    });
    expect(
      s.model!.value(0, [
        [0.9, 0.5],
        [0.4, 0.4],
      ]),
    ).toBeCloseTo(1.1, 12);
    expect(
      s.prices!.price(0, [
        [0.9, 0.5],
        [0.4, 0.4],
      ]),
    ).toBeCloseTo(0.56, 12);
  });
  it('fast closures agree with mathjs (implicit multiplication, functions, constants, conditionals by fallback)', () => {
    const spec = parsePricesSpec({
      buyers: [
        { signals: ['p1', 'c1'], value: '2 c1 c2 + max(p1, c2)^2 - sqrt(p1) / pi' },
        { signals: ['p2', 'c2'], value: 'p2 > 0.5 ? c1 : c2' },
      ],
    });
    const s = [
      [0.25, 0.5],
      [0.75, 0.4],
    ];
    expect(spec.model!.value(0, s)).toBeCloseTo(2 * 0.5 * 0.4 + 0.4 ** 2 - 0.5 / Math.PI, 12);
    expect(spec.model!.value(1, s)).toBe(0.5);
  });
  it.each([
    [{ ...base, buyers: [{ signals: ['p1'], value: 'p1 + q' }, base.buyers[1]] }, /buyers\[0\]\.value: unknown symbol 'q'/],
    [{ ...base, prices: ['p2 +', 'p1'] }, /prices\[0\]: syntax error/],
    [{ ...base, prices: ['c1', 'p1'] }, /prices\[0\]: 'c1' is buyer 1's own signal/],
    [
      {
        ...base,
        at: [
          [
            [0.5, -0.1],
            [0, 0],
          ],
        ],
      },
      /at\[0\]\[0\]\[1\]: -0\.1 is outside/,
    ],
    [{ ...base, at: [[[0.5], [0, 0]]] }, /at\[0\]\[0\]: must have 2 signal values/],
    [{ buyers: [base.buyers[0]] }, /buyers: must be an array of at least two/],
    [{ ...base, colour: 1 }, /colour: is not a known field/],
    // refused by the schema (spec.schema.json), the field named
    [{ at: [] }, /^buyers: is required/],
    [{ ...base, buyers: [{ value: 'p1' }, base.buyers[1]] }, /^buyers\[0\]\.signals: is required/],
    [{ ...base, buyers: [{ signals: ['p1', 2], value: 'p1' }, base.buyers[1]] }, /^buyers\[0\]\.signals\[1\]: must be string/],
    [{ ...base, buyers: [{ signals: ['p1'], value: 3 }, base.buyers[1]] }, /^buyers\[0\]\.value: must be string/],
    [{ ...base, at: [[[0.5, '0.5']]] }, /^at\[0\]\[0\]\[1\]: must be number/],
    [{ ...base, prices: [1, 'p1'] }, /^prices\[0\]: must be string, or must be object/],
    [{ ...base, accuracy: '0.01' }, /^accuracy: must be number/],
  ])('rejects bad spec %#', (spec, msg) => {
    expect(() => parsePricesSpec(spec)).toThrow(msg);
  });
});
