/**
 * The JSON mechanism format: exact fractions, the "$schema" key, finite and
 * bounded numbers, declared sizes against the limits before allocation,
 * ragged arrays named, and the same verdicts as the same mechanism written
 * as code.
 */
import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { LimitError } from '../core/limits.ts';
import { defineMechanism } from '../api/mechanism.ts';
import { finiteEnvironmentArb } from '../generators/finiteEnvironments.ts';
import { parseExact, readProbabilities } from './literals.ts';
import { checkWork, DEFAULT_CHECK_LIMITS, tableCells } from './limits.ts';
import { parseMechanism } from './mechanismFile.ts';
import { checkMechanism } from './report.ts';
import { toMechanismFile } from './toMechanismFile.ts';

const root = resolve(import.meta.dirname, '..', '..');
const secondPrice = JSON.parse(readFileSync(join(root, 'fixtures/mechanisms/second-price-auction.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** The second-price fixture with some fields replaced. */
const variant = (patch: Record<string, unknown>) => ({ ...secondPrice, ...patch });

function refusal(data: unknown): InputError {
  try {
    parseMechanism(data);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('exact numbers', () => {
  it('parses decimals and fractions exactly', () => {
    expect(parseExact('1/3', 'x')).toEqual({ num: 1n, den: 3n });
    expect(parseExact('-0.25', 'x')).toEqual({ num: -25n, den: 100n });
    expect(parseExact('1.5/4', 'x')).toEqual({ num: 15n, den: 40n });
    for (const bad of ['0x10', '1e3', 'Infinity', '', '1/0', '1 /3', '--1']) expect(() => parseExact(bad, 'p')).toThrow(/^p: /);
  });
  it('a vector of fractions must sum to exactly 1; floating-point entries within the tolerance', () => {
    expect(readProbabilities(['1/3', '1/3', '1/3'], 'p')).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(readProbabilities([0.1, 0.2, 0.7], 'p')).toHaveLength(3);
    expect(() => readProbabilities(['1/3', '1/3', '0.333333'], 'p')).toThrow('p: sums to exactly 2999999/3000000, not 1');
    expect(() => readProbabilities([0.333333, 0.333333, 0.333333], 'p')).toThrow(
      /p: sums to 0\.999999, not 1 .*write exact fractions as strings/,
    );
    expect(() => readProbabilities(['1/2', 0, 1, '-1/2'], 'p')).toThrow('p[3]: is a negative probability (-1/2)');
    expect(() => readProbabilities([1 + 1e-9, -1e-9], 'p')).toThrow(/p\[0\]: is a probability above 1|p\[1\]: is a negative probability/);
  });
});

describe('parseMechanism', () => {
  it('accepts "$schema", fractions in the prior and lotteries, exactly', () => {
    const m = parseMechanism(
      variant({
        $schema: 'https://mechcheck.dev/schema/mechanism.json',
        prior: {
          independent: [
            ['1/3', '1/3', '1/3'],
            ['1/6', '1/3', '1/2'],
          ],
        },
        outcome: [['1/2', '1/2'], 1, 1, 0, 0, 1, 0, 0, 0],
      }),
    );
    expect(m.env.prior.ownMarginal[1][2]).toBeCloseTo(0.5, 15);
    expect(m.mech.outcome(0)).toEqual([0.5, 0.5]);
  });
  it('refuses a prior that sums to 0.999999 and says how to write it exactly', () => {
    expect(
      refusal(
        variant({
          prior: {
            independent: [
              [0.333333, 0.333333, 0.333333],
              ['1/3', '1/3', '1/3'],
            ],
          },
        }),
      ).message,
    ).toMatch(/^prior\.independent\[0\]: sums to 0\.999999, not 1.*"1\/3"/);
  });
  it.each([
    [
      '1e309 in a valuation (Infinity after JSON.parse)',
      {
        valuations: {
          private: [
            [
              [1, 0],
              [2, 0],
              [3, 0],
            ],
            [
              [0, 1],
              [0, 2],
              [0, JSON.parse('1e309')],
            ],
          ],
        },
      },
      /^valuations\.private\[1\]\[2\]\[1\]: must be finite, got Infinity/,
    ],
    [
      'a payoff above 1e12',
      {
        transfers: [
          [-1, 0],
          [0, -1],
          [0, -1],
          [-1, 0],
          [-2e12, 0],
          [0, -2],
          [-1, 0],
          [-2, 0],
          [-3, 0],
        ],
      },
      /^transfers\[4\]\[0\]: must be >= -1000000000000, got -2000000000000/,
    ],
    ['an infinite tolerance', { tolerance: JSON.parse('1e309') }, /^tolerance: must be <= 1/],
    ['a tolerance above 1', { tolerance: 2 }, /^tolerance: must be <= 1/],
    ['infinitely many agents', { agents: JSON.parse('1e309') }, /^agents: must be finite/],
    [
      'a string payoff that is not a number',
      {
        transfers: [
          [-1, 0],
          [0, -1],
          [0, -1],
          [-1, 0],
          [-2, 0],
          [0, '0x10'],
          [-1, 0],
          [-2, 0],
          [-3, 0],
        ],
      },
      /^transfers\[5\]\[1\]: must be a number or an exact fraction such as "1\/3", got "0x10"/,
    ],
    [
      'a ragged transfer row',
      { transfers: [[-1, 0], [0, -1], [0, -1], [-1, 0], [-2, 0], [0, -2], [-1], [-2, 0], [-3, 0]] },
      /^transfers\[6\]: has 1 entries, expected 2 \(one transfer per agent\)/,
    ],
    [
      'a ragged valuation row',
      {
        valuations: {
          private: [
            [[1, 0], [2, 0], [3]],
            [
              [0, 1],
              [0, 2],
              [0, 3],
            ],
          ],
        },
      },
      /^valuations\.private\[0\]\[2\]: has 1 entries, expected 2/,
    ],
    [
      'a ragged prior',
      {
        prior: {
          independent: [
            ['1/2', '1/2'],
            ['1/3', '1/3', '1/3'],
          ],
        },
      },
      /^prior\.independent\[0\]: has 2 entries, expected 3/,
    ],
    ['fewer type sets than agents', { types: [['v=1', 'v=2', 'v=3']] }, /^types: has 1 entries, expected one per agent \(2\)/],
    [
      'a lottery that does not sum to 1',
      { outcome: [['1/2', '1/3'], 1, 1, 0, 0, 1, 0, 0, 0] },
      /^outcome\[0\]: sums to exactly 5\/6, not 1/,
    ],
    [
      'a negative probability, however small',
      {
        prior: {
          independent: [
            [0.5 + 1e-10, 0.5, -1e-10],
            ['1/3', '1/3', '1/3'],
          ],
        },
      },
      /^prior\.independent\[0\]\[2\]: is a negative probability/,
    ],
  ])('refuses %s, naming the field', (_what, patch, message) => {
    expect(refusal(variant(patch)).message).toMatch(message);
  });
  it('refuses 1e9 declared types at once, with the size, the limit and the option that raises it', () => {
    const e = refusal(variant({ types: [1e9, ['v=1', 'v=2', 'v=3']] }));
    expect(e).toBeInstanceOf(LimitError);
    expect(e.message).toMatch(
      /^types: the number of table entries for 3\.00e9 type profiles \(1\.00e9 x 3\), 1 state\(s\) and 2 outcome\(s\) is 1\.90e10, above the limit of 1\.50e8 \(raise it with --max-cells\)/,
    );
  });
  it('refuses 1e9 declared outcomes or states before allocating, and a larger limit lets a consistent file through', () => {
    expect(refusal(variant({ outcomes: 1e9 })).message).toMatch(/above the limit of 1\.50e8/);
    expect(refusal(variant({ states: 1e9, prior: { joint: [1] }, valuations: { stateDependent: [[], []] } })).message).toMatch(
      /above the limit/,
    );
    // within a raised limit, the data contradicts the declaration, and that is reported before any big table exists
    expect(() => parseMechanism(variant({ outcomes: 1e7 }), { limits: { ...DEFAULT_CHECK_LIMITS, maxCells: 1e9 } })).toThrow(
      /^valuations\.private\[0\]\[0\]: has 2 entries, expected 10000000/,
    );
  });
  it('computes the work of a check from the dimensions (DSIC quadratic in the profiles without private values)', () => {
    const d = { typeCounts: [22, 22, 22], states: 1, outcomes: 4, interdependent: false, privateValues: true };
    // the engine's units: profiles x agents (budget) + profiles x the sum of the type counts (rows)
    expect(checkWork(d)).toBe(22 ** 3 * 3 + 22 ** 3 * 66);
    expect(checkWork({ ...d, privateValues: false })).toBeGreaterThan(100 * checkWork(d));
    // prior, the mechanism table (agents + outcomes per profile), private valuations
    expect(tableCells(d)).toBe(22 ** 3 + 22 ** 3 * (3 + 4) + 3 * 22 * 4);
  });
});

describe('JSON and code agree', () => {
  fcTest.prop(
    [
      finiteEnvironmentArb({ agents: { min: 1, max: 3 }, types: { min: 1, max: 3 }, states: { min: 1, max: 2 } }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 27, maxLength: 27 }),
    ],
    { numRuns: 40, seed: 11 },
  )('a mechanism written as code and its JSON form get the same results', (env, noise) => {
    const mech = defineMechanism(env, {
      outcome: (r) => Math.abs(r.reduce((a, b) => a + b, 0) + noise[r[0]]) % env.outcomes,
      transfers: (r) => r.map((t, i) => noise[(t * 3 + i) % 27] / 2),
    });
    const file = JSON.parse(JSON.stringify(toMechanismFile(env, mech)));
    const back = parseMechanism(file);
    const a = checkMechanism(env, mech).results;
    const b = checkMechanism(back.env, back.mech).results;
    for (let c = 0; c < a.length; c++) {
      expect(b[c].holds).toBe(a[c].holds);
      expect(b[c].worst).toBeCloseTo(a[c].worst, 9);
    }
  });
});

describe('a broken mechanism file is refused, naming the field', () => {
  const transfers = secondPrice.transfers as number[][];
  const outcome = secondPrice.outcome as number[];
  it.each<[string, Record<string, unknown>, string]>([
    [
      'an outcome index past the outcomes',
      { outcome: outcome.map((o, k) => (k === 4 ? 2 : o)) },
      'outcome[4]: is 2, but outcomes are numbered 0..1',
    ],
    ['one outcome missing', { outcome: outcome.slice(0, 8) }, 'outcome: has 8 entries, expected 9'],
    [
      'a transfer row with one agent missing',
      { transfers: transfers.map((t, k) => (k === 2 ? [t[0]] : t)) },
      'transfers[2]: has 1 entries, expected 2',
    ],
    [
      'a transfer that is a string',
      { transfers: transfers.map((t, k) => (k === 3 ? ['one', t[1]] : t)) },
      'transfers[3][0]: must be a number',
    ],
    [
      'a transfer beyond the payoff bound',
      { transfers: transfers.map((t, k) => (k === 0 ? [1e13, t[1]] : t)) },
      'transfers[0][0]: must be <= 1000000000000',
    ],
    [
      'a negative probability',
      {
        prior: {
          independent: [
            [0.5, 0.6, -0.1],
            [1 / 3, 1 / 3, 1 / 3],
          ],
        },
      },
      'prior.independent[0][2]: is a negative probability',
    ],
    ['a field of no meaning', { colour: 'red' }, 'colour: is not a known field'],
    ['no valuations', { valuations: undefined }, 'valuations: is required'],
  ])('%s', (_what, patch, message) => {
    expect(refusal(variant(patch)).message.slice(0, message.length)).toBe(message);
  });
  it('the unbroken fixture parses (so each refusal above is the patch)', () => {
    expect(() => parseMechanism(variant({}))).not.toThrow();
  });
});
