/**
 * The certificates' inequalities, each shown to hold on random data and to
 * reject a wrong input: exact sums, rounding error bars, point violations
 * (rows and bounds), weak-duality bounds (both halves), Farkas margins and
 * radii, and exact ray checks.
 */
import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LPBuilder } from './builder.ts';
import {
  dualBound,
  exactPrimalViolation,
  farkasCertificate,
  pointCertificate,
  primalViolation,
  rayCertificate,
  verifyRay,
} from './certify.ts';
import { ExactSum, decompose, roundedDot } from './exactArithmetic.ts';
import { solveLP } from './solve.ts';
import type { LinearProgram } from './types.ts';

describe('exact sums of doubles', () => {
  it('decides signs that floating point gets wrong', () => {
    expect(0.1 + 0.2 - 0.3).toBeGreaterThan(0); // floating point: 5.55e-17
    const s = new ExactSum().add(0.1).add(0.2).add(-0.3);
    // exactly: 0.1 + 0.2 - 0.3 of the stored doubles is 2^-54 + 2^-56 - ... > 0, and equals what the decomposition says
    expect(s.sign()).toBe(1);
    expect(new ExactSum().add(1e16).add(1).add(-1e16).toNumber()).toBe(1);
    expect(new ExactSum().addProduct(3, 0.5).addProduct(-1.5, 1).sign()).toBe(0);
    expect(decompose(-0.75)).toEqual({ mantissa: -(3n << 51n), exponent: -53 });
  });

  fcTest.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -20, max: 20 })), {
        maxLength: 30,
      }),
    ],
    { seed: 11 },
  )('products of dyadic numbers sum exactly', (terms) => {
    const s = new ExactSum();
    let num = 0n; // the exact sum times 2^40
    for (const [a, b, e] of terms) {
      s.addProduct(a * 2 ** e, b * 2 ** -e);
      num += BigInt(a) * BigInt(b);
    }
    expect(s.sign()).toBe(num === 0n ? 0 : num > 0n ? 1 : -1);
    expect(s.toNumber()).toBe(Number(num));
  });

  fcTest.prop(
    [
      fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
        minLength: 1,
        maxLength: 40,
      }),
    ],
    { seed: 12 },
  )('the rounding error bar of a dot product contains the exact value', (pairs) => {
    const a = pairs.map((p) => p[0]);
    const x = pairs.map((p) => p[1]);
    const r = roundedDot(
      a,
      a.map((_, k) => k),
      x,
    );
    const exact = new ExactSum();
    pairs.forEach(([u, v]) => exact.addProduct(u, v));
    const lo = new ExactSum().addSum(exact).add(-(r.value - r.error));
    const hi = new ExactSum().add(r.value + r.error).addSum(exact, -1);
    // value - error <= exact <= value + error, decided exactly (the bounds themselves rounded outward)
    expect(lo.sign()).toBeGreaterThanOrEqual(0);
    expect(hi.sign()).toBeGreaterThanOrEqual(0);
  });
});

describe('feasible points', () => {
  const boxOnly = (): LinearProgram => ({ sense: 'max', objective: [1, 1], rows: [], lower: [0, -1], upper: [1, 2] });

  it('counts variable bounds on both sides', () => {
    const lp = boxOnly();
    expect(primalViolation(lp, [0.5, 0])).toBe(0);
    expect(primalViolation(lp, [-0.25, 0])).toBeCloseTo(0.25, 12);
    expect(primalViolation(lp, [1.5, 0])).toBeCloseTo(0.5, 12);
    expect(primalViolation(lp, [0.5, 2.75])).toBeCloseTo(0.75, 12);
    expect(exactPrimalViolation(lp, [0.5, -1.125]).violation).toBeCloseTo(0.125, 12);
    expect(exactPrimalViolation(lp, [0.5, -1.125]).exactlyFeasible).toBe(false);
    expect(primalViolation(lp, [NaN, 0])).toBe(Infinity);
    expect(primalViolation(lp, [0])).toBe(Infinity);
  });

  it('scales a row violation by max(1, max |a_k x_k|), from below and above', () => {
    const b = new LPBuilder('max');
    const x = b.addVariable('x', { lower: -Infinity });
    b.addRow([[x, 10]], 0, 5);
    const lp = b.build();
    expect(primalViolation(lp, [0.6])).toBeCloseTo(1 / 6, 12); // 6 - 5 over scale 6
    expect(primalViolation(lp, [-0.05])).toBeCloseTo(0.5, 12); // 0 - (-0.5) over scale 1
    expect(exactPrimalViolation(lp, [0.6]).violation).toBeCloseTo(1 / 6, 12);
    expect(primalViolation(lp, [0.25])).toBe(0);
  });

  it('tells a point exactly feasible from one feasible within the tolerance', () => {
    const b = new LPBuilder('max');
    const x = b.addVariable('x');
    const y = b.addVariable('y');
    b.eq(
      [
        [x, 1],
        [y, 1],
      ],
      0.3,
    );
    const lp = b.build();
    const exact = pointCertificate(lp, [0.1, 0.2], 1e-9); // 0.1 + 0.2 != 0.3 exactly
    expect(exact.ok).toBe(true);
    expect(exact.exact).toBe(true);
    expect(exact.exactlyFeasible).toBe(false);
    expect(exact.violation).toBeGreaterThan(0);
    expect(pointCertificate(lp, [0.3, 0], 1e-9).exactlyFeasible).toBe(true);
    expect(pointCertificate(lp, [0.3, 1e-6], 1e-9).ok).toBe(false);
  });
});

/** Random LPs built around a known feasible point x0 (rows hold at x0 with random slack), with a box on every variable. */
const lpAroundPoint = fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) }).chain(({ n, m }) =>
  fc.record({
    x0: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
    c: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }),
    A: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
    slack: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: m, maxLength: m }),
    y: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: m, maxLength: m }),
    sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
  }),
);

describe('dual bounds', () => {
  fcTest.prop([lpAroundPoint], { seed: 13, numRuns: 200 })(
    'weak duality: any multipliers bound every feasible objective (rows and bounds both count)',
    (s) => {
      const lp: LinearProgram = {
        sense: s.sense,
        objective: s.c,
        rows: s.A.map((row, i) => {
          const ax = row.reduce((t, a, j) => t + a * s.x0[j], 0);
          return { indices: row.map((_, j) => j), values: row, lower: ax - s.slack[i][0], upper: ax + s.slack[i][1] };
        }),
        lower: s.x0.map((v) => v - 2),
        upper: s.x0.map((v) => v + 2),
      };
      const cx = s.c.reduce((t, c, j) => t + c * s.x0[j], 0);
      const db = dualBound(lp, s.y);
      expect(db.dualInfeasibility).toBe(0); // every variable is boxed
      if (s.sense === 'max') expect(db.bound).toBeGreaterThanOrEqual(cx);
      else expect(db.bound).toBeLessThanOrEqual(cx);
    },
  );

  it('the bound uses both the rows and the variable bounds', () => {
    // max x s.t. x <= 3 (row), 0 <= x <= 5: y = 1 gives 3 (row part alone); y = 0 gives 5 (bounds alone)
    const lp: LinearProgram = {
      sense: 'max',
      objective: [1],
      rows: [{ indices: [0], values: [1], lower: -Infinity, upper: 3 }],
      lower: [0],
      upper: [5],
    };
    expect(dualBound(lp, [1]).bound).toBeCloseTo(3, 12);
    expect(dualBound(lp, [0]).bound).toBeCloseTo(5, 12);
    expect(dualBound(lp, [0.5]).bound).toBeCloseTo(4, 12); // 0.5 * 3 + 0.5 * 5
  });

  it('a reduced cost pointing at an infinite bound is a dual infeasibility, in either direction', () => {
    const free = (c: number): LinearProgram => ({
      sense: 'max',
      objective: [c],
      rows: [{ indices: [0], values: [1], lower: -1, upper: 1 }],
      lower: [-Infinity],
      upper: [Infinity],
    });
    expect(dualBound(free(1), [0]).dualInfeasibility).toBeCloseTo(1, 12);
    expect(dualBound(free(-1), [0]).dualInfeasibility).toBeCloseTo(1, 12);
    expect(dualBound(free(1), [1]).dualInfeasibility).toBe(0);
    expect(dualBound(free(1), [1]).bound).toBeCloseTo(1, 12);
    expect(dualBound(free(-2), [-2]).bound).toBeCloseTo(2, 12);
  });
});

describe('Farkas certificates', () => {
  // x + y <= 1, x + y >= 3, x, y >= 0
  const infeasible = (): LinearProgram => ({
    sense: 'max',
    objective: [0, 0],
    rows: [
      { indices: [0, 1], values: [1, 1], lower: -Infinity, upper: 1 },
      { indices: [0, 1], values: [1, 1], lower: 3, upper: Infinity },
    ],
  });

  it('accepts a true certificate in either orientation and at any scale, with the same margin', () => {
    const lp = infeasible();
    // y_i > 0 takes a row's upper bound, y_i < 0 its lower bound: 1 * 1 + (-1) * 3 = -2, and A^T y = 0
    const a = farkasCertificate(lp, [1, -1], 'dual-ray')!;
    expect(a).not.toBeNull();
    expect(a.bound).toBeCloseTo(-2, 12);
    expect(a.margin).toBeCloseTo(1, 12); // -bound / (|y| sum 2)
    expect(a.radius).toBe(Infinity);
    expect(a.y).toEqual([1, -1]);
    const negated = farkasCertificate(lp, [-1, 1], 'dual-ray')!;
    expect(negated.margin).toBeCloseTo(1, 12);
    expect(negated.y).toEqual([1, -1]); // oriented
    expect(farkasCertificate(lp, [7, -7], 'dual-ray')!.margin).toBeCloseTo(1, 12);
    // (1, -0.5): 0.5 (x + y) <= -0.5 against x, y >= 0 (the bounds carry part of it)
    expect(farkasCertificate(lp, [1, -0.5], 'dual-ray')!.bound).toBeCloseTo(-0.5, 12);
  });

  it('rejects multipliers that prove nothing', () => {
    const lp = infeasible();
    expect(farkasCertificate(lp, [1, 0], 'dual-ray')).toBeNull();
    expect(farkasCertificate(lp, [1, -0.2], 'dual-ray')).toBeNull(); // 1 - 0.6 > 0
    expect(farkasCertificate(lp, [1, 1], 'dual-ray')).toBeNull(); // the second multiplier points at the row's infinite upper bound
    expect(farkasCertificate(lp, [0, 0], 'dual-ray')).toBeNull();
    expect(farkasCertificate(lp, [1], 'dual-ray')).toBeNull();
    expect(farkasCertificate(lp, [1, NaN], 'dual-ray')).toBeNull();
  });

  it('a free variable left with a tiny reduced cost: the certificate holds within a radius, refused below the minimum', () => {
    // x free: x <= 1 and x >= 3; multipliers (1, 1 + 1e-12) leave 1e-12 on x
    const lp: LinearProgram = {
      sense: 'max',
      objective: [0],
      rows: [
        { indices: [0], values: [1], lower: -Infinity, upper: 1 },
        { indices: [0], values: [1], lower: 3, upper: Infinity },
      ],
      lower: [-Infinity],
      upper: [Infinity],
    };
    const c = farkasCertificate(lp, [1, -(1 + 1e-12)], 'dual-ray')!;
    expect(c.radius).toBeGreaterThan(1e11);
    expect(c.radius).toBeLessThan(1e13);
    expect(farkasCertificate(lp, [1, -(1 + 1e-6)], 'dual-ray')).toBeNull(); // radius 2e6 < 1e9
    expect(farkasCertificate(lp, [1, -(1 + 1e-6)], 'dual-ray', 1e6)!.radius).toBeGreaterThan(1e6);
  });

  const infeasibleArb = fc.record({
    A: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 5 }),
    b: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 5, maxLength: 5 }),
    points: fc.array(fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 3, maxLength: 3 }), {
      minLength: 20,
      maxLength: 20,
    }),
  });
  let certified = 0;
  fcTest.prop([infeasibleArb], { seed: 14, numRuns: 150 })(
    'every point violates some row or bound by at least the margin',
    ({ A, b, points }) => {
      const lp: LinearProgram = {
        sense: 'max',
        objective: [0, 0, 0],
        rows: A.map((row, i) => ({ indices: [0, 1, 2], values: row, lower: b[i], upper: b[i] + 1 })),
        lower: [-2, -2, -2],
        upper: [2, 2, 2],
      };
      const sol = solveLP(lp, { backend: 'highs' });
      if (sol.status !== 'infeasible') return;
      const f = sol.certificate.farkas!;
      certified++;
      for (const x of points) {
        let worst = 0;
        x.forEach((v, j) => (worst = Math.max(worst, lp.lower![j] - v, v - lp.upper![j])));
        for (const r of lp.rows) {
          const ax = r.values.reduce((t, a, k) => t + a * x[r.indices[k]], 0);
          worst = Math.max(worst, r.lower - ax, ax - r.upper);
        }
        expect(worst).toBeGreaterThanOrEqual(f.margin * (1 - 1e-12));
      }
    },
  );
  it('the margin property met a substantial number of infeasible LPs', () => {
    expect(certified).toBeGreaterThan(20);
  });
});

describe('rays', () => {
  // max x + y s.t. x - y <= 1 (row), x + y >= -4 (row), x >= 0, y <= 10
  const lp = (): LinearProgram => ({
    sense: 'max',
    objective: [1, 1],
    rows: [
      { indices: [0, 1], values: [1, -1], lower: -Infinity, upper: 1 },
      { indices: [0, 1], values: [1, 1], lower: -4, upper: Infinity },
    ],
    lower: [0, -Infinity],
    upper: [Infinity, 10],
  });
  const down = (): LinearProgram => ({ ...lp(), lower: [-Infinity, -Infinity], upper: [Infinity, Infinity] });

  it('checks every cone condition exactly', () => {
    expect(rayCertificate(lp(), [1, 0]).why).toMatch(/row 0: a.r > 0 against a finite upper bound/);
    expect(rayCertificate(lp(), [0, 1]).why).toMatch(/variable 1 has a finite upper bound/);
    expect(rayCertificate(lp(), [-1, -1]).why).toMatch(/variable 0 has a finite lower bound/);
    expect(rayCertificate(down(), [-1, -1]).why).toMatch(/row 1: a.r < 0 against a finite lower bound/);
    expect(rayCertificate(down(), [1, 1]).ok).toBe(true);
    expect(rayCertificate(down(), [1, 1]).rate).toBe(2);
    expect(rayCertificate(down(), [1, 1]).violation).toBe(0);
    expect(rayCertificate(down(), [2, 0]).violation).toBeCloseTo(2, 12); // a.r = 2 on the first row
    expect(rayCertificate({ ...down(), objective: [-1, -1] }, [1, 1]).why).toMatch(/does not improve/);
    expect(rayCertificate({ ...down(), sense: 'min', objective: [-1, -1] }, [1, 1]).ok).toBe(true);
    expect(rayCertificate(down(), [1]).ok).toBe(false);
  });

  it('a ray with rounding noise is rounded to a dyadic grid before its exact check', () => {
    expect(rayCertificate(down(), [1, 1 - 2 ** -52]).ok).toBe(false); // x - y = 2^-52 > 0 against x - y <= 1's cone
    const v = verifyRay(down(), [1, 1 - 2 ** -52]);
    expect(v!.ray).toEqual([1, 1]);
    expect(v!.check.ok).toBe(true);
    const off = verifyRay(down(), [1, 0])!; // improving, but x - y grows by 1 per unit against x - y <= 1
    expect(off.check.ok).toBe(false);
    expect(off.check.violation).toBeCloseTo(1, 12);
    expect(verifyRay(down(), [-1, -1])).toBeNull(); // not improving
    expect(verifyRay(down(), undefined)).toBeNull();
  });
});
