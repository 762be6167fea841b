/**
 * A mechanism tabulated in an environment, with the concepts computed on it so
 * far: every concept checker evaluates through this one class, and checkers
 * given the same Evaluation share its table (and, through `results`, one pass).
 *
 *   U_i(true t, report r) = sum_c q(r)[c] * vhat_i(c; t) + x_i(r).
 */
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { MechanismTable, tableOf } from '../model/mechanism.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { assertCheckWork, runConcepts, type RawResult, type RawResults } from './engine.ts';
import { conceptResult, type ConceptName, type ConceptResult, type ConceptResultOf } from './result.ts';

/** Options of every checker. */
export interface CheckOptions {
  /** violations up to this size count as holding; default DEFAULT_TOLERANCE (1e-9); must be finite and >= 0 */
  tolerance?: number;
  /** refuse checks of more utility evaluations than this (default CHECK_WORK_LIMIT, src/core/limits.ts) */
  maxWork?: number;
  /** refuse mechanism tables of more numbers than this (default CHECK_TABLE_CELLS_LIMIT, src/core/limits.ts) */
  maxTableCells?: number;
}

/** What the checkers accept: a mechanism, its table, or an Evaluation to share. */
export type MechanismLike = DirectMechanism | MechanismTable | Evaluation;

export class Evaluation {
  readonly env: Environment;
  readonly mech: MechanismTable;
  private readonly raw: RawResults = {};
  private readonly opts: CheckOptions;

  /** Reuse an evaluation, or tabulate the mechanism in the environment. */
  static of(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): Evaluation {
    return mech instanceof Evaluation ? mech : new Evaluation(env, mech, opts);
  }

  /**
   * Tabulate `mech` in `env`. With `concepts`, the work of checking them is
   * compared with its limit first, before the table is allocated.
   */
  constructor(env: Environment, mech: DirectMechanism | MechanismTable, opts: CheckOptions = {}, concepts?: readonly ConceptName[]) {
    this.env = env;
    this.opts = opts;
    if (concepts) assertCheckWork(env, new Set(concepts), opts);
    this.mech = tableOf(env, mech, opts);
  }

  get space() {
    return this.env.prior.profiles;
  }

  /** The results of `concepts` (in that order), computing those not yet computed in one pass. */
  results(concepts: readonly ConceptName[], opts: CheckOptions = {}): ConceptResult[] {
    const missing = new Set(concepts.filter((c) => !this.raw[c]));
    if (missing.size > 0)
      Object.assign(this.raw, runConcepts(this.env, this.mech, missing, { maxWork: opts.maxWork ?? this.opts.maxWork }));
    const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
    return concepts.map((c) => {
      const r = this.raw[c] as RawResult<typeof c>;
      return conceptResult(c, r.worst, r.witness, tolerance, r.cases) as ConceptResult;
    });
  }

  /** The result of one concept. */
  result<C extends ConceptName>(concept: C, opts: CheckOptions = {}): ConceptResultOf<C> {
    return this.results([concept], opts)[0] as ConceptResultOf<C>;
  }
}
