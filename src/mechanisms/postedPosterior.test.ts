/**
 * One rule for "the same posted posterior" in the two-stage games of seeds 000
 * and 001 (src/mechanisms/postedPosterior.ts).
 */
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { POSTERIOR_TIE_TOLERANCE } from '../core/tolerance.ts';
import { trivialDecomposition } from '../information/informationDecomposition.ts';
import type { AssignmentInstance } from './assignment/instance.ts';
import { TwoStageGame as AssignmentTwoStageGame } from './assignment/twoStage.ts';
import { PostedPosteriors } from './postedPosterior.ts';
import { TwoStageGame } from './twoStage/game.ts';

describe('PostedPosteriors', () => {
  it('posteriors within the tie tolerance are one post (the first seen); farther ones are new posts', () => {
    const posts = new PostedPosteriors();
    expect(posts.indexOf([0.3, 0.7])).toBe(0);
    expect(posts.indexOf([0.1 + 0.2, 0.7])).toBe(0); // 0.30000000000000004
    expect(posts.indexOf([0.3 + 1e-9, 0.7 - 1e-9])).toBe(1);
    expect(posts.indexOf([0.7, 0.3])).toBe(2);
    expect(posts.posts).toEqual([
      [0.3, 0.7],
      [0.3 + 1e-9, 0.7 - 1e-9],
      [0.7, 0.3],
    ]);
  });
  it('a zero tolerance splits posteriors equal up to rounding (the rule can fail: the tolerance matters)', () => {
    const posts = new PostedPosteriors(0);
    expect(posts.indexOf([0.3, 0.7])).toBe(0);
    expect(posts.indexOf([0.1 + 0.2, 0.7])).toBe(1);
  });
  it("merges a pair that seed 001's former rule (rounding each coordinate to 12 decimals) split at a rounding boundary", () => {
    const a = [0.5 + 4.9e-13, 0.5 - 4.9e-13];
    const b = [0.5 + 5.1e-13, 0.5 - 5.1e-13];
    const rounded = (pi: number[]) => pi.map((p) => (Math.round(p * 1e12) / 1e12).toFixed(12)).join(',');
    expect(rounded(a)).not.toBe(rounded(b));
    const posts = new PostedPosteriors();
    expect([posts.indexOf(a), posts.indexOf(b)]).toEqual([0, 0]);
    expect(POSTERIOR_TIE_TOLERANCE).toBe(1e-12);
  });
});

describe('both two-stage games use the rule', () => {
  // two states, two agents with binary signals; the state is independent of agent 1's signal,
  // so the posterior depends on agent 0's signal only: profiles (s0, 0) and (s0, 1) post the same posterior
  // (weights state-major, profiles (0,0), (0,1), (1,0), (1,1))
  const prior = JointPrior.fromWeights(2, [2, 2], [3, 3, 1, 1, 1, 1, 3, 3]);
  it('seed 000: profiles posting the same posterior share one posted key', () => {
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
    const game = new AssignmentTwoStageGame(inst, prior);
    expect(game.postedKey).toEqual([0, 0, 2, 2]);
  });
  it("seed 001: agent 1's signal does not change the post, so agent 0 has one information set per report", () => {
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
    const game = new TwoStageGame(prior, trivialDecomposition(prior), values);
    for (const report of [0, 1]) {
      const sets = game.informationSets(0, 0, report);
      expect(sets).toHaveLength(1);
      expect(sets[0].cells).toHaveLength(2);
    }
    // for agent 1, agent 0's signal (0 or 1) sets the post: two information sets
    expect(game.informationSets(1, 0, 1)).toHaveLength(2);
  });
});
