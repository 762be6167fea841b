/**
 * The two design constraints that are not `check` concepts, as checkers of a
 * given mechanism (the worst value and where), in the style of src/concepts:
 * - `exPostBudgetBalance`: the largest |sum_i x_i(t)| over the true profiles;
 * - `efficient`: the largest welfare lost at a true profile,
 *   max_c W(c; t) - sum_c q(t, c) W(c; t), W(c; t) = sum_i vhat_i(c; t).
 * True profiles are those with P(t) > 0, `check`'s zero-probability policy
 * (README "Definitions").
 */
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { ValueTable, type Environment } from '../model/environment.ts';
import { MechanismTable, type DirectMechanism } from '../model/mechanism.ts';

/** The worst case of a design constraint on a mechanism. */
export interface ExtraConceptResult {
  constraint: 'exPostBudgetBalance' | 'efficient';
  holds: boolean;
  /** the worst value (>= 0) */
  violation: number;
  tolerance: number;
  /** the profile (indices of types) where it is attained */
  profile: number[] | null;
  cases: number;
}

/** The largest |sum_i x_i(t)| over the true profiles. */
export function exPostBudgetBalance(
  env: Environment,
  mech: DirectMechanism | MechanismTable,
  opts: { tolerance?: number } = {},
): ExtraConceptResult {
  const m = mech instanceof MechanismTable ? mech : new MechanismTable(env, mech);
  const space = env.prior.profiles;
  let worst = 0;
  let at: number | null = null;
  let cases = 0;
  for (let k = 0; k < space.size; k++) {
    if (!(env.prior.profileMarginal[k] > 0)) continue;
    cases++;
    let s = 0;
    for (let i = 0; i < m.agents; i++) s += m.transfer(k, i);
    if (at === null || Math.abs(s) > worst) {
      worst = Math.abs(s);
      at = k;
    }
  }
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  return {
    constraint: 'exPostBudgetBalance',
    holds: worst <= tolerance,
    violation: worst,
    tolerance,
    profile: at === null ? null : space.profile(at),
    cases,
  };
}

/** The largest welfare lost at a true profile. */
export function efficiency(
  env: Environment,
  mech: DirectMechanism | MechanismTable,
  opts: { tolerance?: number } = {},
): ExtraConceptResult {
  const m = mech instanceof MechanismTable ? mech : new MechanismTable(env, mech);
  const values = new ValueTable(env);
  const space = env.prior.profiles;
  const C = env.outcomes;
  let worst = 0;
  let at: number | null = null;
  let cases = 0;
  for (let k = 0; k < space.size; k++) {
    if (!(env.prior.profileMarginal[k] > 0)) continue;
    cases++;
    let best = -Infinity;
    let got = 0;
    for (let c = 0; c < C; c++) {
      let w = 0;
      for (let i = 0; i < values.agents; i++) w += values.get(i, k, c);
      best = Math.max(best, w);
      got += m.outcomeProbability(k, c) * w;
    }
    const loss = best - got;
    if (at === null || loss > worst) {
      worst = loss;
      at = k;
    }
  }
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const violation = Math.max(0, worst);
  return {
    constraint: 'efficient',
    holds: violation <= tolerance,
    violation,
    tolerance,
    profile: at === null ? null : space.profile(at),
    cases,
  };
}
