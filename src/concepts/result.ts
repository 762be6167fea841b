/**
 * What every solution-concept checker returns: not a boolean but the size of
 * the worst violation and a witness, typed per concept (README, "Definitions").
 */
import { InputError } from '../core/errors.ts';

/** The eight solution concepts mechcheck checks. */
export type ConceptName =
  'dominantStrategyIC' | 'exPostIC' | 'interimIC' | 'exPostIR' | 'interimIR' | 'exPostBudget' | 'exAnteBudget' | 'noPositiveTransfers';

/** DSIC: agent `agent` of true type `trueType` gains by reporting `report` when the reports are `reportedProfile`. */
export interface DominantStrategyICWitness {
  agent: number;
  /** the agent's true type t_i */
  trueType: number;
  /**
   * the true profile t (P(t) > 0). With private values the others' true types do
   * not matter: it is the reported profile when that has positive probability,
   * else the first profile (in index order) of positive probability with the
   * agent's type equal to `trueType`.
   */
  trueProfile: number[];
  /** the reported profile (r_-i, t_i): the others' reports and the agent's truthful report */
  reportedProfile: number[];
  /** the profitable misreport t_i' */
  report: number;
  /** U_i(t; r_-i, t_i) */
  truthfulUtility: number;
  /** U_i(t; r_-i, t_i') */
  deviationUtility: number;
}

/** Ex post IC: at the true profile `trueProfile` (others truthful), `agent` gains by reporting `report`. */
export interface ExPostICWitness {
  agent: number;
  trueType: number;
  /** the true profile t, P(t) > 0 */
  trueProfile: number[];
  report: number;
  /** U_i(t; t) */
  truthfulUtility: number;
  /** U_i(t; t_-i, t_i') */
  deviationUtility: number;
}

/** Interim IC: `agent` of type `trueType` gains in expectation (given its type) by reporting `report`. */
export interface InterimICWitness {
  agent: number;
  trueType: number;
  report: number;
  /** E[U_i(t; t) | t_i] */
  truthfulUtility: number;
  /** E[U_i(t; t_-i, t_i') | t_i] */
  deviationUtility: number;
}

/** Ex post IR: `agent` gets `truthfulUtility` at the true profile `profile`. */
export interface ExPostIRWitness {
  agent: number;
  trueType: number;
  /** the true (and reported) profile t, P(t) > 0 */
  profile: number[];
  truthfulUtility: number;
}

/** Interim IR: `agent` of type `trueType` expects `truthfulUtility`. */
export interface InterimIRWitness {
  agent: number;
  trueType: number;
  truthfulUtility: number;
}

/** Ex post budget: the profile of the largest deficit sum_i x_i(t). */
export interface ExPostBudgetWitness {
  profile: number[];
}

/** Ex ante budget: a single number (the expected deficit); nothing more to point at. */
export type ExAnteBudgetWitness = Record<string, never>;

/** No positive transfers: the largest transfer x_i(t), to `agent` at `profile`. */
export interface NoPositiveTransfersWitness {
  agent: number;
  profile: number[];
}

/** The witness type of each concept. */
export interface WitnessOf {
  dominantStrategyIC: DominantStrategyICWitness;
  exPostIC: ExPostICWitness;
  interimIC: InterimICWitness;
  exPostIR: ExPostIRWitness;
  interimIR: InterimIRWitness;
  exPostBudget: ExPostBudgetWitness;
  exAnteBudget: ExAnteBudgetWitness;
  noPositiveTransfers: NoPositiveTransfersWitness;
}

/**
 * Any concept's witness seen through its fields (each optional): for code that
 * treats all concepts alike, e.g. labelling a witness for output.
 */
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

/**
 * What every checker returns, for the eight concepts here and for the
 * paper-specific checkers (e.g. periodic ex post IC of a dynamic mechanism,
 * src/mechanisms/dynamic/incentives.ts): the worst violation, the case
 * attaining it and the verdict under an explicit tolerance.
 */
export interface CheckerResult<N extends string, W> {
  /** what was checked */
  concept: N;
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
  witness: W | null;
  /** Number of cases evaluated. */
  cases: number;
}

/** The result of checking concept `C`. */
export type ConceptResultOf<C extends ConceptName> = CheckerResult<C, WitnessOf[C]>;

/** The result of any concept, discriminated by `concept`. */
export type ConceptResult = { [C in ConceptName]: ConceptResultOf<C> }[ConceptName];

/** A tolerance must be a finite number >= 0 (a huge or infinite one would make everything pass). */
export function checkedTolerance(tolerance: number): number {
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new InputError('tolerance', `must be a finite number >= 0, got ${tolerance}`);
  }
  return tolerance;
}

/** Assemble a result: `violation = max(0, worst)`, `holds` when `violation <= tolerance` (-0 reads as 0). */
export function conceptResult<N extends string, W>(
  concept: N,
  worst: number,
  witness: W | null,
  tolerance: number,
  cases: number,
): CheckerResult<N, W> {
  const w = worst === 0 ? 0 : worst;
  const violation = Math.max(0, w);
  return { concept, holds: violation <= checkedTolerance(tolerance), violation, worst: w, tolerance, witness, cases };
}

/** The witness type of a checker's name: a concept's own, or the one given. */
type WitnessFor<N extends string> = N extends ConceptName ? WitnessOf[N] : never;

/**
 * Keeps the worst case seen so far (largest value; the first one on ties) and
 * its witness; the witness is built only when it improves. Used by the
 * reference implementation (src/concepts/reference.ts) and the paper-specific
 * checkers.
 */
export class WorstCase<N extends string, W = WitnessFor<N>> {
  worst = -Infinity;
  witness: W | null = null;
  cases = 0;

  constructor(readonly concept: N) {}

  offer(value: number, witness: () => W): void {
    this.cases++;
    if (value > this.worst) {
      this.worst = value;
      this.witness = witness();
    }
  }

  result(tolerance: number): CheckerResult<N, W> {
    return conceptResult(this.concept, this.cases ? this.worst : 0, this.witness, tolerance, this.cases);
  }
}
