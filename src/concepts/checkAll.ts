/** Run every solution-concept checker on one mechanism (what `mechcheck check` reports), in one pass. */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism, MechanismTable } from '../model/mechanism.ts';
import { Evaluation, type CheckOptions } from './evaluation.ts';
import type { ConceptName, ConceptResult } from './result.ts';

/** The eight concepts, in the order `mechcheck check` reports them. */
export const ALL_CONCEPTS: readonly ConceptName[] = [
  'dominantStrategyIC',
  'exPostIC',
  'interimIC',
  'exPostIR',
  'interimIR',
  'exPostBudget',
  'exAnteBudget',
  'noPositiveTransfers',
];

/**
 * The results of `concepts` (default: all eight) on one mechanism, computed by
 * the engine in one walk over the profiles. The work is compared with its
 * limit (CheckOptions.maxWork) before the mechanism is tabulated.
 */
export function checkAll(
  env: Environment,
  mech: DirectMechanism | MechanismTable,
  opts: CheckOptions = {},
  concepts: readonly ConceptName[] = ALL_CONCEPTS,
): ConceptResult[] {
  return new Evaluation(env, mech, opts, concepts).results(concepts, opts);
}
