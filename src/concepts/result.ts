/**
 * What every solution-concept checker returns: not a boolean but the size of
 * the worst violation and a witness.
 */
export type ConceptName =
  | 'dominantStrategyIC'
  | 'exPostIC'
  | 'interimIC'
  | 'exPostIR'
  | 'interimIR'
  | 'exPostBudget'
  | 'exAnteBudget'
  | 'noPositiveTransfers';

export interface Witness {
  agent?: number;
  /** the agent's true type */
  trueType?: number;
  /** the true profile (all agents' true types) */
  trueProfile?: number[];
  /** the profitable (or worst) misreport of `agent` */
  report?: number;
  /** the reported profile at which the quantity was evaluated */
  reportedProfile?: number[];
  /** for ex post / deficit concepts: the profile */
  profile?: number[];
  /** utility from truth and from the report, where meaningful */
  truthfulUtility?: number;
  deviationUtility?: number;
}

export interface ConceptResult {
  concept: ConceptName;
  /** verdict: violation <= tolerance */
  holds: boolean;
  /**
   * Size of the worst violation, >= 0 (0 when the worst case is slack).
   * IC: the largest (expected) gain from a misreport. IR: the largest shortfall
   * below 0. Budget: the largest deficit (sum of transfers to agents above 0).
   * No positive transfers: the largest transfer to an agent above 0.
   */
  violation: number;
  /** The worst value of the underlying quantity (may be negative: the slack). */
  worst: number;
  tolerance: number;
  /** The case attaining `worst` (null only when nothing was evaluated). */
  witness: Witness | null;
  /** Number of cases evaluated. */
  cases: number;
}

export function conceptResult(concept: ConceptName, worst: number, witness: Witness | null, tolerance: number, cases: number): ConceptResult {
  const violation = Math.max(0, worst);
  return { concept, holds: violation <= tolerance, violation, worst, tolerance, witness, cases };
}

/** Keeps the worst case seen so far (largest value) and its witness; the witness is built only when it improves. */
export class WorstCase {
  worst = -Infinity;
  witness: Witness | null = null;
  cases = 0;

  offer(value: number, witness: () => Witness): void {
    this.cases++;
    if (value > this.worst) {
      this.worst = value;
      this.witness = witness();
    }
  }

  result(concept: ConceptName, tolerance: number): ConceptResult {
    return conceptResult(concept, this.cases ? this.worst : 0, this.witness, tolerance, this.cases);
  }
}
