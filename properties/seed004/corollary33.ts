/**
 * Corollary 3.3 (seed 004_9d6e3cf19fe3eb52.txt, section 3): finite horizon,
 * a constant allocation a-bar in the last period T and the efficient
 * allocation before it; with report-independent transfers
 * p-bar_{t+1}(theta'^{-i}; a_t, theta_t^{-i}) the mechanism is periodic ex post IC.
 *
 * Three entries:
 * - seed004.corollary33: the transfers of Lemma A.4 with the last step
 *   internalizing the others' period-T utility (holds);
 * - seed004.corollary33.asStated: the system of Lemma A.4 as printed at every
 *   step, allocation-dependent transitions (refuted, counterexample);
 * - seed004.corollary33.independentSignals.asStated: as printed, allocation-independent
 *   transitions (holds).
 */
import { given, propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import type { RunContext } from '../../src/catalogue/types.ts';
import { dynamicSpecArb, type DynamicSpec } from '../../src/mechanisms/dynamic/generators.ts';
import { periodicExPostIC } from '../../src/mechanisms/dynamic/incentives.ts';
import { lemmaA4Transfers, type LastStep } from '../../src/mechanisms/dynamic/transfers.ts';
import { build, describeSpec, gainTolerance, spanningHolds, src } from './common.ts';

const SOURCE = src('Corollary 3.3', '3');

const finiteArb = (transitions: 'both' | 'independent' | 'dependent') => () =>
  given(
    dynamicSpecArb({
      spanningSizes: true,
      infinite: false,
      horizons: { min: 2, max: 4 },
      lastPeriod: 'constant',
      transitions,
      maxProfiles: 12,
    }),
    'Assumption 3 (spanning)',
    spanningHolds,
  );

function checkWith(lastStep: LastStep, scale?: (d: number) => number) {
  return (spec: DynamicSpec, ctx: RunContext): PropertyCheck => {
    const { env, plan } = build(spec);
    const tr = lemmaA4Transfers(env, plan, { lastStep, scale: scale ? scale(env.discount) : undefined });
    // gains are judged at the transfers' own scale, as Lemma A.4's residual is (seed004.lemmaA4)
    const ic = periodicExPostIC(env, plan, tr.transfers, { tolerance: gainTolerance(ctx.tolerance, tr.maxAbsTransfer) });
    return {
      ok: ic.holds,
      metrics: { maxGain: ic.violation, maxResidual: tr.residual, maxAbsTransfer: tr.maxAbsTransfer },
      detail: { maxGain: ic.violation, witness: ic.witness, gainByPeriod: ic.gainByPeriod },
    };
  };
}

const HYPS = [
  '[assumption1] Assumption 1 (finite signals and actions)',
  '[assumption3] Assumption 3 (spanning; generated instances are filtered on it)',
  '[constantLastAllocation] finite horizon, constant allocation a-bar in period T, efficient allocation for t < T (backward induction with W_T = sum_j u^j(a-bar, .))',
];
const SCOPE = ['T in {2,3,4}'];

const NOTE_ASSUMPTION =
  'The slides state Corollary 3.3 under "Assumptions 1 and 2", but its transfers p-bar_{t+1}(theta_{t+1}^{-i}; a_t, theta_t^{-i}) do not depend on the own report, which is the setting of Theorem 3.2 (Assumption 3, spanning); the entries assume spanning (seed004.corollary33.underAssumption2.asStated shows that the statement with Assumption 2 alone is false).';

export const corollary33 = propertyEntry({
  id: 'seed004.corollary33',
  title: 'Corollary 3.3: constant last-period allocation, VCG-type transfers internalizing period T: periodic ex post IC',
  source: SOURCE,
  kind: 'corollary',
  hypotheses: HYPS,
  scope: [...SCOPE, 'transitions allocation-dependent or not'],
  conclusion:
    'with delta E[x_T | a, theta_{T-1}] = sum_{j!=i} u^j(a, theta_{T-1}) + delta E[sum_{j!=i} u^j(a-bar, theta_T) | a, theta_{T-1}] at the last step (Lemma A.4 elsewhere), the largest one-shot gain is <= 1e-9 (1 + max |x|)',
  expected: 'holds',
  runs: 60,
  arbitrary: finiteArb('both'),
  check: checkWith('internalizeLastPeriod'),
  metrics: { maxGain: 'max', maxResidual: 'max' },
  describe: describeSpec,
  notes: [
    "In period T no transfer can pay agent i the others' period-T utility, so the induction of Lemma A.3's proof (continuation = W_t - p_t) needs it in the transfer of the step T-1 -> T; with that right-hand side the mechanism is periodic ex post IC for allocation-dependent transitions too.",
    NOTE_ASSUMPTION,
  ],
  mutant: {
    description: 'the Lemma A.4 system as printed at the last step, on allocation-dependent transitions',
    arbitrary: finiteArb('dependent'),
    check: checkWith('asPrinted'),
  },
});

export const corollary33AsPrinted = propertyEntry({
  id: 'seed004.corollary33.asStated',
  aliases: ['seed004.corollary33AsPrinted'],
  title: 'Corollary 3.3 with the Lemma A.4 system as printed at every step, allocation-dependent transitions (false)',
  source: SOURCE,
  kind: 'corollary',
  hypotheses: [
    ...HYPS,
    '[markovSignals] transitions depend on the allocation (the model allows it)',
    '[lemmaA4System] transfers: the system of Lemma A.4 as printed (right-hand side sum_{j!=i} u^j(a_t, theta_t)) at every step',
  ],
  scope: SCOPE,
  conclusion: 'the largest one-shot gain is <= 1e-9 (1 + max |x|)',
  expected: 'refuted',
  refutation: 'erratum',
  runs: 60,
  arbitrary: finiteArb('dependent'),
  check: checkWith('asPrinted'),
  metrics: { maxGain: 'max', maxResidual: 'max' },
  describe: describeSpec,
  notes: [
    "With the printed system, agent i's continuation at T-1 is W_{T-1} - delta E[sum_{j!=i} u^j(a-bar, theta_T) | a, theta_{T-1}] - p: the last term depends on the allocation through the transition, so a report that changes a_{T-1} can gain. The counterexample gives the environment as a `mechcheck dynamic` file; the witness is in period T-1.",
    NOTE_ASSUMPTION,
  ],
});

export const corollary33AsPrintedIndependent = propertyEntry({
  id: 'seed004.corollary33.independentSignals.asStated',
  aliases: ['seed004.corollary33AsPrintedIndependent'],
  title: 'Corollary 3.3 with the Lemma A.4 system as printed, allocation-independent transitions',
  source: SOURCE,
  kind: 'corollary',
  hypotheses: [...HYPS, '[lemmaA4System] transfers: the system of Lemma A.4 as printed at every step'],
  scope: [...SCOPE, 'transitions do not depend on the allocation'],
  conclusion: 'the largest one-shot gain is <= 1e-9 (1 + max |x|)',
  expected: 'holds',
  runs: 60,
  arbitrary: finiteArb('independent'),
  check: checkWith('asPrinted'),
  metrics: { maxGain: 'max', maxResidual: 'max' },
  describe: describeSpec,
  notes: [
    'When the transition does not depend on the allocation, the uninternalized term delta E[sum_{j!=i} u^j(a-bar, theta_T) | theta_{T-1}] does not depend on the report, and the printed construction is periodic ex post IC.',
  ],
  mutant: {
    description: 'transfers without the factor 1/delta',
    check: checkWith('asPrinted', () => 1),
  },
});
