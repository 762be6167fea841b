/**
 * Environments and mechanisms written as code: data and functions give the
 * same environment; every bad value is refused naming the agent, type or
 * profile and the field; sizes are refused before anything is allocated; the
 * checkers give the same answers as on the built-in constructions.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { JointPrior } from '../core/prior.ts';
import { checkAll } from '../concepts/checkAll.ts';
import { secondPriceAuction, singleObjectEnvironment } from '../mechanisms/auctions.ts';
import { vcgMechanism } from '../mechanisms/groves.ts';
import { stateDependentEnvironment } from '../model/environment.ts';
import { asFiniteEnvironment, defineEnvironment } from './environment.ts';
import { asFiniteMechanism, defineMechanism, lottery } from './mechanism.ts';

const base = {
  agents: ['Ann', 'Bob'],
  types: [
    [1, 2, 3],
    [1, 2, 3],
  ],
  outcomes: ['Ann', 'Bob'],
  valuation: { private: (i: number, winner: string, value: number) => (winner === ['Ann', 'Bob'][i] ? value : 0) },
};

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('defineEnvironment', () => {
  it('data and functions describe the same environment; the uniform prior is the default', () => {
    const fromFunctions = defineEnvironment({ ...base, prior: { independent: () => '1/3' } });
    const fromData = defineEnvironment({
      ...base,
      prior: {
        independent: [
          ['1/3', '1/3', '1/3'],
          [0.2, 0.3, 0.5],
        ],
      },
      valuation: {
        private: [
          [
            [1, 0],
            [2, 0],
            [3, 0],
          ],
          [
            [0, 1],
            [0, 2],
            [0, 3],
          ],
        ],
      },
    });
    const uniform = defineEnvironment(base);
    for (let k = 0; k < 9; k++)
      for (let c = 0; c < 2; c++) for (let i = 0; i < 2; i++) expect(fromFunctions.value(i, c, 0, k)).toBe(fromData.value(i, c, 0, k));
    expect(Array.from(uniform.prior.table)).toEqual(Array.from(fromFunctions.prior.table));
    expect(fromData.prior.ownMarginal[1][2]).toBeCloseTo(0.5, 15);
    expect(uniform.profile(5)).toEqual([2, 3]);
    expect(uniform.indexOf([2, 3])).toBe(5);
    expect(uniform.privateValues).toBe(true);
  });
  it('state-dependent and interdependent valuations as functions', () => {
    const env = defineEnvironment({
      types: [
        ['low', 'high'],
        ['low', 'high'],
      ],
      outcomes: ['keep', 'trade'],
      states: ['bad', 'good'],
      prior: {
        joint: (profile, state) => (state === 1 && profile[0] === 'high' ? '1/4' : state === 0 && profile[0] === 'low' ? '1/4' : 0),
      },
      valuation: {
        interdependent: (i, outcome, profile, state) => (outcome === 'trade' ? state + (profile[1 - i] === 'high' ? 1 : 0) : 0),
      },
    });
    expect(env.valuationKind).toBe('interdependent');
    expect(env.privateValues).toBe(false);
    expect(env.value(0, 1, 1, env.indexOf(['high', 'high']))).toBe(2);
    expect(env.prior.stateGivenProfile(env.indexOf(['high', 'low']))).toEqual([0, 1]);
  });
  it.each([
    [
      'a valuation that throws',
      {
        valuation: {
          private: (_i: number, _w: string, v: number) => {
            if (v === 2) throw new Error('no value');
            return 0;
          },
        },
      },
      'valuation.private(Ann, outcome Ann, type 2): threw Error: no value',
    ],
    [
      'a valuation that is not a number',
      { valuation: { private: () => undefined as unknown as number } },
      'valuation.private(Ann, outcome Ann, type 1): must be a number, got a value of type undefined',
    ],
    [
      'an infinite valuation',
      { valuation: { private: () => Infinity } },
      'valuation.private(Ann, outcome Ann, type 1): must be finite, got Infinity',
    ],
    [
      'a valuation above 1e12',
      { valuation: { private: () => 1e13 } },
      'valuation.private(Ann, outcome Ann, type 1): must be <= 1000000000000, got 10000000000000',
    ],
    [
      'a marginal that sums to 5/6',
      { prior: { independent: (i: number, v: number) => (i === 1 && v === 3 ? '1/6' : '1/3') } },
      'prior.independent(Bob): sums to exactly 5/6, not 1',
    ],
    [
      'a negative probability',
      {
        prior: {
          independent: [
            ['1/2', '1/2', '0'],
            ['1/2', '1', '-1/2'],
          ],
        },
      },
      'prior.independent[1][2]: is a negative probability (-1/2)',
    ],
    [
      'repeated types',
      {
        types: [
          [1, 2, 2],
          [1, 2, 3],
        ],
      },
      'types[0][2]: repeats "2" (entry 1); values must be distinct',
    ],
    ['a type set per agent missing', { types: [[1, 2, 3]] }, 'types: has 1 entries, but 2 agents are named'],
    [
      'two valuation forms',
      { valuation: { private: () => 0, interdependent: () => 0 } },
      'valuation: must have exactly one of private, stateDependent, interdependent; got private, interdependent',
    ],
    [
      'private values with two states',
      { states: 2 },
      'valuation.private: private values take a single state, but there are 2; use stateDependent',
    ],
    [
      'a ragged valuation table',
      {
        valuation: {
          private: [
            [
              [1, 0],
              [2, 0],
              [3, 0],
            ],
            [[0, 1], [0, 2], [0]],
          ],
        },
      },
      'valuation.private[1][2]: has 1 entries, expected 2',
    ],
  ])('refuses %s, naming the field', (_what, patch, message) => {
    expect(refusal(() => defineEnvironment({ ...base, ...patch } as Parameters<typeof defineEnvironment>[0]))).toBe(message);
  });
  it('refuses 1e10 type profiles before tabulating anything, naming the limit and how to raise it', () => {
    let calls = 0;
    const types = Array.from({ length: 10 }, () => Array.from({ length: 10 }, (_, k) => k));
    const message = refusal(() => defineEnvironment({ types, outcomes: 2, valuation: { private: () => ++calls } }));
    expect(message).toMatch(
      /^types: the number of table entries for 1\.00e10 type profiles .* above the limit of 1\.50e8 \(raise it with the `limits: \{ maxCells \}` option\)/,
    );
    expect(calls).toBe(0);
  });
});

describe('defineMechanism', () => {
  const env = defineEnvironment(base);
  it('lotteries over labelled outcomes, with exact probabilities', () => {
    const coin = defineMechanism(env, {
      outcome: () =>
        lottery([
          ['Bob', '2/3'],
          ['Ann', '1/3'],
        ]),
      transfers: () => [0, 0],
    });
    expect(coin.outcome(0)).toEqual([1 / 3, 2 / 3]);
    expect(
      refusal(() =>
        defineMechanism(env, {
          outcome: () =>
            lottery([
              ['Ann', 0.5],
              ['Ann', 0.5],
            ]),
          transfers: () => [0, 0],
        }),
      ),
    ).toBe('mechanism.outcome([Ann=1, Bob=1]): returned a lottery listing an outcome twice');
  });
  it.each([
    [
      'the wrong number of transfers',
      { outcome: () => 'Ann', transfers: () => [0] },
      'mechanism.transfers([Ann=1, Bob=1]): returned 1 transfers, expected one per agent (2)',
    ],
    [
      'transfers that are not an array',
      { outcome: () => 'Ann', transfers: () => 5 as unknown as number[] },
      'mechanism.transfers([Ann=1, Bob=1]): must return an array of 2 transfers, got 5',
    ],
    [
      'an outcome index instead of a label',
      { outcome: () => 0 as unknown as string, transfers: () => [0, 0] },
      'mechanism.outcome([Ann=1, Bob=1]): returned "0", which is not an outcome (outcomes: Ann, Bob); return one of them or a lottery(...)',
    ],
    [
      'a fraction that is not one',
      { outcome: () => 'Ann', transfers: ([a]: readonly number[]) => [a === 3 ? '1/0' : 0, 0] },
      'mechanism.transfers([Ann=3, Bob=1])[0]: divides by zero: "1/0"',
    ],
  ])('refuses %s, naming the profile', (_what, rules, message) => {
    expect(refusal(() => defineMechanism(env, rules as Parameters<typeof defineMechanism<number, string>>[1]))).toBe(message);
  });
});

describe('plain environments and mechanisms', () => {
  it('asFiniteEnvironment and asFiniteMechanism keep every verdict of the built-in constructions', () => {
    const values = [
      [1, 2, 3],
      [0, 2],
    ];
    const env = singleObjectEnvironment(values);
    const spa = secondPriceAuction(env, values);
    const fe = asFiniteEnvironment(env);
    expect(fe.outcomeLabels).toEqual(['bidder 0 wins', 'bidder 1 wins']);
    const a = checkAll(env, spa);
    const b = checkAll(fe, asFiniteMechanism(fe, spa));
    expect(b.map((r) => [r.concept, r.holds, r.worst])).toEqual(a.map((r) => [r.concept, r.holds, r.worst]));
    const prior = JointPrior.fromWeights(2, [2, 2], [1, 2, 3, 4, 4, 3, 2, 1]);
    const sd = stateDependentEnvironment(prior, 2, [
      [
        [
          [0, 1],
          [0, 2],
        ],
        [
          [0, 3],
          [0, 1],
        ],
      ],
      [
        [
          [1, 0],
          [2, 0],
        ],
        [
          [3, 0],
          [1, 0],
        ],
      ],
    ]);
    const vcg = vcgMechanism(sd);
    expect(checkAll(asFiniteEnvironment(sd), vcg).map((r) => r.worst)).toEqual(checkAll(sd, vcg).map((r) => r.worst));
  });
  it('asFiniteMechanism names a bad outcome index or a bad lottery', () => {
    const env = defineEnvironment(base);
    expect(refusal(() => asFiniteMechanism(env, { outcome: () => 2, transfer: () => [0, 0] }))).toBe(
      'mechanism.outcome([Ann=1, Bob=1]): returned 2, not an outcome index in 0..1',
    );
    expect(refusal(() => asFiniteMechanism(env, { outcome: (k) => (k === 4 ? [0.5, 0.6] : 0), transfer: () => [0, 0] }))).toMatch(
      /^mechanism\.outcome\(\[Ann=2, Bob=2\]\): sums to 1\.1, not 1/,
    );
    expect(refusal(() => asFiniteEnvironment({ ...singleObjectEnvironment([[1, 2]]), value: () => NaN }))).toBe(
      'environment.value(agent 0, outcome bidder 0 wins, profile [t0=0]): must be a number, got NaN',
    );
  });
});
