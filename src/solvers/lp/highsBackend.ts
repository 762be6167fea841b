/** HiGHS (npm `highs`, WebAssembly) through its stateless raw `lpCall`. Loaded once at import. */
import highsImport from 'highs';
import type { LinearProgram, RawLPAnswer } from './types.ts';

// `highs` ships CommonJS-flavoured typings for an ES module build: the loader is the
// default export at run time, but typed as `.default` of it; accept either.
type LoadHighs = typeof highsImport.default;
const loadHighs: LoadHighs = (highsImport as unknown as { default?: LoadHighs }).default ?? (highsImport as unknown as LoadHighs);
const highs = await loadHighs();

export function solveWithHighs(lp: LinearProgram): RawLPAnswer {
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
  const res = highs.raw.lpCall({
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
  const ms = performance.now() - t0;
  if (res.status === -1 || !res.value) return { backend: 'highs', status: 'error', message: 'HiGHS returned an error status', ms };
  const st = res.value.modelStatus;
  const S = highs.constants.modelStatus;
  if (st === S.optimal || (n === 0 && st === S.empty)) {
    const x = Array.from(res.value.solution.colValue);
    let obj = 0;
    for (let j = 0; j < n; j++) obj += lp.objective[j] * x[j];
    return { backend: 'highs', status: 'optimal', x, objective: obj, rowDuals: Array.from(res.value.solution.rowDual), ms };
  }
  if (st === S.infeasible) return { backend: 'highs', status: 'infeasible', ms };
  if (st === S.unbounded) return { backend: 'highs', status: 'unbounded', ms };
  return { backend: 'highs', status: 'error', message: `HiGHS model status ${st}`, ms };
}
