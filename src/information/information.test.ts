import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { checkDecomposition, productStructure, trivialDecomposition, expectedValuationGap } from './informationDecomposition.ts';
import {
  informationalSize,
  logSmallestFixedPoint,
  massAbove,
  smallestFixedPoint,
  smallestFixedPointByBisection,
} from './informationalSize.ts';
import { beliefVariability, sphericalRewardAdvantage } from './beliefVariability.ts';
import { logDistance1, symmetricInformation } from './symmetricInformation.ts';

describe('smallest fixed point of the step mass function (Definition 3)', () => {
  it('hand-computed cases', () => {
    // all mass at distance 0.5: Q(I_eps) = 1 for eps < 0.5, 0 after: nu = 0.5
    expect(smallestFixedPoint([{ distance: 0.5, mass: 1 }])).toBe(0.5);
    // mass 0.1 at distance 1.5, 0.9 at 0: nu = 0.1 (the tail 0.1 < first distance)
    expect(
      smallestFixedPoint([
        { distance: 1.5, mass: 0.1 },
        { distance: 0, mass: 0.9 },
      ]),
    ).toBe(0.1);
    // 0.3 at 0.2, 0.2 at 0.25: tail above 0 is 0.5 >= 0.2; on [0.2, 0.25) tail 0.2 < ... cand max(0.2, 0.2) = 0.2
    expect(
      smallestFixedPoint([
        { distance: 0.2, mass: 0.3 },
        { distance: 0.25, mass: 0.2 },
      ]),
    ).toBe(0.2);
    expect(smallestFixedPoint([])).toBe(0);
  });
  it('agrees with bisection and is feasible; log version agrees', () => {
    let s = 7;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 200; k++) {
      const items = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => ({ distance: Math.round(rnd() * 20) / 10, mass: rnd() }));
      const tot = items.reduce((a, x) => a + x.mass, 0);
      items.forEach((x) => (x.mass /= tot));
      const nu = smallestFixedPoint(items);
      expect(Math.abs(nu - smallestFixedPointByBisection(items))).toBeLessThan(1e-12);
      expect(massAbove(items, nu)).toBeLessThanOrEqual(nu + 1e-15);
      const lognu = logSmallestFixedPoint(items.map((x) => ({ logDistance: Math.log(x.distance), logMass: Math.log(x.mass) })));
      expect(Math.abs(Math.exp(lognu) - nu)).toBeLessThan(1e-12);
    }
  });
});

describe('count-based nu and Lambda (log space)', () => {
  it('agree with enumeration at n = 16 to 1e-9 (the benchmark sizes)', () => {
    const L = [
      [0.9, 0.1],
      [0.1, 0.9],
    ];
    const Q = JointPrior.conditionallyIndependent([0.5, 0.5], Array(16).fill(L));
    const sym = symmetricInformation({ statePrior: [0.5, 0.5], likelihood: L, agents: 16 });
    expect(Math.abs(sym.nu - informationalSize(Q, 0).nu)).toBeLessThan(1e-9);
    expect(Math.abs(sym.lambda - beliefVariability(Q, 0).lambda)).toBeLessThan(1e-9);
  });
  it('n = 1000 gives finite logs where nu underflows', () => {
    const sym = symmetricInformation({
      statePrior: [0.5, 0.5],
      likelihood: [
        [0.99, 0.01],
        [0.01, 0.99],
      ],
      agents: 1000,
    });
    expect(sym.nu).toBe(0); // below the smallest double
    expect(Number.isFinite(sym.logNu)).toBe(true);
    expect(sym.logNu / Math.LN10).toBeLessThan(-400);
    expect(sym.lambda).toBeGreaterThan(1.9);
  });
  it('logDistance1 keeps tiny distances between nearly degenerate posteriors', () => {
    const a = 1e-250;
    const b = 3e-250;
    // p = (1 - a, a), q = (1 - b, b): ||p - q||_1 = 2 (b - a) = 4e-250, lost by 1 - a = 1 - b in doubles
    const d = Math.exp(logDistance1([Math.log1p(-a), Math.log(a)], [Math.log1p(-b), Math.log(b)]));
    expect(d / 4e-250).toBeCloseTo(1, 12);
  });
});

describe('decompositions', () => {
  it('product structure: both decompositions satisfy (ii)-(iii); valuations agree (Remark)', () => {
    const P1 = JointPrior.fromWeights(2, [2, 2], [3, 1, 1, 1, 1, 1, 1, 3]);
    const P2 = JointPrior.independent([
      [0.5, 0.5],
      [0.25, 0.75],
    ]);
    const { P, decomposition } = productStructure(P1, P2);
    expect(checkDecomposition(P, decomposition).holds).toBe(true);
    expect(checkDecomposition(P, trivialDecomposition(P)).holds).toBe(true);
    const values = [0, 1].map((i) => [0, 1].map((th) => [0, 1, 2, 3].map((t) => [th + t + i, 3 - t])));
    expect(expectedValuationGap(P, decomposition, trivialDecomposition(P), values)).toBeLessThan(1e-12);
    expect(beliefVariability(P, 0).lambda).toBeLessThan(1e-12); // trivial: (x, y) and (x, y') share beliefs
    expect(beliefVariability(P1, 0).lambda).toBeGreaterThan(0.01);
    // a wrong signal map fails (ii)
    const wrong = { ...decomposition, signalOf: [[1, 1, 0, 0], decomposition.signalOf[1]] };
    const c = checkDecomposition(P, wrong);
    expect(c.holds).toBe(false);
    expect(c.witness).toMatch(/\(ii\)|\(iii\)/);
  });
  it('Lemma C identity on a small prior', () => {
    const Q = JointPrior.fromWeights(2, [2, 2], [3, 1, 1, 1, 1, 1, 1, 3]);
    const adv = sphericalRewardAdvantage(Q, 0, 0, 1, 2);
    const b0 = Q.othersGivenOwn(0, 0);
    const n0 = Math.hypot(...b0);
    expect(adv).toBeCloseTo((2 / 2) * n0 * beliefVariability(Q, 0).lambda, 12);
  });
});
