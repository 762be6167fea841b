import { describe, expect, it } from 'vitest';
import { fraction } from 'mathjs';
import { JointPrior } from '../../core/prior.ts';
import { productStructure, trivialDecomposition } from '../../information/informationDecomposition.ts';
import { TwoStageGame, privateValuesVCG } from './game.ts';
import { bestTwoOutcomeResponseByThresholds } from './bestResponse.ts';
import { exactExampleQuantities, minimalMajorityRewardAt, worstValueProfile } from './majorityExample.ts';
import { maxWelfare, vcgPayoffAtPosterior } from './welfare.ts';

describe('stage-2 private-values VCG', () => {
  it('a Vickrey auction: the highest report wins and pays the second', () => {
    const { outcome, transfers } = privateValuesVCG([
      [5, 0, 0],
      [0, 3, 0],
      [0, 0, 4],
    ]);
    expect(outcome).toBe(0);
    expect(transfers).toEqual([-4, 0, 0]);
  });
  it('welfare functions of Lemmas A and B', () => {
    const g = [
      [
        [4, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [1, 3],
      ],
    ];
    expect(maxWelfare(g, [0, 1], [0.5, 0.5]).value).toBe(2);
    // agent 0's VCG payoff at pi = (1, 0): wins outcome 0 (4 vs 1), pays 1
    expect(vcgPayoffAtPosterior(g, 0, [1, 0])).toBe(3);
  });
});

describe('the two-stage game', () => {
  const Q = JointPrior.fromWeights(2, [2, 2], [3, 1, 1, 1, 1, 1, 1, 3]);
  const values = [
    [
      [
        [0, 0],
        [2, 0],
      ],
      [
        [0, 0],
        [0, 3],
      ],
    ],
    [
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 0],
        [0, 0],
      ],
    ],
  ];
  const game = new TwoStageGame(Q, trivialDecomposition(Q), values);
  it('truthful second-stage reports are optimal on path (Parts 1-2)', () => {
    for (let i = 0; i < 2; i++) for (let t = 0; t < 2; t++) expect(game.secondStageGain(i, t).gain).toBeLessThan(1e-12);
  });
  it('beta* (exact search) equals the two-outcome threshold enumeration, beats a grid of stage-2 reports and never exceeds the per-t_-i bound', () => {
    for (let i = 0; i < 2; i++)
      for (let t = 0; t < 2; t++) {
        for (const set of game.informationSets(i, t, 1 - t)) {
          const best = game.bestStage2Report(set);
          expect(best.value).toBeCloseTo(bestTwoOutcomeResponseByThresholds(game.stage2Cells(set)).value, 12);
          for (let d = -6; d <= 6; d += 0.25)
            expect(game.expectedAtSet(set, [Math.max(0, -d), Math.max(0, d)])).toBeLessThanOrEqual(best.value + 1e-12);
          const upper = set.cells.reduce((s, c) => s + c.weight * game.stage2UpperBound(i, c.profile, set.posted, c.truePosterior), 0);
          expect(best.value).toBeLessThanOrEqual(upper + 1e-12);
        }
        const d = game.coordinatedDeviation(i, t, 1 - t);
        expect(d.gain).toBeLessThanOrEqual(d.gainUpperBound + 1e-12);
      }
  });
});

describe('beliefs of Step 1 are Bayes rule on P (condition (ii))', () => {
  it('mu_i(theta, t_-i | r_i, pi, t_i) = P(theta, t) / P(t_i, information set), product structure', () => {
    const P1 = JointPrior.fromWeights(2, [2, 2], [3, 1, 2, 1, 1, 2, 1, 3]);
    const P2 = JointPrior.fromWeights(1, [2, 1], [1, 3]);
    const { P, decomposition } = productStructure(P1, P2);
    const values = [0, 1].map((i) => [0, 1].map((th) => Array.from({ length: P.typeCounts[i] }, (_, t) => [th + t, 2 - t])));
    const game = new TwoStageGame(P, decomposition, values);
    const S = P.profiles.size;
    for (let i = 0; i < 2; i++)
      for (let t = 0; t < P.typeCounts[i]; t++)
        for (let r = 0; r < 2; r++) {
          const sets = game.informationSets(i, t, r);
          expect(sets.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 12);
          for (const set of sets) {
            const mass = set.cells.reduce((s, c) => s + P.profileMarginal[c.profile], 0);
            for (const c of set.cells)
              for (let th = 0; th < 2; th++) {
                const mu = c.weight * c.truePosterior[th];
                expect(mu).toBeCloseTo(P.table[th * S + c.profile] / mass, 12);
              }
          }
        }
  });
});

describe('section 2 example', () => {
  it('the game reproduces the exact closed form; rho = 3/4 gives 9/7 M', () => {
    const ex = exactExampleQuantities(fraction('3/4'), 1);
    expect(ex.minimalReward.toFraction()).toBe('9/7');
    expect(ex.majorityAdvantage.toFraction()).toBe('1/4');
    expect(minimalMajorityRewardAt(0.75, worstValueProfile(1)).z).toBeCloseTo(9 / 7, 12);
    // scaling the values scales the reward
    expect(minimalMajorityRewardAt(0.75, worstValueProfile(4)).z).toBeCloseTo(36 / 7, 12);
  });
});
