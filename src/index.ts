/**
 * `mechcheck`: the public API.
 *
 * - Write a mechanism as code: `defineEnvironment` (agents, finite type sets,
 *   outcomes, prior and valuations as data or functions) and `defineMechanism`
 *   (outcome or lottery and transfers as functions of the reported profile);
 *   check it with `checkMechanism` (every concept, witnesses in your labels) or
 *   with the individual checkers.
 * - Properties over random environments: `mechanismProperty` /
 *   `assertMechanism` with the arbitraries of `mechcheck/arbitraries`; vitest
 *   matchers in `mechcheck/vitest`.
 * - The model underneath: `JointPrior`, `Environment`, `DirectMechanism`, the
 *   eight concept checkers and `checkAll`, VCG / Groves / GVCG and auctions,
 *   the JSON mechanism parser, and the certified LP layer.
 *
 * Sign convention: a transfer is money paid TO the agent (a payment is
 * negative). Tolerances are explicit arguments with documented defaults.
 *
 * @example
 *   import { defineEnvironment, defineMechanism, checkMechanism } from 'mechcheck';
 *   const env = defineEnvironment({
 *     agents: ['Ann', 'Bob'],
 *     types: [[1, 2, 3], [1, 2, 3]],
 *     outcomes: ['Ann', 'Bob'],
 *     valuation: { private: (i, winner, value) => (winner === ['Ann', 'Bob'][i] ? value : 0) },
 *   });
 *   const firstPrice = defineMechanism(env, {
 *     outcome: ([a, b]) => (a >= b ? 'Ann' : 'Bob'),
 *     transfers: ([a, b]) => (a >= b ? [-a, 0] : [0, -b]),
 *   });
 *   checkMechanism(env, firstPrice, { require: ['dominantStrategyIC'] }).ok; // false
 *
 * @packageDocumentation
 */

// numbers, errors, tolerances, limits
export { InputError, LPCertificationError } from './core/errors.ts';
export { LimitError } from './core/limits.ts';
export { MAX_ABS_PAYOFF, NonFiniteError } from './core/numbers.ts';
export { DEFAULT_TOLERANCE, LP_TOLERANCE, PROBABILITY_TOLERANCE } from './core/tolerance.ts';
export { assertDistribution, normalize, type Distribution } from './core/distribution.ts';

// priors and profiles
export { JointPrior } from './core/prior.ts';
export { ProfileSpace } from './core/profiles.ts';

// the model: environments and direct mechanisms
export { ValueTable, expectedValue, privateValuesEnvironment, stateDependentEnvironment, type Environment } from './model/environment.ts';
export { MechanismTable, type DirectMechanism } from './model/mechanism.ts';

// mechanisms and environments written as code
export {
  asFiniteEnvironment,
  defineEnvironment,
  FiniteEnvironment,
  type EnvironmentDefinition,
  type PriorDefinition,
  type ValuationDefinition,
  type ValuationKind,
} from './api/environment.ts';
export {
  asFiniteMechanism,
  defineMechanism,
  FiniteMechanism,
  isLottery,
  lottery,
  type Lottery,
  type MechanismRules,
} from './api/mechanism.ts';
export { parseExact, type NumberLiteral, type Rational } from './check/literals.ts';

// mechanisms
export { firstPriceAuction, secondPriceAuction, singleObjectEnvironment } from './mechanisms/auctions.ts';
export { grovesMechanism, vcgMechanism } from './mechanisms/groves.ts';
export { augmentedMechanism, generalizedVCG } from './mechanisms/gvcg.ts';

// the solution concepts
export { dominantStrategyIC, exPostIC, interimIC, type CheckOptions } from './concepts/incentiveCompatibility.ts';
export { exPostIR, interimIR } from './concepts/individualRationality.ts';
export { exAnteBudget, exPostBudget, noPositiveTransfers } from './concepts/budget.ts';
export { ALL_CONCEPTS, checkAll } from './concepts/checkAll.ts';
export type { ConceptName, ConceptResult, Witness } from './concepts/result.ts';

// checking with labels, limits, the JSON format
export {
  checkMechanism,
  explainViolation,
  formatReport,
  labelsOf,
  labelWitness,
  type CheckedConcept,
  type CheckMechanismOptions,
  type CheckReport,
  type Labels,
  type LabelledWitness,
} from './check/report.ts';
export { checkWork, DEFAULT_CHECK_LIMITS, tableCells, type CheckLimits, type MechanismDimensions } from './check/limits.ts';
export { mechanismSchema, parseMechanism, type LoadedMechanism, type MechanismFile, type ParseOptions } from './check/mechanismFile.ts';
export { toMechanismFile } from './check/toMechanismFile.ts';

// properties over random environments (fast-check)
export {
  assertMechanism,
  mechanismProperty,
  MechanismPropertyFailure,
  MechanismViolation,
  type MechanismPropertyOptions,
} from './api/property.ts';

// the certified LP layer
export * from './solvers/lp/index.ts';
