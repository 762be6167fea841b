/**
 * A finite environment: agents with finite type sets, a joint prior over
 * states x type profiles, a finite outcome set C, and quasi-linear utilities
 *   u_i = v_i(c, theta, t) + x_i      (x_i: money paid TO agent i).
 *
 * Valuations may be private (v_i depends on c and t_i only), state-dependent as
 * in seed 001 (v_i(c, theta, t_i)) or fully interdependent (v_i(c, theta, t)).
 * The expected valuation given a profile is seed 001's hat-v:
 *   vhat_i(c; t) = sum_theta v_i(c, theta, t) P_Theta(theta | t).
 */
import { JointPrior } from '../core/prior.ts';

export interface Environment {
  /** Joint prior over Theta x T. */
  readonly prior: JointPrior;
  /** |C|, the number of outcomes. */
  readonly outcomes: number;
  /** v_i(c, theta, t) for the true profile with index `profileIndex`. */
  value(agent: number, outcome: number, state: number, profileIndex: number): number;
  /** Set when v_i depends on (c, t_i) only and not on the state: DSIC then ignores others' true types. */
  readonly privateValues?: boolean;
  readonly outcomeLabels?: readonly string[];
  readonly typeLabels?: readonly (readonly string[])[];
}

/** Expected valuations vhat[i][k][c] at every profile, tabulated once. */
export class ValueTable {
  readonly agents: number;
  readonly profiles: number;
  readonly outcomes: number;
  /** flat: ((i * profiles) + k) * outcomes + c */
  readonly data: Float64Array;
  /** defined[k] is false when P(t_k) = 0 and there is more than one state (posterior undefined). */
  readonly defined: Uint8Array;

  constructor(env: Environment) {
    const prior = env.prior;
    const n = prior.agents;
    const S = prior.profiles.size;
    const C = env.outcomes;
    this.agents = n;
    this.profiles = S;
    this.outcomes = C;
    this.data = new Float64Array(n * S * C);
    this.defined = new Uint8Array(S);
    for (let k = 0; k < S; k++) {
      let post: number[];
      if (prior.profileMarginal[k] > 0) post = prior.stateGivenProfile(k);
      else if (prior.states === 1) post = [1];
      else continue;
      this.defined[k] = 1;
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < C; c++) {
          let v = 0;
          for (let th = 0; th < prior.states; th++) if (post[th] !== 0) v += post[th] * env.value(i, c, th, k);
          this.data[(i * S + k) * C + c] = v;
        }
      }
    }
  }

  /** vhat_i(c; t_k). */
  get(agent: number, profileIndex: number, outcome: number): number {
    return this.data[(agent * this.profiles + profileIndex) * this.outcomes + outcome];
  }
}

/** Convenience: vhat_i(c; t) for one profile (seed 001, section 3). */
export function expectedValue(env: Environment, agent: number, outcome: number, profileIndex: number): number {
  const prior = env.prior;
  const post = prior.states === 1 && !(prior.profileMarginal[profileIndex] > 0) ? [1] : prior.stateGivenProfile(profileIndex);
  let v = 0;
  for (let th = 0; th < prior.states; th++) v += post[th] * env.value(agent, outcome, th, profileIndex);
  return v;
}

/**
 * Build an environment from seed-001-style state-dependent valuations
 * v_i(c, theta, t_i): `table[i][theta][t_i][c]`.
 */
export function stateDependentEnvironment(
  prior: JointPrior,
  outcomes: number,
  table: readonly (readonly (readonly (readonly number[])[])[])[],
): Environment {
  const space = prior.profiles;
  return {
    prior,
    outcomes,
    value: (i, c, th, k) => table[i][th][space.component(k, i)][c],
    privateValues: prior.states === 1,
  };
}

/** Private values v_i(c, t_i): `table[i][t_i][c]`, a single state. */
export function privateValuesEnvironment(
  prior: JointPrior,
  outcomes: number,
  table: readonly (readonly (readonly number[])[])[],
): Environment {
  const space = prior.profiles;
  return {
    prior,
    outcomes,
    value: (i, c, _th, k) => table[i][space.component(k, i)][c],
    privateValues: true,
  };
}
