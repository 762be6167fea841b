import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dominantStrategyIC } from '../concepts/incentiveCompatibility.ts';
import { environmentFromSpec, privateValuesSpecArb, environmentSpecArb } from '../generators/environments.ts';
import { grovesMechanism, vcgMechanism } from './groves.ts';
import { augmentedMechanism, generalizedVCG } from './gvcg.ts';
import { ValueTable } from '../model/environment.ts';

describe('Groves and VCG', () => {
  fcTest.prop(
    [
      privateValuesSpecArb({ agents: { min: 1, max: 3 }, types: { min: 1, max: 3 }, M: 5 }),
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 40, maxLength: 40 }),
    ],
    { numRuns: 60, seed: 11 },
  )('any Groves mechanism (h_i depending on t_-i only) is DSIC', (spec, hTable) => {
    const env = environmentFromSpec(spec);
    const space = env.prior.profiles;
    const h = (i: number, k: number) => hTable[(space.othersIndex(k, i) * 7 + i) % 40];
    expect(dominantStrategyIC(env, grovesMechanism(env, h)).holds).toBe(true);
  });
  it('a "Groves" h that depends on the own report is caught', () => {
    // one agent, two types, outcome values [1,0] / [0,1]; h rewards reporting type 1 by 5
    const spec = {
      prior: { states: 1, typeCounts: [2], weights: [1, 1] },
      outcomes: 2,
      values: [
        [
          [
            [1, 0],
            [0, 1],
          ],
        ],
      ],
      M: 1,
    };
    const env = environmentFromSpec(spec);
    const r = dominantStrategyIC(
      env,
      grovesMechanism(env, (_i, k) => (k === 1 ? 5 : 0)),
    );
    expect(r.violation).toBeCloseTo(4, 12);
    expect(r.witness).toMatchObject({ trueType: 0, report: 1 });
  });
  fcTest.prop([privateValuesSpecArb({ agents: { min: 1, max: 3 }, M: 4 })], { numRuns: 40, seed: 5 })(
    'VCG equals GVCG with one state, and transfers are the Clarke pivot',
    (spec) => {
      const env = environmentFromSpec(spec);
      const v = vcgMechanism(env);
      const g = generalizedVCG(env);
      const vals = new ValueTable(env);
      for (let k = 0; k < env.prior.profiles.size; k++) {
        expect(v.outcome(k)).toBe(g.outcome(k));
        expect(v.transfer(k)).toEqual(g.transfer(k));
        // x_i = welfare of others at q - best welfare of others
        const q = v.outcome(k) as number;
        for (let i = 0; i < env.prior.agents; i++) {
          let atQ = 0;
          let best = -Infinity;
          for (let c = 0; c < env.outcomes; c++) {
            let s = 0;
            for (let j = 0; j < env.prior.agents; j++) if (j !== i) s += vals.get(j, k, c);
            if (c === q) atQ = s;
            best = Math.max(best, s);
          }
          expect(v.transfer(k)[i]).toBeCloseTo(atQ - best, 12);
        }
      }
    },
  );
});

describe('GVCG augmentation', () => {
  it('adds nonnegative rewards and rejects negative ones', () => {
    fc.assert(
      fc.property(environmentSpecArb({ M: 3 }), (spec) => {
        const env = environmentFromSpec(spec);
        const g = generalizedVCG(env);
        const a = augmentedMechanism(g, () => Array(env.prior.agents).fill(0.5));
        expect(a.transfer(0)).toEqual(g.transfer(0).map((x) => x + 0.5));
        const bad = augmentedMechanism(g, () => Array(env.prior.agents).fill(-0.5));
        expect(() => bad.transfer(0)).toThrow(/negative/);
      }),
      { numRuns: 10, seed: 1 },
    );
  });
});
