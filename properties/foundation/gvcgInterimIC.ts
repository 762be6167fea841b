/**
 * Relaxation: GVCG without rewards is NOT interim (Bayesian) IC in general
 * (seed 001_e592948973ecc068.txt, section 5.1: "It is tempting to conjecture
 * that the GVCG mechanism satisfies ... Bayesian incentive compatibility but
 * even the latter need not hold"). Expected refuted, with a shrunk instance.
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { interimIC } from '../../src/concepts/incentiveCompatibility.ts';
import { environmentFromSpec, environmentSpecArb } from '../../src/generators/environments.ts';
import { generalizedVCG } from '../../src/mechanisms/gvcg.ts';
import { GVCG_SOURCE } from './common.ts';

export const gvcgNotInterimIC = propertyEntry({
  id: 'foundation.gvcg.interimIC.withoutRewards',
  aliases: ['foundation.gvcg.interimIC'],
  drops: 'rewards',
  title: 'GVCG without rewards is interim IC (false in general)',
  source: GVCG_SOURCE,
  kind: 'relaxation',
  relaxes: 'rewards z_i (Theorem A) and informational smallness: the one-stage GVCG alone',
  hypotheses: [
    '[fullSupport] P has full support',
    '[boundedValues] v_i(c, theta, t_i) in [0, M]',
    '[interdependentValues] interdependent values (several states)',
    '[gvcg] the generalized VCG',
  ],
  conclusion: 'truthful reporting is a Bayes-Nash equilibrium of the GVCG mechanism',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 200,
  arbitrary: () =>
    environmentSpecArb({
      agents: { min: 2, max: 3 },
      types: { min: 2, max: 2 },
      states: { min: 2, max: 2 },
      outcomes: { min: 2, max: 3 },
      M: 4,
    }),
  check: (spec, ctx) => {
    const env = environmentFromSpec(spec);
    const r = interimIC(env, generalizedVCG(env), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
  },
  metrics: { worstGain: 'max' },
});
