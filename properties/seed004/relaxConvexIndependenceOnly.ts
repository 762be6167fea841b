/**
 * Relaxation of Theorem 3.2 / Lemma A.4 (seed 004_9d6e3cf19fe3eb52.txt,
 * section 3 and appendix): replace Assumption 3 (spanning) by Assumption 2
 * (convex independence). The report-independent system of Lemma A.4 then need
 * not have a solution (the counterexample: own signals outnumber the others'
 * next profiles), although Theorem 3.1's report-dependent transfers exist.
 */
import { propertyEntry, unmet, type CheckResult } from '../../src/catalogue/propertyEntry.ts';
import { convexIndependence } from '../../src/mechanisms/dynamic/assumptions.ts';
import { dynamicSpecArb } from '../../src/mechanisms/dynamic/generators.ts';
import { lemmaA4Transfers } from '../../src/mechanisms/dynamic/transfers.ts';
import { build, describeSpec, src } from './common.ts';

export const relaxConvexIndependenceOnly = propertyEntry({
  id: 'seed004.theorem32.convexIndependenceOnly.withoutAssumption3',
  aliases: ['seed004.relaxConvexIndependenceOnly'],
  drops: 'assumption3',
  title: 'Lemma A.4 under convex independence only: the report-independent system can have no solution',
  source: src('Lemma A.4 / Theorem 3.2 (Assumption 3 replaced by Assumption 2)', '3'),
  kind: 'relaxation',
  relaxes: 'Assumption 3 (spanning), replaced by Assumption 2 (convex independence)',
  hypotheses: ['[assumption2] Assumption 2 (convex independence, certified LPs; instances where it fails are discarded and counted)'],
  scope: ['2 agents with 4 and 3 signals, 1-2 actions, T = infinity'],
  conclusion: 'the Lemma A.4 transfers solve the system (largest residual <= 1e-9)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 30,
  // 4 own signals against 3 of the other: spanning is impossible for agent 1, convex independence is not
  arbitrary: () =>
    dynamicSpecArb({
      agents: { min: 2, max: 2 },
      signals: { min: 3, max: 4 },
      actions: { min: 1, max: 2 },
      maxProfiles: 12,
      horizons: null,
      infinite: true,
    }).filter((s) => s.signals[0] === 4 && s.signals[1] === 3),
  check: (spec, ctx): CheckResult => {
    const { env, plan } = build(spec);
    const ci = convexIndependence(env);
    if (!ci.holds) return unmet('Assumption 2 (convex independence)');
    const r = lemmaA4Transfers(env, plan);
    return {
      ok: r.residual <= ctx.tolerance,
      metrics: { maxResidual: r.residual },
      detail: { residual: r.residual, convexIndependenceDistance: ci.minDistance, signals: env.signals },
    };
  },
  metrics: { maxResidual: 'max' },
  describe: describeSpec,
  notes: [
    "Report-independent transfers need linearly independent columns; convex independence only keeps each column out of the hull of the others, which Theorem 3.1's report-dependent transfers exploit.",
  ],
});
