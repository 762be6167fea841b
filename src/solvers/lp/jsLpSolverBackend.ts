/**
 * javascript-lp-solver backend. Its variables are nonnegative, so general
 * bounds are mapped: x = l + y (finite lower bound), x = u - y (only an upper
 * bound), x = y+ - y- (free); finite upper bounds become rows.
 *
 * javascript-lp-solver 1.0.3 can loop forever, even on a 4-variable, 7-row LP
 * (found by `mechcheck verify --seed 10`, kept in src/solvers/lp/fixtures as a
 * regression test); its `timeout` and `exitOnCycles` options do not stop it. So
 * it runs in a worker thread and the main thread waits for at most
 * `JS_LP_TIMEOUT_MS` (Atomics.wait); a solve that does not finish is an
 * `error` answer and the certified layer falls back to HiGHS.
 */
import { Worker } from 'node:worker_threads';
import type { LinearProgram, RawLPAnswer } from './types.ts';

/** How long the main thread waits for javascript-lp-solver (ms). */
export const JS_LP_TIMEOUT_MS = 3000;
const SHARED_BYTES = 64 * 1024 * 1024;

let worker: Worker | null = null;
let shared: SharedArrayBuffer | null = null;

function getWorker(): { worker: Worker; state: Int32Array; bytes: Uint8Array } {
  if (!worker || !shared) {
    shared = new SharedArrayBuffer(8 + SHARED_BYTES);
    worker = new Worker(new URL('./jsLpSolverWorker.mjs', import.meta.url), { workerData: { shared } });
    worker.unref();
  }
  return { worker, state: new Int32Array(shared, 0, 2), bytes: new Uint8Array(shared, 8) };
}

/** Solve a javascript-lp-solver model, waiting at most `timeoutMs`; null when it did not finish. */
function solveInWorker(
  model: JsModel,
  timeoutMs: number,
): { ok: boolean; result?: Record<string, number | boolean>; message?: string } | null {
  const { worker: w, state, bytes } = getWorker();
  Atomics.store(state, 0, 0);
  w.postMessage({ model });
  const waited = Atomics.wait(state, 0, 0, timeoutMs);
  if (waited === 'timed-out' && Atomics.load(state, 0) !== 1) {
    // the solver is stuck: abandon this worker (terminate is asynchronous) and start a new one next time
    void w.terminate();
    worker = null;
    shared = null;
    return null;
  }
  const length = Atomics.load(state, 1);
  return JSON.parse(new TextDecoder().decode(bytes.slice(0, length)));
}

interface JsModel {
  optimize: string;
  opType: 'max' | 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
}

/** Solve with javascript-lp-solver in its worker (at most `timeoutMs`); the answer is a claim to be certified. */
export function solveWithJsLpSolver(lp: LinearProgram, timeoutMs = JS_LP_TIMEOUT_MS): RawLPAnswer {
  const t0 = performance.now();
  const n = lp.objective.length;
  const lower = lp.lower ?? new Array(n).fill(0);
  const upper = lp.upper ?? new Array(n).fill(Infinity);
  const model: JsModel = { optimize: '__obj', opType: lp.sense, constraints: {}, variables: {} };
  // x_j = offset_j + sum_k coef * y_k
  const parts: Array<Array<[string, number]>> = [];
  const offset = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    const l = lower[j];
    const u = upper[j];
    if (Number.isFinite(l)) {
      offset[j] = l;
      parts.push([[`y${j}`, 1]]);
      model.variables[`y${j}`] = {};
      if (Number.isFinite(u)) model.constraints[`ub${j}`] = { max: u - l };
      if (Number.isFinite(u)) model.variables[`y${j}`][`ub${j}`] = 1;
    } else if (Number.isFinite(u)) {
      offset[j] = u;
      parts.push([[`y${j}`, -1]]);
      model.variables[`y${j}`] = {};
    } else {
      parts.push([
        [`p${j}`, 1],
        [`m${j}`, -1],
      ]);
      model.variables[`p${j}`] = {};
      model.variables[`m${j}`] = {};
    }
  }
  for (let j = 0; j < n; j++) {
    if (lp.objective[j] === 0) continue;
    for (const [v, s] of parts[j]) model.variables[v].__obj = (model.variables[v].__obj ?? 0) + s * lp.objective[j];
  }
  lp.rows.forEach((r, i) => {
    let shift = 0;
    for (let k = 0; k < r.indices.length; k++) {
      const j = r.indices[k];
      const a = r.values[k];
      shift += a * offset[j];
      for (const [v, s] of parts[j]) model.variables[v][`r${i}`] = (model.variables[v][`r${i}`] ?? 0) + s * a;
    }
    const c: { min?: number; max?: number; equal?: number } = {};
    if (r.lower === r.upper) c.equal = r.lower - shift;
    else {
      if (Number.isFinite(r.lower)) c.min = r.lower - shift;
      if (Number.isFinite(r.upper)) c.max = r.upper - shift;
    }
    model.constraints[`r${i}`] = c;
  });
  const answer = solveInWorker(model, timeoutMs);
  const ms = performance.now() - t0;
  if (answer === null)
    return { backend: 'jsLpSolver', status: 'error', message: `javascript-lp-solver did not finish within ${timeoutMs} ms`, ms };
  if (!answer.ok || !answer.result)
    return { backend: 'jsLpSolver', status: 'error', message: answer.message ?? 'javascript-lp-solver failed', ms };
  const res = answer.result;
  if (!res.feasible) return { backend: 'jsLpSolver', status: 'infeasible', ms };
  if (res.bounded === false) return { backend: 'jsLpSolver', status: 'unbounded', ms };
  const get = (v: string) => (typeof res[v] === 'number' ? res[v] : 0);
  const x = offset.map((o, j) => o + parts[j].reduce((s, [v, c]) => s + c * get(v), 0));
  let obj = 0;
  for (let j = 0; j < n; j++) obj += lp.objective[j] * x[j];
  return { backend: 'jsLpSolver', status: 'optimal', x, objective: obj, ms };
}
