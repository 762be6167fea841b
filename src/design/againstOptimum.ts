/**
 * The distance from a user's mechanism to the optimum (`mechcheck check FILE
 * --against-optimum`): the constraints the mechanism satisfies (`check`'s eight
 * concepts, ex post budget balance and efficiency, at the check's tolerance),
 * its value of the objective, and the certified optimum of the design LP under
 * exactly those constraints. The mechanism is feasible for that LP (within the
 * tolerance), so the optimum is at least its value up to the tolerance.
 */
import { ALL_CONCEPTS, checkAll } from '../concepts/checkAll.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import type { Environment } from '../model/environment.ts';
import { MechanismTable, type DirectMechanism } from '../model/mechanism.ts';
import { ValueTable } from '../model/environment.ts';
import type { LPStatus } from '../solvers/lp/types.ts';
import type { DesignConstraint } from './constraints.ts';
import { designMechanism } from './design.ts';
import { efficiency, exPostBudgetBalance } from './extraConcepts.ts';
import { describeObjective, objectiveWeights, parseObjective, type DesignObjective } from './objective.ts';
import { LPCertificationError } from '../core/errors.ts';
import type { Labels } from './statements.ts';
import { formatNumber } from '../core/format.ts';

/** A mechanism's objective value beside the certified optimum under the constraints it satisfies. */
export interface AgainstOptimum {
  objective: string;
  /** the constraints the mechanism satisfies (the LP imposes exactly these) */
  satisfied: DesignConstraint[];
  /** the mechanism's expected objective */
  value: number;
  status: LPStatus;
  /** the certified optimum (status optimal) */
  optimum?: number;
  /** optimum - value (>= 0 up to the tolerance) */
  gap?: number;
  /** gap / (1 + |optimum|) */
  relativeGap?: number;
  /** when the LP is infeasible or unbounded: what it says */
  note?: string;
}

/** The mechanism's expected objective: sum_t P(t) [ sum_i w_i (vhat_i(q(t); t) + x_i(t)) - r sum_i x_i(t) ]. */
export function objectiveValue(env: Environment, mech: DirectMechanism, objective: DesignObjective): number {
  const { agentWeights, revenueWeight } = objectiveWeights(objective, env.prior.agents);
  const m = new MechanismTable(env, mech);
  const values = new ValueTable(env);
  const S = env.prior.profiles.size;
  const C = env.outcomes;
  let total = 0;
  for (let k = 0; k < S; k++) {
    const p = env.prior.profileMarginal[k];
    if (!(p > 0)) continue;
    let v = 0;
    for (let i = 0; i < m.agents; i++) {
      let u = m.transfer(k, i);
      for (let c = 0; c < C; c++) u += m.outcomeProbability(k, c) * values.get(i, k, c);
      v += agentWeights[i] * u - revenueWeight * m.transfer(k, i);
    }
    total += p * v;
  }
  return total;
}

/** The constraints a mechanism satisfies at the tolerance, in the canonical order. */
export function satisfiedConstraints(env: Environment, mech: DirectMechanism, tolerance = DEFAULT_TOLERANCE): DesignConstraint[] {
  const out: DesignConstraint[] = checkAll(env, mech, { tolerance }, ALL_CONCEPTS)
    .filter((r) => r.holds)
    .map((r) => r.concept);
  if (exPostBudgetBalance(env, mech, { tolerance }).holds) out.push('exPostBudgetBalance');
  if (efficiency(env, mech, { tolerance }).holds) out.push('efficient');
  return out;
}

/** Compare a mechanism with the best mechanism under the constraints it satisfies (objective default welfare). */
export function againstOptimum(
  env: Environment,
  mech: DirectMechanism,
  labels: Labels,
  objective: DesignObjective = 'welfare',
  tolerance = DEFAULT_TOLERANCE,
): AgainstOptimum {
  const satisfied = satisfiedConstraints(env, mech, tolerance);
  const value = objectiveValue(env, mech, objective);
  const r = designMechanism({ name: 'against optimum', env, labels, spec: { objective, constraints: satisfied }, tolerance });
  const base = { objective: describeObjective(objective), satisfied, value, status: r.status };
  if (r.status === 'optimal') {
    const gap = r.value! - value;
    return { ...base, optimum: r.value, gap, relativeGap: gap / (1 + Math.abs(r.value!)) };
  }
  if (r.status === 'unbounded') return { ...base, note: `the objective is unbounded under these constraints: ${r.direction!.summary}` };
  return {
    ...base,
    note: `no mechanism satisfies these constraints exactly (the mechanism meets them only within the tolerance ${tolerance}): ${r.infeasibility!.summary}`,
  };
}

const fmt = (x: number) => formatNumber(x);

/**
 * `check --against-optimum` for one loaded mechanism: the comparison and its
 * text (appended to check's report). `objectiveOption` is `--objective`
 * (default welfare); an answer the LP layer cannot certify is reported as such.
 */
export function againstOptimumReport(
  m: {
    env: Environment;
    mech: DirectMechanism;
    agentNames: readonly string[];
    typeLabels: readonly (readonly string[])[];
    outcomeLabels: readonly string[];
  },
  objectiveOption: string | undefined,
  tolerance: number,
): { result: AgainstOptimum | { error: string }; text: string } {
  const objective = objectiveOption === undefined ? 'welfare' : parseObjective(objectiveOption, m.env.prior.agents, '--objective');
  let a: AgainstOptimum;
  try {
    a = againstOptimum(m.env, m.mech, { agents: m.agentNames, types: m.typeLabels, outcomes: m.outcomeLabels }, objective, tolerance);
  } catch (e) {
    if (!(e instanceof LPCertificationError)) throw e;
    return { result: { error: e.message }, text: `against the optimum: the design LP's answer could not be certified: ${e.message}\n` };
  }
  const head = `against the optimum (${a.objective}; constraints it satisfies: ${a.satisfied.join(', ') || 'none'}):\n`;
  if (a.status === 'optimal') {
    const pct = a.optimum !== 0 ? ` (${fmt((100 * a.gap!) / Math.abs(a.optimum!))}% of the optimum)` : '';
    return { result: a, text: `${head}  value ${fmt(a.value)}, certified optimum ${fmt(a.optimum!)}, gap ${fmt(a.gap!)}${pct}\n` };
  }
  return { result: a, text: `${head}  value ${fmt(a.value)}; design LP ${a.status}: ${a.note}\n` };
}
