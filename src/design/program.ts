/**
 * The automated-mechanism-design LP (Conitzer and Sandholm, "Complexity of
 * mechanism design", UAI 2002, for randomized mechanisms with payments): over
 * all randomized direct mechanisms with free transfers,
 *
 *   variables  q(t, c) >= 0 (probability of outcome c at reported profile t),
 *              x_i(t) free  (money paid TO agent i at t),
 *   rows       sum_c q(t, c) = 1 at every profile, and the imposed constraints,
 *   objective  sum_t P(t) [ sum_i w_i (sum_c q(t, c) vhat_i(c; t) + x_i(t)) - r sum_i x_i(t) ]   (max).
 *
 * Each imposed constraint becomes the rows that make `check`'s concept hold
 * with zero violation, over exactly the cases `check` evaluates
 * (src/concepts: `dominantStrategyIC`, `exPostIC`, `interimIC`, `exPostIR`,
 * `interimIR`, `exPostBudget`, `exAnteBudget`, `noPositiveTransfers`); see
 * each family below. The LP is sparse: terms with a zero coefficient are left
 * out (a bidder values one outcome of an auction), and for an agent with
 * private values whose belief about the others does not depend on its own
 * type (independent types), interim utilities go through auxiliary variables
 *   A_i(r, c) = sum_{t_-i} P(t_-i) q((r, t_-i), c),  X_i(r) = sum_{t_-i} P(t_-i) x_i(r, t_-i),
 * so that an interim IC row has 2(C + 1) terms instead of 2 |T_-i| (C + 1).
 *
 * Built over any ordered field (floating point, or exact rationals for
 * `--exact`): the same code gives both LPs. The build stops with a LimitError
 * as soon as the LP has more nonzeros than allowed (before HiGHS sees it).
 */
import { LimitError } from '../core/limits.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../core/tolerance.ts';
import type { Field } from '../mechanisms/bilateralTrade/field.ts';
import type { LinearProgram } from '../solvers/lp/types.ts';
import type { DesignConstraint } from './constraints.ts';
import { othersGivenOwn, vhatAt, type DesignData } from './designData.ts';
import { objectiveWeights, type DesignObjective } from './objective.ts';

/** Which constraint (or bookkeeping) a row belongs to, and its case. */
export interface RowTag {
  family: DesignConstraint | 'lottery' | 'interimDefinition';
  agent?: number;
  /** own (true) type, for interim rows */
  type?: number;
  /** the misreport */
  report?: number;
  /** the profile (the true profile for ex post rows, the reported profile for DSIC rows) */
  profile?: number;
  /** DSIC with interdependent values: the true profile */
  trueProfile?: number;
  /** interim definitions: the outcome (absent for the transfer definition) */
  outcome?: number;
}

/** What a variable is. */
export type ColumnTag =
  | { kind: 'q'; profile: number; outcome: number }
  | { kind: 'x'; profile: number; agent: number }
  | { kind: 'A'; agent: number; report: number; outcome: number }
  | { kind: 'X'; agent: number; report: number };

/** An LP over a field: coefficients in T, bounds and right-hand sides plain numbers (0, 1, +-Infinity). */
export interface GenericLP<T> {
  sense: 'max';
  objective: T[];
  rows: { indices: number[]; values: T[]; lower: number; upper: number }[];
  lower: number[];
  upper: number[];
}

/** What to optimise under which constraints. */
export interface DesignSpec {
  objective: DesignObjective;
  constraints: readonly DesignConstraint[];
}

/** The design LP with the meaning of each row and column. */
export interface DesignProgram<T> {
  lp: GenericLP<T>;
  rowTags: RowTag[];
  columns: ColumnTag[];
  /** index of q(t, c) */
  q(profile: number, outcome: number): number;
  /** index of x_i(t) */
  x(profile: number, agent: number): number;
  /** the welfare-maximising outcomes per profile (only when `efficient` is imposed; null at profiles of probability 0) */
  efficientOutcomes?: (number[] | null)[];
  /** agents whose interim rows use auxiliary variables */
  interimByAuxiliary: boolean[];
}

/** Outcomes maximising sum_i vhat_i(c; t) at a profile (ties within DEFAULT_TOLERANCE in floating point, exact otherwise). */
export function efficientOutcomesAt<T>(d: DesignData<T>, k: number): number[] {
  const F = d.F;
  const W: T[] = [];
  for (let c = 0; c < d.outcomes; c++) {
    let w = F.zero;
    for (let i = 0; i < d.agents; i++) w = F.add(w, vhatAt(d, i, k, c));
    W.push(w);
  }
  let best = W[0];
  for (const w of W) if (F.cmp(w, best) > 0) best = w;
  const tie = F.name === 'exact' ? F.zero : F.of(DEFAULT_TOLERANCE);
  return W.flatMap((w, c) => (F.cmp(F.add(w, tie), best) >= 0 ? [c] : []));
}

/**
 * Whether agent i's belief P(t_-i | t_i) is the same for every own type of
 * positive probability (exactly in exact arithmetic; within 1e-12 relative in
 * floating point, where products of marginals differ in the last bits).
 */
function beliefIndependentOfOwnType<T>(d: DesignData<T>, i: number): boolean {
  const F = d.F;
  const space = d.space;
  const others = space.without(i);
  const ref: (T | null)[] = new Array(others.size).fill(null);
  let refType = -1;
  for (let own = 0; own < space.counts[i]; own++) {
    if (!(F.cmp(d.ownProb[i][own], F.zero) > 0)) continue;
    const belief: T[] = new Array<T>(others.size).fill(F.zero);
    for (let k = 0; k < space.size; k++) if (space.component(k, i) === own) belief[space.othersIndex(k, i)] = othersGivenOwn(d, i, k);
    if (refType < 0) {
      refType = own;
      belief.forEach((b, j) => (ref[j] = b));
      continue;
    }
    for (let j = 0; j < others.size; j++) {
      const a = F.toNumber(belief[j]);
      const b = F.toNumber(ref[j] as T);
      if (F.name === 'exact' ? F.cmp(belief[j], ref[j] as T) !== 0 : Math.abs(a - b) > TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)))
        return false;
    }
  }
  return true;
}

class Builder<T> {
  nonzeros = 0;
  readonly objective: T[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly columns: ColumnTag[] = [];
  readonly rows: GenericLP<T>['rows'] = [];
  readonly tags: RowTag[] = [];
  constructor(
    readonly F: Field<T>,
    readonly maxNonzeros: number,
  ) {}

  column(tag: ColumnTag, lower: number, upper: number): number {
    this.columns.push(tag);
    this.objective.push(this.F.zero);
    this.lower.push(lower);
    this.upper.push(upper);
    return this.columns.length - 1;
  }

  /** Add a row from terms (repeated indices summed, zeros dropped). */
  row(tag: RowTag, terms: Array<[number, T]>, lower: number, upper: number): void {
    const F = this.F;
    const acc = new Map<number, T>();
    for (const [j, a] of terms) {
      const prev = acc.get(j);
      acc.set(j, prev === undefined ? a : F.add(prev, a));
    }
    const indices: number[] = [];
    const values: T[] = [];
    for (const [j, a] of acc) {
      if (F.cmp(a, F.zero) === 0) continue;
      indices.push(j);
      values.push(a);
    }
    this.nonzeros += indices.length;
    if (this.nonzeros > this.maxNonzeros)
      throw new LimitError(
        'design',
        "the design LP's size (nonzeros, counted while building it)",
        this.nonzeros,
        this.maxNonzeros,
        '--max-nonzeros',
      );
    this.rows.push({ indices, values, lower, upper });
    this.tags.push(tag);
  }
}

/**
 * Build the design LP. `efficient` fixes q(t, c) = 0 for the outcomes that do
 * not maximise welfare at t (upper bound 0), so its rows are variable bounds.
 */
export function buildDesignProgram<T>(d: DesignData<T>, spec: DesignSpec, opts: { maxNonzeros?: number } = {}): DesignProgram<T> {
  const F = d.F;
  const space = d.space;
  const S = space.size;
  const n = d.agents;
  const C = d.outcomes;
  const imposed = new Set(spec.constraints);
  const B = new Builder(F, opts.maxNonzeros ?? Infinity);
  const efficient = imposed.has('efficient')
    ? Array.from({ length: S }, (_, k) => (d.supported[k] ? efficientOutcomesAt(d, k) : null))
    : undefined;

  // variables: q(t, c) then x_i(t)
  for (let k = 0; k < S; k++) {
    const allowed = efficient?.[k] ? new Set(efficient[k]) : null;
    for (let c = 0; c < C; c++) B.column({ kind: 'q', profile: k, outcome: c }, 0, allowed && !allowed.has(c) ? 0 : Infinity);
  }
  const xBase = S * C;
  for (let k = 0; k < S; k++) for (let i = 0; i < n; i++) B.column({ kind: 'x', profile: k, agent: i }, -Infinity, Infinity);
  const q = (k: number, c: number) => k * C + c;
  const x = (k: number, i: number) => xBase + k * n + i;
  const neg = (a: T) => F.sub(F.zero, a);

  // objective
  const { agentWeights, revenueWeight } = objectiveWeights(spec.objective, n);
  const w = agentWeights.map((v) => F.of(v));
  const r = F.of(revenueWeight);
  for (let k = 0; k < S; k++) {
    const p = d.profileProb[k];
    if (!(F.cmp(p, F.zero) > 0)) continue;
    for (let c = 0; c < C; c++) {
      let s = F.zero;
      for (let i = 0; i < n; i++) if (agentWeights[i] !== 0) s = F.add(s, F.mul(w[i], vhatAt(d, i, k, c)));
      B.objective[q(k, c)] = F.mul(p, s);
    }
    for (let i = 0; i < n; i++) B.objective[x(k, i)] = F.mul(p, F.sub(w[i], r));
  }

  // U_i(true t; reported k) = sum_c q(k, c) vhat_i(c; t) + x_i(k), times a weight, as terms
  const utility = (i: number, t: number, k: number, weight: T, out: Array<[number, T]>) => {
    for (let c = 0; c < C; c++) {
      const v = vhatAt(d, i, t, c);
      if (F.cmp(v, F.zero) !== 0) out.push([q(k, c), F.mul(weight, v)]);
    }
    out.push([x(k, i), weight]);
  };
  const one = F.one;
  const minusOne = neg(F.one);

  // every reported profile gets a lottery
  for (let k = 0; k < S; k++) {
    const terms: Array<[number, T]> = [];
    for (let c = 0; c < C; c++) terms.push([q(k, c), one]);
    B.row({ family: 'lottery', profile: k }, terms, 1, 1);
  }

  // noPositiveTransfers (budget): x_i(t) <= 0 at every true profile
  if (imposed.has('noPositiveTransfers'))
    for (let k = 0; k < S; k++)
      if (d.supported[k])
        for (let i = 0; i < n; i++) B.row({ family: 'noPositiveTransfers', profile: k, agent: i }, [[x(k, i), one]], -Infinity, 0);
  // exPostBudget: sum_i x_i(t) <= 0 at every true profile; exPostBudgetBalance: = 0
  for (const fam of ['exPostBudget', 'exPostBudgetBalance'] as const) {
    if (!imposed.has(fam)) continue;
    for (let k = 0; k < S; k++) {
      if (!d.supported[k]) continue;
      const terms: Array<[number, T]> = [];
      for (let i = 0; i < n; i++) terms.push([x(k, i), one]);
      B.row({ family: fam, profile: k }, terms, fam === 'exPostBudget' ? -Infinity : 0, 0);
    }
  }
  // exAnteBudget: sum_{t: P(t) > 0} P(t) sum_i x_i(t) <= 0
  if (imposed.has('exAnteBudget')) {
    const terms: Array<[number, T]> = [];
    for (let k = 0; k < S; k++)
      if (F.cmp(d.profileProb[k], F.zero) > 0) for (let i = 0; i < n; i++) terms.push([x(k, i), d.profileProb[k]]);
    B.row({ family: 'exAnteBudget' }, terms, -Infinity, 0);
  }
  // exPostIR: U_i(t; t) >= 0 at every true profile
  if (imposed.has('exPostIR')) {
    for (let k = 0; k < S; k++) {
      if (!d.supported[k]) continue;
      for (let i = 0; i < n; i++) {
        const terms: Array<[number, T]> = [];
        utility(i, k, k, one, terms);
        B.row({ family: 'exPostIR', profile: k, agent: i }, terms, 0, Infinity);
      }
    }
  }
  // exPostIC: U_i(t; t_-i, lie) - U_i(t; t) <= 0 at every true profile t, the others truthful
  // dominantStrategyIC: U_i(t; r_-i, lie) - U_i(t; r_-i, t_i) <= 0 for every true profile t and every
  // profile r_-i of the others' reports. With private values (read off the table) the others' true types
  // do not matter: one row per agent, reported profile r with P(r_i) > 0, and lie, the values at a true
  // profile with the same own type (check's cases: README "Definitions").
  const privateAll = d.privateValues.every((p) => p);
  const icRow = (family: 'exPostIC' | 'dominantStrategyIC', i: number, t: number, r: number, lie: number) => {
    const terms: Array<[number, T]> = [];
    utility(i, t, space.replace(r, i, lie), one, terms);
    utility(i, t, r, minusOne, terms);
    B.row({ family, profile: r, agent: i, report: lie, ...(t !== r ? { trueProfile: t } : {}) }, terms, -Infinity, 0);
  };
  const dsic = imposed.has('dominantStrategyIC');
  if (dsic) {
    for (let i = 0; i < n; i++) {
      // the first true profile with each own type
      const firstTrue = new Array<number>(space.counts[i]).fill(-1);
      for (let t = S - 1; t >= 0; t--) if (d.supported[t]) firstTrue[space.component(t, i)] = t;
      for (let r = 0; r < S; r++) {
        const own = space.component(r, i);
        if (firstTrue[own] < 0) continue;
        const trueProfiles = privateAll
          ? [d.supported[r] ? r : firstTrue[own]]
          : Array.from({ length: S }, (_, t) => t).filter((t) => d.supported[t] && space.component(t, i) === own);
        for (const t of trueProfiles)
          for (let lie = 0; lie < space.counts[i]; lie++) if (lie !== own) icRow('dominantStrategyIC', i, t, r, lie);
      }
    }
  }
  // ex post IC's rows are among DSIC's (r = t): not repeated when DSIC is imposed
  if (imposed.has('exPostIC') && !dsic) {
    for (let t = 0; t < S; t++) {
      if (!d.supported[t]) continue;
      for (let i = 0; i < n; i++)
        for (let lie = 0; lie < space.counts[i]; lie++) if (lie !== space.component(t, i)) icRow('exPostIC', i, t, t, lie);
    }
  }

  // interim rows (incentiveCompatibility.ts interimIC, individualRationality.ts interimIR)
  const interimIC = imposed.has('interimIC');
  const interimIR = imposed.has('interimIR');
  const byAux = Array.from({ length: n }, (_, i) => (interimIC || interimIR) && d.privateValues[i] && beliefIndependentOfOwnType(d, i));
  for (let i = 0; i < n; i++) {
    if (!interimIC && !interimIR) break;
    const Ti = space.counts[i];
    const ownTypes = Array.from({ length: Ti }, (_, t) => t).filter((t) => F.cmp(d.ownProb[i][t], F.zero) > 0);
    if (byAux[i]) {
      // a common belief beta(t_-i) = P(t_-i | t_i) read at a reference own type; values vhat_i(c; own) at a true profile
      const ref = ownTypes[0];
      if (ref === undefined) continue;
      const beta = new Map<number, T>(); // others index -> belief
      for (let k = 0; k < S; k++) if (space.component(k, i) === ref) beta.set(space.othersIndex(k, i), othersGivenOwn(d, i, k));
      const valueOf = (own: number, c: number): T => {
        for (let k = 0; k < S; k++) if (space.component(k, i) === own && d.supported[k]) return vhatAt(d, i, k, c);
        return F.zero;
      };
      const usedOutcomes = Array.from({ length: C }, (_, c) => c).filter((c) => ownTypes.some((o) => F.cmp(valueOf(o, c), F.zero) !== 0));
      const A = new Map<string, number>();
      const X: number[] = [];
      for (let rep = 0; rep < Ti; rep++) {
        for (const c of usedOutcomes) {
          const j = B.column({ kind: 'A', agent: i, report: rep, outcome: c }, -Infinity, Infinity);
          A.set(`${rep}:${c}`, j);
          const terms: Array<[number, T]> = [[j, minusOne]];
          for (let k = 0; k < S; k++) {
            if (space.component(k, i) !== rep) continue;
            const b = beta.get(space.othersIndex(k, i))!;
            if (F.cmp(b, F.zero) !== 0) terms.push([q(k, c), b]);
          }
          B.row({ family: 'interimDefinition', agent: i, report: rep, outcome: c }, terms, 0, 0);
        }
        const jx = B.column({ kind: 'X', agent: i, report: rep }, -Infinity, Infinity);
        X.push(jx);
        const terms: Array<[number, T]> = [[jx, minusOne]];
        for (let k = 0; k < S; k++) {
          if (space.component(k, i) !== rep) continue;
          const b = beta.get(space.othersIndex(k, i))!;
          if (F.cmp(b, F.zero) !== 0) terms.push([x(k, i), b]);
        }
        B.row({ family: 'interimDefinition', agent: i, report: rep }, terms, 0, 0);
      }
      const interimU = (own: number, rep: number, weight: T, out: Array<[number, T]>) => {
        for (const c of usedOutcomes) {
          const v = valueOf(own, c);
          if (F.cmp(v, F.zero) !== 0) out.push([A.get(`${rep}:${c}`)!, F.mul(weight, v)]);
        }
        out.push([X[rep], weight]);
      };
      for (const own of ownTypes) {
        if (interimIC) {
          for (let lie = 0; lie < Ti; lie++) {
            if (lie === own) continue;
            const terms: Array<[number, T]> = [];
            interimU(own, lie, one, terms);
            interimU(own, own, minusOne, terms);
            B.row({ family: 'interimIC', agent: i, type: own, report: lie }, terms, -Infinity, 0);
          }
        }
        if (interimIR) {
          const terms: Array<[number, T]> = [];
          interimU(own, own, one, terms);
          B.row({ family: 'interimIR', agent: i, type: own }, terms, 0, Infinity);
        }
      }
    } else {
      for (const own of ownTypes) {
        const profiles: number[] = [];
        for (let k = 0; k < S; k++) if (space.component(k, i) === own && F.cmp(othersGivenOwn(d, i, k), F.zero) > 0) profiles.push(k);
        if (interimIC) {
          for (let lie = 0; lie < Ti; lie++) {
            if (lie === own) continue;
            const terms: Array<[number, T]> = [];
            for (const k of profiles) {
              const wk = othersGivenOwn(d, i, k);
              utility(i, k, space.replace(k, i, lie), wk, terms);
              utility(i, k, k, neg(wk), terms);
            }
            B.row({ family: 'interimIC', agent: i, type: own, report: lie }, terms, -Infinity, 0);
          }
        }
        if (interimIR) {
          const terms: Array<[number, T]> = [];
          for (const k of profiles) utility(i, k, k, othersGivenOwn(d, i, k), terms);
          B.row({ family: 'interimIR', agent: i, type: own }, terms, 0, Infinity);
        }
      }
    }
  }

  return {
    lp: { sense: 'max', objective: B.objective, rows: B.rows, lower: B.lower, upper: B.upper },
    rowTags: B.tags,
    columns: B.columns,
    q,
    x,
    efficientOutcomes: efficient,
    interimByAuxiliary: byAux,
  };
}

/** The floating-point LP of a generic one. */
export function toFloatLP<T>(lp: GenericLP<T>, F: Field<T>): LinearProgram {
  return {
    sense: lp.sense,
    objective: lp.objective.map((v) => F.toNumber(v)),
    rows: lp.rows.map((r) => ({ indices: r.indices, values: r.values.map((v) => F.toNumber(v)), lower: r.lower, upper: r.upper })),
    lower: lp.lower,
    upper: lp.upper,
  };
}
