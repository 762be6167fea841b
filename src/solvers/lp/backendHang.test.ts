/**
 * javascript-lp-solver looping forever on a 4-variable LP (a fixture): its
 * worker is stopped after JS_LP_TIMEOUT_MS and HiGHS's answer, certified on its
 * own, is returned. Kept apart from solve.test.ts because it waits for that
 * timeout twice (the mutation runs, vitest.mutation.config.ts, leave it out).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../catalogue/paths.ts';
import { LPBuilder } from './builder.ts';
import { lpFromJson, type LinearProgramJson } from './lpJson.ts';
import { runBackend, solveLP } from './solve.ts';
import type { LinearProgram } from './types.ts';

function smallLP(): LinearProgram {
  const b = new LPBuilder('max');
  const x = b.addVariable('x', { objective: 1 });
  const y = b.addVariable('y', { objective: 1, lower: -3 });
  const z = b.addVariable('z', { objective: -1, lower: -Infinity });
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
  b.ge(
    [
      [z, 1],
      [x, 1],
    ],
    -2,
  );
  return b.build();
}

describe('a backend that never finishes', () => {
  it('survives javascript-lp-solver looping forever: HiGHS answers, certified by its dual bound', () => {
    const lp = lpFromJson(
      (JSON.parse(readFileSync(join(fixturesDir(), 'solvers', 'js-lp-solver-hang.json'), 'utf8')) as { lp: LinearProgramJson }).lp,
    );
    const raw = runBackend('jsLpSolver', lp);
    expect(raw.status).toBe('error');
    expect(raw.message).toMatch(/did not finish/);
    const sol = solveLP(lp);
    expect(sol.status).toBe('optimal');
    expect(sol.backend).toBe('highs');
    expect(sol.certificate.method).toBe('dual-bound');
    expect(sol.certificate.crossCheck).toMatchObject({ backend: 'jsLpSolver', status: 'error' });
    expect(sol.certificate.resolution).toBe('backend failure');
    // asked for javascript-lp-solver explicitly: it fails, and HiGHS's certified answer is returned, the failure recorded
    const explicit = solveLP(lp, { backend: 'jsLpSolver' });
    expect(explicit.backend).toBe('highs');
    expect(explicit.certificate.resolution).toBe('backend failure');
    // the backend recovers for the next LP
    expect(solveLP(smallLP()).objective).toBeCloseTo(6.4, 9);
  }, 30_000);
});
