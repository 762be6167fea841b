/**
 * Relaxation (seed 004_9d6e3cf19fe3eb52.txt, Assumption 3 and Lemma A.4):
 * an agent has more signals than the others have next-period signal profiles
 * (|Theta^i| > |Theta^{-i}_{t+1}|). The columns of M^{-i} cannot be linearly
 * independent, spanning fails and the pseudo-inverse transfers leave a residual.
 */
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { spanning } from '../../src/mechanisms/dynamic/assumptions.ts';
import { dynamicSpecArb } from '../../src/mechanisms/dynamic/generators.ts';
import { lemmaA4Transfers } from '../../src/mechanisms/dynamic/transfers.ts';
import { build, describeSpec, src } from './common.ts';

export const relaxFewerNextSignals = propertyEntry({
  id: 'seed004.lemmaA4.fewerNextSignals.withoutAssumption3',
  aliases: ['seed004.relaxFewerNextSignals'],
  drops: 'assumption3',
  title: 'Fewer next-period signals of the others than own signals: spanning fails and Lemma A.4 has no exact solution',
  source: src('Assumption 3 / Lemma A.4 (|Theta^{-i}_{t+1}| < |Theta^i_t|)', '3'),
  kind: 'relaxation',
  relaxes: 'Assumption 3 (spanning), through the dimension |Theta^{-i}_{t+1}| >= |Theta^i_t| it requires',
  hypotheses: ['[assumption1] Assumption 1 (finite signals and actions)', '[intertemporalCorrelation] intertemporally correlated signals'],
  scope: ['2 agents, agent 1 with 3 signals and agent 2 with 2, 2-3 actions, T infinite or in {2,3,4}'],
  conclusion: 'the Lemma A.4 transfers solve the system (residual <= 1e-9)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 40,
  arbitrary: () =>
    dynamicSpecArb({ agents: { min: 2, max: 2 }, signals: { min: 2, max: 3 }, maxProfiles: 9, lastPeriod: 'constant' }).filter(
      (s) => s.signals[0] === 3 && s.signals[1] === 2,
    ),
  check: (spec, ctx): PropertyCheck => {
    const { env, plan } = build(spec);
    const sp = spanning(env);
    const r = lemmaA4Transfers(env, plan);
    return {
      ok: r.residual <= ctx.tolerance,
      metrics: { maxResidual: r.residual, minSingularValue: sp.minSingularValue },
      detail: { spanning: sp, residual: r.residual },
    };
  },
  metrics: { maxResidual: 'max', minSingularValue: 'min' },
  describe: describeSpec,
});
