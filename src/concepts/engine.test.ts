/**
 * The one-pass engine against the straightforward reference implementation
 * (src/concepts/reference.ts): identical results (holds, worst, violation,
 * witness, cases) on random environments and mechanisms, including several
 * states, interdependent values, randomized outcomes and zero-probability
 * profiles; and the engine's limits and non-finite checks.
 */
import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';
import { LimitError } from '../core/limits.ts';
import { NonFiniteError } from '../core/numbers.ts';
import { InputError } from '../core/errors.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { ALL_CONCEPTS, checkAll } from './checkAll.ts';
import { dominantStrategyIC, exPostIC, interimIC } from './incentiveCompatibility.ts';
import { exPostIR, interimIR } from './individualRationality.ts';
import { exAnteBudget, exPostBudget, noPositiveTransfers } from './budget.ts';
import { referenceCheckAll } from './reference.ts';
import { Evaluation } from './evaluation.ts';

/** A random finite instance as plain data (shrinks to small integers). */
interface Instance {
  counts: number[];
  states: number;
  outcomes: number;
  privateValues: boolean;
  /** weights over states x profiles (may contain zeros) */
  weights: number[];
  /** private: [i][t_i][c]; interdependent: [i][theta][k][c] */
  values: number[][][] | number[][][][];
  /** per reported profile: an outcome index, or lottery weights */
  outcome: Array<number | number[]>;
  transfers: number[][];
}

const instanceArb: fc.Arbitrary<Instance> = fc
  .record({
    counts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    states: fc.integer({ min: 1, max: 3 }),
    outcomes: fc.integer({ min: 1, max: 3 }),
    privateValues: fc.boolean(),
  })
  .chain(({ counts, states, outcomes, privateValues }) => {
    const S = counts.reduce((a, b) => a * b, 1);
    const n = counts.length;
    const v = fc.integer({ min: -3, max: 3 });
    const values = privateValues
      ? fc.tuple(...counts.map((T) => fc.array(fc.array(v, { minLength: outcomes, maxLength: outcomes }), { minLength: T, maxLength: T })))
      : fc.tuple(
          ...counts.map(() =>
            fc.array(fc.array(fc.array(v, { minLength: outcomes, maxLength: outcomes }), { minLength: S, maxLength: S }), {
              minLength: states,
              maxLength: states,
            }),
          ),
        );
    const outcome = fc.oneof(
      fc.integer({ min: 0, max: outcomes - 1 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: outcomes, maxLength: outcomes }).filter((w) => w.some((x) => x > 0)),
    );
    // transfers: small integers and thirds, so that ties and rounding both occur
    const transfer = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: -9, max: 9 }).map((x) => x / 3),
    );
    return fc.record({
      counts: fc.constant(counts),
      states: fc.constant(states),
      outcomes: fc.constant(outcomes),
      privateValues: fc.constant(privateValues),
      weights: fc
        .array(fc.integer({ min: 0, max: 3 }), { minLength: states * S, maxLength: states * S })
        .filter((w) => w.some((x) => x > 0)),
      values: values as fc.Arbitrary<Instance['values']>,
      outcome: fc.array(outcome, { minLength: S, maxLength: S }),
      transfers: fc.array(fc.array(transfer, { minLength: n, maxLength: n }), { minLength: S, maxLength: S }),
    });
  });

function build(x: Instance): { env: Environment; mech: DirectMechanism } {
  const prior = JointPrior.fromWeights(x.states, x.counts, x.weights);
  const space = prior.profiles;
  const env: Environment = x.privateValues
    ? { prior, outcomes: x.outcomes, privateValues: true, value: (i, c, _th, k) => (x.values as number[][][])[i][space.component(k, i)][c] }
    : { prior, outcomes: x.outcomes, value: (i, c, th, k) => (x.values as number[][][][])[i][th][k][c] };
  const mech: DirectMechanism = {
    outcome: (k) => {
      const o = x.outcome[k];
      if (typeof o === 'number') return o;
      const s = o.reduce((a, b) => a + b, 0);
      return o.map((w) => w / s);
    },
    transfer: (k) => x.transfers[k],
  };
  return { env, mech };
}

describe('the one-pass engine equals the reference implementation', () => {
  fcTest.prop([instanceArb], { numRuns: 400, seed: 16 })('checkAll: every concept, field by field', (x) => {
    const { env, mech } = build(x);
    expect(checkAll(env, mech)).toEqual(referenceCheckAll(env, mech, {}, ALL_CONCEPTS));
  });

  fcTest.prop([instanceArb, fc.constantFrom(0, 1e-9, 0.5, 1)], { numRuns: 150, seed: 17 })(
    'each concept function on its own, any tolerance',
    (x, tolerance) => {
      const { env, mech } = build(x);
      const fns = [dominantStrategyIC, exPostIC, interimIC, exPostIR, interimIR, exPostBudget, exAnteBudget, noPositiveTransfers];
      const ref = referenceCheckAll(env, mech, { tolerance }, ALL_CONCEPTS);
      fns.forEach((f, k) => expect(f(env, mech, { tolerance })).toEqual(ref[k]));
    },
  );

  fcTest.prop([instanceArb], { numRuns: 100, seed: 18 })('an Evaluation shared by several checkers gives the same results', (x) => {
    const { env, mech } = build(x);
    const ev = new Evaluation(env, mech);
    expect(interimIR(env, ev)).toEqual(referenceCheckAll(env, mech, {}, ['interimIR'])[0]);
    expect(ev.results(['exPostIC', 'dominantStrategyIC'])).toEqual(referenceCheckAll(env, mech, {}, ['exPostIC', 'dominantStrategyIC']));
  });

  it('the random instances cover several states, interdependent values, lotteries and zero-probability profiles', () => {
    const seen = { states: 0, interdependent: 0, lottery: 0, zero: 0 };
    fc.assert(
      fc.property(instanceArb, (x) => {
        if (x.states > 1) seen.states++;
        if (!x.privateValues) seen.interdependent++;
        if (x.outcome.some((o) => typeof o !== 'number')) seen.lottery++;
        if (x.weights.some((w) => w === 0)) seen.zero++;
      }),
      { numRuns: 200, seed: 16 },
    );
    for (const v of Object.values(seen)) expect(v).toBeGreaterThan(40);
  });
});

describe('limits and non-finite values', () => {
  const uniform = (T: number) => Array(T).fill(1 / T);

  it('refuses a check above the work limit before tabulating, naming the size', () => {
    const prior = JointPrior.independent([uniform(10), uniform(10), uniform(10)]);
    const env: Environment = { prior, outcomes: 2, value: () => 0 };
    let called = 0;
    const mech: DirectMechanism = { outcome: () => (called++, 0), transfer: () => [0, 0, 0] };
    // DSIC with interdependent values: 3 x 1000 x 1000 evaluations, plus the rows
    const err = (() => {
      try {
        checkAll(env, mech, { maxWork: 1e6 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).size).toBe(3 * 1000 * 1000 + 1000 * 30 + 1000 * 3);
    expect((err as Error).message).toMatch(
      /profiles: the work of checking 1000 profiles \(10 x 10 x 10\).* is 3\.03e6, above the limit of 1\.00e6 \(raise it with the maxWork check option\)/,
    );
    expect(called).toBe(0);
    expect(checkAll(env, mech, { maxWork: 1e6 }, ['exPostIC'])[0].holds).toBe(true);
  });

  it('refuses a mechanism table above its limit, naming the size', () => {
    const prior = JointPrior.independent([uniform(10), uniform(10)]);
    const env: Environment = { prior, outcomes: 2, value: () => 0, privateValues: true };
    const mech: DirectMechanism = { outcome: () => 0, transfer: () => [0, 0] };
    expect(() => checkAll(env, mech, { maxTableCells: 399 })).toThrow(
      /the mechanism table \(100 profiles x \(2 agents \+ 2 outcomes\) numbers\) is 400, above the limit of 399/,
    );
    expect(checkAll(env, mech, { maxTableCells: 400 })).toHaveLength(8);
  });

  it('a gain that overflows is an error naming agent, profile and report, not a dropped maximum', () => {
    // values of 1.7e308 built in code: lying from type 0 to type 1 gains 1.7e308 - (-1.7e308) = Infinity
    const prior = JointPrior.independent([[0.5, 0.5]]);
    const env: Environment = { prior, outcomes: 2, privateValues: true, value: (_i, c) => (c === 1 ? 1.7e308 : 0) };
    const mech: DirectMechanism = { outcome: (k) => k, transfer: (k) => [k === 0 ? -1.7e308 : 0] };
    for (const f of [dominantStrategyIC, exPostIC]) {
      expect(() => f(env, mech)).toThrow(NonFiniteError);
      expect(() => f(env, mech)).toThrow(
        /gain of agent 0 from reporting 1 \(true profile \[0\], reports \[0\]\): computed value is Infinity/,
      );
    }
    // interim: the expected gain; IR: the utility
    expect(() => interimIC(env, mech)).toThrow(/expected gain of agent 0 of type 0 from reporting 1: computed value is Infinity/);
    const env2: Environment = { ...env, value: () => -1.7e308 };
    const mech2: DirectMechanism = { outcome: () => 0, transfer: () => [-1.7e308] };
    expect(() => exPostIR(env2, mech2)).toThrow(/utility of agent 0 at profile \[0\]: computed value is -Infinity/);
    expect(() => interimIR(env2, mech2)).toThrow(/expected utility of agent 0 of type 0: computed value is -Infinity/);
  });

  it('a deficit that overflows is an error naming the profile', () => {
    const prior = JointPrior.independent([[1], [1]]);
    const env: Environment = { prior, outcomes: 1, privateValues: true, value: () => 0 };
    const mech: DirectMechanism = { outcome: () => 0, transfer: () => [1.7e308, 1.7e308] };
    expect(() => exPostBudget(env, mech)).toThrow(/deficit \(sum of transfers\) at profile \[0, 0\]: computed value is Infinity/);
    expect(() => exAnteBudget(env, mech)).toThrow(NonFiniteError);
  });

  it('non-finite numbers from the mechanism or the valuations are bad input naming where', () => {
    const prior = JointPrior.independent([[0.5, 0.5]]);
    const env: Environment = { prior, outcomes: 2, privateValues: true, value: () => 1 };
    expect(() => exPostIC(env, { outcome: () => 0, transfer: (k: number) => [k === 1 ? NaN : 0] })).toThrow(
      /mechanism at reported profile \[1\]: transfers\[0\]: must be a finite number, got NaN/,
    );
    expect(() => exPostIC(env, { outcome: () => [Infinity, 0], transfer: () => [0] })).toThrow(InputError);
    expect(() => exPostIC(env, { outcome: () => [1.5, -0.5], transfer: () => [0] })).toThrow(/outcome\[1\]: is negative \(-0.5\)/);
    expect(() => exPostIC(env, { outcome: () => [0.5, 0.6], transfer: () => [0] })).toThrow(/lottery sums to 1.1/);
    expect(() => exPostIC(env, { outcome: () => 2, transfer: () => [0] })).toThrow(/must be an outcome index in 0..1, got 2/);
    expect(() => exPostIC({ ...env, value: () => Infinity }, { outcome: () => 0, transfer: () => [0] })).toThrow(
      /valuation of agent 0, outcome 0, state 0, profile \[0\]: must be a finite number, got Infinity/,
    );
    expect(() => exPostIC(env, { outcome: () => 0, transfer: () => [0] }, { tolerance: Infinity })).toThrow(
      /tolerance: must be a finite number >= 0/,
    );
    expect(() => exPostIC(env, { outcome: () => 0, transfer: () => [0] }, { tolerance: -1 })).toThrow(/tolerance/);
  });
});

describe('lotteries', () => {
  it('a lottery with an entry of 1 and a tiny other entry is not taken for a point mass', () => {
    const prior = JointPrior.independent([[0.5, 0.5]]);
    const env: Environment = { prior, outcomes: 2, privateValues: true, value: (_i, c, _th, k) => (c === 1 ? 1e17 * (k + 1) : 0) };
    const mech: DirectMechanism = { outcome: (k) => (k === 0 ? [1, 1e-17] : 0), transfer: () => [0] };
    // at report 0 the utility is 1e-17 * 1e17 = 1 (type 0) or 2 (type 1), not 0
    expect(checkAll(env, mech)).toEqual(referenceCheckAll(env, mech, {}, ALL_CONCEPTS));
    expect(exPostIR(env, mech).witness).toMatchObject({ profile: [1], truthfulUtility: 0 });
    expect(exPostIC(env, mech)).toMatchObject({ worst: 2, witness: { agent: 0, trueType: 1, report: 0, deviationUtility: 2 } });
  });
});

describe('profile strides', () => {
  it('the odometer order is the index order of ProfileSpace', () => {
    // the engine keeps digits by an odometer; the witness profiles come from ProfileSpace: they agree
    const space = new ProfileSpace([2, 3, 2]);
    const prior = JointPrior.independent([
      [0.5, 0.5],
      [0.2, 0.3, 0.5],
      [0.5, 0.5],
    ]);
    const env: Environment = { prior, outcomes: 1, privateValues: true, value: () => 0 };
    // the transfer to agent 2 is 1 only at profile [1, 2, 0]
    const target = space.index([1, 2, 0]);
    const r = noPositiveTransfers(env, { outcome: () => 0, transfer: (k: number) => [0, 0, k === target ? 1 : 0] });
    expect(r).toMatchObject({ holds: false, worst: 1, witness: { agent: 2, profile: [1, 2, 0] }, cases: 36 });
  });
});
