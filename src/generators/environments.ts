/**
 * Environments with valuations bounded by M, as plain JSON specs.
 * `values[i][theta][t_i][c]` is seed 001's v_i(c, theta, t_i) (state-dependent,
 * private in t_i); with one state they are private values.
 */
import fc from 'fast-check';
import type { Environment } from '../model/environment.ts';
import { stateDependentEnvironment } from '../model/environment.ts';
import { payoffTableArb, type PayoffArbOptions } from './payoffs.ts';
import { priorFromSpec, priorSpecArb, type PriorArbOptions, type PriorSpec } from './priors.ts';

/** An environment as plain JSON (what `environmentSpecArb` draws): prior spec, outcome count, state-dependent values. */
export interface EnvironmentSpec {
  prior: PriorSpec;
  outcomes: number;
  /** values[i][theta][t_i][c] in [0, M] */
  values: number[][][][];
  M: number;
}

/** Options of `environmentSpecArb`: the prior's, the number of outcomes, the payoff bound M, a grid denominator, signed payoffs. */
export interface EnvironmentArbOptions extends PriorArbOptions {
  outcomes?: { min: number; max: number };
  M?: number;
  denominator?: number;
  signed?: boolean;
}

/** Environment specs with values in [0, M] (or [-M, M] with `signed`); shrinks toward fewer agents, types, states and outcomes and toward 0. */
export function environmentSpecArb(opts: EnvironmentArbOptions = {}): fc.Arbitrary<EnvironmentSpec> {
  const M = opts.M ?? 4;
  const payoff: PayoffArbOptions = { M, denominator: opts.denominator, signed: opts.signed };
  return fc
    .tuple(priorSpecArb(opts), fc.integer(opts.outcomes ?? { min: 2, max: 3 }))
    .chain(([prior, C]) =>
      fc
        .tuple(...prior.typeCounts.map((k) => payoffTableArb([prior.states, k, C], payoff) as fc.Arbitrary<number[][][]>))
        .map((values) => ({ prior, outcomes: C, values, M })),
    );
}

/** Private values: a single state. */
export function privateValuesSpecArb(opts: Omit<EnvironmentArbOptions, 'states'> = {}): fc.Arbitrary<EnvironmentSpec> {
  return environmentSpecArb({ ...opts, states: { min: 1, max: 1 } });
}

/** The `Environment` of a spec (state-dependent values; private values with one state). */
export function environmentFromSpec(spec: EnvironmentSpec): Environment {
  return stateDependentEnvironment(priorFromSpec(spec.prior), spec.outcomes, spec.values);
}
