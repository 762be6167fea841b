/**
 * fast-check arbitraries for seed 001's information decompositions
 * (seed 001_e592948973ecc068.txt, section 4.1): the product structure
 * T_i = X_i x Y_i with P = P1 x P2 (signals x payoff types), as plain JSON with
 * small integer weights and values that shrink toward fewer agents, signals,
 * payoff types and uniform weights.
 */
import fc from 'fast-check';
import { JointPrior } from '../core/prior.ts';
import { stateDependentEnvironment, type Environment } from '../model/environment.ts';
import { payoffTableArb } from '../generators/payoffs.ts';
import { typeCountsArb, type Range } from '../generators/priors.ts';
import { productStructure, type ProductStructure } from './informationDecomposition.ts';

export interface ProductSpec {
  states: number;
  /** |X_i|: signals */
  signals: number[];
  /** |Y_i|: payoff types */
  payoffTypes: number[];
  /** P1 weights over Theta x X (state slowest) */
  p1: number[];
  /** P2 weights over Y */
  p2: number[];
  outcomes: number;
  /** v_i(c, theta, t_i) as values[i][theta][t_i][c], t_i = x_i |Y_i| + y_i */
  values: number[][][][];
  M: number;
}

export interface ProductArbOptions {
  agents?: Range;
  signals?: Range;
  payoffTypes?: Range;
  states?: Range;
  outcomes?: Range;
  M?: number;
  maxWeight?: number;
}

export function productSpecArb(opts: ProductArbOptions = {}): fc.Arbitrary<ProductSpec> {
  const M = opts.M ?? 4;
  const maxW = opts.maxWeight ?? 4;
  return fc
    .tuple(
      fc.integer(opts.states ?? { min: 2, max: 2 }),
      typeCountsArb(opts.agents ?? { min: 2, max: 3 }, opts.signals ?? { min: 2, max: 2 }),
      fc.integer(opts.outcomes ?? { min: 2, max: 2 }),
    )
    .chain(([m, X, C]) =>
      fc.array(fc.integer(opts.payoffTypes ?? { min: 1, max: 2 }), { minLength: X.length, maxLength: X.length }).chain((Y) => {
        const nX = X.reduce((a, b) => a * b, 1);
        const nY = Y.reduce((a, b) => a * b, 1);
        return fc.record({
          states: fc.constant(m),
          signals: fc.constant(X),
          payoffTypes: fc.constant(Y),
          p1: fc.array(fc.integer({ min: 1, max: maxW }), { minLength: m * nX, maxLength: m * nX }),
          p2: fc.array(fc.integer({ min: 1, max: maxW }), { minLength: nY, maxLength: nY }),
          outcomes: fc.constant(C),
          values: fc.tuple(...X.map((x, i) => payoffTableArb([m, x * Y[i], C], { M }) as fc.Arbitrary<number[][][]>)),
          M: fc.constant(M),
        });
      }),
    );
}

export interface ProductInstance {
  structure: ProductStructure;
  P1: JointPrior;
  P2: JointPrior;
  env: Environment;
}

/** Build the instance; with `independentPayoffTypes`, P2 is replaced by the product of its marginals (payoff types independent across agents). */
export function productFromSpec(spec: ProductSpec, opts: { independentPayoffTypes?: boolean } = {}): ProductInstance {
  const P1 = JointPrior.fromWeights(spec.states, spec.signals, spec.p1, 'P1');
  let P2 = JointPrior.fromWeights(1, spec.payoffTypes, spec.p2, 'P2');
  if (opts.independentPayoffTypes)
    P2 = JointPrior.independent(
      P2.ownMarginal.map((m) => Array.from(m)),
      'P2',
    );
  const structure = productStructure(P1, P2);
  return { structure, P1, P2, env: stateDependentEnvironment(structure.P, spec.outcomes, spec.values) };
}
