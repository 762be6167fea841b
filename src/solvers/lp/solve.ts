/**
 * The certified LP layer: `solveLP` returns an answer only once a certificate
 * for it has been checked, and throws `LPCertificationError` otherwise (never a
 * silent number). Certificates decide, not backends:
 *
 * - `optimal`: a point verified feasible (exactly on small LPs, with rigorous
 *   rounding otherwise) and a dual bound, from some backend's row duals, within
 *   the tolerance of its objective;
 * - `infeasible`: a verified Farkas ray (HiGHS's dual ray, or the duals of the
 *   phase-1 LP) and no verified feasible point;
 * - `unbounded`: a verified feasible point and a ray checked exactly to lie in
 *   the recession cone with an improving objective.
 *
 * Backends: javascript-lp-solver (the default for small LPs) and HiGHS. Under
 * `auto`, javascript-lp-solver answers up to `jsMaxVariables` variables
 * (default 200) and HiGHS is its cross-check (javascript-lp-solver gives no
 * duals; we measured it returning a wrong optimum, silently, on a 1,536-variable
 * LP, and looping forever on a 4-variable one: see jsLpSolverBackend.ts); HiGHS
 * answers alone beyond. When the backends disagree, every claim's evidence is
 * checked and the verified certificates settle it: a verified point refutes
 * "infeasible", a verified Farkas ray refutes "feasible", a dual bound refutes a
 * worse objective and "unbounded", a verified ray refutes "optimal". Only when
 * no answer can be verified does `solveLP` raise. Each solve's resolution is
 * counted in the certificate log (certificateLog.ts).
 */
import { LPCertificationError } from '../../core/errors.ts';
import { LP_CERTIFICATE_RADIUS, LP_TOLERANCE } from '../../core/tolerance.ts';
import { phaseOneLP, rayLP } from './auxiliary.ts';
import { recordResolution } from './certificateLog.ts';
import { boundConflict, dualBound, farkasCertificate, pointCertificate, verifyRay, type PointCheck } from './certify.ts';
import { solveWithHighs, type HighsSettings } from './highsBackend.ts';
import { solveWithJsLpSolver } from './jsLpSolverBackend.ts';
import type {
  BackendName,
  FarkasCertificate,
  LinearProgram,
  LPCertificate,
  LPResolution,
  LPSolution,
  RawLPAnswer,
  RayCertificate,
} from './types.ts';

/** Options of `solveLP`. */
export interface SolveOptions {
  backend?: BackendName | 'auto';
  /** feasibility and gap tolerance, relative to 1 + |objective|; default LP_TOLERANCE (1e-7) */
  tolerance?: number;
  /** run the second backend even when the first answer is certified on its own */
  crossCheck?: boolean;
  jsMaxVariables?: number;
  /**
   * replace a backend (tests inject broken solvers to show that certification
   * catches them); a replaced `highs` also answers the auxiliary LPs (phase 1,
   * ray LP, the re-solve without presolve)
   */
  runners?: Partial<Record<BackendName, (lp: LinearProgram, settings?: HighsSettings) => RawLPAnswer>>;
  /** HiGHS settings for the main solve (large LPs: `{ solver: 'ipm' }` is several times faster) */
  highs?: HighsSettings;
}

/** Run one backend (or its injected replacement); a thrown error becomes an `error` answer. */
export function runBackend(
  name: BackendName,
  lp: LinearProgram,
  runners: SolveOptions['runners'] = {},
  settings?: HighsSettings,
): RawLPAnswer {
  try {
    const r = runners[name];
    if (r) return r(lp, settings);
    return name === 'highs' ? solveWithHighs(lp, settings) : solveWithJsLpSolver(lp);
  } catch (e) {
    return { backend: name, status: 'error', message: (e as Error).message, ms: 0 };
  }
}

/** Certify one backend's optimal answer on its own: primal feasibility, and the dual bound when it gave duals. */
export function certifyOptimal(
  lp: LinearProgram,
  ans: RawLPAnswer,
  tol: number,
): Omit<LPCertificate, 'resolution'> & { ok: boolean; why?: string } {
  const x = ans.x!;
  const pc = pointCertificate(lp, x, tol);
  const objective = objectiveAt(lp, x);
  const scale = 1 + Math.abs(objective);
  if (!pc.ok)
    return {
      ok: false,
      why: `primal infeasible point (violation ${pc.violation})`,
      method: 'dual-bound',
      primalViolation: pc.violation,
      pointExact: pc.exactlyFeasible,
    };
  if (ans.rowDuals) {
    const db = dualBound(lp, ans.rowDuals);
    const gap = Math.abs(db.bound - objective);
    const ok = db.dualInfeasibility <= tol && gap <= tol * scale;
    const dualRadius = db.dualResidual === 0 ? Infinity : Math.max(0, tol * scale - gap) / db.dualResidual;
    return {
      ok,
      why: ok ? undefined : `dual bound ${db.bound} vs objective ${objective} (dual infeasibility ${db.dualInfeasibility})`,
      method: 'dual-bound',
      primalViolation: pc.violation,
      pointExact: pc.exactlyFeasible,
      dualBound: db.bound,
      gap,
      dualRadius,
    };
  }
  return { ok: false, why: 'no dual information', method: 'second-backend', primalViolation: pc.violation, pointExact: pc.exactlyFeasible };
}

function objectiveAt(lp: LinearProgram, x: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < lp.objective.length; j++) s += lp.objective[j] * x[j];
  return s;
}

/** A verified point and where it came from. */
interface Point {
  x: number[];
  objective: number;
  check: PointCheck;
  from: BackendName | 'phase-1';
}

/** A checked dual bound and where it came from. */
interface Bound {
  duals: number[];
  bound: number;
  dualInfeasibility: number;
  dualResidual: number;
  from: BackendName;
}

/** Everything the backends claimed and every certificate that checked out. */
class Evidence {
  readonly points: Point[] = [];
  readonly bounds: Bound[] = [];
  farkas: FarkasCertificate | null = null;
  /** the best ray candidate: exact, or improving with the smallest cone violation */
  ray: { ray: number[]; rate: number; violation: number; source: RayCertificate['source'] } | null = null;
  readonly failures: string[] = [];
  phaseOneDone = false;
  rayLPDone = false;

  constructor(
    readonly lp: LinearProgram,
    readonly tol: number,
    readonly runners: SolveOptions['runners'],
  ) {}

  /** Check every piece of evidence an answer carries. */
  absorb(a: RawLPAnswer): void {
    const { lp, tol } = this;
    if (a.status === 'error') {
      this.failures.push(`${a.backend} failed: ${a.message}`);
      return;
    }
    if (a.x) {
      const pc = pointCertificate(lp, a.x, tol);
      if (pc.ok) this.points.push({ x: [...a.x], objective: objectiveAt(lp, a.x), check: pc, from: a.backend });
      else if (a.status === 'optimal')
        this.failures.push(`${a.backend} optimal ${a.objective}: primal infeasible point (violation ${pc.violation})`);
    }
    if (a.rowDuals && a.rowDuals.length === lp.rows.length) {
      const db = dualBound(lp, a.rowDuals);
      if (db.dualInfeasibility <= tol && Number.isFinite(db.bound)) this.bounds.push({ ...db, duals: a.rowDuals, from: a.backend });
      else this.failures.push(`${a.backend}: its row duals give no bound (dual infeasibility ${db.dualInfeasibility})`);
    }
    if (a.status === 'infeasible' && !this.farkas) {
      this.farkas = farkasCertificate(lp, a.dualRay, 'dual-ray');
      if (!this.farkas)
        this.failures.push(`${a.backend} infeasible: ${a.dualRay ? 'its dual ray is not a Farkas certificate' : 'no dual ray'}`);
    }
    if (a.status === 'unbounded') {
      const v = verifyRay(lp, a.primalRay);
      if (v) this.offerRay(v.ray, v.check.rate, v.check.violation, 'backend-ray');
      else this.failures.push(`${a.backend} unbounded: ${a.primalRay ? 'its ray does not improve the objective' : 'no ray'}`);
    }
  }

  offerRay(ray: number[], rate: number, violation: number, source: RayCertificate['source']): void {
    if (!this.ray || violation < this.ray.violation) this.ray = { ray, rate, violation, source };
  }

  /** The ray as a certificate from a verified point, or null when it leaves the cone too fast to certify anything. */
  rayCertificate(point: Point): RayCertificate | null {
    const r = this.ray;
    if (!r) return null;
    if (r.violation === 0)
      return { ray: r.ray, rate: r.rate, point: point.x, exact: true, coneViolation: 0, reach: Infinity, source: r.source };
    const reach = (Math.abs(r.rate) * this.tol) / r.violation;
    if (!(reach >= LP_CERTIFICATE_RADIUS * (1 + Math.abs(point.objective)))) {
      this.failures.push(`the best ray leaves the recession cone by ${r.violation} per unit: it certifies a gain of only ${reach}`);
      return null;
    }
    return { ray: r.ray, rate: r.rate, point: point.x, exact: false, coneViolation: r.violation, reach, source: r.source };
  }

  /** Phase 1 (once): a feasible point, or a Farkas certificate from its duals. */
  phaseOne(): void {
    if (this.phaseOneDone) return;
    this.phaseOneDone = true;
    const p1 = phaseOneLP(this.lp);
    const a = runBackend('highs', p1, this.runners);
    if (a.status !== 'optimal') {
      this.failures.push(`phase 1: ${a.status}${a.message ? ` (${a.message})` : ''}`);
      return;
    }
    const n = this.lp.objective.length;
    const x = a.x!.slice(0, n);
    const pc = pointCertificate(this.lp, x, this.tol);
    if (pc.ok) this.points.push({ x, objective: objectiveAt(this.lp, x), check: pc, from: 'phase-1' });
    else if (!this.farkas && a.rowDuals) {
      this.farkas = farkasCertificate(this.lp, a.rowDuals, 'phase-1');
      if (!this.farkas) this.failures.push('phase 1: its duals are not a Farkas certificate');
    }
  }

  /** The ray LP (once): an unbounded ray, exactly verified when possible. */
  rayLP(): void {
    if (this.rayLPDone || (this.ray && this.ray.violation === 0)) return;
    this.rayLPDone = true;
    const a = runBackend('highs', rayLP(this.lp), this.runners);
    if (a.status !== 'optimal' || !a.x) {
      this.failures.push(`ray LP: ${a.status}`);
      return;
    }
    const v = verifyRay(this.lp, a.x);
    if (v) this.offerRay(v.ray, v.check.rate, v.check.violation, 'ray-lp');
  }

  /** The best verified point (largest objective for max, smallest for min). */
  bestPoint(): Point | null {
    let best: Point | null = null;
    const better = (a: number, b: number) => (this.lp.sense === 'max' ? a > b : a < b);
    for (const p of this.points) if (!best || better(p.objective, best.objective)) best = p;
    return best;
  }

  /** The tightest verified bound. */
  bestBound(): Bound | null {
    let best: Bound | null = null;
    for (const b of this.bounds) if (!best || (this.lp.sense === 'max' ? b.bound < best.bound : b.bound > best.bound)) best = b;
    return best;
  }
}

function describe(a: RawLPAnswer | undefined): string {
  if (!a) return '';
  return `${a.backend}: ${a.status}${a.status === 'optimal' && a.objective !== undefined ? ` ${+a.objective.toPrecision(10)}` : ''}`;
}

/** Solve and certify; throws LPCertificationError when no answer can be certified. */
export function solveLP(lp: LinearProgram, opts: SolveOptions = {}): LPSolution {
  const tol = opts.tolerance ?? LP_TOLERANCE;
  const jsMax = opts.jsMaxVariables ?? 200;
  const nVars = lp.objective.length;
  const size = `${nVars} x ${lp.rows.length}`;

  const conflict = boundConflict(lp);
  if (conflict) {
    recordResolution('certified');
    const farkas: FarkasCertificate = {
      y: new Array<number>(lp.rows.length).fill(0),
      bound: -Infinity,
      margin: Infinity,
      radius: Infinity,
      source: 'bound-conflict',
    };
    return {
      status: 'infeasible',
      x: [],
      objective: NaN,
      backend: 'highs',
      ms: 0,
      certificate: { method: 'farkas', resolution: 'certified', primalViolation: 0, farkas },
    };
  }

  const explicit = opts.backend !== undefined && opts.backend !== 'auto';
  let primary: BackendName = explicit ? (opts.backend as BackendName) : nVars <= jsMax ? 'jsLpSolver' : 'highs';
  let first = runBackend(primary, lp, opts.runners, primary === 'highs' ? opts.highs : undefined);
  let primaryFailure: RawLPAnswer | undefined;
  if (first.status === 'error' && !explicit && primary === 'jsLpSolver') {
    // javascript-lp-solver failed or did not finish: HiGHS answers, certified on its own
    primaryFailure = first;
    primary = 'highs';
    first = runBackend('highs', lp, opts.runners, opts.highs);
  }
  const secondName: BackendName = primary === 'highs' ? 'jsLpSolver' : 'highs';
  const canSecond = secondName === 'highs' || nVars <= jsMax;

  const ev = new Evidence(lp, tol, opts.runners);
  if (primaryFailure) ev.absorb(primaryFailure);
  ev.absorb(first);

  const ownCertificate = (): boolean => {
    if (first.status === 'optimal') {
      const p = ev.bestPoint();
      const b = ev.bestBound();
      return !!p && p.from === primary && !!b && Math.abs(b.bound - p.objective) <= tol * (1 + Math.abs(p.objective));
    }
    if (first.status === 'infeasible') return ev.farkas !== null;
    if (first.status === 'unbounded') return ev.ray !== null && ev.points.length > 0;
    return false;
  };

  let second: RawLPAnswer | undefined;
  const wantSecond =
    !primaryFailure && (primary === 'jsLpSolver' || opts.crossCheck === true || first.status === 'error' || !ownCertificate());
  if (wantSecond && canSecond) {
    second = runBackend(secondName, lp, opts.runners, secondName === 'highs' ? opts.highs : undefined);
    ev.absorb(second);
  }
  const answers = [primaryFailure, first, second].filter((a): a is RawLPAnswer => a !== undefined);
  const claims = answers.map(describe).join(', ');
  const statuses = new Set(answers.filter((a) => a.status !== 'error').map((a) => a.status));
  const failed = answers.some((a) => a.status === 'error');
  const disagree = statuses.size > 1;
  const crossCheck: LPCertificate['crossCheck'] = second
    ? { backend: second.backend, status: second.status, objective: second.objective }
    : primaryFailure
      ? { backend: primaryFailure.backend, status: 'error' }
      : undefined;
  const ms = answers.reduce((s, a) => s + a.ms, 0);

  // gather the certificates the claims call for
  if (!ev.farkas && (statuses.has('infeasible') || ev.points.length === 0)) ev.phaseOne();
  if (statuses.has('unbounded') && ev.points.length > 0) ev.rayLP();

  const fail = (why: string): never => {
    recordResolution('unresolved', { claims, size, detail: why });
    throw new LPCertificationError(`LP answer not certified: ${why}`, { backend: primary, objective: first.objective, crossCheck, claims });
  };

  const point = ev.bestPoint();
  // a Farkas certificate whose margin is within the tolerance does not refute a point feasible within it
  if (ev.farkas && point && ev.farkas.margin > tol) {
    fail(
      `a point is feasible within the tolerance (violation ${point.check.violation}) but a Farkas certificate has margin ${ev.farkas.margin} (${claims})`,
    );
  }
  if (ev.farkas && !point) {
    const resolution: LPResolution =
      statuses.has('optimal') || statuses.has('unbounded')
        ? 'farkas refutes feasible'
        : failed
          ? 'backend failure'
          : second?.status === 'infeasible' && first.status === 'infeasible'
            ? 'agreement'
            : 'certified';
    recordResolution(
      resolution,
      resolution === 'farkas refutes feasible' || resolution === 'backend failure'
        ? {
            claims,
            size,
            detail: `Farkas ${ev.farkas.source}, bound ${ev.farkas.bound}, margin ${ev.farkas.margin}; ${ev.failures.join('; ')}`,
          }
        : undefined,
    );
    return {
      status: 'infeasible',
      x: [],
      objective: NaN,
      backend: primary,
      ms,
      certificate: { method: 'farkas', resolution, primalViolation: 0, farkas: ev.farkas, crossCheck },
    };
  }

  if (point) {
    const rayCert = ev.rayCertificate(point);
    if (rayCert) {
      const b = ev.bestBound();
      if (b && b.dualResidual === 0 && rayCert.exact) fail(`a verified ray and an exact dual bound contradict each other (${claims})`);
      const resolution: LPResolution = statuses.has('optimal')
        ? 'ray refutes optimal'
        : statuses.has('infeasible')
          ? 'point refutes infeasible'
          : failed
            ? 'backend failure'
            : statuses.size === 1 && second
              ? 'agreement'
              : 'certified';
      recordResolution(
        resolution,
        resolution !== 'agreement' && resolution !== 'certified'
          ? {
              claims,
              size,
              detail: `ray (${rayCert.source}${rayCert.exact ? ', exact' : `, cone violation ${rayCert.coneViolation}`}) rate ${rayCert.rate}; point violation ${point.check.violation}`,
            }
          : undefined,
      );
      const ray = rayCert;
      return {
        status: 'unbounded',
        x: point.x,
        objective: lp.sense === 'max' ? Infinity : -Infinity,
        backend: point.from === 'phase-1' ? 'highs' : point.from,
        ms,
        certificate: {
          method: 'primal-ray',
          resolution,
          primalViolation: point.check.violation,
          pointExact: point.check.exactlyFeasible,
          ray,
          crossCheck,
        },
      };
    }
    let bound = ev.bestBound();
    if (!bound && statuses.has('unbounded'))
      fail(`a verified point but neither a verified ray nor a dual bound (${claims}; ${ev.failures.join('; ')})`);
    if (!bound || Math.abs(bound.bound - point.objective) > tol * (1 + Math.abs(point.objective))) {
      // no dual bound closes the gap: one more HiGHS solve without presolve, for its duals
      const again = runBackend('highs', lp, opts.runners, { presolve: 'off' });
      ev.absorb(again);
      bound = ev.bestBound();
    }
    const best = ev.bestPoint()!;
    if (!bound) fail(`no verified dual bound (${claims}; ${ev.failures.join('; ')})`);
    const b = bound!;
    const scale = 1 + Math.abs(best.objective);
    const violatesBound = lp.sense === 'max' ? best.objective > b.bound + tol * scale : best.objective < b.bound - tol * scale;
    if (violatesBound) fail(`a verified point (objective ${best.objective}) beats a verified dual bound ${b.bound} (${claims})`);
    const gap = Math.abs(b.bound - best.objective);
    if (gap > tol * scale)
      fail(
        `the best verified point (objective ${best.objective}) and the best dual bound ${b.bound} differ by ${gap} (${claims}; ${ev.failures.join('; ')})`,
      );
    // return the primary's point when it is within the tolerance of the bound (the answer the caller asked for)
    const primaryPoint = ev.points.find((p) => p.from === primary && Math.abs(b.bound - p.objective) <= tol * (1 + Math.abs(p.objective)));
    const chosen = primaryPoint ?? best;
    const chosenGap = Math.abs(b.bound - chosen.objective);
    const optimalClaims = answers.filter((a) => a.status === 'optimal');
    const objectivesDisagree = optimalClaims.some(
      (a) =>
        Math.abs(objectiveAt(lp, a.x!) - chosen.objective) > tol * (1 + Math.abs(chosen.objective)) ||
        !ev.points.some((p) => p.from === a.backend),
    );
    const resolution: LPResolution = statuses.has('infeasible')
      ? 'point refutes infeasible'
      : statuses.has('unbounded')
        ? 'dual bound refutes unbounded'
        : objectivesDisagree
          ? 'dual bound refutes objective'
          : failed
            ? 'backend failure'
            : optimalClaims.length > 1
              ? 'agreement'
              : 'certified';
    const agreeing = optimalClaims.filter((a) =>
      ev.points.some((p) => p.from === a.backend && Math.abs(p.objective - chosen.objective) <= tol * (1 + Math.abs(chosen.objective))),
    );
    const method: LPCertificate['method'] =
      b.from === chosen.from ? (agreeing.length > 1 ? 'dual-bound+second-backend' : 'dual-bound') : 'second-backend';
    const notable = resolution !== 'agreement' && resolution !== 'certified';
    recordResolution(
      resolution,
      notable
        ? {
            claims,
            size,
            detail: `point from ${chosen.from} (violation ${chosen.check.violation}${chosen.check.exactlyFeasible ? ', exactly feasible' : ''}), dual bound from ${b.from}, gap ${chosenGap}; ${ev.failures.join('; ')}`,
          }
        : undefined,
    );
    const dualRadius = b.dualResidual === 0 ? Infinity : Math.max(0, tol * (1 + Math.abs(chosen.objective)) - chosenGap) / b.dualResidual;
    return {
      status: 'optimal',
      x: chosen.x,
      objective: chosen.objective,
      backend: chosen.from === 'phase-1' ? 'highs' : chosen.from,
      duals: b.duals,
      ms,
      certificate: {
        method,
        resolution,
        primalViolation: chosen.check.violation,
        pointExact: chosen.check.exactlyFeasible,
        dualBound: b.bound,
        gap: chosenGap,
        dualRadius,
        crossCheck,
      },
    };
  }

  // no verified point and no verified Farkas certificate: agreement of both backends is the last resort
  const valid = answers.filter((a) => a.status !== 'error');
  if (valid.length === 0) fail(`every backend failed (${ev.failures.join('; ')})`);
  if (disagree) fail(`backends disagree and neither side can be verified (${claims}; ${ev.failures.join('; ')})`);
  const status = valid[0].status;
  if (status === 'optimal') fail(`no answer could be verified (${claims}; ${ev.failures.join('; ')})`);
  const agreed = valid.length > 1;
  const resolution: LPResolution = agreed ? 'status agreement' : 'single backend';
  recordResolution(resolution, { claims, size, detail: ev.failures.join('; ') });
  return {
    status: status as 'infeasible' | 'unbounded',
    x: [],
    objective: status === 'unbounded' ? (lp.sense === 'max' ? Infinity : -Infinity) : NaN,
    backend: primary,
    ms,
    certificate: { method: agreed ? 'status-agreement' : 'single-backend', resolution, primalViolation: 0, crossCheck },
  };
}
