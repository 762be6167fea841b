/**
 * javascript-lp-solver backend. Its variables are nonnegative, so general
 * bounds are mapped: x = l + y (finite lower bound), x = u - y (only an upper
 * bound), x = y+ - y- (free); finite upper bounds become rows.
 */
import solver from 'javascript-lp-solver';
import type { LinearProgram, RawLPAnswer } from './types.ts';

interface JsModel {
  optimize: string;
  opType: 'max' | 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
}

export function solveWithJsLpSolver(lp: LinearProgram): RawLPAnswer {
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
  const res = (solver as unknown as { Solve(m: JsModel): Record<string, number | boolean> }).Solve(model);
  const ms = performance.now() - t0;
  if (!res.feasible) return { backend: 'jsLpSolver', status: 'infeasible', ms };
  if (res.bounded === false) return { backend: 'jsLpSolver', status: 'unbounded', ms };
  const get = (v: string) => (typeof res[v] === 'number' ? (res[v] as number) : 0);
  const x = offset.map((o, j) => o + parts[j].reduce((s, [v, c]) => s + c * get(v), 0));
  let obj = 0;
  for (let j = 0; j < n; j++) obj += lp.objective[j] * x[j];
  return { backend: 'jsLpSolver', status: 'optimal', x, objective: obj, ms };
}
