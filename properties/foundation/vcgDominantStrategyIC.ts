/**
 * VCG is dominant-strategy incentive compatible (private values, any finite
 * outcome set). Classical; restated in seed 001_e592948973ecc068.txt,
 * section 5.1 ("the classical VCG transfers ... dominant strategy").
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { dominantStrategyIC } from '../../src/concepts/incentiveCompatibility.ts';
import { environmentFromSpec, privateValuesSpecArb } from '../../src/generators/environments.ts';
import { vcgMechanism } from '../../src/mechanisms/groves.ts';
import { ValueTable } from '../../src/model/environment.ts';
import { bestOutcome, allAgents, othersThan } from '../../src/mechanisms/efficient.ts';
import { GVCG_SOURCE } from './common.ts';

export const vcgDominantStrategyIC = propertyEntry({
  id: 'foundation.vcg.dsic',
  title: 'VCG is dominant-strategy IC (private values)',
  source: { ...GVCG_SOURCE, ref: 'VCG, section 5.1 (pure private values, |Theta| = 1)' },
  kind: 'theorem',
  hypotheses: [
    '[privateValues] private values',
    '[finiteOutcomes] finite outcome set',
    '[efficientClarke] efficient outcome rule, Clarke pivot transfers',
  ],
  conclusion: 'no agent gains by misreporting, whatever the others report (largest gain <= tolerance)',
  expected: 'holds',
  runs: 100,
  arbitrary: () => privateValuesSpecArb({ agents: { min: 1, max: 3 }, types: { min: 1, max: 3 }, outcomes: { min: 2, max: 4 }, M: 5 }),
  check: (spec, ctx) => {
    const env = environmentFromSpec(spec);
    const r = dominantStrategyIC(env, vcgMechanism(env), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
  },
  metrics: { worstGain: 'max' },
  mutant: {
    description:
      'drop the externality term: x_i = -max_c sum_{j != i} v_j (a report-independent fee), so agents report their favourite outcome',
    check: (spec, ctx) => {
      const env = environmentFromSpec(spec);
      const values = new ValueTable(env);
      const n = env.prior.agents;
      const mech = {
        outcome: (k: number) => bestOutcome(values, k, allAgents(n))[0],
        transfer: (k: number) => allAgents(n).map((i) => -bestOutcome(values, k, othersThan(n, i))[1]),
      };
      const r = dominantStrategyIC(env, mech, { tolerance: ctx.tolerance });
      return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
    },
  },
});
