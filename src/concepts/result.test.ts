/**
 * The verdict of every checker: `holds` exactly when violation <= tolerance
 * (a violation equal to the tolerance holds, the next double above does not),
 * violation = max(0, worst) with -0 read as 0, the default tolerance
 * (DEFAULT_TOLERANCE, 1e-9) applied when none is given, bad tolerances refused
 * naming the field, and the worst-case tracker keeping the first of equal cases.
 */
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { InputError } from '../core/errors.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { ALL_CONCEPTS, checkAll } from './checkAll.ts';
import { exPostIC } from './incentiveCompatibility.ts';
import { exPostIR } from './individualRationality.ts';
import { checkedTolerance, conceptResult, WorstCase } from './result.ts';

/** One agent with two equally likely types, one outcome worth 0: utilities are the transfers. */
const oneAgent: Environment = { prior: JointPrior.independent([[0.5, 0.5]]), outcomes: 1, privateValues: true, value: () => 0 };
/** Type 1 is paid `d` more than type 0: type 0 gains d by lying; every other concept sees d (or -d) too. */
const payGap = (d: number): DirectMechanism => ({ outcome: () => 0, transfer: (k) => [k === 1 ? d : 0] });

describe('a verdict at the tolerance', () => {
  it('a violation equal to the tolerance holds; the next double above it does not', () => {
    for (const tol of [0, 2 ** -30, 0.25, 1]) {
      const at = conceptResult('exPostIC', tol, null, tol, 1);
      expect(at).toEqual({ concept: 'exPostIC', holds: true, violation: tol, worst: tol, tolerance: tol, witness: null, cases: 1 });
      const above = tol === 0 ? Number.MIN_VALUE : tol * (1 + Number.EPSILON);
      expect(conceptResult('exPostIC', above, null, tol, 1).holds).toBe(false);
    }
  });

  it('a checker at exactly its tolerance: a gain of 0.25 holds at tolerance 0.25, fails at 0.25 - 2^-54', () => {
    expect(exPostIC(oneAgent, payGap(0.25), { tolerance: 0.25 })).toMatchObject({ holds: true, violation: 0.25, tolerance: 0.25 });
    expect(exPostIC(oneAgent, payGap(0.25), { tolerance: 0.25 - 2 ** -54 }).holds).toBe(false);
    // tolerance 0: only no gain at all holds
    expect(exPostIC(oneAgent, payGap(0), { tolerance: 0 })).toMatchObject({ holds: true, violation: 0, tolerance: 0 });
    expect(exPostIC(oneAgent, payGap(2 ** -40), { tolerance: 0 }).holds).toBe(false);
  });

  it('without a tolerance the default 1e-9 applies to every concept: 1e-9 holds, 2e-9 does not', () => {
    expect(DEFAULT_TOLERANCE).toBe(1e-9);
    // a pay gap of d: ex post/DSIC/interim gain d for type 0; a transfer of d to type 1 is a deficit and a positive transfer of d
    const small = checkAll(oneAgent, payGap(1e-9));
    const large = checkAll(oneAgent, payGap(2e-9));
    for (const r of small) expect(r.tolerance).toBe(1e-9);
    const violated = (rs: typeof small) => rs.filter((r) => !r.holds).map((r) => r.concept);
    expect(violated(small)).toEqual([]);
    expect(violated(large)).toEqual(['dominantStrategyIC', 'exPostIC', 'interimIC', 'exPostBudget', 'noPositiveTransfers']);
    // ex ante: the expected deficit 0.5 * 2e-9 = 1e-9 is at the default tolerance: it holds
    expect(large.find((r) => r.concept === 'exAnteBudget')).toMatchObject({ holds: true, worst: 1e-9 });
    expect(ALL_CONCEPTS).toHaveLength(8);
  });

  it('a tolerance of 0 is kept as 0 (not replaced by the default)', () => {
    const r = checkAll(oneAgent, payGap(1e-10), { tolerance: 0 });
    expect(r.map((x) => x.tolerance)).toEqual(Array(8).fill(0));
    expect(r.find((x) => x.concept === 'exPostIC')).toMatchObject({ holds: false, violation: 1e-10 });
  });
});

describe('violation and worst', () => {
  it('violation = max(0, worst): a slack case reports its (negative) worst and violation 0', () => {
    const r = exPostIR(oneAgent, { outcome: () => 0, transfer: () => [3] });
    expect(r).toMatchObject({ holds: true, worst: -3, violation: 0 });
    expect(conceptResult('exPostIR', -0.5, null, 0, 2)).toMatchObject({ holds: true, worst: -0.5, violation: 0 });
  });

  it('-0 reads as 0 in both worst and violation', () => {
    // utilities of exactly 0: the shortfall -0 is the worst case
    const r = exPostIR(oneAgent, { outcome: () => 0, transfer: () => [0] });
    expect(Object.is(r.worst, 0)).toBe(true);
    expect(Object.is(r.violation, 0)).toBe(true);
    expect(Object.is(conceptResult('exPostIC', -0, null, 0, 1).worst, 0)).toBe(true);
  });
});

describe('tolerances refused', () => {
  it.each([NaN, Infinity, -Infinity, -1e-12, '0.1' as unknown as number])('tolerance %s is an InputError naming the field', (t) => {
    expect(() => checkedTolerance(t)).toThrow(InputError);
    expect(() => checkedTolerance(t)).toThrow(/^tolerance: must be a finite number >= 0, got /);
    expect(() => exPostIC(oneAgent, payGap(1), { tolerance: t })).toThrow(/tolerance: must be a finite number >= 0/);
  });

  it('0 and finite positive tolerances are returned unchanged', () => {
    expect(checkedTolerance(0)).toBe(0);
    expect(checkedTolerance(1e300)).toBe(1e300);
  });
});

describe('the worst-case tracker', () => {
  it('keeps the largest value and the witness of its first occurrence, counting every case', () => {
    const w = new WorstCase('exPostBudget');
    let built = 0;
    const offer = (v: number, profile: number[]) =>
      w.offer(v, () => {
        built++;
        return { profile };
      });
    offer(-2, [0]);
    offer(1, [1]);
    offer(1, [2]); // a tie keeps the first
    offer(0.5, [3]);
    expect(built).toBe(2); // witnesses are built only when the worst improves
    expect(w.result(0.5)).toEqual({
      concept: 'exPostBudget',
      holds: false,
      violation: 1,
      worst: 1,
      tolerance: 0.5,
      witness: { profile: [1] },
      cases: 4,
    });
    expect(w.result(1).holds).toBe(true);
  });

  it('with no case, worst 0, no witness, 0 cases (holds)', () => {
    expect(new WorstCase('interimIR').result(0)).toEqual({
      concept: 'interimIR',
      holds: true,
      violation: 0,
      worst: 0,
      tolerance: 0,
      witness: null,
      cases: 0,
    });
  });

  it('a first case below 0 replaces the initial -Infinity', () => {
    const w = new WorstCase('exPostIR');
    w.offer(-5, () => ({ agent: 0, trueType: 0, profile: [0], truthfulUtility: 5 }));
    expect(w.result(0)).toMatchObject({ worst: -5, violation: 0, cases: 1, witness: { truthfulUtility: 5 } });
  });
});
