/**
 * The two-stage game of seed 000 (section 4.2, proof of Theorem 1): the
 * deviator's stage-2 optimum after a lie equals the best report found by
 * enumerating a grid of reports, the proof's delta makes Part 3's inequality
 * tight, and the first-stage rewards are the foundation's spherical rewards.
 */
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../../core/prior.ts';
import { norm2 } from '../../core/distribution.ts';
import type { AssignmentInstance, BuyerReport } from './instance.ts';
import { copyBuyerRows, dataAtPosterior, setBuyerReport } from './instance.ts';
import { part2ConstantStated } from './lipschitz.ts';
import { vcgUtility } from './solver.ts';
import { TwoStageGame, truthfulOpponents } from './twoStage.ts';

const inst: AssignmentInstance = {
  n: 2,
  M: 2,
  states: 2,
  u: [
    [
      [2, 1],
      [1, 2],
    ],
    [
      [0, 1],
      [2, 0],
    ],
  ],
  v: [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [1, 0],
    ],
  ],
  c: [
    [
      [
        [
          [0, 0],
          [0, 1],
        ],
        [
          [0, 0],
          [2, 0],
        ],
      ],
      [
        [
          [0, 1],
          [0, 0],
        ],
        [
          [2, 0],
          [0, 0],
        ],
      ],
    ],
    [
      [
        [
          [0, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 0],
        ],
      ],
      [
        [
          [0, 2],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
        ],
      ],
    ],
  ],
};
const prior = JointPrior.fromWeights(2, [2, 2], [4, 1, 2, 3, 1, 3, 2, 4]);

describe('two-stage game', () => {
  const game = new TwoStageGame(inst, prior);
  const opp = truthfulOpponents(inst);

  it("the deviator's stage-2 optimum after a lie is the best report on a grid of state-contingent reports", () => {
    const vals = [0, 1, 2];
    for (const [i, bi, r] of game.deviations()) {
      for (const { k } of game.cell(i, bi)) {
        const best = game.deviationStage2Utility(k, i, r, opp);
        const kPosted = game.withSignal(k, i, r);
        const posted = game.posteriors[kPosted];
        const truthData = dataAtPosterior(inst, posted);
        setBuyerReport(truthData, 1 - i, opp(1 - i, 0, 0, posted), posted);
        copyBuyerRows(truthData, dataAtPosterior(inst, game.posteriors[k]), i);
        let gridBest = -Infinity;
        // state-contingent reports: w_i(theta)[j] and the one meaningful d entry per seller, per state
        for (let code = 0; code < 3 ** 8; code++) {
          const digit = (t: number) => vals[Math.floor(code / 3 ** t) % 3];
          const rep: BuyerReport = { w: [], d: [] };
          for (let s = 0; s < 2; s++) {
            rep.w.push([digit(4 * s), digit(4 * s + 1)]);
            const d = [
              [
                [0, 0],
                [0, 0],
              ],
              [
                [0, 0],
                [0, 0],
              ],
            ];
            d[0][1 - i][1] = digit(4 * s + 2);
            d[1][1 - i][0] = digit(4 * s + 3);
            rep.d.push(d);
          }
          const reported = { ...truthData, w: Float64Array.from(truthData.w), d: Float64Array.from(truthData.d) };
          setBuyerReport(reported, i, rep, posted);
          gridBest = Math.max(gridBest, vcgUtility(reported, truthData, i));
        }
        expect(gridBest).toBeLessThanOrEqual(best + 1e-9);
      }
    }
  });

  it("at the proof's delta, Part 3's inequality is tight for the worst lie and holds for the others", () => {
    const delta = game.proofDelta();
    const C = part2ConstantStated(2, 2);
    const slack = [...game.deviations()].map(
      ([i, bi, r]) => delta * game.expectedRewardGap(i, bi, r) - C * game.expectedPosteriorShift(i, bi, r),
    );
    expect(Math.min(...slack)).toBeCloseTo(0, 9);
    for (const s of slack) expect(s).toBeGreaterThanOrEqual(-1e-9);
  });

  it('first-stage rewards are spherical scores of P_-i(.|b_i)', () => {
    for (let k = 0; k < prior.profiles.size; k++) {
      const b0 = prior.profiles.component(k, 0);
      const belief = prior.othersGivenOwn(0, b0);
      expect(game.zeta[0][k]).toBeCloseTo(belief[prior.profiles.othersIndex(k, 0)] / norm2(belief), 12);
    }
  });

  it('truthful opponents: (ii) holds at the robust delta and the budget adds up', () => {
    const delta = game.robustDelta();
    for (const [i, bi, r] of game.deviations()) expect(game.conditionII(i, bi, r, delta, opp).margin).toBeGreaterThanOrEqual(-1e-9);
    const b = game.budget(delta);
    expect(b.expectedVcgSurplus).toBeGreaterThanOrEqual(0);
    expect(b.expectedNetPayment).toBeCloseTo(b.expectedRewards - b.expectedVcgSurplus, 12);
  });
});
