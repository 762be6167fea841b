/**
 * The definitions of README "Definitions", applied uniformly: profiles of
 * probability zero are never true profiles (in every concept, with one state or
 * several), a payoff-irrelevant state changes nothing, DSIC with interdependent
 * values evaluates at the true profile, a negative or non-finite number is bad
 * input, and `check --json` prints numbers only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { InputError } from '../core/errors.ts';
import { stateDependentEnvironment, type Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { parseMechanism } from '../check/mechanismFile.ts';
import { runCli } from '../cli/runCli.ts';
import { ALL_CONCEPTS, checkAll } from './checkAll.ts';
import { dominantStrategyIC, exPostIC, interimIC } from './incentiveCompatibility.ts';
import { exPostIR, interimIR } from './individualRationality.ts';
import { exPostBudget, noPositiveTransfers } from './budget.ts';

/** Two bidders, values 1/2/3 (type k has value k + 1); outcome c = the winner. */
const VALUES = [1, 2, 3];
const table = (states: number) =>
  [0, 1].map((i) => Array.from({ length: states }, () => VALUES.map((v) => [0, 1].map((c) => (c === i ? v : 0)))));
/** First-price: the higher bid wins (ties to Ann) and pays its bid. */
const firstPrice: DirectMechanism = {
  outcome: (k) => (Math.floor(k / 3) >= k % 3 ? 0 : 1),
  transfer: (k) => {
    const [a, b] = [Math.floor(k / 3), k % 3];
    return a >= b ? [-VALUES[a], 0] : [0, -VALUES[b]];
  },
};
/** Weights over the 9 profiles: (Ann v=3, Bob v=1), index 6, has probability 0. */
const WEIGHTS = [1, 1, 1, 1, 1, 1, 0, 1, 1];
const oneState = stateDependentEnvironment(JointPrior.fromWeights(1, [3, 3], WEIGHTS), 2, table(1));
/** The same with a second, payoff-irrelevant state (the values do not depend on it). */
const twoStates = stateDependentEnvironment(JointPrior.fromWeights(2, [3, 3], [...WEIGHTS, ...WEIGHTS]), 2, table(2));

describe('zero-probability profiles: one policy in every concept', () => {
  it('the one-state environment is checked as private values, the two-state one is not', () => {
    expect(oneState.privateValues).toBe(true);
    expect(twoStates.privateValues).toBe(false);
  });

  it('DSIC: the others report anything, so (v=3 against a bid of 1) counts although P(v=3, v=1) = 0; worst 2 with and without the extra state', () => {
    for (const env of [oneState, twoStates]) {
      const r = dominantStrategyIC(env, firstPrice);
      expect(r).toMatchObject({ holds: false, worst: 2, violation: 2 });
      // the true profile is the first one of positive probability where Ann's value is 3: (3, 2)
      expect(r.witness).toEqual({
        agent: 0,
        trueType: 2,
        trueProfile: [2, 1],
        reportedProfile: [2, 0],
        report: 0,
        truthfulUtility: 0,
        deviationUtility: 2,
      });
    }
    // cases: with private values one per (agent, reported profile, lie): 2 x 9 x 2;
    // with two states one per (true profile of positive probability, agent, others' reports, lie): 8 x 2 x 3 x 2
    expect(dominantStrategyIC(oneState, firstPrice).cases).toBe(36);
    expect(dominantStrategyIC(twoStates, firstPrice).cases).toBe(96);
  });

  it('ex post IC and IR skip the zero-probability true profile with one state and with two', () => {
    for (const env of [oneState, twoStates]) {
      const ep = exPostIC(env, firstPrice);
      // without (3, 1) the largest ex post gain is 1: Bob with value 3 against Ann's 1 shades to 2
      expect(ep).toMatchObject({ holds: false, worst: 1, cases: 8 * 2 * 2 });
      expect(ep.witness).toEqual({ agent: 1, trueType: 2, trueProfile: [0, 2], report: 1, truthfulUtility: 0, deviationUtility: 1 });
      // a fee of 5 charged to Ann only at the zero-probability profile: no ex post IR violation
      const fee: DirectMechanism = { outcome: firstPrice.outcome, transfer: (k) => (k === 6 ? [-5, 0] : firstPrice.transfer(k)) };
      expect(exPostIR(env, fee)).toMatchObject({ holds: true, worst: 0, cases: 16 });
      expect(exPostIR(env, fee).witness).toEqual({ agent: 0, trueType: 0, profile: [0, 0], truthfulUtility: 0 });
    }
  });

  it('the budget concepts skip it too', () => {
    const subsidy: DirectMechanism = { outcome: firstPrice.outcome, transfer: (k) => (k === 6 ? [0, 5] : firstPrice.transfer(k)) };
    for (const env of [oneState, twoStates]) {
      expect(exPostBudget(env, subsidy)).toEqual({
        concept: 'exPostBudget',
        holds: true,
        violation: 0,
        worst: -1,
        tolerance: 1e-9,
        witness: { profile: [0, 0] },
        cases: 8,
      });
      expect(noPositiveTransfers(env, subsidy)).toEqual({
        concept: 'noPositiveTransfers',
        holds: true,
        violation: 0,
        worst: 0,
        tolerance: 1e-9,
        witness: { agent: 1, profile: [0, 0] },
        cases: 16,
      });
    }
  });

  it('every concept but DSIC (whose cases differ) gives the same result with and without the irrelevant state', () => {
    const a = checkAll(oneState, firstPrice);
    const b = checkAll(twoStates, firstPrice);
    a.forEach((r, k) => {
      if (r.concept === 'dominantStrategyIC') expect({ ...b[k], cases: r.cases }).toEqual(r);
      else expect(b[k]).toEqual(r);
    });
  });

  it('several states: ex post IC and IR evaluate cases (cases > 0) at the posterior-averaged values', () => {
    // two states, Ann's value is 3 in state 0 and 1 in state 1; one type each; she gets the object for 2
    const prior = JointPrior.fromWeights(2, [1, 1], [1, 3]);
    const env = stateDependentEnvironment(prior, 2, [
      [[[0, 3]], [[0, 1]]],
      [[[0, 0]], [[0, 0]]],
    ]);
    const r = exPostIR(env, { outcome: () => 1, transfer: () => [-2, 0] });
    // vhat = 3/4 + 3/4 = 1.5, utility 1.5 - 2 = -0.5
    expect(r).toMatchObject({
      holds: false,
      worst: 0.5,
      cases: 2,
      witness: { agent: 0, trueType: 0, profile: [0, 0], truthfulUtility: -0.5 },
    });
  });
});

describe('DSIC with interdependent values', () => {
  // Ann's value of the object is 3 when Bob's true type is 1, else 0; she gets it iff she reports 1, for a price of 1
  const prior = JointPrior.independent([
    [0.5, 0.5],
    [0.5, 0.5],
  ]);
  const env: Environment = { prior, outcomes: 2, value: (i, c, _th, k) => (i === 0 && c === 1 && k % 2 === 1 ? 3 : 0) };
  const mech: DirectMechanism = {
    outcome: (k) => (Math.floor(k / 2) === 1 ? 1 : 0),
    transfer: (k) => (Math.floor(k / 2) === 1 ? [-1, 0] : [0, 0]),
  };

  it('evaluates utilities at the true profile, not at the reports: Ann of type 0 gains 2 when Bob is of type 1', () => {
    const r = dominantStrategyIC(env, mech);
    expect(r).toEqual({
      concept: 'dominantStrategyIC',
      holds: false,
      violation: 2,
      worst: 2,
      tolerance: 1e-9,
      witness: { agent: 0, trueType: 0, trueProfile: [0, 1], reportedProfile: [0, 0], report: 1, truthfulUtility: 0, deviationUtility: 2 },
      // 4 true profiles x (Ann: 2 reports of Bob x 1 lie + Bob: 2 reports of Ann x 1 lie)
      cases: 16,
    });
  });

  it('reading the same values as private (the others at type 0) would find only 1: the flag matters', () => {
    expect(dominantStrategyIC({ ...env, privateValues: true }, mech).worst).toBe(1);
  });
});

describe('the tolerance', () => {
  const env = oneState;
  it('a violation exactly at the tolerance holds; just above it does not', () => {
    expect(dominantStrategyIC(env, firstPrice, { tolerance: 2 }).holds).toBe(true);
    expect(dominantStrategyIC(env, firstPrice, { tolerance: 1.999999 }).holds).toBe(false);
    const ii = interimIC(env, firstPrice);
    expect(interimIC(env, firstPrice, { tolerance: ii.violation }).holds).toBe(true);
    expect(interimIC(env, firstPrice, { tolerance: ii.violation * (1 - 1e-12) }).holds).toBe(false);
  });
  it('defaults to 1e-9 in every concept, where a slack mechanism holds', () => {
    const secondPrice: DirectMechanism = {
      outcome: firstPrice.outcome,
      transfer: (k) => {
        const [a, b] = [Math.floor(k / 3), k % 3];
        return a >= b ? [-VALUES[b], 0] : [0, -VALUES[a]];
      },
    };
    for (const r of checkAll(env, secondPrice)) {
      expect(r.tolerance).toBe(1e-9);
      expect(r.holds).toBe(true);
    }
    expect(interimIR(env, secondPrice).holds).toBe(true);
  });
});

describe('bad numbers are bad input', () => {
  it('a probability of -1e-9 is refused whatever the tolerance', () => {
    expect(() => JointPrior.independent([[1 + 1e-9, -1e-9]])).toThrow(/prior\[0\]\[1\]: is negative \(-1e-9\)/);
    expect(() => new JointPrior(1, [2], [1 + 1e-9, -1e-9])).toThrow(InputError);
    expect(() => JointPrior.fromWeights(1, [2], [2, -1e-9])).toThrow(/negative/);
    expect(() => JointPrior.independent([[NaN, 1]])).toThrow(/prior\[0\]\[0\]: must be a finite number/);
    expect(() => JointPrior.independent([[0.5, 0.5 + 2e-9]])).toThrow(/sums to 1.00000000200\d*, not 1/);
    expect(JointPrior.independent([[0.5, 0.5 + 1e-10]]).ownMarginal[0][1]).toBeCloseTo(0.5, 9);
  });

  const root = resolve(import.meta.dirname, '..', '..');
  const file = (patch: Record<string, unknown>, raw?: (text: string) => string) => {
    const base = {
      agents: ['Ann', 'Bob'],
      types: [
        ['v=1', 'v=2'],
        ['v=1', 'v=2'],
      ],
      prior: {
        independent: [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
      },
      outcomes: ['Ann wins', 'Bob wins'],
      valuations: {
        private: [
          [
            [1, 0],
            [2, 0],
          ],
          [
            [0, 1],
            [0, 2],
          ],
        ],
      },
      outcome: [0, 1, 0, 0],
      transfers: [
        [-1, 0],
        [0, -2],
        [-2, 0],
        [-2, 0],
      ],
      ...patch,
    };
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-defs-'));
    const f = join(dir, 'm.json');
    const text = JSON.stringify(base);
    writeFileSync(f, raw ? raw(text) : text);
    return f;
  };
  const check = (f: string, ...args: string[]) => runCli(['check', f, ...args], { cwd: root });

  it.each([
    [
      'a prior entry of -1e-9',
      file({
        prior: {
          independent: [
            [1, -1e-9],
            [0.5, 0.5],
          ],
        },
      }),
      /prior\.independent\[0\]\[1\]: is a negative probability/,
    ],
    ['a transfer of 1e309', file({}, (t) => t.replace('[0,-2]', '[0,1e309]')), /transfers\[1\]\[1\]: must be finite, got Infinity/],
    [
      'a valuation of 1e309',
      file({}, (t) => t.replace('[[1,0],[2,0]]', '[[1e309,0],[2,0]]')),
      /valuations\.private\[0\]\[0\]\[0\]: must be finite, got Infinity/,
    ],
    ['a tolerance of 1e309', file({}, (t) => t.replace('{"agents"', '{"tolerance":1e309,"agents"')), /tolerance: must be/],
  ])('%s: exit 2, the field named, no stack trace', async (_what, f, message) => {
    const r = await check(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('check --json prints only finite numbers (never null) for every concept', async () => {
    const r = await check(file({}), '--json');
    expect(r.stdout).not.toMatch(/null|Infinity|NaN/);
    const out = JSON.parse(r.stdout);
    for (const x of out.results) for (const key of ['violation', 'worst', 'tolerance', 'cases']) expect(Number.isFinite(x[key])).toBe(true);
  });
});

describe('state-dependent valuations with one state are private values', () => {
  it('the parser marks them private, and DSIC takes one case per (agent, reported profile, lie)', () => {
    const base = {
      agents: 2,
      types: [3, 3],
      prior: {
        independent: [
          [1 / 3, 1 / 3, 1 / 3],
          [1 / 3, 1 / 3, 1 / 3],
        ],
      },
      outcomes: 2,
      outcome: [0, 1, 1, 0, 0, 1, 0, 0, 0],
      transfers: Array.from({ length: 9 }, () => [0, 0]),
    };
    const priv = parseMechanism({ ...base, valuations: { private: table(1).map((vi) => vi[0]) } });
    const sd = parseMechanism({ ...base, valuations: { stateDependent: table(1) } });
    expect(sd.env.privateValues).toBe(true);
    const a = checkAll(priv.env, priv.mech);
    const b = checkAll(sd.env, sd.mech);
    expect(b).toEqual(a);
    expect(b[0].cases).toBe(2 * 9 * 2);
    expect(ALL_CONCEPTS).toHaveLength(8);
  });
});
