import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LPCertificationError } from '../../core/errors.ts';
import { LPBuilder } from './builder.ts';
import { dualBound, primalViolation } from './certify.ts';
import { certifyOptimal, runBackend, solveLP } from './solve.ts';
import type { LinearProgram } from './types.ts';

function smallLP(): LinearProgram {
  const b = new LPBuilder('max');
  const x = b.addVariable('x', { objective: 1 });
  const y = b.addVariable('y', { objective: 1, lower: -3 });
  const z = b.addVariable('z', { objective: -1, lower: -Infinity });
  b.le(
    [
      [x, 1],
      [y, 2],
    ],
    4,
  );
  b.le(
    [
      [x, 3],
      [y, 1],
    ],
    6,
  );
  b.ge(
    [
      [z, 1],
      [x, 1],
    ],
    -2,
  );
  return b.build();
}

describe('certified LP layer', () => {
  it('solves and certifies with both backends (free and shifted variables)', () => {
    const lp = smallLP();
    const a = solveLP(lp);
    const b = solveLP(lp, { backend: 'highs', crossCheck: true });
    expect(a.objective).toBeCloseTo(6.4, 9);
    expect(b.objective).toBeCloseTo(6.4, 9);
    expect(a.certificate.method).toBe('second-backend');
    expect(b.certificate.method).toBe('dual-bound+second-backend');
    expect(b.certificate.gap!).toBeLessThan(1e-9);
  });

  it("a wrong optimum is refuted by the other backend's dual-certified point; with no honest backend it raises", () => {
    const lp = smallLP();
    const wrong = () => ({ backend: 'jsLpSolver' as const, status: 'optimal' as const, x: [0, 0, -2], objective: 2, ms: 0 });
    const sol = solveLP(lp, { backend: 'jsLpSolver', runners: { jsLpSolver: wrong } });
    expect(sol.objective).toBeCloseTo(6.4, 9);
    expect(sol.backend).toBe('highs');
    expect(sol.certificate.resolution).toBe('dual bound refutes objective');
    // both backends return the feasible but suboptimal point, without duals: nothing closes the gap
    const wrongHighs = () => ({ backend: 'highs' as const, status: 'optimal' as const, x: [0, 0, -2], objective: 2, ms: 0 });
    expect(() => solveLP(lp, { backend: 'jsLpSolver', runners: { jsLpSolver: wrong, highs: wrongHighs } })).toThrow(
      /no verified dual bound/,
    );
  });

  it('rejects an infeasible point', () => {
    const lp = smallLP();
    const bad = () => ({
      backend: 'highs' as const,
      status: 'optimal' as const,
      x: [10, 10, 0],
      objective: 20,
      rowDuals: [0, 0, 0],
      ms: 0,
    });
    const badJs = () => ({ backend: 'jsLpSolver' as const, status: 'optimal' as const, x: [10, 10, 0], objective: 20, ms: 0 });
    expect(() => solveLP(lp, { backend: 'highs', runners: { highs: bad, jsLpSolver: badJs } })).toThrow(/primal infeasible/);
    // with an honest second backend, its certified point decides
    expect(solveLP(lp, { backend: 'jsLpSolver', runners: { jsLpSolver: badJs } }).objective).toBeCloseTo(6.4, 9);
  });

  it("rejects duals that are not dual feasible (a free variable's reduced cost), and a bound from duals that does not close the gap", () => {
    const lp = smallLP();
    // feasible but suboptimal point; the duals leave z's reduced cost at -1 toward its infinite lower bound
    const sub = () => ({
      backend: 'highs' as const,
      status: 'optimal' as const,
      x: [1, 1, -3],
      objective: 5,
      rowDuals: [0.4, 0.2, 0],
      ms: 0,
    });
    const subJs = () => ({ backend: 'jsLpSolver' as const, status: 'optimal' as const, x: [1, 1, -3], objective: 5, ms: 0 });
    expect(() => solveLP(lp, { backend: 'highs', runners: { highs: sub, jsLpSolver: subJs } })).toThrow(LPCertificationError);
    // dual-feasible duals of the true optimum (bound 6.4) do not certify the suboptimal point 5
    const sub2 = () => ({
      backend: 'highs' as const,
      status: 'optimal' as const,
      x: [1, 1, -3],
      objective: 5,
      rowDuals: [0.2, 0.6, -1],
      ms: 0,
    });
    expect(() => solveLP(lp, { backend: 'highs', runners: { highs: sub2, jsLpSolver: subJs } })).toThrow(/differ by/);
    // ... but they certify an honest point of value 6.4 found by the other backend
    const sol = solveLP(lp, { backend: 'highs', runners: { highs: sub2 } });
    expect(sol.objective).toBeCloseTo(6.4, 9);
    expect(sol.backend).toBe('jsLpSolver');
    expect(sol.certificate.resolution).toBe('dual bound refutes objective');
  });

  it('weak duality: the dual bound is never below a feasible objective', () => {
    const lp = smallLP();
    const h = runBackend('highs', lp);
    const db = dualBound(lp, h.rowDuals!);
    expect(db.bound).toBeGreaterThanOrEqual(6.4 - 1e-9);
    expect(primalViolation(lp, [1.6, 1.2, -3.6])).toBeLessThan(1e-12);
    expect(primalViolation(lp, [2, 2, 0])).toBeGreaterThan(0);
  });

  it('certifies infeasibility by agreement', () => {
    const b = new LPBuilder('min');
    const x = b.addVariable('x', { objective: 1, upper: 1 });
    b.ge([[x, 1]], 2);
    expect(solveLP(b.build()).status).toBe('infeasible');
  });

  // differential property: random small LPs with a box on the variables; whenever both backends certify, they agree
  const lpArb = fc
    .record({
      n: fc.integer({ min: 1, max: 5 }),
      m: fc.integer({ min: 1, max: 5 }),
      sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
    })
    .chain(({ n, m, sense }) =>
      fc.record({
        sense: fc.constant(sense),
        c: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
        A: fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        b: fc.array(fc.integer({ min: -3, max: 8 }), { minLength: m, maxLength: m }),
        kinds: fc.array(fc.constantFrom('le', 'ge', 'eq'), { minLength: m, maxLength: m }),
        lower: fc.array(fc.integer({ min: -3, max: 0 }), { minLength: n, maxLength: n }),
      }),
    );

  let compared = 0;
  fcTest.prop([lpArb], { numRuns: 150, seed: 7 })('backends agree whenever both certify', (spec) => {
    const B = new LPBuilder(spec.sense);
    const vars = spec.c.map((c, j) => B.addVariable(`x${j}`, { objective: c, lower: spec.lower[j], upper: 5 }));
    spec.A.forEach((row, i) => {
      const terms = row.map((a, j) => [vars[j], a] as const);
      if (spec.kinds[i] === 'le') B.le(terms, spec.b[i]);
      else if (spec.kinds[i] === 'ge') B.ge(terms, spec.b[i]);
      else B.eq(terms, spec.b[i]);
    });
    const lp = B.build();
    const a = runBackend('jsLpSolver', lp);
    const h = runBackend('highs', lp);
    if (a.status === 'error' || h.status === 'error') return;
    if (a.status === 'optimal' && h.status === 'optimal') {
      const ca = certifyOptimal(lp, a, 1e-7);
      const ch = certifyOptimal(lp, h, 1e-7);
      // jsLpSolver gives no duals: its answer is certified by primal feasibility alone; HiGHS by its dual bound
      if (ca.primalViolation <= 1e-7 && ch.ok) {
        compared++;
        expect(Math.abs(a.objective! - h.objective!)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(h.objective!)));
      }
    } else {
      expect(a.status).toBe(h.status);
    }
  });

  it('the differential property compared a substantial number of optimal LPs', () => {
    expect(compared).toBeGreaterThan(20);
  });
});
