/**
 * Automated mechanism design for a finite environment: the best randomized
 * direct mechanism with free transfers under the imposed constraints, or a
 * certificate that none exists, or the direction in which the objective grows
 * without bound. The LP (program.ts) is solved through the certified layer
 * (src/solvers/lp): an optimum comes with a verified point and dual bound, an
 * impossibility with a verified Farkas certificate, unboundedness with an
 * exactly checked ray. The optimal mechanism is then checked again with
 * `check`'s own concepts (src/concepts/checkAll.ts) on every imposed constraint.
 */
import type { Fraction } from 'mathjs';
import { checkAll } from '../concepts/checkAll.ts';
import type { ConceptResult } from '../concepts/result.ts';
import { LPCertificationError } from '../core/errors.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../core/tolerance.ts';
import { exactField, floatField, type Field } from '../mechanisms/bilateralTrade/field.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { solveLP } from '../solvers/lp/solve.ts';
import type { LPCertificate, LPStatus } from '../solvers/lp/types.ts';
import { isCheckConcept, type DesignConstraint } from './constraints.ts';
import { exactDesignData, floatDesignData, type DesignData, type RawEnvironmentNumbers } from './designData.ts';
import { exactFarkas, exactOptimum } from './exactCertificate.ts';
import { efficiency, exPostBudgetBalance, type ExtraConceptResult } from './extraConcepts.ts';
import { describeObjective, type DesignObjective } from './objective.ts';
import { buildDesignProgram, toFloatLP, type DesignProgram, type DesignSpec } from './program.ts';
import { assertDesignWithinLimits, DESIGN_LIMITS, designSize, type DesignSize } from './size.ts';
import {
  infeasibilityStatement,
  unboundedDirection,
  type InfeasibilityStatement,
  type Labels,
  type UnboundedDirection,
} from './statements.ts';

/** A design problem: an environment (as `check` loads it), its labels and raw numbers, and what to optimise under which constraints. */
export interface DesignProblem {
  name: string;
  env: Environment;
  labels: Labels;
  /** the environment's fields in the `check` format (agents, types, states, prior, outcomes, valuations): the designed mechanism's file reuses them */
  environmentFile?: Record<string, unknown>;
  /** the file's numbers, read exactly for `--exact` */
  raw?: RawEnvironmentNumbers;
  spec: DesignSpec;
  /** the tolerance of the checks on the designed mechanism (default DEFAULT_TOLERANCE) */
  tolerance?: number;
}

/** How to solve a design problem. */
export interface DesignOptions {
  /** certify the value or the impossibility in exact rationals too (small instances) */
  exact?: boolean;
  /** the LP layer's tolerance (default LP_TOLERANCE) */
  lpTolerance?: number;
  /** raise the size limit (nonzeros of the LP) */
  maxNonzeros?: number;
}

/** The optimal mechanism, in the `check` format's two fields. */
export interface DesignedMechanism {
  /** per reported profile: an outcome index, or a lottery over outcomes */
  outcome: Array<number | number[]>;
  /** per reported profile, the transfer to each agent */
  transfers: number[][];
}

/** One imposed constraint checked on the designed mechanism. */
export interface ImposedCheck {
  constraint: DesignConstraint;
  holds: boolean;
  violation: number;
  /** `check`'s own result for its eight concepts */
  result: ConceptResult | ExtraConceptResult;
}

/** What `designMechanism` returns: the status and, per status, the value and mechanism, the impossibility statement or the direction. */
export interface DesignResult {
  status: LPStatus;
  objective: DesignObjective;
  objectiveName: string;
  constraints: DesignConstraint[];
  /** optimal: the certified optimal value of the objective */
  value?: number;
  /** the LP and how its answer was certified */
  lp: DesignSize & {
    backend: string;
    ms: number;
    certificate: Omit<LPCertificate, 'farkas' | 'ray'> & { farkasMargin?: number; farkasSource?: string };
  };
  mechanism?: DesignedMechanism;
  /** every imposed constraint, checked on the designed mechanism with `check`'s concepts */
  checks?: ImposedCheck[];
  infeasibility?: InfeasibilityStatement;
  direction?: UnboundedDirection;
  /** with --exact: the value (or the impossibility) certified in exact rationals */
  exact?: { verified: boolean; value?: string; note?: string };
}

function cleanLottery(q: number[]): number | number[] {
  const p = q.map((v) => (v > 0 ? v : 0));
  const s = p.reduce((a, b) => a + b, 0);
  const r = p.map((v) => v / s);
  const top = r.indexOf(Math.max(...r));
  if (r[top] >= 1 - TIE_TOLERANCE) return top;
  return r;
}

/** The mechanism the LP's point describes. */
function mechanismOf<T>(program: DesignProgram<T>, x: readonly number[], S: number, C: number, n: number): DesignedMechanism {
  const outcome: Array<number | number[]> = [];
  const transfers: number[][] = [];
  for (let k = 0; k < S; k++) {
    outcome.push(cleanLottery(Array.from({ length: C }, (_, c) => x[program.q(k, c)])));
    transfers.push(Array.from({ length: n }, (_, i) => x[program.x(k, i)] + 0)); // + 0: no -0 in files
  }
  return { outcome, transfers };
}

/** A designed mechanism as a `DirectMechanism`. */
export function asDirectMechanism(m: DesignedMechanism, name = 'designed mechanism'): DirectMechanism {
  return { name, outcome: (k) => m.outcome[k], transfer: (k) => m.transfers[k] };
}

/** Check every imposed constraint on a mechanism: `check`'s concepts, and the two design-only ones. */
export function checkImposed(
  env: Environment,
  mech: DirectMechanism,
  constraints: readonly DesignConstraint[],
  tolerance: number,
): ImposedCheck[] {
  const concepts = constraints.filter(isCheckConcept);
  const results = checkAll(env, mech, { tolerance }, concepts);
  const out: ImposedCheck[] = results.map((r) => ({ constraint: r.concept, holds: r.holds, violation: r.violation, result: r }));
  if (constraints.includes('exPostBudgetBalance')) {
    const r = exPostBudgetBalance(env, mech, { tolerance });
    out.push({ constraint: 'exPostBudgetBalance', holds: r.holds, violation: r.violation, result: r });
  }
  if (constraints.includes('efficient')) {
    const r = efficiency(env, mech, { tolerance });
    out.push({ constraint: 'efficient', holds: r.holds, violation: r.violation, result: r });
  }
  return out;
}

/** Whether the prior is the product of its marginals (within 1e-12), so that beliefs do not depend on one's own type. */
function isProductPrior(env: Environment): boolean {
  const prior = env.prior;
  const space = prior.profiles;
  for (let k = 0; k < space.size; k++) {
    let p = 1;
    for (let i = 0; i < space.agents; i++) p *= prior.ownMarginal[i][space.component(k, i)];
    if (Math.abs(p - prior.profileMarginal[k]) > TIE_TOLERANCE) return false;
  }
  return true;
}

/** Solve a design problem. Throws LimitError (size), LPCertificationError (no certified answer). */
export function designMechanism(problem: DesignProblem, opts: DesignOptions = {}): DesignResult {
  const env = problem.env;
  const space = env.prior.profiles;
  const S = space.size;
  const n = env.prior.agents;
  const C = env.outcomes;
  const tolerance = problem.tolerance ?? DEFAULT_TOLERANCE;
  const privateValues = env.privateValues === true;
  assertDesignWithinLimits(space.counts, C, problem.spec.constraints, {
    privateValues,
    privateIndependent: privateValues && isProductPrior(env),
    exact: opts.exact,
  });

  let data: DesignData<number> | DesignData<Fraction>;
  let F: Field<number> | Field<Fraction>;
  if (opts.exact) {
    if (!problem.raw) throw new Error("designMechanism: --exact needs the environment's raw numbers");
    data = exactDesignData(problem.raw, space.counts, env.prior.states, C);
    F = exactField;
  } else {
    data = floatDesignData(env);
    F = floatField;
  }
  const program = buildDesignProgram<unknown>(data, problem.spec, { maxNonzeros: opts.maxNonzeros ?? DESIGN_LIMITS.nonzeros });
  const lp = toFloatLP(program.lp, F as Field<unknown>);
  const size = designSize(lp);
  // HiGHS answers, certified by its own certificates (point, dual bound, Farkas ray, exact ray): its point is
  // accurate to rounding, which the checks at 1e-9 and the exact certification need (javascript-lp-solver
  // rounds its answers); interior point beyond 5,000 variables (several times faster there, with crossover)
  const sol = solveLP(lp, {
    tolerance: opts.lpTolerance,
    backend: 'highs',
    highs: { feasibilityTolerance: 1e-10, ...(size.variables > 5000 ? { solver: 'ipm' as const } : {}) },
  });
  const { farkas, ray, ...certRest } = sol.certificate;
  const result: DesignResult = {
    status: sol.status,
    objective: problem.spec.objective,
    objectiveName: describeObjective(problem.spec.objective),
    constraints: [...problem.spec.constraints],
    lp: {
      ...size,
      backend: sol.backend,
      ms: sol.ms,
      certificate: { ...certRest, ...(farkas ? { farkasMargin: farkas.margin, farkasSource: farkas.source } : {}) },
    },
  };
  const labels = problem.labels;

  if (sol.status === 'optimal') {
    result.value = sol.objective;
    const mech = mechanismOf(program, sol.x, S, C, n);
    result.mechanism = mech;
    result.checks = checkImposed(env, asDirectMechanism(mech), problem.spec.constraints, tolerance);
    if (opts.exact) {
      const e = exactOptimum(exactField, program.lp as DesignProgram<Fraction>['lp'], sol.x, sol.duals);
      result.exact = e
        ? { verified: true, value: e.value.toFraction() }
        : {
            verified: false,
            note: 'the rationalised point and duals do not certify an exact optimum (denominators too large, or not a vertex): the value is certified in floating point only',
          };
    }
  } else if (sol.status === 'infeasible') {
    if (!farkas)
      throw new LPCertificationError('infeasible without a verified Farkas certificate (the backends agreed on the status only)', {
        certificate: sol.certificate,
      });
    let exact: { F: Field<Fraction>; lp: DesignProgram<Fraction>['lp']; y: Fraction[] } | undefined;
    if (opts.exact) {
      const e = exactFarkas(exactField, program.lp as DesignProgram<Fraction>['lp'], farkas.y);
      if (e) exact = { F: exactField, lp: program.lp as DesignProgram<Fraction>['lp'], y: e.y };
      result.exact = e
        ? { verified: true }
        : {
            verified: false,
            note: 'the rationalised Farkas multipliers do not prove infeasibility exactly: certified in floating point only',
          };
    }
    result.infeasibility = infeasibilityStatement(program, lp, farkas.y, labels, space, exact);
  } else {
    if (!ray)
      throw new LPCertificationError('unbounded without a verified ray (the backends agreed on the status only)', {
        certificate: sol.certificate,
      });
    result.direction = unboundedDirection(program, ray.ray, ray.rate, labels, space);
  }
  return result;
}

/** The designed mechanism as a file in the `check` format, requiring the imposed `check` concepts. */
export function mechanismFile(problem: DesignProblem, result: DesignResult): Record<string, unknown> {
  if (!result.mechanism) throw new Error('mechanismFile: no mechanism (the design is not optimal)');
  if (!problem.environmentFile) throw new Error('mechanismFile: the problem carries no environment file');
  const require = result.constraints.filter(isCheckConcept);
  return {
    name: `${problem.name}: ${result.objectiveName}-optimal under ${result.constraints.join(', ') || 'no constraints'}`,
    description: `Designed by mechcheck design (certified optimum ${result.value}).${result.constraints.some((c) => !isCheckConcept(c)) ? ` Also imposed (not check concepts): ${result.constraints.filter((c) => !isCheckConcept(c)).join(', ')}.` : ''}`,
    ...problem.environmentFile,
    outcome: result.mechanism.outcome,
    transfers: result.mechanism.transfers,
    require,
  };
}
