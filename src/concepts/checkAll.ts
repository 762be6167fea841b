/** Run every solution-concept checker on one mechanism (what `mechcheck check` reports). */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { Evaluation } from './evaluation.ts';
import { dominantStrategyIC, exPostIC, interimIC, type CheckOptions } from './incentiveCompatibility.ts';
import { exPostIR, interimIR } from './individualRationality.ts';
import { exAnteBudget, exPostBudget, noPositiveTransfers } from './budget.ts';
import type { ConceptName, ConceptResult } from './result.ts';

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

export function checkAll(env: Environment, mech: DirectMechanism, opts: CheckOptions = {}, concepts: readonly ConceptName[] = ALL_CONCEPTS): ConceptResult[] {
  const ev = new Evaluation(env, mech);
  const fns: Record<ConceptName, (e: Environment, m: Evaluation, o: CheckOptions) => ConceptResult> = {
    dominantStrategyIC,
    exPostIC,
    interimIC,
    exPostIR,
    interimIR,
    exPostBudget,
    exAnteBudget,
    noPositiveTransfers,
  };
  return concepts.map((c) => fns[c](env, ev, opts));
}
