/**
 * Relaxation (seed 004_9d6e3cf19fe3eb52.txt, section 3, Assumptions 2-3 and
 * Lemma A.4): signals not correlated across periods (the next profile's law
 * does not depend on the current signals). Then M^{-i} has identical columns,
 * no transfers solve the system of Lemma A.4 / condition (i), and the
 * efficient mechanism with the pseudo-inverse transfers is not IC.
 */
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { dynamicSpecArb } from '../../src/mechanisms/dynamic/generators.ts';
import { periodicExPostIC } from '../../src/mechanisms/dynamic/incentives.ts';
import { lemmaA4Transfers } from '../../src/mechanisms/dynamic/transfers.ts';
import { build, describeSpec, src } from './common.ts';

export const relaxNoIntertemporalCorrelation = propertyEntry({
  id: 'seed004.theorem32.withoutIntertemporalCorrelation',
  aliases: ['seed004.relaxNoIntertemporalCorrelation'],
  drops: 'intertemporalCorrelation',
  title: 'Without intertemporal correlation no contingent transfers satisfy the system and IC fails',
  source: src('Lemma A.4 / Theorem 3.2 (signals independent across periods)', '3'),
  kind: 'relaxation',
  relaxes: 'Assumptions 2 and 3 (intertemporal correlation): the next signals are drawn independently of the current ones',
  hypotheses: [
    '[assumption1] Assumption 1 (finite signals and actions)',
    '[constantLastAllocation] constant last allocation when T is finite',
  ],
  scope: [
    '2-3 agents with 2-3 signals, 2-3 actions, T in {2,3,4} or infinite',
    'transition rows equal across current profiles (i.i.d. over time given the allocation)',
  ],
  conclusion: 'the Lemma A.4 transfers solve the system and the mechanism is periodic ex post IC (gain <= 1e-9)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 40,
  arbitrary: () => dynamicSpecArb({ iid: true, copy: { min: 0, max: 0 }, lastPeriod: 'constant', maxProfiles: 9 }),
  check: (spec, ctx): PropertyCheck => {
    const { env, plan } = build(spec);
    const r = lemmaA4Transfers(env, plan, { lastStep: 'internalizeLastPeriod' });
    const ic = periodicExPostIC(env, plan, r.transfers, { tolerance: ctx.tolerance });
    return {
      ok: r.residual <= ctx.tolerance && ic.holds,
      metrics: { maxResidual: r.residual, maxGain: ic.violation },
      detail: { residual: r.residual, maxGain: ic.violation, witness: ic.witness },
    };
  },
  metrics: { maxResidual: 'max', maxGain: 'max' },
  describe: describeSpec,
});
