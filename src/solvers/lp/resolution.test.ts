/**
 * Certificates decide, not backends: each kind of disagreement between the
 * backends is settled by the certificate that checks out, a broken backend's
 * certificate is rejected, and only when no answer can be verified does the
 * layer raise (and the certificate log counts it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../catalogue/paths.ts';
import { LPCertificationError } from '../../core/errors.ts';
import { LPBuilder } from './builder.ts';
import { certificateLog, certificateLogSince, markCertificateLog, resetCertificateLog } from './certificateLog.ts';
import { farkasCertificate, rayCertificate } from './certify.ts';
import { runBackend, solveLP } from './solve.ts';
import { lpFromJson, type LinearProgramJson } from './lpJson.ts';
import type { LinearProgram, RawLPAnswer } from './types.ts';

function loadLPFixture(name: string): LinearProgram {
  return lpFromJson((JSON.parse(readFileSync(join(fixturesDir(), 'solvers', name), 'utf8')) as { lp: LinearProgramJson }).lp);
}

/** min x s.t. x >= 2, 0 <= x <= 1: infeasible (a bound against a row). */
function infeasibleLP(): LinearProgram {
  const b = new LPBuilder('min');
  const x = b.addVariable('x', { objective: 1, upper: 1 });
  const y = b.addVariable('y', { objective: 0, lower: -Infinity });
  b.ge([[x, 1]], 2);
  b.eq(
    [
      [y, 1],
      [x, 1],
    ],
    0,
  );
  return b.build();
}

/** max x s.t. x - y <= 1, x, y >= 0: unbounded along (1, 1). */
function unboundedLP(): LinearProgram {
  const b = new LPBuilder('max');
  const x = b.addVariable('x', { objective: 1 });
  const y = b.addVariable('y', { objective: 0 });
  b.le(
    [
      [x, 1],
      [y, -1],
    ],
    1,
  );
  return b.build();
}

/** max x + y s.t. x + 2y <= 4, 3x + y <= 6, x, y >= 0: optimum 2.8 at (1.6, 1.2). */
function boundedLP(): LinearProgram {
  const b = new LPBuilder('max');
  const x = b.addVariable('x', { objective: 1 });
  const y = b.addVariable('y', { objective: 1 });
  b.le(
    [
      [x, 1],
      [y, 2],
    ],
    4,
  );
  b.le(
    [
      [x, 3],
      [y, 1],
    ],
    6,
  );
  return b.build();
}

const claim = (a: Partial<RawLPAnswer> & Pick<RawLPAnswer, 'backend' | 'status'>) => (): RawLPAnswer => ({ ms: 0, ...a });

beforeEach(() => resetCertificateLog());

describe('disagreements settled by certificates', () => {
  it("regression (verify --seed 7 --runs 500, seed004.lemmaA3): javascript-lp-solver says infeasible, HiGHS's point is verified feasible", () => {
    const lp = loadLPFixture('lemmaA3-backends-disagree.json');
    expect(runBackend('jsLpSolver', lp).status).toBe('infeasible');
    const sol = solveLP(lp);
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBeCloseTo(17.96178343949, 8);
    expect(sol.backend).toBe('highs');
    expect(sol.certificate.resolution).toBe('point refutes infeasible');
    expect(sol.certificate.primalViolation).toBeLessThan(1e-12);
    expect(sol.certificate.gap!).toBeLessThan(1e-9);
    const log = certificateLog();
    expect(log.byResolution['point refutes infeasible']).toBe(1);
    expect(log.disagreementsResolved).toBe(1);
    expect(log.events[0].claims).toMatch(/jsLpSolver: infeasible, highs: optimal/);
  });

  it('a wrong "infeasible" with a bogus dual ray: the ray fails the Farkas check and a verified point refutes the claim', () => {
    const lp = boundedLP();
    const bogus = [1, 1];
    expect(farkasCertificate(lp, bogus, 'dual-ray')).toBeNull();
    // HiGHS lies about this LP once, then answers the auxiliary LPs honestly
    let lied = false;
    const liarOnce = (l: LinearProgram) => {
      if (!lied) {
        lied = true;
        return claim({ backend: 'highs', status: 'infeasible', dualRay: bogus })();
      }
      return runBackend('highs', l);
    };
    const sol = solveLP(lp, { backend: 'highs', runners: { highs: liarOnce } });
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBeCloseTo(2.8, 9);
    expect(sol.certificate.resolution).toBe('point refutes infeasible');
  });

  it('a wrong "optimal" on an infeasible LP: its point fails the check and the Farkas certificate decides', () => {
    const lp = infeasibleLP();
    const sol = solveLP(lp, {
      runners: { jsLpSolver: claim({ backend: 'jsLpSolver', status: 'optimal', x: [1.5, -1.5], objective: 1.5 }) },
    });
    expect(sol.status).toBe('infeasible');
    expect(sol.certificate.method).toBe('farkas');
    expect(sol.certificate.resolution).toBe('farkas refutes feasible');
    const f = sol.certificate.farkas!;
    expect(f.bound).toBeLessThan(0);
    expect(f.margin).toBeGreaterThan(0.1);
    // every point violates a row or a bound by at least the margin: x = 1.5 misses x >= 2 by 0.5 and x <= 1 by 0.5
    expect(f.margin).toBeLessThanOrEqual(0.5);
  });

  it('a wrong "unbounded" (no ray) on a bounded LP: the dual bound refutes it', () => {
    const lp = boundedLP();
    expect(rayCertificate(lp, [1, 0]).ok).toBe(false);
    const sol = solveLP(lp, { runners: { jsLpSolver: claim({ backend: 'jsLpSolver', status: 'unbounded' }) } });
    expect(sol.status).toBe('optimal');
    expect(sol.certificate.resolution).toBe('dual bound refutes unbounded');
  });

  it('a wrong "optimal" on an unbounded LP: the exactly verified ray refutes it', () => {
    const lp = unboundedLP();
    const sol = solveLP(lp, { runners: { jsLpSolver: claim({ backend: 'jsLpSolver', status: 'optimal', x: [1, 0], objective: 1 }) } });
    expect(sol.status).toBe('unbounded');
    expect(sol.certificate.resolution).toBe('ray refutes optimal');
    const r = sol.certificate.ray!;
    expect(rayCertificate(lp, r.ray).ok).toBe(true);
    expect(r.rate).toBeGreaterThan(0);
    expect(r.ray[0]).toBeGreaterThan(0);
  });

  it('a wrong "unbounded" whose ray leaves the recession cone is rejected; the honest backend\'s certified optimum stands', () => {
    const lp = boundedLP();
    const sol = solveLP(lp, {
      backend: 'jsLpSolver',
      runners: { jsLpSolver: claim({ backend: 'jsLpSolver', status: 'unbounded', primalRay: [1, 1] }) },
    });
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBeCloseTo(2.8, 9);
  });

  it('raises when neither side can be verified, and the log counts it', () => {
    const lp = boundedLP();
    const mark = markCertificateLog();
    const liar = claim({ backend: 'highs', status: 'infeasible', dualRay: [1, 1] });
    const liarJs = claim({ backend: 'jsLpSolver', status: 'optimal', x: [5, 5], objective: 10 });
    expect(() => solveLP(lp, { runners: { highs: liar, jsLpSolver: liarJs } })).toThrow(LPCertificationError);
    const since = certificateLogSince(mark);
    expect(since.unresolved).toBe(1);
    expect(since.byResolution.unresolved).toBe(1);
    expect(since.events[0].detail).toMatch(/primal infeasible point/);
  });

  it('an agreement is counted as such, and infeasibility by agreement now carries a Farkas certificate', () => {
    const sol = solveLP(infeasibleLP());
    expect(sol.status).toBe('infeasible');
    expect(sol.certificate.resolution).toBe('agreement');
    expect(sol.certificate.farkas!.margin).toBeGreaterThan(0);
    solveLP(boundedLP());
    const log = certificateLog();
    expect(log.solves).toBe(2);
    expect(log.byResolution.agreement).toBe(2);
    expect(log.disagreementsResolved).toBe(0);
  });

  it('HiGHS alone (large LPs): infeasible is certified by its own Farkas ray, or by phase 1 when the ray is withheld', () => {
    const lp = infeasibleLP();
    const sol = solveLP(lp, { backend: 'highs' });
    expect(sol.certificate.method).toBe('farkas');
    expect(sol.certificate.resolution).toBe('certified');
    // a HiGHS that withholds its ray: the phase-1 LP's duals certify
    let calls = 0;
    const withheld = (l: LinearProgram) => {
      calls++;
      const a = runBackend('highs', l);
      return { ...a, dualRay: undefined };
    };
    const s2 = solveLP(lp, { backend: 'highs', jsMaxVariables: 0, runners: { highs: withheld } });
    expect(s2.status).toBe('infeasible');
    expect(s2.certificate.farkas!.source).toBe('phase-1');
    expect(calls).toBe(2);
  });

  it('a trivial bound conflict (lower > upper) is infeasible without a solver', () => {
    const b = new LPBuilder('max');
    b.addVariable('x', { lower: 2, upper: 1 });
    const sol = solveLP(b.build(), {
      runners: {
        highs: () => {
          throw new Error('not called');
        },
        jsLpSolver: () => {
          throw new Error('not called');
        },
      },
    });
    expect(sol.status).toBe('infeasible');
    expect(sol.certificate.farkas!.source).toBe('bound-conflict');
  });
});
