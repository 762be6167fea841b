/** Unit tests for the seed004 dynamic module (seed 004_9d6e3cf19fe3eb52.txt). */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { efficientPlan, expectNext, socialFlow } from './allocation.ts';
import { distanceToHullOfOthers, smallestSingularValue } from './assumptions.ts';
import { auctionModel, checkAuctionEquilibrium, unbiasednessResidual } from './auction.ts';
import { parseDynamicEnvironment } from './environment.ts';
import { dynamicSpecArb, environmentFromDynamicSpec, specToFile } from './generators.ts';
import { periodicExPostIC, periodicExPostICByPaths } from './incentives.ts';
import { pseudoInverse, spectralPseudoInverse } from '../../solvers/pseudoInverse.ts';
import { lemmaA3Conditions, lemmaA4Transfers, scaleTransfers } from './transfers.ts';

const good = () => ({
  agents: 2,
  signals: [2, 2],
  actions: 2,
  horizon: 3,
  discount: 0.9,
  transition: [Array.from({ length: 4 }, () => [0.25, 0.25, 0.25, 0.25]), Array.from({ length: 4 }, () => [0.1, 0.2, 0.3, 0.4])],
  utility: [
    [
      [1, 0, 0, 1],
      [0, 1, 1, 0],
    ],
    [
      [0, 0, 1, 1],
      [1, 1, 0, 0],
    ],
  ],
  lastAction: 0,
});

describe('parseDynamicEnvironment', () => {
  it('accepts the documented format', () => {
    const env = parseDynamicEnvironment(good());
    expect(env.space.size).toBe(4);
    expect(env.fullIndex[0][1]).toEqual([1, 3]); // agent 0 slowest: profiles (0,1) and (1,1)
  });
  it.each([
    [(o: Record<string, unknown>) => ((o.transition as number[][][])[1][2] = [0.5, 0.5, 0.5, 0]), /transition\[1\]\[2\]: sums to 1\.5/],
    [
      (o: Record<string, unknown>) => ((o.transition as number[][][])[0][0] = [0.5, 0.5]),
      /transition\[0\]\[0\]: has 2 entries, expected 4/,
    ],
    [(o: Record<string, unknown>) => (o.discount = 1), /discount: must be a number in \(0, 1\)/],
    [(o: Record<string, unknown>) => ((o.utility as number[][][])[1] = [[1, 2, 3, 4]]), /utility\[1\]: has 1 entries, expected 2/],
    [(o: Record<string, unknown>) => (o.signals = [2]), /signals: has 1 entries, expected 2/],
    [(o: Record<string, unknown>) => (o.lastAction = 5), /lastAction: must be an action index/],
    [(o: Record<string, unknown>) => (o.horizon = 0), /horizon: must be a positive integer/],
    // refused by the schema (environment.schema.json), the field named
    [(o: Record<string, unknown>) => delete o.utility, /^utility: is required/],
    [(o: Record<string, unknown>) => ((o.transition as unknown[][][])[0][1][2] = '0.5'), /^transition\[0\]\[1\]\[2\]: must be number/],
    [(o: Record<string, unknown>) => (o.horizon = 'forever'), /^horizon: must be integer, or must be equal to constant/],
    [(o: Record<string, unknown>) => (o.utility = { 0: [] }), /^utility: must be array/],
    [(o: Record<string, unknown>) => (o.name = 3), /^name: must be string/],
  ])('rejects bad input %# with an InputError naming the field', (mutate, msg) => {
    const o = good() as unknown as Record<string, unknown>;
    mutate(o);
    expect(() => parseDynamicEnvironment(o)).toThrow(InputError);
    expect(() => parseDynamicEnvironment(o)).toThrow(msg);
  });
});

describe('efficient plan', () => {
  it('policy iteration satisfies the Bellman equation (T = infinity)', () => {
    fc.assert(
      fc.property(dynamicSpecArb({ horizons: null, infinite: true, maxProfiles: 9 }), (spec) => {
        const env = environmentFromDynamicSpec(spec);
        const plan = efficientPlan(env);
        const W = plan.values[0];
        for (let s = 0; s < env.space.size; s++) {
          const best = Math.max(
            ...Array.from({ length: env.actions }, (_, a) => socialFlow(env, a, s) + env.discount * expectNext(env, a, s, W)),
          );
          expect(Math.abs(best - W[s])).toBeLessThan(1e-8);
        }
      }),
      { numRuns: 30, seed: 4 },
    );
  });
});

describe('one-shot deviation checker', () => {
  it('agrees with the enumeration of whole signal paths (correct and broken transfers)', () => {
    fc.assert(
      fc.property(
        dynamicSpecArb({ infinite: false, horizons: { min: 2, max: 3 }, maxProfiles: 6 }),
        fc.constantFrom(1, 0.5, 0),
        (spec, factor) => {
          const env = environmentFromDynamicSpec(spec);
          const plan = efficientPlan(env);
          const tr = scaleTransfers(lemmaA4Transfers(env, plan).transfers, factor);
          const a = periodicExPostIC(env, plan, tr);
          const b = periodicExPostICByPaths(env, plan, tr);
          expect(a.gainByPeriod.length).toBe(b.gainByPeriod.length);
          a.gainByPeriod.forEach((g, k) => expect(Math.abs(g - b.gainByPeriod[k])).toBeLessThan(1e-9));
          expect(a.cases).toBe(b.cases);
        },
      ),
      { numRuns: 30, seed: 5 },
    );
  });
  it('finds the gain from lying without transfers, with a witness', () => {
    const env = parseDynamicEnvironment({ ...good(), horizon: 'infinite', lastAction: undefined });
    const plan = efficientPlan(env);
    const r = periodicExPostIC(env, plan, null);
    expect(r.holds).toBe(false);
    expect(r.witness).not.toBeNull();
    expect(r.witness!.gain).toBeCloseTo(r.violation, 12);
  });
  it('Lemma A.4 transfers satisfy conditions (i) and (ii) of Lemma A.3 on the fixture', () => {
    const env = parseDynamicEnvironment(
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/seed004/two-agents-copy.json'), 'utf8')),
    );
    const plan = efficientPlan(env);
    const a4 = lemmaA4Transfers(env, plan);
    const c = lemmaA3Conditions(env, plan, a4.transfers);
    expect(c.conditionI).toBeLessThan(1e-9);
    expect(c.conditionII).toBeLessThan(1e-12);
  });
});

describe('assumptions', () => {
  it('sup-norm distance to the hull of the other columns', () => {
    const M = [
      [1, 0, 0.5],
      [0, 1, 0.5],
    ];
    expect(distanceToHullOfOthers(M, 2)).toBeLessThan(1e-9);
    expect(distanceToHullOfOthers(M, 0)).toBeCloseTo(0.5, 7);
  });
  it('smallest singular value', () => {
    expect(
      smallestSingularValue([
        [1, 0],
        [0, 2],
        [0, 0],
      ]),
    ).toBeCloseTo(1, 9);
    expect(
      smallestSingularValue([
        [1, 2],
        [2, 4],
      ]),
    ).toBeLessThan(1e-6);
    expect(smallestSingularValue([[1, 2, 3]])).toBe(0);
  });
});

describe('pseudo-inverse', () => {
  it('handles the matrix on which mathjs pinv throws', () => {
    const A = [
      [4 / 21, 6 / 21, 6 / 21, 5 / 21],
      [4 / 21, 6 / 21, 4 / 21, 7 / 21],
    ];
    const { inverse } = pseudoInverse(A);
    const AX = A.map((row) => inverse[0].map((_, c) => row.reduce((acc, v, k) => acc + v * inverse[k][c], 0)));
    expect(AX[0][0]).toBeCloseTo(1, 9);
    expect(AX[0][1]).toBeCloseTo(0, 9);
    expect(AX[1][1]).toBeCloseTo(1, 9);
  });
  it('spectral formula of a rank-deficient matrix', () => {
    const X = spectralPseudoInverse([
      [1, 1],
      [1, 1],
    ]);
    X.flat().forEach((v) => expect(v).toBeCloseTo(0.25, 9));
  });
});

describe('dynamic auction', () => {
  it('the constructed process is unbiased and the stated bids are an equilibrium (runner-up reading)', () => {
    const m = auctionModel({ bidders: 3, levels: 3, gamma: 2, discount: 0.9, lambda: 0.5 });
    expect(unbiasednessResidual(m)).toBeLessThan(1e-12);
    expect(checkAuctionEquilibrium(m).violation).toBeLessThan(1e-9);
    expect(checkAuctionEquilibrium(m, { reading: 'sumOthers' }).violation).toBeGreaterThan(1);
  });
});

describe('generators', () => {
  it('specs become valid files', () => {
    fc.assert(
      fc.property(dynamicSpecArb(), (spec) => {
        const env = parseDynamicEnvironment(specToFile(spec));
        expect(env.transition.length).toBe(spec.actions);
      }),
      { numRuns: 30, seed: 6 },
    );
  });
});
