/**
 * The certified LP layer: `solveLP` returns an answer only once it is
 * certified, and throws `LPCertificationError` otherwise (never a silent number).
 *
 * Backends: javascript-lp-solver (the default for small LPs) and HiGHS.
 * - a jsLpSolver answer is checked for primal feasibility and cross-checked
 *   against HiGHS, whose answer is itself dual-certified;
 * - a HiGHS answer is checked for primal feasibility and against the
 *   weak-duality bound from its row duals;
 * - `auto` (the default) uses jsLpSolver up to `jsMaxVariables` variables
 *   (default 200) and HiGHS beyond: we measured javascript-lp-solver 1.0.3
 *   returning a wrong optimum, silently, on a 1,536-variable LP.
 * Infeasible and unbounded verdicts are certified by the agreement of both
 * backends (HiGHS alone beyond `jsMaxVariables`, or when javascript-lp-solver
 * fails, reported as `single-backend`). When javascript-lp-solver fails or
 * does not finish (it can loop forever: see jsLpSolverBackend.ts) under `auto`,
 * HiGHS answers with its dual certificate and the failure is recorded in
 * `certificate.crossCheck`.
 */
import { LPCertificationError } from '../../core/errors.ts';
import { LP_TOLERANCE } from '../../core/tolerance.ts';
import { dualBound, primalViolation } from './certify.ts';
import { solveWithHighs } from './highsBackend.ts';
import { solveWithJsLpSolver } from './jsLpSolverBackend.ts';
import type { BackendName, LinearProgram, LPCertificate, LPSolution, RawLPAnswer } from './types.ts';

export interface SolveOptions {
  backend?: BackendName | 'auto';
  /** feasibility and gap tolerance, relative to 1 + |objective|; default LP_TOLERANCE (1e-7) */
  tolerance?: number;
  /** run the second backend even when the first is dual-certified */
  crossCheck?: boolean;
  jsMaxVariables?: number;
  /** replace a backend (tests inject broken solvers to show that certification catches them) */
  runners?: Partial<Record<BackendName, (lp: LinearProgram) => RawLPAnswer>>;
}

export function runBackend(name: BackendName, lp: LinearProgram, runners: SolveOptions['runners'] = {}): RawLPAnswer {
  try {
    const r = runners[name];
    if (r) return r(lp);
    return name === 'highs' ? solveWithHighs(lp) : solveWithJsLpSolver(lp);
  } catch (e) {
    return { backend: name, status: 'error', message: (e as Error).message, ms: 0 };
  }
}

/** Certify one backend's optimal answer on its own: primal feasibility, and the dual bound when it gave duals. */
export function certifyOptimal(lp: LinearProgram, ans: RawLPAnswer, tol: number): LPCertificate & { ok: boolean; why?: string } {
  const x = ans.x!;
  const pv = primalViolation(lp, x);
  const scale = 1 + Math.abs(ans.objective!);
  if (!(pv <= tol)) return { ok: false, why: `primal infeasible point (violation ${pv})`, method: 'dual-bound', primalViolation: pv };
  if (ans.rowDuals) {
    const db = dualBound(lp, ans.rowDuals);
    const gap = Math.abs(db.bound - ans.objective!);
    const ok = db.dualInfeasibility <= tol && gap <= tol * scale;
    return { ok, why: ok ? undefined : `dual bound ${db.bound} vs objective ${ans.objective} (dual infeasibility ${db.dualInfeasibility})`, method: 'dual-bound', primalViolation: pv, dualBound: db.bound, gap };
  }
  return { ok: false, why: 'no dual information', method: 'second-backend', primalViolation: pv };
}

/** Solve and certify; throws LPCertificationError when the answer cannot be certified. */
export function solveLP(lp: LinearProgram, opts: SolveOptions = {}): LPSolution {
  const tol = opts.tolerance ?? LP_TOLERANCE;
  const jsMax = opts.jsMaxVariables ?? 200;
  const nVars = lp.objective.length;
  const explicit = opts.backend !== undefined && opts.backend !== 'auto';
  let primary: BackendName = explicit ? (opts.backend as BackendName) : nVars <= jsMax ? 'jsLpSolver' : 'highs';
  let first = runBackend(primary, lp, opts.runners);
  let primaryFailure: RawLPAnswer | undefined;
  if (first.status === 'error' && !explicit && primary === 'jsLpSolver') {
    // javascript-lp-solver failed or did not finish: HiGHS answers, certified by its dual bound
    primaryFailure = first;
    primary = 'highs';
    first = runBackend('highs', lp, opts.runners);
  }
  if (first.status === 'error') throw new LPCertificationError(`LP backend ${primary} failed: ${first.message}`, { backend: primary });

  const secondName: BackendName = primary === 'highs' ? 'jsLpSolver' : 'highs';
  const wantSecond = !primaryFailure && (primary === 'jsLpSolver' || opts.crossCheck === true || first.status !== 'optimal');
  const canSecond = secondName === 'highs' || nVars <= jsMax;
  let second = wantSecond && canSecond ? runBackend(secondName, lp, opts.runners) : primaryFailure;
  // a second backend that fails is no evidence either way (javascript-lp-solver can hang: see jsLpSolverBackend.ts)
  const secondFailed = second?.status === 'error' ? second : undefined;
  if (secondFailed && secondName === 'jsLpSolver') second = undefined;

  if (first.status === 'optimal') {
    const cert = certifyOptimal(lp, first, tol);
    let method = cert.method;
    let ok = cert.ok;
    let why = cert.why;
    let crossCheck: LPCertificate['crossCheck'];
    let dual = cert.dualBound;
    let gap = cert.gap;
    if (!second && secondFailed) crossCheck = { backend: secondFailed.backend, status: 'error' };
    if (second && second.status === 'error') {
      crossCheck = { backend: second.backend, status: 'error' };
    } else if (second) {
      crossCheck = { backend: second.backend, status: second.status, objective: second.objective };
      if (second.status !== 'optimal') {
        ok = false;
        why = `backends disagree: ${primary} optimal ${first.objective}, ${second.backend} ${second.status}`;
      } else {
        const c2 = certifyOptimal(lp, second, tol);
        const agree = Math.abs(second.objective! - first.objective!) <= tol * (1 + Math.abs(first.objective!));
        if (!agree) {
          ok = false;
          why = `backends disagree: ${primary} ${first.objective}, ${second.backend} ${second.objective}` + (c2.ok ? ` (${second.backend} is dual-certified)` : '');
        } else if (!cert.ok) {
          // primary has no duals: certified when it is feasible and agrees with a dual-certified second backend
          ok = cert.primalViolation <= tol && c2.ok;
          why = ok ? undefined : `second backend not certified: ${c2.why}`;
          method = 'second-backend';
          dual = c2.dualBound;
          gap = c2.dualBound !== undefined ? Math.abs(c2.dualBound - first.objective!) : undefined;
        } else method = 'dual-bound+second-backend';
      }
    }
    if (!ok) throw new LPCertificationError(`LP answer not certified: ${why}`, { backend: primary, objective: first.objective, crossCheck });
    return { status: 'optimal', x: first.x!, objective: first.objective!, backend: primary, ms: first.ms + (second?.ms ?? 0), certificate: { method, primalViolation: cert.primalViolation, dualBound: dual, gap, crossCheck } };
  }
  // infeasible / unbounded
  if (second && second.status !== 'error' && second.status !== first.status) {
    throw new LPCertificationError(`backends disagree: ${primary} says ${first.status}, ${second.backend} says ${second.status}`, { objective: second.objective });
  }
  const agreed = second !== undefined && second.status === first.status;
  return {
    status: first.status,
    x: [],
    objective: first.status === 'unbounded' ? (lp.sense === 'max' ? Infinity : -Infinity) : NaN,
    backend: primary,
    ms: first.ms + (second?.ms ?? 0),
    certificate: {
      method: agreed ? 'status-agreement' : 'single-backend',
      primalViolation: 0,
      crossCheck: second ? { backend: second.backend, status: second.status } : secondFailed ? { backend: secondFailed.backend, status: 'error' } : primaryFailure ? { backend: primaryFailure.backend, status: 'error' } : undefined,
    },
  };
}
