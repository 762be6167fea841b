/**
 * Definition 2 (ii) of seed 000_8a10c4f2f12bc353.txt (section 4.3) asks truthful
 * play to be optimal "for any profile (alpha_j, beta_j) of behavior strategies of
 * other players", stage-1 reports included. The proof of Theorem 1 (section 6.2)
 * only treats opponents who are truthful in stage 1 (pi = p(b)): spherical
 * rewards make truth a best response to truthful opponents, not a dominant
 * strategy. Here the opponents misreport in stage 1 by a map alpha_j and the
 * payoff data are zero, so only the rewards matter; any delta > 0.
 */
import fc from 'fast-check';
import { propertyEntry, unmet, type CheckResult } from '../../src/catalogue/propertyEntry.ts';
import { type GamePriorSpec, gamePriorSpecArb, priorFromGameSpec } from '../../src/mechanisms/assignment/arbitraries.ts';
import type { AssignmentInstance } from '../../src/mechanisms/assignment/instance.ts';
import { TwoStageGame } from '../../src/mechanisms/assignment/twoStage.ts';
import { src } from './common.ts';
import { ASSUMPTION_32, satisfiesAssumption32 } from './theorem1.ts';

type Input = { prior: GamePriorSpec; alpha: number[][] };

const arb = () =>
  fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([n, B]) =>
    fc.record({
      prior: gamePriorSpecArb(n, 2, B, 0),
      alpha: fc.array(fc.array(fc.integer({ min: 0, max: B - 1 }), { minLength: B, maxLength: B }), { minLength: n, maxLength: n }),
    }),
  );

const zeroInstance = (n: number): AssignmentInstance => ({
  n,
  M: 1,
  states: 2,
  u: [0, 1].map(() => Array.from({ length: n }, () => new Array(n).fill(0))),
  v: [0, 1].map(() => Array.from({ length: n }, () => new Array(n).fill(0))),
  c: [0, 1].map(() =>
    Array.from({ length: n }, () => Array.from({ length: n }, () => Array.from({ length: n }, () => new Array(n).fill(0)))),
  ),
});

export const definition2OpponentsLie = propertyEntry<Input>({
  id: 'seed000.theorem1.definition2ii.opponentsLieInStage1.asStated',
  aliases: ['seed000.theorem1.definition2ii.opponentsLieInStage1'],
  title: 'Definition 2 (ii) against opponents who lie in stage 1: spherical rewards do not make truth dominant',
  source: src('Definition 2 (ii) and Theorem 1', '4.3, 6.2'),
  kind: 'claim',
  hypotheses: [
    '[fullSupportPrior] full-support prior',
    '[informativeSignals] the assumption of section 3.2',
    '[twoStageGame] opponents report alpha_j(b_j) in stage 1 (any map)',
    '[sphericalRewards] spherical rewards, any delta > 0',
  ],
  scope: ['n = 2-3, |B_i| = 2-3, two states', 'payoff data zero (stage 2 pays nothing)'],
  conclusion: 'truthful stage-1 reporting maximises E[xi_i(r_i, alpha(b_-i)) | b_i] for every buyer and signal',
  expected: 'refuted',
  refutation: 'erratum',
  runs: 100,
  arbitrary: arb,
  check: (x, ctx): CheckResult => {
    const prior = priorFromGameSpec(x.prior);
    const n = x.alpha.length;
    const game = new TwoStageGame(zeroInstance(n), prior);
    if (!satisfiesAssumption32(game)) return unmet(ASSUMPTION_32);
    const sp = prior.profiles;
    let worst = -Infinity;
    let detail: unknown = null;
    for (const [i, bi, r] of game.deviations()) {
      let gain = 0;
      for (const { k, prob } of game.cell(i, bi)) {
        // reported profile: i's report, the others' alpha_j(b_j)
        const prof = sp.profile(k).map((b, j) => (j === i ? b : x.alpha[j][b]));
        const truthK = sp.index(prof);
        gain += prob * (game.zeta[i][sp.replace(truthK, i, r)] - game.zeta[i][truthK]);
      }
      if (gain > worst) {
        worst = gain;
        detail = {
          buyer: i,
          signal: bi,
          betterReport: r,
          expectedUnitRewardGain: gain,
          opponentsStage1Maps: x.alpha.map((a, j) => (j === i ? null : a)),
        };
      }
    }
    return { ok: worst <= ctx.tolerance, metrics: { largestUnitRewardGain: worst }, detail };
  },
  metrics: { largestUnitRewardGain: 'max' },
  notes: [
    "The spherical rule rewards matching the distribution of the OTHERS' REPORTS; when they report alpha(b_-i), truth is no longer the best match. With payoffs zero the gain is pure reward (times delta), so no choice of delta helps. Truthful play is a sequential best response to truthful stage-1 play (what the proof shows), not dominant in the sense of Definition 2 (ii) as written.",
  ],
});
