/**
 * The GVCG mechanism is ex post individually rational and feasible
 * (seed 001_e592948973ecc068.txt, section 5.1: "It is straightforward to show
 * that the GVCG mechanism is ex post individually rational and feasible").
 * Valuations v_i(c, theta, t_i) in [0, M], full-support prior.
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { exPostIR } from '../../src/concepts/individualRationality.ts';
import { exPostBudget } from '../../src/concepts/budget.ts';
import { Evaluation } from '../../src/concepts/evaluation.ts';
import { environmentFromSpec, environmentSpecArb } from '../../src/generators/environments.ts';
import { generalizedVCG } from '../../src/mechanisms/gvcg.ts';
import type { Environment } from '../../src/model/environment.ts';
import type { DirectMechanism } from '../../src/model/mechanism.ts';
import { GVCG_SOURCE } from './common.ts';

const arb = () =>
  environmentSpecArb({
    agents: { min: 2, max: 3 },
    types: { min: 1, max: 3 },
    states: { min: 1, max: 3 },
    outcomes: { min: 2, max: 3 },
    M: 4,
  });

function both(env: Environment, mech: DirectMechanism, tolerance: number) {
  const ev = new Evaluation(env, mech);
  const ir = exPostIR(env, ev, { tolerance });
  const budget = exPostBudget(env, ev, { tolerance });
  return {
    ok: ir.holds && budget.holds,
    metrics: { worstIRShortfall: ir.worst, worstDeficit: budget.worst },
    detail: { exPostIR: ir, exPostBudget: budget },
  };
}

export const gvcgIRFeasible = propertyEntry({
  id: 'foundation.gvcg.expostIRFeasible',
  title: 'GVCG is ex post individually rational and feasible',
  source: GVCG_SOURCE,
  kind: 'claim',
  hypotheses: [
    '[fullSupport] P has full support on Theta x T',
    '[boundedValues] v_i(c, theta, t_i) in [0, M]',
    '[gvcg] q outcome efficient for vhat, transfers alpha_i^q',
  ],
  conclusion: 'vhat_i(q(t); t) + alpha_i(t) >= 0 and sum_i alpha_i(t) <= 0 for every t',
  expected: 'holds',
  runs: 100,
  arbitrary: arb,
  check: (spec, ctx) => {
    const env = environmentFromSpec(spec);
    return both(env, generalizedVCG(env), ctx.tolerance);
  },
  metrics: { worstIRShortfall: 'max', worstDeficit: 'max' },
  mutant: {
    description: 'GVCG with the sign of the transfers flipped (agents are paid -alpha_i >= 0)',
    check: (spec, ctx) => {
      const env = environmentFromSpec(spec);
      const g = generalizedVCG(env);
      // a subsidy of 1 to each agent on top of GVCG breaks feasibility
      return both(env, { outcome: g.outcome, transfer: (k) => g.transfer(k).map((x) => -x + 1) }, ctx.tolerance);
    },
  },
});
