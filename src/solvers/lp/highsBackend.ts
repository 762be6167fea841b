/**
 * HiGHS (npm `highs`, WebAssembly) through a persistent model per solve (the
 * runtime is loaded once at import). Besides the status and the primal/dual
 * solution it hands over the evidence the certified layer checks: the basis,
 * a dual ray for an infeasible LP (HiGHS's Farkas candidate) and a primal ray
 * for an unbounded one. Nothing returned here is trusted: see solve.ts.
 */
import highsImport from 'highs';
import type { LinearProgram, RawLPAnswer } from './types.ts';

// `highs` ships CommonJS-flavoured typings for an ES module build: the loader is the
// default export at run time, but typed as `.default` of it; accept either.
type LoadHighs = typeof highsImport.default;
const loadHighs: LoadHighs = (highsImport as unknown as { default?: LoadHighs }).default ?? (highsImport as unknown as LoadHighs);
const highs = await loadHighs();

/** Solver settings for a HiGHS run (defaults: HiGHS's own, presolve on, its simplex/IPM choice). */
export interface HighsSettings {
  presolve?: 'on' | 'off';
  solver?: 'simplex' | 'ipm' | 'choose';
  /** HiGHS primal/dual feasibility tolerances (its defaults: 1e-7) */
  feasibilityTolerance?: number;
}

/** Solve with HiGHS; the answer (status, point, duals, basis, rays) is a claim to be certified. */
export function solveWithHighs(lp: LinearProgram, settings: HighsSettings = {}): RawLPAnswer {
  const t0 = performance.now();
  const n = lp.objective.length;
  const m = lp.rows.length;
  const inf = highs.infinity;
  const fin = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of lp.rows) {
    for (let k = 0; k < r.indices.length; k++) {
      indices.push(r.indices[k]);
      values.push(r.values[k]);
    }
    starts.push(indices.length);
  }
  const model = highs.createModel();
  try {
    model.options.set('output_flag', false);
    if (settings.presolve) model.options.set('presolve', settings.presolve);
    if (settings.solver) model.options.set('solver', settings.solver);
    if (settings.feasibilityTolerance !== undefined) {
      model.options.set('primal_feasibility_tolerance', settings.feasibilityTolerance);
      model.options.set('dual_feasibility_tolerance', settings.feasibilityTolerance);
    }
    model.passModel({
      numCols: n,
      numRows: m,
      sense: lp.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      colCost: lp.objective,
      colLower: (lp.lower ?? new Array(n).fill(0)).map(fin),
      colUpper: (lp.upper ?? new Array(n).fill(Infinity)).map(fin),
      rowLower: lp.rows.map((r) => fin(r.lower)),
      rowUpper: lp.rows.map((r) => fin(r.upper)),
      matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
    });
    model.run();
    const st = model.getModelStatus();
    const S = highs.constants.modelStatus;
    const ms = () => performance.now() - t0;
    if (st === S.optimal || (n === 0 && st === S.empty)) {
      const sol = model.getSolution();
      const x = Array.from(sol.colValue);
      let obj = 0;
      for (let j = 0; j < n; j++) obj += lp.objective[j] * x[j];
      let basis: RawLPAnswer['basis'];
      try {
        const b = model.getBasis();
        basis = { colStatus: Array.from(b.colStatus), rowStatus: Array.from(b.rowStatus) };
      } catch {
        basis = undefined;
      }
      return { backend: 'highs', status: 'optimal', x, objective: obj, rowDuals: Array.from(sol.rowDual), basis, ms: ms() };
    }
    if (st === S.infeasible) {
      let dualRay: number[] | undefined;
      try {
        const r = model.getDualRay();
        dualRay = r ? Array.from(r.values) : undefined;
      } catch {
        dualRay = undefined;
      }
      return { backend: 'highs', status: 'infeasible', dualRay, ms: ms() };
    }
    if (st === S.unbounded) {
      let primalRay: number[] | undefined;
      let x: number[] | undefined;
      try {
        const r = model.getPrimalRay();
        primalRay = r ? Array.from(r.values) : undefined;
        x = Array.from(model.getSolution().colValue);
      } catch {
        primalRay = undefined;
      }
      return { backend: 'highs', status: 'unbounded', primalRay, x, ms: ms() };
    }
    if (st === S.unboundedOrInfeasible && settings.presolve !== 'off') {
      // presolve could not tell which: HiGHS's advice is to solve again without it
      const again = solveWithHighs(lp, { ...settings, presolve: 'off' });
      return { ...again, ms: ms() + again.ms };
    }
    return { backend: 'highs', status: 'error', message: `HiGHS model status ${st}`, ms: ms() };
  } finally {
    model.dispose();
  }
}
