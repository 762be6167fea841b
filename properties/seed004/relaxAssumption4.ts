/**
 * Relaxation (seed 004_9d6e3cf19fe3eb52.txt, Assumption 4 and Theorem 3.2):
 * finite horizon with the efficient last-period allocation a*_T that is not
 * ex post IC. No contingent transfer is paid after T, so a misreport in
 * period T that changes a*_T in the agent's favour is profitable.
 */
import { given, propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { dynamicSpecArb } from '../../src/mechanisms/dynamic/generators.ts';
import { periodicExPostIC } from '../../src/mechanisms/dynamic/incentives.ts';
import { lemmaA4Transfers } from '../../src/mechanisms/dynamic/transfers.ts';
import { build, describeSpec, spanningHolds, src } from './common.ts';

export const relaxAssumption4 = propertyEntry({
  id: 'seed004.theorem32.withoutAssumption4',
  aliases: ['seed004.relaxAssumption4'],
  drops: 'assumption4',
  title: 'Without Assumption 4 (efficient last period not ex post IC) the dynamic mechanism is not periodic ex post IC',
  source: src('Theorem 3.2 (Assumption 4 dropped)', '3'),
  kind: 'relaxation',
  relaxes: 'Assumption 4 (ex post IC of the efficient allocation in period T)',
  hypotheses: [
    '[assumption1] Assumption 1',
    '[assumption3] Assumption 3 (instances filtered on spanning)',
    '[efficientAllocation] a*_T = argmax_a sum_j u^j(a, theta) (ties to the lowest index)',
  ],
  scope: ['T in {2,3}', 'transitions allocation-independent'],
  conclusion: 'the mechanism with the Lemma A.4 transfers (last step internalizing period T) is periodic ex post IC (gain <= 1e-9)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 40,
  arbitrary: () =>
    given(
      dynamicSpecArb({
        spanningSizes: true,
        infinite: false,
        horizons: { min: 2, max: 3 },
        lastPeriod: 'efficient',
        transitions: 'independent',
        maxProfiles: 9,
      }),
      'Assumption 3 (spanning)',
      spanningHolds,
    ),
  check: (spec, ctx): PropertyCheck => {
    const { env, plan } = build(spec);
    const r = lemmaA4Transfers(env, plan, { lastStep: 'internalizeLastPeriod' });
    const ic = periodicExPostIC(env, plan, r.transfers, { tolerance: ctx.tolerance });
    return {
      ok: ic.holds,
      metrics: { maxGain: ic.violation },
      detail: { maxGain: ic.violation, witness: ic.witness, gainByPeriod: ic.gainByPeriod },
    };
  },
  metrics: { maxGain: 'max' },
  describe: describeSpec,
});
