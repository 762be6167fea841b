/**
 * Relaxation of the assumption of section 3.2 of seed 000_8a10c4f2f12bc353.txt
 * (P_-i(.|b_i) != P_-i(.|b_i') for b_i != b_i'), which Theorem 1's rewards
 * need (section 6.2, Part 3). Here buyer 0's signal moves the posterior on the
 * state but says nothing about the other buyer's signal:
 * P(theta, b_0, b_1) = A(theta, b_0) R(b_1). Then E[xi_0(r, b_1) | b_0] does not
 * depend on b_0 for ANY reward system xi, so truthful stage-1 reporting can be
 * made optimal only if every 2-cycle of lies has a nonpositive total stage-2
 * gain: G(b -> b') + G(b' -> b) <= 0. The check computes the cycle gains exactly
 * (truthful opponents, deviator's stage-2 optimum as in Theorem 1).
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { JointPrior } from '../../src/core/prior.ts';
import { describeInstanceSpec, instanceFromSpec, instanceSpecArb, type InstanceSpec } from '../../src/mechanisms/assignment/arbitraries.ts';
import { TwoStageGame, truthfulOpponents } from '../../src/mechanisms/assignment/twoStage.ts';
import { src } from './common.ts';

type Input = { spec: InstanceSpec; signals: number; stateSignal: number[]; other: number[] };

const arb = () =>
  fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([states, signals]) =>
    fc.record({
      spec: instanceSpecArb({ n: { min: 2, max: 2 }, states: { min: states, max: states }, M: { min: 1, max: 2 } }),
      signals: fc.constant(signals),
      stateSignal: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: states * signals, maxLength: states * signals }),
      other: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 2 }),
    }),
  );

/** P(theta, b_0, b_1) proportional to A(theta, b_0) R(b_1), state slowest, profiles (b_0, b_1) row-major. */
function prior(x: Input): JointPrior {
  const S = x.stateSignal.length / x.signals;
  const w: number[] = [];
  for (let th = 0; th < S; th++)
    for (let b0 = 0; b0 < x.signals; b0++) for (let b1 = 0; b1 < 2; b1++) w.push(x.stateSignal[th * x.signals + b0] * x.other[b1]);
  return JointPrior.fromWeights(S, [x.signals, 2], w);
}

export const relaxationUninformativeSignal = propertyEntry<Input>({
  id: 'seed000.theorem1.withoutInformativeSignals',
  aliases: ['seed000.relaxation.signalUninformativeAboutOthers'],
  drops: 'informativeSignals',
  title: "Relaxation: a signal that moves the state posterior but not the belief about others' signals defeats every reward system",
  source: src('Theorem 1 (assumption of section 3.2)', '3.2, 6.2'),
  kind: 'relaxation',
  relaxes: "P_-i(.|b_i) != P_-i(.|b_i') whenever b_i != b_i' (section 3.2)",
  hypotheses: [
    '[boundedPayoffs] 0 <= u, v, c <= M',
    '[fullSupportPrior] P(theta, b_0, b_1) > 0',
    '[truthfulOpponents] opponent truthful in both stages',
  ],
  scope: [
    'n = 2, 2-3 states, 2-3 signals for buyer 0, 2 for buyer 1',
    'P(theta, b_0, b_1) = A(theta, b_0) R(b_1) (buyer 0 informative about theta only)',
  ],
  conclusion:
    'some first-stage reward system makes truthful stage-1 reporting optimal for buyer 0 (necessary: every 2-cycle of lies has total stage-2 gain <= 0)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 100,
  arbitrary: arb,
  check: (x, ctx) => {
    const game = new TwoStageGame(instanceFromSpec(x.spec), prior(x));
    const opp = truthfulOpponents(game.inst);
    let worst = -Infinity;
    let detail: unknown = null;
    for (let b = 0; b < x.signals; b++)
      for (let r = b + 1; r < x.signals; r++) {
        const g1 = game.conditionII(0, b, r, 0, opp).stage2Gain;
        const g2 = game.conditionII(0, r, b, 0, opp).stage2Gain;
        if (g1 + g2 > worst) {
          worst = g1 + g2;
          detail = {
            signals: [b, r],
            gainLyingBtoR: g1,
            gainLyingRtoB: g2,
            cycleGain: g1 + g2,
            posteriorGivenB: game.posteriors[game.prior.profiles.index([b, 0])],
            posteriorGivenR: game.posteriors[game.prior.profiles.index([r, 0])],
            sphericalRewardGap: game.expectedRewardGap(0, b, r),
          };
        }
      }
    return { ok: worst <= ctx.tolerance, metrics: { largestCycleGain: worst }, detail };
  },
  metrics: { largestCycleGain: 'max' },
  describe: (x) => ({
    instance: describeInstanceSpec(x.spec),
    signalsOfBuyer0: x.signals,
    stateSignalWeights: x.stateSignal,
    buyer1SignalWeights: x.other,
  }),
  notes: [
    "With P_-0(.|b_0) the same for every b_0, any reward xi_0(r_0, b_1) has an expected value R(r_0) that does not depend on the true signal; truth-telling needs R(b) - R(b') >= G(b -> b') and R(b') - R(b) >= G(b' -> b), impossible when G(b -> b') + G(b' -> b) > 0. The spherical reward gap is 0 here (in the detail), so no delta helps.",
    "Typical cause: buyer 0's value and its seller cost move with the state, so its stage-2 utility max(0, u(p(b)) - v(p(r))) is convex in the pair and a cycle of lies gains.",
  ],
});
