/**
 * fast-check arbitraries for priors. Values are plain JSON "specs" with small
 * integer weights (P is proportional to the weights), so that a shrunk
 * counterexample reads as simple fractions; `priorFromSpec` builds the prior.
 * Shrinking goes toward fewer agents, types and states (the lower ends of the
 * ranges) and toward weight 1 everywhere (the uniform prior).
 */
import fc from 'fast-check';
import { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';

/** A joint prior as plain JSON: states, type counts, integer weights (P proportional to them). */
export interface PriorSpec {
  states: number;
  typeCounts: number[];
  /** weights over Theta x T (state slowest), P proportional to them */
  weights: number[];
}

/** An inclusive integer range. */
export interface Range {
  min: number;
  max: number;
}

/** Options of `priorSpecArb`. */
export interface PriorArbOptions {
  agents?: Range;
  types?: Range;
  states?: Range;
  /** largest integer weight (default 4) */
  maxWeight?: number;
  /** every cell positive (default true) */
  fullSupport?: boolean;
}

const r = (x: Range | undefined, d: Range): Range => x ?? d;

/** Counts for each agent's type set. */
export function typeCountsArb(agents: Range, types: Range): fc.Arbitrary<number[]> {
  return fc.integer(agents).chain((n) => fc.array(fc.integer(types), { minLength: n, maxLength: n }));
}

/** A joint prior over Theta x T with integer weights. */
export function priorSpecArb(opts: PriorArbOptions = {}): fc.Arbitrary<PriorSpec> {
  const agents = r(opts.agents, { min: 2, max: 3 });
  const types = r(opts.types, { min: 2, max: 3 });
  const states = r(opts.states, { min: 1, max: 3 });
  const maxW = opts.maxWeight ?? 4;
  const minW = opts.fullSupport === false ? 0 : 1;
  return fc.tuple(fc.integer(states), typeCountsArb(agents, types)).chain(([m, counts]) => {
    const size = m * counts.reduce((a, b) => a * b, 1);
    return fc
      .array(fc.integer({ min: minW, max: maxW }), { minLength: size, maxLength: size })
      .filter((w) => w.some((x) => x > 0))
      .map((weights) => ({ states: m, typeCounts: counts, weights }));
  });
}

/** The `JointPrior` of a spec (weights normalised). */
export function priorFromSpec(spec: PriorSpec): JointPrior {
  return JointPrior.fromWeights(spec.states, spec.typeCounts, spec.weights);
}

/** Conditionally independent signals: P(theta, a) proportional to w(theta) prod_i L_i(a_i | theta). */
export interface ConditionallyIndependentSpec {
  stateWeights: number[];
  /** likelihoodWeights[i][theta][a]: agent i's signal weights in state theta */
  likelihoodWeights: number[][][];
}

/** Conditionally independent signals as integer weights (at least two states by default). */
export function conditionallyIndependentSpecArb(opts: PriorArbOptions = {}): fc.Arbitrary<ConditionallyIndependentSpec> {
  const agents = r(opts.agents, { min: 2, max: 3 });
  const signals = r(opts.types, { min: 2, max: 3 });
  const states = r(opts.states, { min: 2, max: 3 });
  const maxW = opts.maxWeight ?? 4;
  return fc.tuple(fc.integer(states), typeCountsArb(agents, signals)).chain(([m, counts]) =>
    fc.record({
      stateWeights: fc.array(fc.integer({ min: 1, max: maxW }), { minLength: m, maxLength: m }),
      likelihoodWeights: fc.tuple(
        ...counts.map((k) =>
          fc.array(fc.array(fc.integer({ min: 1, max: maxW }), { minLength: k, maxLength: k }), { minLength: m, maxLength: m }),
        ),
      ),
    }),
  );
}

/** The `JointPrior` of a conditionally independent spec. */
export function priorFromConditionallyIndependent(spec: ConditionallyIndependentSpec): JointPrior {
  const norm = (w: number[]) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  return JointPrior.conditionallyIndependent(
    norm(spec.stateWeights),
    spec.likelihoodWeights.map((Li) => Li.map(norm)),
  );
}

/** The profile space of a spec. */
export function specSpace(spec: PriorSpec): ProfileSpace {
  return new ProfileSpace(spec.typeCounts);
}
