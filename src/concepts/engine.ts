/**
 * The checking engine: every requested concept computed in one walk over the
 * true profiles, from typed tables (README, "Definitions").
 *
 * For each true profile t (in index order, its digits kept by an odometer
 * instead of decoding the index per lookup) and each agent i, one row of
 * utilities over agent i's reports l, the others reporting t_-i:
 *   row[l] = U_i(t; l, t_-i) = x_i(l, t_-i) + sum_c q(l, t_-i)[c] vhat_i(c; t)
 * (reported profiles at stride `strides[i]`). That row gives
 *  - ex post IC: row[l] - row[t_i] (t with P(t) > 0);
 *  - with private values, DSIC too: the same numbers are DSIC's gains for the
 *    true type t_i against the others' reports t_-i, for every profile t whose
 *    own type has positive probability (whatever P(t), as t_-i are reports);
 *  - interim IC and IR: row[l] weighted by P(t_-i | t_i) is accumulated per own
 *    type (sum over t in index order, as the reference does);
 *  - ex post IR: -row[t_i].
 * The budget concepts read the transfers at t in the same walk. DSIC with
 * interdependent values (or several states) needs, for each true profile t,
 * every profile of the others' reports: a second loop inside the walk.
 *
 * Memory: the mechanism table (MechanismTable: transfers, outcome indices,
 * lotteries only when there are some), the per-agent private values
 * (types x outcomes) or vhat at the current profile, and agents x types^2
 * interim accumulators; nothing of size profiles x agents x outcomes.
 *
 * Results equal the reference implementation's (src/concepts/reference.ts):
 * the same floating-point operations in the same order, and the same witness
 * on ties (the first case in the reference's loop order; DSIC's order differs
 * from the walk's, so its ties compare keys). A gain, shortfall or deficit that
 * is not finite is a NonFiniteError naming the agent, profile and report.
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
 * bound computed from the sizes alone (before anything is allocated).
 */
export function checkWork(env: Environment, concepts: ReadonlySet<ConceptName>): number {
  const space = env.prior.profiles;
  const S = space.size;
  const n = space.agents;
  let sumT = 0;
  for (const T of space.counts) sumT += T;
  const rows = concepts.has('dominantStrategyIC') || concepts.has('exPostIC') || concepts.has('interimIC') || concepts.has('exPostIR') || concepts.has('interimIR');
  let work = S * n + (rows ? S * sumT : 0);
  if (concepts.has('dominantStrategyIC') && !env.privateValues) work += n * S * S;
  return work;
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
function fillRow(row: Float64Array, base: number, stride: number, T: number, i: number, n: number, X: Float64Array, O: Int32Array, L: Float64Array | null, C: number, vals: Float64Array, voff: number): void {
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

/** Compute the raw results of `concepts` for a tabulated mechanism, in one walk. */
export function runConcepts(env: Environment, table: MechanismTable, concepts: ReadonlySet<ConceptName>, opts: EngineOptions = {}): RawResults {
  assertCheckWork(env, concepts, opts);
  const prior = env.prior;
  const space = prior.profiles;
  const S = space.size;
  const n = space.agents;
  const C = env.outcomes;
  const counts = Int32Array.from(space.counts);
  const strides = Float64Array.from(space.strides);
  const pm = prior.profileMarginal;
  const ownMarginal = prior.ownMarginal;
  const X = table.transfers;
  const O = table.outcomeIndex;
  const L = table.lotteries;
  const priv = env.privateValues === true;

  const wDS = concepts.has('dominantStrategyIC');
  const wEP = concepts.has('exPostIC');
  const wII = concepts.has('interimIC');
  const wEPIR = concepts.has('exPostIR');
  const wIIR = concepts.has('interimIR');
  const wEPB = concepts.has('exPostBudget');
  const wEAB = concepts.has('exAnteBudget');
  const wNPT = concepts.has('noPositiveTransfers');
  const wBudget = wEPB || wEAB || wNPT;
  const needRows = wDS || wEP || wII || wEPIR || wIIR;
  const dsPrivate = wDS && priv;
  const dsGeneral = wDS && !priv;

  let maxT = 1;
  for (let i = 0; i < n; i++) maxT = Math.max(maxT, counts[i]);
  const row = new Float64Array(maxT);
  const row2 = new Float64Array(maxT);

  const value = (i: number, c: number, th: number, k: number): number => {
    const v = env.value(i, c, th, k);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InputError(`valuation of agent ${i}, outcome ${c}, state ${th}, profile [${space.profile(k).join(', ')}]`, `must be a finite number, got ${v}`);
    }
    return v;
  };

  // private values: v_i(c, t_i) per agent, [own type * C + c]
  const V: Float64Array[] = [];
  if (priv && needRows) {
    for (let i = 0; i < n; i++) {
      const Vi = new Float64Array(counts[i] * C);
      for (let own = 0; own < counts[i]; own++) for (let c = 0; c < C; c++) Vi[own * C + c] = value(i, c, 0, own * strides[i]);
      V.push(Vi);
    }
  }
  // interdependent values: vhat_i(c; t) at the current true profile, [i * C + c]
  const vhat = new Float64Array(priv ? 0 : n * C);
  const post = new Float64Array(prior.states);

  // DSIC with private values: the first true profile with each own type (the witness's trueProfile)
  const firstTrue: Int32Array[] = [];
  const ownPositive: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const pos = new Uint8Array(counts[i]);
    for (let own = 0; own < counts[i]; own++) pos[own] = ownMarginal[i][own] > 0 ? 1 : 0;
    ownPositive.push(pos);
  }
  if (dsPrivate) {
    for (let i = 0; i < n; i++) firstTrue.push(new Int32Array(counts[i]).fill(-1));
    const d = new Int32Array(n);
    for (let t = 0; t < S; t++) {
      if (t > 0) for (let j = n - 1; j >= 0; j--) if (++d[j] < counts[j]) break; else d[j] = 0;
      if (pm[t] > 0) for (let i = 0; i < n; i++) if (firstTrue[i][d[i]] < 0) firstTrue[i][d[i]] = t;
    }
  }

  const acc: Float64Array[] | null = wII || wIIR ? Array.from(counts, (T) => new Float64Array(T * T)) : null;

  // running worst cases (indices only; witnesses are built at the end)
  let dsWorst = -Infinity, dsCases = 0, dsI = -1, dsR = -1, dsT = -1, dsL = -1, dsU = 0, dsD = 0;
  let epWorst = -Infinity, epCases = 0, epI = -1, epT = -1, epL = -1, epU = 0, epD = 0;
  let irWorst = -Infinity, irCases = 0, irI = -1, irT = -1, irU = 0;
  let bWorst = -Infinity, bCases = 0, bT = -1;
  let npWorst = -Infinity, npCases = 0, npI = -1, npT = -1;
  let exAnte = 0;

  const gainError = (i: number, t: number, r: number, l: number, g: number): NonFiniteError =>
    new NonFiniteError(`gain of agent ${i} from reporting ${l} (true profile [${space.profile(t).join(', ')}], reports [${space.profile(r).join(', ')}])`, g);

  const d = new Int32Array(n);
  for (let t = 0; t < S; t++) {
    if (t > 0) for (let j = n - 1; j >= 0; j--) if (++d[j] < counts[j]) break; else d[j] = 0;
    const pt = pm[t];
    const sup = pt > 0;
    if (sup && wBudget) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[t * n + i];
      if (!Number.isFinite(s)) throw new NonFiniteError(`deficit (sum of transfers) at profile [${space.profile(t).join(', ')}]`, s);
      if (wEPB) {
        bCases++;
        if (s > bWorst) {
          bWorst = s;
          bT = t;
        }
      }
      if (wEAB) exAnte += pt * s;
      if (wNPT) {
        for (let i = 0; i < n; i++) {
          npCases++;
          const x = X[t * n + i];
          if (x > npWorst) {
            npWorst = x;
            npI = i;
            npT = t;
          }
        }
      }
    }
    if (!needRows || (!sup && !dsPrivate)) continue;
    if (!priv && sup) {
      for (let th = 0; th < prior.states; th++) post[th] = prior.table[th * S + t] / pt;
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < C; c++) {
          let v = 0;
          for (let th = 0; th < prior.states; th++) if (post[th] !== 0) v += post[th] * value(i, c, th, t);
          vhat[i * C + c] = v;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const own = d[i];
      const dsOn = dsPrivate && ownPositive[i][own] === 1;
      if (!sup && !dsOn) continue;
      const Ti = counts[i];
      const s = strides[i];
      const base = t - own * s;
      const vals = priv ? V[i] : vhat;
      const voff = priv ? own * C : i * C;
      fillRow(row, base, s, Ti, i, n, X, O, L, C, vals, voff);
      const ut = row[own];
      if (sup) {
        if (wEPIR) {
          const shortfall = -ut;
          if (!Number.isFinite(shortfall)) throw new NonFiniteError(`utility of agent ${i} at profile [${space.profile(t).join(', ')}]`, ut);
          irCases++;
          if (shortfall > irWorst) {
            irWorst = shortfall;
            irI = i;
            irT = t;
            irU = ut;
          }
        }
        if (acc) {
          const w = pt / ownMarginal[i][own];
          if (w !== 0) {
            const a = acc[i];
            const off = own * Ti;
            for (let l = 0; l < Ti; l++) a[off + l] += w * row[l];
          }
        }
      }
      const epOn = wEP && sup;
      if (epOn || dsOn) {
        for (let l = 0; l < Ti; l++) {
          if (l === own) continue;
          const g = row[l] - ut;
          if (g - g !== 0) throw gainError(i, t, t, l, g);
          if (epOn) {
            epCases++;
            if (g > epWorst) {
              epWorst = g;
              epI = i;
              epT = t;
              epL = l;
              epU = ut;
              epD = row[l];
            }
          }
          if (dsOn) {
            dsCases++;
            // reference order (i, r, lie): a later case in this walk wins a tie only with a smaller agent
            if (g > dsWorst || (g === dsWorst && i < dsI)) {
              dsWorst = g;
              dsI = i;
              dsR = t;
              dsL = l;
              dsU = ut;
              dsD = row[l];
            }
          }
        }
      }
      if (dsGeneral && sup) {
        // every profile of the others' reports b (agent i's digit 0), utilities at the true profile t
        const span = Ti * s;
        for (let hi = 0; hi < S; hi += span) {
          for (let lo = 0; lo < s; lo++) {
            const b = hi + lo;
            fillRow(row2, b, s, Ti, i, n, X, O, L, C, vhat, i * C);
            const ut2 = row2[own];
            const r = b + own * s;
            for (let l = 0; l < Ti; l++) {
              if (l === own) continue;
              const g = row2[l] - ut2;
              if (g - g !== 0) throw gainError(i, t, r, l, g);
              dsCases++;
              // reference order (i, r, t, lie); t only grows in this walk, so a tie goes to a smaller (i, r)
              if (g > dsWorst || (g === dsWorst && (i < dsI || (i === dsI && r < dsR)))) {
                dsWorst = g;
                dsI = i;
                dsR = r;
                dsT = t;
                dsL = l;
                dsU = ut2;
                dsD = row2[l];
              }
            }
          }
        }
      }
    }
  }

  const out: RawResults = {};
  if (wDS) {
    let witness: WitnessOf['dominantStrategyIC'] | null = null;
    if (dsCases > 0) {
      const own = space.component(dsR, dsI);
      const trueT = dsPrivate ? firstTrue[dsI][own] : dsT;
      witness = { agent: dsI, trueType: own, trueProfile: space.profile(trueT), reportedProfile: space.profile(dsR), report: dsL, truthfulUtility: dsU, deviationUtility: dsD };
    }
    out.dominantStrategyIC = { worst: dsCases ? dsWorst : 0, witness, cases: dsCases };
  }
  if (wEP) {
    out.exPostIC = {
      worst: epCases ? epWorst : 0,
      witness: epCases ? { agent: epI, trueType: space.component(epT, epI), trueProfile: space.profile(epT), report: epL, truthfulUtility: epU, deviationUtility: epD } : null,
      cases: epCases,
    };
  }
  if (acc) {
    let iiWorst = -Infinity, iiCases = 0;
    let iiW: WitnessOf['interimIC'] | null = null;
    let iirWorst = -Infinity, iirCases = 0;
    let iirW: WitnessOf['interimIR'] | null = null;
    for (let i = 0; i < n; i++) {
      const Ti = counts[i];
      const a = acc[i];
      for (let own = 0; own < Ti; own++) {
        if (!ownPositive[i][own]) continue;
        const truthful = a[own * Ti + own];
        if (!Number.isFinite(truthful)) throw new NonFiniteError(`expected utility of agent ${i} of type ${own}`, truthful);
        if (wII) {
          for (let l = 0; l < Ti; l++) {
            if (l === own) continue;
            const dev = a[own * Ti + l];
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
  if (wEPIR) {
    out.exPostIR = {
      worst: irCases ? irWorst : 0,
      witness: irCases ? { agent: irI, trueType: space.component(irT, irI), profile: space.profile(irT), truthfulUtility: irU } : null,
      cases: irCases,
    };
  }
  if (wEPB) out.exPostBudget = { worst: bCases ? bWorst : 0, witness: bCases ? { profile: space.profile(bT) } : null, cases: bCases };
  if (wEAB) {
    if (!Number.isFinite(exAnte)) throw new NonFiniteError('expected deficit', exAnte);
    out.exAnteBudget = { worst: exAnte, witness: {}, cases: 1 };
  }
  if (wNPT) out.noPositiveTransfers = { worst: npCases ? npWorst : 0, witness: npCases ? { agent: npI, profile: space.profile(npT) } : null, cases: npCases };
  return out;
}
