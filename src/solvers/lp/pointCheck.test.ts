/**
 * How a point is checked: exactly on LPs of at most EXACT_CHECK_MAX_TERMS
 * nonzeros, and above that with rigorous rounding, falling back to the exact
 * check only when the rounded violation exceeds the tolerance (and is finite).
 * The tolerance comparison is `violation <= tol` on both paths.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_CHECK_MAX_TERMS, exactPrimalViolation, nonzeros, pointCertificate, primalViolation } from './certify.ts';
import type { LinearProgram } from './types.ts';

/** One row sum_j x_j <= 1 over `n` variables x_j >= 0. */
const oneRow = (n: number): LinearProgram => ({
  sense: 'max',
  objective: new Array<number>(n).fill(0),
  rows: [{ indices: Array.from({ length: n }, (_, j) => j), values: new Array<number>(n).fill(1), lower: -Infinity, upper: 1 }],
});

/** exactPrimalViolation(lp, x): the violation (rounded up to the next double at most) and exact feasibility. */
function expectExact(lp: LinearProgram, x: number[], violation: number, exactlyFeasible: boolean): void {
  const r = exactPrimalViolation(lp, x);
  expect(r.exactlyFeasible).toBe(exactlyFeasible);
  if (violation === Infinity) expect(r.violation).toBe(Infinity);
  else {
    expect(r.violation).toBeGreaterThanOrEqual(violation);
    expect(r.violation).toBeLessThanOrEqual(violation + 1e-15);
  }
}

describe('point certificates by size', () => {
  it('at most EXACT_CHECK_MAX_TERMS nonzeros: exact, with exact feasibility', () => {
    const lp = oneRow(EXACT_CHECK_MAX_TERMS);
    expect(nonzeros(lp)).toBe(200_000);
    const x = new Array<number>(EXACT_CHECK_MAX_TERMS).fill(0);
    const c = pointCertificate(lp, x, 1e-9);
    expect(c).toMatchObject({ ok: true, exact: true, exactlyFeasible: true });
    expect(c.violation).toBeLessThanOrEqual(Number.MIN_VALUE); // rounded up from 0
  });

  it('above it: a point within the tolerance is accepted by the rounded check alone (not exact)', () => {
    const n = EXACT_CHECK_MAX_TERMS + 1;
    const lp = oneRow(n);
    const x = new Array<number>(n).fill(0);
    const c = pointCertificate(lp, x, 1e-9);
    expect(c).toEqual({ ok: true, violation: c.violation, exact: false });
    expect(c.violation).toBeLessThanOrEqual(Number.MIN_VALUE);
    // a violation of exactly the tolerance is accepted; the rounded check decides
    x[0] = 1 + 2 ** -30;
    const v = primalViolation(lp, x);
    expect(v).toBeGreaterThan(0);
    expect(pointCertificate(lp, x, v)).toEqual({ ok: true, violation: v, exact: false });
  });

  it('above it: a rounded violation beyond the tolerance is decided exactly', () => {
    const n = EXACT_CHECK_MAX_TERMS + 1;
    const lp = oneRow(n);
    const x = new Array<number>(n).fill(0);
    x[0] = 2; // (2 - 1) / scale 2
    const c = pointCertificate(lp, x, 1e-9);
    expect(c).toEqual({ ok: false, violation: exactPrimalViolation(lp, x).violation, exact: true, exactlyFeasible: false });
    expect(c.violation).toBeCloseTo(0.5, 12);
    // an exact violation equal to the tolerance passes
    expect(pointCertificate(lp, x, c.violation)).toMatchObject({ ok: true, exact: true, exactlyFeasible: false });
    // a non-finite entry: the rounded check says Infinity and nothing exact is attempted
    x[1] = NaN;
    expect(pointCertificate(lp, x, 1e-9)).toEqual({ ok: false, violation: Infinity, exact: false });
  });

  it('no point: not ok, infinite violation', () => {
    expect(pointCertificate(oneRow(2), undefined, 1)).toEqual({ ok: false, violation: Infinity, exact: false });
  });

  it('exact feasibility sees both variable bounds', () => {
    const lp: LinearProgram = { sense: 'max', objective: [0, 0], rows: [], lower: [0, -1], upper: [1, 2] };
    expectExact(lp, [1, 2], 0, true);
    expectExact(lp, [1, 2.5], 0.5, false);
    expectExact(lp, [-0.25, 0], 0.25, false);
    expectExact(lp, [0, Infinity], Infinity, false);
    expectExact(lp, [0], Infinity, false);
    // a row bound: 0.5 + 0.25 >= 1 fails by 0.25 (scale 1); 2 x0 <= 1 fails by 1 over scale 2
    const rows: LinearProgram = {
      sense: 'max',
      objective: [0, 0],
      rows: [
        { indices: [0, 1], values: [1, 1], lower: 1, upper: Infinity },
        { indices: [0], values: [2], lower: -Infinity, upper: 1 },
      ],
    };
    expectExact(rows, [0.5, 0.25], 0.25, false);
    expectExact(rows, [1, 0], 0.5, false);
    expectExact(rows, [0.5, 0.5], 0, true);
  });
});
