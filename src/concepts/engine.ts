/**
 * The checking engine: every requested concept computed in one walk over the
 * profiles, from typed tables (README, "Definitions").
 *
 * The core is one row of utilities per (agent i, true profile t), over agent
 * i's reports l with the others reporting t_-i:
 *   row[l] = U_i(t; l, t_-i) = x_i(l, t_-i) + sum_c q(l, t_-i)[c] vhat_i(c; t)
 * (reported profiles at stride `strides[i]`, never decoded per lookup). One row gives
 *  - ex post IC: row[l] - row[t_i] (t with P(t) > 0);
 *  - with private values, DSIC too: the same numbers are DSIC's gains for the
 *    true type t_i against the others' reports t_-i, for every profile t whose
 *    own type has positive probability (whatever P(t): t_-i are reports);
 *  - interim IC and IR: row[l] weighted by P(t_-i | t_i), accumulated per own
 *    type (summed over t in index order, as the reference does);
 *  - ex post IR: -row[t_i].
 * With private values (privateWalk) the rows of one block of profiles (agent
 * i's type varying, the others' fixed) share the block's transfers and
 * outcomes, gathered once; with deterministic outcomes a row, its interim sums
 * and its largest gain are one fused loop. With interdependent values or
 * several states (generalWalk) vhat is computed once per true profile, whose
 * digits an odometer keeps; DSIC then also needs every profile of the others'
 * reports. The budget concepts read the transfers in one more pass.
 *
 * Memory: the mechanism table (MechanismTable: transfers, outcome indices,
 * lotteries only when there are some), per-agent private values (types x
 * outcomes) or vhat at the current profile, agents x types^2 interim sums;
 * nothing of size profiles x agents x outcomes. The work is bounded before
 * anything is allocated (checkWork, CHECK_WORK_LIMIT).
 *
 * Results equal the reference implementation's (src/concepts/reference.ts):
 * the same floating-point operations in the same order (a row's largest gain
 * is max(row) - row[t_i], which equals the largest of the differences since
 * rounding is monotone), and the same witness on ties (the first case in the
 * reference's loop order: the walks compare keys). A gain, shortfall or deficit
 * that is not finite is a NonFiniteError naming the agent, profile and report.
 */
import { InputError } from '../core/errors.ts';
import { assertWithinLimit, CHECK_WORK_LIMIT } from '../core/limits.ts';
import { NonFiniteError } from '../core/numbers.ts';
import type { Environment } from '../model/environment.ts';
import type { MechanismTable } from '../model/mechanism.ts';
import type { ConceptName, WitnessOf } from './result.ts';

/** A concept's worst value, witness and number of cases, before the tolerance is applied. */
export interface RawResult<C extends ConceptName> {
  worst: number;
  witness: WitnessOf[C] | null;
  cases: number;
}

/** Raw results of the requested concepts. */
export type RawResults = { [C in ConceptName]?: RawResult<C> };

/** Options of the engine. */
export interface EngineOptions {
  /** refuse more utility evaluations than this (default CHECK_WORK_LIMIT) */
  maxWork?: number;
}

/**
 * The number of utility evaluations a check of `concepts` costs, an upper
 * bound computed from the declared sizes alone (before anything is allocated):
 * profiles x agents for the budget pass, profiles x the sum of the type counts
 * for the rows, and agents x profiles^2 for DSIC when values are not private.
 */
export function checkWorkOfSizes(typeCounts: readonly number[], privateValues: boolean, concepts: ReadonlySet<ConceptName>): number {
  let S = 1;
  let sumT = 0;
  for (const T of typeCounts) {
    S *= T;
    sumT += T;
  }
  const n = typeCounts.length;
  const rows =
    concepts.has('dominantStrategyIC') ||
    concepts.has('exPostIC') ||
    concepts.has('interimIC') ||
    concepts.has('exPostIR') ||
    concepts.has('interimIR');
  let work = S * n + (rows ? S * sumT : 0);
  if (concepts.has('dominantStrategyIC') && !privateValues) work += n * S * S;
  return work;
}

/** `checkWorkOfSizes` for an environment. */
export function checkWork(env: Environment, concepts: ReadonlySet<ConceptName>): number {
  return checkWorkOfSizes(env.prior.profiles.counts, env.privateValues === true, concepts);
}

/** Refuse a check whose work exceeds the limit, naming the size. */
export function assertCheckWork(env: Environment, concepts: ReadonlySet<ConceptName>, opts: EngineOptions = {}): void {
  const space = env.prior.profiles;
  const work = checkWork(env, concepts);
  assertWithinLimit(
    work,
    opts.maxWork ?? CHECK_WORK_LIMIT,
    'profiles',
    `the work of checking ${space.size} profiles (${space.counts.join(' x ')}) for ${[...concepts].join(', ')}, in utility evaluations,`,
    'the maxWork check option',
  );
}

/**
 * row[l] = x_i(k_l) + sum_c q(k_l)[c] vals[voff + c] for the reported profiles
 * k_l = base + l * stride, l = 0..T-1 (the reference's arithmetic: the
 * transfer first, then the outcomes with nonzero probability in order).
 */
function fillRow(
  row: Float64Array,
  base: number,
  stride: number,
  T: number,
  i: number,
  n: number,
  X: Float64Array,
  O: Int32Array,
  L: Float64Array | null,
  C: number,
  vals: Float64Array,
  voff: number,
): void {
  for (let l = 0, k = base; l < T; l++, k += stride) {
    let u = X[k * n + i];
    const o = O[k];
    if (o >= 0) u += vals[voff + o];
    else {
      const lo = k * C;
      for (let c = 0; c < C; c++) {
        const p = L![lo + c];
        if (p !== 0) u += p * vals[voff + c];
      }
    }
    row[l] = u;
  }
}

/** fillRow when every outcome is deterministic: row[l] = x_i(k_l) + vals[voff + o(k_l)]. */
function fillRowDeterministic(
  row: Float64Array,
  base: number,
  stride: number,
  T: number,
  i: number,
  n: number,
  X: Float64Array,
  O: Int32Array,
  vals: Float64Array,
  voff: number,
): void {
  for (let l = 0, k = base; l < T; l++, k += stride) row[l] = X[k * n + i] + vals[voff + O[k]];
}

/** a[off + l] += w * row[l]: one true profile's weighted utilities into the interim sums of its own type. */
function accumulateRow(a: Float64Array, off: number, w: number, row: Float64Array, T: number): void {
  for (let l = 0; l < T; l++) a[off + l] += w * row[l];
}

/**
 * The largest gain row[l] - ut over the lies l != own (T >= 2), or a non-finite
 * number when any gain is not finite: every gain lies between the gains of the
 * largest and the smallest utility (subtraction rounds monotonically), and a
 * NaN utility is caught by the running sum of u * 0.
 */
function rowMaxGain(row: Float64Array, T: number, own: number, ut: number): number {
  let mx = -Infinity;
  let mn = Infinity;
  let bad = 0;
  for (let l = 0; l < T; l++) {
    if (l === own) continue;
    const u = row[l];
    if (u > mx) mx = u;
    if (u < mn) mn = u;
    bad += u * 0;
  }
  const gmax = mx - ut;
  const gmin = mn - ut;
  return bad === 0 && gmin - gmin === 0 ? gmax : NaN;
}

/** The first lie l != own whose gain row[l] - ut equals g (the reference keeps the first of equal gains). */
function firstAttaining(row: Float64Array, T: number, own: number, ut: number, g: number): number {
  for (let l = 0; l < T; l++) if (l !== own && row[l] - ut === g) return l;
  return -1;
}

/** The first lie whose gain is not finite (for the error message). */
function firstNonFinite(row: Float64Array, T: number, own: number, ut: number): number {
  for (let l = 0; l < T; l++) if (l !== own && !Number.isFinite(row[l] - ut)) return l;
  return -1;
}

/** The running worst case of a concept: its value, the number of cases, and the indices of the witness. */
class Worst {
  worst = -Infinity;
  cases = 0;
  /** agent */
  i = -1;
  /** true profile */
  t = -1;
  /** reported profile (DSIC) */
  r = -1;
  /** the lie */
  l = -1;
  /** truthful and deviation utilities */
  u = 0;
  dev = 0;
}

/** What the walks share: the tables, the requested concepts and the running worst cases. */
interface Walk {
  env: Environment;
  S: number;
  n: number;
  C: number;
  counts: Int32Array;
  strides: Float64Array;
  pm: Float64Array;
  ownMarginal: Float64Array[];
  ownPositive: Uint8Array[];
  X: Float64Array;
  O: Int32Array;
  L: Float64Array | null;
  wDS: boolean;
  wEP: boolean;
  wEPIR: boolean;
  /** interim sums per agent, [own * T + report] (null when no interim concept is requested) */
  acc: Float64Array[] | null;
  ds: Worst;
  ep: Worst;
  ir: Worst;
  value: (i: number, c: number, th: number, k: number) => number;
  gainError: (i: number, t: number, r: number, l: number, row: Float64Array, ut: number) => NonFiniteError;
  utilityError: (i: number, t: number, ut: number) => NonFiniteError;
}

/** The budget concepts: one pass over the true profiles in index order. */
function budgetPass(
  w: Walk,
  wEPB: boolean,
  wEAB: boolean,
  wNPT: boolean,
  b: Worst,
  np: Worst,
  space: { profile(k: number): number[] },
): number {
  const { S, n, X, pm } = w;
  let exAnte = 0;
  for (let t = 0; t < S; t++) {
    const pt = pm[t];
    if (!(pt > 0)) continue;
    let s = 0;
    for (let i = 0; i < n; i++) s += X[t * n + i];
    if (!Number.isFinite(s)) throw new NonFiniteError(`deficit (sum of transfers) at profile [${space.profile(t).join(', ')}]`, s);
    if (wEPB) {
      b.cases++;
      if (s > b.worst) {
        b.worst = s;
        b.t = t;
      }
    }
    if (wEAB) exAnte += pt * s;
    if (wNPT) {
      for (let i = 0; i < n; i++) {
        np.cases++;
        const x = X[t * n + i];
        if (x > np.worst) {
          np.worst = x;
          np.i = i;
          np.t = t;
        }
      }
    }
  }
  return exAnte;
}

/**
 * The rows' consequences for ex post IC, DSIC (private values), ex post IR and
 * the interim sums, given row[l] = U_i(t; l, t_-i) for the true profile t.
 */
function useRow(w: Walk, row: Float64Array, i: number, own: number, T: number, t: number, sup: boolean, dsOn: boolean): void {
  const ut = row[own];
  if (sup && w.acc) {
    const weight = w.pm[t] / w.ownMarginal[i][own];
    if (weight !== 0) accumulateRow(w.acc[i], own * T, weight, row, T);
  }
  useGain(w, row, i, own, T, t, sup, dsOn, ut, T > 1 ? rowMaxGain(row, T, own, ut) : -Infinity);
}

/**
 * Given the row, its truthful utility `ut` and its largest gain `gmax`: ex post
 * IR, ex post IC and (private values) DSIC. Ties compare keys in the
 * reference's loop orders: ex post (t, i, lie), DSIC (i, r, lie), ex post IR (t, i).
 */
function useGain(
  w: Walk,
  row: Float64Array,
  i: number,
  own: number,
  T: number,
  t: number,
  sup: boolean,
  dsOn: boolean,
  ut: number,
  gmax: number,
): void {
  if (sup && w.wEPIR) {
    const shortfall = -ut;
    if (!Number.isFinite(shortfall)) throw w.utilityError(i, t, ut);
    const ir = w.ir;
    ir.cases++;
    if (shortfall > ir.worst || (shortfall === ir.worst && (t < ir.t || (t === ir.t && i < ir.i)))) {
      ir.worst = shortfall;
      ir.i = i;
      ir.t = t;
      ir.u = ut;
    }
  }
  const epOn = w.wEP && sup;
  if ((epOn || dsOn) && T > 1) {
    // the row's largest gain, the same number for ex post IC and (private values) DSIC
    if (gmax - gmax !== 0) throw w.gainError(i, t, t, firstNonFinite(row, T, own, ut), row, ut);
    if (epOn) {
      const ep = w.ep;
      ep.cases += T - 1;
      if (gmax > ep.worst || (gmax === ep.worst && (t < ep.t || (t === ep.t && i < ep.i)))) {
        const l = firstAttaining(row, T, own, ut, gmax);
        ep.worst = gmax;
        ep.i = i;
        ep.t = t;
        ep.l = l;
        ep.u = ut;
        ep.dev = row[l];
      }
    }
    if (dsOn) {
      const ds = w.ds;
      ds.cases += T - 1;
      if (gmax > ds.worst || (gmax === ds.worst && (i < ds.i || (i === ds.i && t < ds.r)))) {
        const l = firstAttaining(row, T, own, ut, gmax);
        ds.worst = gmax;
        ds.i = i;
        ds.r = t;
        ds.l = l;
        ds.u = ut;
        ds.dev = row[l];
      }
    }
  }
}

const NO_SUMS = new Float64Array(0);

/**
 * Private values and deterministic outcomes, fused: row[l] = xs[l] + vals[voff +
 * os[l]], added with `weight` into the interim sums a[aoff + l] (when weight is
 * not 0), and the largest gain over l != own returned (a non-finite number when
 * some gain is not finite: the gains lie between those of the largest and the
 * smallest utility; a sum of finite numbers is never NaN).
 */
function fusedPrivateRow(
  row: Float64Array,
  T: number,
  xs: Float64Array,
  os: Int32Array,
  vals: Float64Array,
  voff: number,
  own: number,
  a: Float64Array,
  aoff: number,
  weight: number,
): number {
  let mx = -Infinity;
  let mn = Infinity;
  if (weight !== 0) {
    for (let l = 0; l < T; l++) {
      const u = xs[l] + vals[voff + os[l]];
      row[l] = u;
      a[aoff + l] += weight * u;
      if (l !== own) {
        if (u > mx) mx = u;
        if (u < mn) mn = u;
      }
    }
  } else {
    for (let l = 0; l < T; l++) {
      const u = xs[l] + vals[voff + os[l]];
      row[l] = u;
      if (l !== own) {
        if (u > mx) mx = u;
        if (u < mn) mn = u;
      }
    }
  }
  if (T < 2) return -Infinity;
  const ut = row[own];
  const gmin = mn - ut;
  return gmin - gmin === 0 ? mx - ut : NaN;
}

/**
 * Private values: for each agent and each profile of the others' types (a
 * block of T_i profiles at stride strides[i]), the block's transfers and
 * outcomes are gathered once and the T_i x T_i utilities U_i(t_i; l, t_-i) =
 * x_i(l, t_-i) + v_i(o(l, t_-i), t_i) computed from them: T_i strided loads
 * per block instead of T_i^2.
 */
function privateWalk(w: Walk, V: Float64Array[]): void {
  const { S, n, C, counts, strides, pm, ownPositive, X, O, L, wDS, acc } = w;
  let maxT = 1;
  for (let i = 0; i < n; i++) maxT = Math.max(maxT, counts[i]);
  const row = new Float64Array(maxT);
  const xs = new Float64Array(maxT);
  const os = new Int32Array(maxT);
  const qs = new Float64Array(maxT * C);
  for (let i = 0; i < n; i++) {
    const T = counts[i];
    const s = strides[i];
    const span = T * s;
    const Vi = V[i];
    const pos = ownPositive[i];
    for (let hi = 0; hi < S; hi += span) {
      for (let lo = 0; lo < s; lo++) {
        const base = hi + lo;
        gather(base, s, T, i, n, C, X, O, L, xs, os, qs);
        for (let own = 0, t = base; own < T; own++, t += s) {
          const sup = pm[t] > 0;
          const dsOn = wDS && pos[own] === 1;
          if (!sup && !dsOn) continue;
          if (L === null) {
            const weight = sup && acc ? w.pm[t] / w.ownMarginal[i][own] : 0;
            const gmax = fusedPrivateRow(row, T, xs, os, Vi, own * C, own, acc ? acc[i] : NO_SUMS, own * T, weight);
            useGain(w, row, i, own, T, t, sup, dsOn, row[own], gmax);
          } else {
            blockRow(row, T, C, xs, os, qs, Vi, own * C);
            useRow(w, row, i, own, T, t, sup, dsOn);
          }
        }
      }
    }
  }
}

/** Gather a block's transfers of agent i, outcome indices and lotteries (when there are some). */
function gather(
  base: number,
  s: number,
  T: number,
  i: number,
  n: number,
  C: number,
  X: Float64Array,
  O: Int32Array,
  L: Float64Array | null,
  xs: Float64Array,
  os: Int32Array,
  qs: Float64Array,
): void {
  for (let l = 0, k = base; l < T; l++, k += s) {
    xs[l] = X[k * n + i];
    const o = O[k];
    os[l] = o;
    if (o < 0) for (let c = 0; c < C; c++) qs[l * C + c] = L![k * C + c];
  }
}

/** row[l] = xs[l] + sum_c q_l[c] vals[voff + c], with the reference's order of operations. */
function blockRow(
  row: Float64Array,
  T: number,
  C: number,
  xs: Float64Array,
  os: Int32Array,
  qs: Float64Array,
  vals: Float64Array,
  voff: number,
): void {
  for (let l = 0; l < T; l++) {
    let u = xs[l];
    const o = os[l];
    if (o >= 0) u += vals[voff + o];
    else {
      for (let c = 0; c < C; c++) {
        const p = qs[l * C + c];
        if (p !== 0) u += p * vals[voff + c];
      }
    }
    row[l] = u;
  }
}

/**
 * Interdependent values (or several states): vhat_i(c; t) depends on the whole
 * true profile, computed once per true profile t (in index order, its digits
 * kept by an odometer); DSIC then needs every profile of the others' reports.
 */
function generalWalk(w: Walk, wDS: boolean, prior: Environment['prior']): void {
  const { S, n, C, counts, strides, pm, ownPositive, X, O, L, value } = w;
  let maxT = 1;
  for (let i = 0; i < n; i++) maxT = Math.max(maxT, counts[i]);
  const row = new Float64Array(maxT);
  const row2 = new Float64Array(maxT);
  const vhat = new Float64Array(n * C);
  const post = new Float64Array(prior.states);
  const d = new Int32Array(n);
  const ds = w.ds;
  for (let t = 0; t < S; t++) {
    if (t > 0)
      for (let j = n - 1; j >= 0; j--)
        if (++d[j] < counts[j]) break;
        else d[j] = 0;
    const pt = pm[t];
    if (!(pt > 0)) continue;
    for (let th = 0; th < prior.states; th++) post[th] = prior.table[th * S + t] / pt;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < C; c++) {
        let v = 0;
        for (let th = 0; th < prior.states; th++) if (post[th] !== 0) v += post[th] * value(i, c, th, t);
        vhat[i * C + c] = v;
      }
    }
    for (let i = 0; i < n; i++) {
      const own = d[i];
      const T = counts[i];
      const s = strides[i];
      const base = t - own * s;
      if (L === null) fillRowDeterministic(row, base, s, T, i, n, X, O, vhat, i * C);
      else fillRow(row, base, s, T, i, n, X, O, L, C, vhat, i * C);
      useRow(w, row, i, own, T, t, true, false);
      if (wDS && T > 1 && ownPositive[i][own] === 1) {
        // every profile of the others' reports b (agent i's digit 0), utilities at the true profile t
        const span = T * s;
        for (let hi = 0; hi < S; hi += span) {
          for (let lo = 0; lo < s; lo++) {
            const b = hi + lo;
            if (L === null) fillRowDeterministic(row2, b, s, T, i, n, X, O, vhat, i * C);
            else fillRow(row2, b, s, T, i, n, X, O, L, C, vhat, i * C);
            const ut2 = row2[own];
            const r = b + own * s;
            const gmax = rowMaxGain(row2, T, own, ut2);
            if (gmax - gmax !== 0) throw w.gainError(i, t, r, firstNonFinite(row2, T, own, ut2), row2, ut2);
            ds.cases += T - 1;
            // reference order (i, r, t, lie); t only grows in this walk, so a tie goes to a smaller (i, r)
            if (gmax > ds.worst || (gmax === ds.worst && (i < ds.i || (i === ds.i && r < ds.r)))) {
              const l = firstAttaining(row2, T, own, ut2, gmax);
              ds.worst = gmax;
              ds.i = i;
              ds.r = r;
              ds.t = t;
              ds.l = l;
              ds.u = ut2;
              ds.dev = row2[l];
            }
          }
        }
      }
    }
  }
}

/** Compute the raw results of `concepts` for a tabulated mechanism, in one walk. */
export function runConcepts(
  env: Environment,
  table: MechanismTable,
  concepts: ReadonlySet<ConceptName>,
  opts: EngineOptions = {},
): RawResults {
  assertCheckWork(env, concepts, opts);
  const prior = env.prior;
  const space = prior.profiles;
  const S = space.size;
  const n = space.agents;
  const C = env.outcomes;
  const counts = Int32Array.from(space.counts);
  const strides = Float64Array.from(space.strides);
  const priv = env.privateValues === true;
  const wDS = concepts.has('dominantStrategyIC');
  const wII = concepts.has('interimIC');
  const wIIR = concepts.has('interimIR');
  const wEPB = concepts.has('exPostBudget');
  const wEAB = concepts.has('exAnteBudget');
  const wNPT = concepts.has('noPositiveTransfers');
  const w: Walk = {
    env,
    S,
    n,
    C,
    counts,
    strides,
    pm: prior.profileMarginal,
    ownMarginal: prior.ownMarginal,
    ownPositive: Array.from(counts, (T, i) => Uint8Array.from({ length: T }, (_, own) => (prior.ownMarginal[i][own] > 0 ? 1 : 0))),
    X: table.transfers,
    O: table.outcomeIndex,
    L: table.lotteries,
    wDS,
    wEP: concepts.has('exPostIC'),
    wEPIR: concepts.has('exPostIR'),
    acc: wII || wIIR ? Array.from(counts, (T) => new Float64Array(T * T)) : null,
    ds: new Worst(),
    ep: new Worst(),
    ir: new Worst(),
    value: (i, c, th, k) => {
      const v = env.value(i, c, th, k);
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InputError(
          `valuation of agent ${i}, outcome ${c}, state ${th}, profile [${space.profile(k).join(', ')}]`,
          `must be a finite number, got ${v}`,
        );
      }
      return v;
    },
    gainError: (i, t, r, l, row, ut) =>
      new NonFiniteError(
        `gain of agent ${i} from reporting ${l} (true profile [${space.profile(t).join(', ')}], reports [${space.profile(r).join(', ')}])`,
        row[l] - ut,
      ),
    utilityError: (i, t, ut) => new NonFiniteError(`utility of agent ${i} at profile [${space.profile(t).join(', ')}]`, ut),
  };

  const b = new Worst();
  const np = new Worst();
  const exAnte = wEPB || wEAB || wNPT ? budgetPass(w, wEPB, wEAB, wNPT, b, np, space) : 0;
  const needRows = wDS || w.wEP || wII || w.wEPIR || wIIR;
  if (needRows && priv) {
    // v_i(c, t_i) per agent, [own type * C + c], read at the profile (t_i, 0, ..., 0)
    const V = Array.from(counts, (T, i) => {
      const Vi = new Float64Array(T * C);
      for (let own = 0; own < T; own++) for (let c = 0; c < C; c++) Vi[own * C + c] = w.value(i, c, 0, own * strides[i]);
      return Vi;
    });
    privateWalk(w, V);
  } else if (needRows) generalWalk(w, wDS, prior);

  const out: RawResults = {};
  if (wDS) {
    const ds = w.ds;
    let witness: WitnessOf['dominantStrategyIC'] | null = null;
    if (ds.cases > 0) {
      const own = space.component(ds.r, ds.i);
      // with private values the true profile is the reported one when it has positive probability
      // (the others' true types do not matter), else the first of positive probability with the agent's type
      let trueT = ds.t;
      if (priv) {
        trueT = ds.r;
        if (!(w.pm[trueT] > 0)) for (trueT = 0; trueT < S; trueT++) if (w.pm[trueT] > 0 && space.component(trueT, ds.i) === own) break;
      }
      witness = {
        agent: ds.i,
        trueType: own,
        trueProfile: space.profile(trueT),
        reportedProfile: space.profile(ds.r),
        report: ds.l,
        truthfulUtility: ds.u,
        deviationUtility: ds.dev,
      };
    }
    out.dominantStrategyIC = { worst: ds.cases ? ds.worst : 0, witness, cases: ds.cases };
  }
  if (w.wEP) {
    const ep = w.ep;
    out.exPostIC = {
      worst: ep.cases ? ep.worst : 0,
      witness: ep.cases
        ? {
            agent: ep.i,
            trueType: space.component(ep.t, ep.i),
            trueProfile: space.profile(ep.t),
            report: ep.l,
            truthfulUtility: ep.u,
            deviationUtility: ep.dev,
          }
        : null,
      cases: ep.cases,
    };
  }
  if (w.acc) {
    let iiWorst = -Infinity,
      iiCases = 0;
    let iiW: WitnessOf['interimIC'] | null = null;
    let iirWorst = -Infinity,
      iirCases = 0;
    let iirW: WitnessOf['interimIR'] | null = null;
    for (let i = 0; i < n; i++) {
      const T = counts[i];
      const a = w.acc[i];
      for (let own = 0; own < T; own++) {
        if (!w.ownPositive[i][own]) continue;
        const truthful = a[own * T + own];
        if (!Number.isFinite(truthful)) throw new NonFiniteError(`expected utility of agent ${i} of type ${own}`, truthful);
        if (wII) {
          for (let l = 0; l < T; l++) {
            if (l === own) continue;
            const dev = a[own * T + l];
            const g = dev - truthful;
            if (g - g !== 0) throw new NonFiniteError(`expected gain of agent ${i} of type ${own} from reporting ${l}`, g);
            iiCases++;
            if (g > iiWorst) {
              iiWorst = g;
              iiW = { agent: i, trueType: own, report: l, truthfulUtility: truthful, deviationUtility: dev };
            }
          }
        }
        if (wIIR) {
          iirCases++;
          if (-truthful > iirWorst) {
            iirWorst = -truthful;
            iirW = { agent: i, trueType: own, truthfulUtility: truthful };
          }
        }
      }
    }
    if (wII) out.interimIC = { worst: iiCases ? iiWorst : 0, witness: iiW, cases: iiCases };
    if (wIIR) out.interimIR = { worst: iirCases ? iirWorst : 0, witness: iirW, cases: iirCases };
  }
  if (w.wEPIR) {
    const ir = w.ir;
    out.exPostIR = {
      worst: ir.cases ? ir.worst : 0,
      witness: ir.cases
        ? { agent: ir.i, trueType: space.component(ir.t, ir.i), profile: space.profile(ir.t), truthfulUtility: ir.u }
        : null,
      cases: ir.cases,
    };
  }
  if (wEPB) out.exPostBudget = { worst: b.cases ? b.worst : 0, witness: b.cases ? { profile: space.profile(b.t) } : null, cases: b.cases };
  if (wEAB) {
    if (!Number.isFinite(exAnte)) throw new NonFiniteError('expected deficit', exAnte);
    out.exAnteBudget = { worst: exAnte, witness: {}, cases: 1 };
  }
  if (wNPT)
    out.noPositiveTransfers = {
      worst: np.cases ? np.worst : 0,
      witness: np.cases ? { agent: np.i, profile: space.profile(np.t) } : null,
      cases: np.cases,
    };
  return out;
}
