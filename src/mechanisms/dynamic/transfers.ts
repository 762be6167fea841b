/**
 * Contingent transfers of the efficient dynamic mechanism (seed
 * 004_9d6e3cf19fe3eb52.txt, section 3 and appendix: Lemma A.4, Lemma A.3
 * conditions (i)-(ii), Theorem 3.1, Theorem 3.2, Corollary 3.3).
 *
 * Sign convention: a transfer is money paid TO the agent; the slides' payment
 * is p = -x. Lemma A.4's system -sum_{j!=i} u^j = delta E[p] therefore reads
 * delta E[x^i_{t+1} | a_t, theta_t] = sum_{j!=i} u^j(a_t, theta_t): the agent is
 * paid, in expectation, the others' flow utility.
 */
import { LPBuilder } from '../../solvers/lp/builder.ts';
import { solveLP } from '../../solvers/lp/solve.ts';
import { ruleAt, type EfficientPlan } from './allocation.ts';
import { pseudoInverse } from '../../solvers/pseudoInverse.ts';
import { hasFiniteHorizon, othersNextMarginal, othersTransitionMatrix, type DynamicEnvironment } from './environment.ts';

/**
 * x^i_{t+1}(theta'^{-i}, r^i_t; a_t, theta_t^{-i}) for one step t -> t+1:
 * table[i][a][o][report][o'] with o, o' indices in Theta^{-i}. Report-independent
 * ("VCG-type", Theorem 3.2) transfers repeat the same row for every report.
 */
export type TransferTable = number[][][][][];

export interface ContingentTransfers {
  stationary: boolean;
  /** steps[t-1]: the transfer paid in period t+1 for the step t -> t+1 (t = 1..T-1); one table when stationary */
  steps: TransferTable[];
}

export function transferAt(tr: ContingentTransfers, t: number): TransferTable {
  return tr.stationary ? tr.steps[0] : tr.steps[t - 1];
}

/**
 * How the last step T-1 -> T is treated in a finite horizon.
 * - 'asPrinted': the system of Lemma A.4 with the right-hand side
 *   sum_{j!=i} u^j(a_t, theta_t) at every step, as on the slides;
 * - 'internalizeLastPeriod': at t = T-1 the right-hand side also contains
 *   delta E[sum_{j!=i} u^j(a_T(theta_T), theta_T) | a, theta], the others'
 *   period-T utility, which no later transfer can pay (the induction of
 *   Lemma A.3's proof needs continuation = W_T - p_T at T).
 */
export type LastStep = 'asPrinted' | 'internalizeLastPeriod';

/**
 * The right-hand side of the transfer system for the step t -> t+1
 * (condition (i) of Lemma A.3 in the paid-to-agent convention), for agent i,
 * allocation a and profile s: delta E[x^i_{t+1} | a, s] must equal this.
 */
export function transferTarget(
  env: DynamicEnvironment,
  plan: EfficientPlan,
  lastStep: LastStep,
  t: number,
  i: number,
  a: number,
  s: number,
): number {
  let v = 0;
  for (let j = 0; j < env.agents; j++) if (j !== i) v += env.utility[j][a][s];
  if (lastStep === 'internalizeLastPeriod' && hasFiniteHorizon(env) && t === env.horizon - 1) {
    const aT = ruleAt(plan, env.horizon);
    const row = env.transition[a][s];
    let e = 0;
    for (let s2 = 0; s2 < row.length; s2++) {
      if (row[s2] === 0) continue;
      let others = 0;
      for (let j = 0; j < env.agents; j++) if (j !== i) others += env.utility[j][aT[s2]][s2];
      e += row[s2] * others;
    }
    v += env.discount * e;
  }
  return v;
}

/** The steps t (1-based) whose transfer tables differ: [1] stationary, else 1..T-1 (sharing tables that coincide). */
function stepKeys(env: DynamicEnvironment, lastStep: LastStep): { count: number; distinct: (t: number) => boolean } {
  if (!hasFiniteHorizon(env)) return { count: 1, distinct: (t) => t === 1 };
  const T = env.horizon;
  return { count: Math.max(0, T - 1), distinct: (t) => t === 1 || (lastStep === 'internalizeLastPeriod' && t === T - 1) };
}

/**
 * Build the transfer tables step by step: `block(t, i, a, o)` gives the rows
 * x[r][q] (own report r, others' next profile q) for agent i, allocation a and
 * the others' current profile o, or null to stop (no transfers exist there).
 * A step identical to the previous one (stepKeys) shares its table.
 */
function tabulateTransfers(
  env: DynamicEnvironment,
  lastStep: LastStep,
  block: (t: number, i: number, a: number, o: number) => number[][] | null,
): TransferTable[] | null {
  const { count, distinct } = stepKeys(env, lastStep);
  const steps: TransferTable[] = [];
  for (let t = 1; t <= count; t++) {
    if (!distinct(t)) {
      steps.push(steps[t - 2]);
      continue;
    }
    const table: TransferTable = [];
    for (let i = 0; i < env.agents; i++) {
      const perA: number[][][][] = [];
      for (let a = 0; a < env.actions; a++) {
        const perO: number[][][] = [];
        for (let o = 0; o < env.othersSpaces[i].size; o++) {
          const rows = block(t, i, a, o);
          if (rows === null) return null;
          perO.push(rows);
        }
        perA.push(perO);
      }
      table.push(perA);
    }
    steps.push(table);
  }
  return steps;
}

export interface LemmaA4Result {
  transfers: ContingentTransfers;
  /** largest |delta E[x | a, theta] - target(a, theta)| over steps, agents, allocations, profiles */
  residual: number;
  /** largest |x| */
  maxAbsTransfer: number;
}

/**
 * Lemma A.4: for each i, a and theta^{-i}, the report-independent transfer
 * vector over Theta^{-i}_{t+1} solving delta (M^{-i})^T x = u^{-i}, computed as
 * x = (1/delta) ((M^{-i})^T)^+ u^{-i} with mathjs `pinv`.
 *
 * Reading: the slides print x = (1/delta) (M^{-i})^+ u^{-i}, whose dimensions do
 * not match (M^+ is |Theta^i| x |Theta^{-i}| and u^{-i} has |Theta^i| entries);
 * the well-defined reading is the pseudo-inverse of the transpose, i.e. the
 * minimum-norm solution, exact when the columns of M are linearly independent
 * (Assumption 3). The pseudo-inverse is mathjs `pinv`, checked, with a spectral
 * fallback (see src/solvers/pseudoInverse.ts). `scale` (default 1/delta) exists for mutants.
 */
export function lemmaA4Transfers(
  env: DynamicEnvironment,
  plan: EfficientPlan,
  opts: { lastStep?: LastStep; scale?: number } = {},
): LemmaA4Result {
  const lastStep = opts.lastStep ?? 'asPrinted';
  const scale = opts.scale ?? 1 / env.discount;
  let residual = 0;
  let maxAbs = 0;
  const steps = tabulateTransfers(env, lastStep, (t, i, a, o) => {
    const k = env.signals[i];
    const M = othersTransitionMatrix(env, i, a, o);
    const Mt = M[0].map((_, c) => M.map((row) => row[c])); // k x m
    const target = env.fullIndex[i][o].map((s) => transferTarget(env, plan, lastStep, t, i, a, s));
    const P = pseudoInverse(Mt).inverse; // m x k
    const x = P.map((row) => scale * row.reduce((acc, v, c) => acc + v * target[c], 0));
    for (let c = 0; c < k; c++) {
      const lhs = env.discount * Mt[c].reduce((acc, v, r) => acc + v * x[r], 0);
      residual = Math.max(residual, Math.abs(lhs - target[c]));
    }
    for (const v of x) maxAbs = Math.max(maxAbs, Math.abs(v));
    return Array.from({ length: k }, () => x);
  })!;
  return { transfers: { stationary: !hasFiniteHorizon(env), steps }, residual, maxAbsTransfer: maxAbs };
}

export interface ReportDependentResult {
  /** false when some block's LP is infeasible (no transfers satisfy (i) and (ii) there) */
  feasible: boolean;
  transfers: ContingentTransfers | null;
  /** the first infeasible block: agent, allocation, others' profile, step */
  infeasibleAt?: { t: number; agent: number; action: number; others: number[] };
  /** largest |x| */
  maxAbsTransfer: number;
  /** number of LPs solved */
  lps: number;
}

/**
 * Theorem 3.1 (under Assumption 2 only): transfers x^i_{t+1}(theta'^{-i}, r^i; a,
 * theta^{-i}) that depend on the agent's own report, found per (i, a, theta^{-i})
 * by a certified LP:
 *   (i)  delta sum_{theta'^{-i}} x(theta'^{-i}, theta^i) mu^{-i}(theta'^{-i} | a, theta) = target(a, theta)   for every theta^i,
 *   (ii) E[x(., theta^i) | a, theta] >= E[x(., r) | a, theta]                                         for every theta^i, r,
 * minimising max |x| (so the LP is bounded). With `objective` (a function
 * giving integer weights per block), a second LP optimises that objective
 * over the same constraints within |x| <= 2 max|x|* + 1: any point satisfying
 * (i)-(ii), not only the smallest one (used to test Lemma A.3).
 * An LPCertificationError propagates: it is an error, never a verdict.
 */
export function reportDependentTransfers(
  env: DynamicEnvironment,
  plan: EfficientPlan,
  opts: {
    lastStep?: LastStep;
    objective?: (i: number, a: number, o: number, size: number) => number[];
    /** false drops condition (ii) (for mutants) */ conditionII?: boolean;
  } = {},
): ReportDependentResult {
  const lastStep = opts.lastStep ?? 'asPrinted';
  let maxAbs = 0;
  let lps = 0;
  let infeasibleAt: ReportDependentResult['infeasibleAt'];
  const steps = tabulateTransfers(env, lastStep, (t, i, a, o) => {
    const k = env.signals[i];
    const m = env.othersSpaces[i].size;
    const M = othersTransitionMatrix(env, i, a, o); // m x k
    const target = env.fullIndex[i][o].map((s) => transferTarget(env, plan, lastStep, t, i, a, s));
    const build = (objective: number[] | null, bound: number) => {
      const b = new LPBuilder(objective ? 'max' : 'min');
      const x = Array.from({ length: k }, (_, r) =>
        Array.from({ length: m }, (_, q) =>
          b.addVariable(`x_${r}_${q}`, {
            lower: objective ? -bound : -Infinity,
            upper: objective ? bound : Infinity,
            objective: objective ? objective[r * m + q] : 0,
          }),
        ),
      );
      const sVar = objective ? -1 : b.addVariable('s', { objective: 1 });
      for (let th = 0; th < k; th++) {
        b.eq(
          x[th].map((v, q) => [v, env.discount * M[q][th]] as const),
          target[th],
          `i_${th}`,
        );
        for (let r = 0; r < k; r++) {
          if (r === th || opts.conditionII === false) continue;
          b.ge([...x[th].map((v, q) => [v, M[q][th]] as const), ...x[r].map((v, q) => [v, -M[q][th]] as const)], 0, `ii_${th}_${r}`);
        }
      }
      if (sVar >= 0)
        for (const row of x)
          for (const v of row) {
            b.le(
              [
                [v, 1],
                [sVar, -1],
              ],
              0,
            );
            b.ge(
              [
                [v, 1],
                [sVar, 1],
              ],
              0,
            );
          }
      lps++;
      const sol = solveLP(b.build());
      return { sol, x };
    };
    const first = build(null, Infinity);
    if (first.sol.status !== 'optimal') {
      infeasibleAt = { t, agent: i, action: a, others: env.othersSpaces[i].profile(o) };
      return null;
    }
    let chosen = first;
    if (opts.objective) {
      const bound = 2 * first.sol.objective + 1;
      const second = build(opts.objective(i, a, o, k * m), bound);
      if (second.sol.status === 'optimal') chosen = second;
    }
    const rows = chosen.x.map((row) => row.map((v) => chosen.sol.x[v]));
    for (const row of rows) for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v));
    return rows;
  });
  if (steps === null) return { feasible: false, transfers: null, infeasibleAt, maxAbsTransfer: maxAbs, lps };
  return { feasible: true, transfers: { stationary: !hasFiniteHorizon(env), steps }, maxAbsTransfer: maxAbs, lps };
}

export interface ConditionResiduals {
  /** condition (i): largest |delta E[x(., theta^i) | a, theta] - target| */
  conditionI: number;
  /** condition (ii): largest E[x(., r) | a, theta] - E[x(., theta^i) | a, theta] (positive = violated) */
  conditionII: number;
}

/** Lemma A.3 conditions (i) and (ii) evaluated for given transfers (every step, agent, allocation, profile, report). */
export function lemmaA3Conditions(
  env: DynamicEnvironment,
  plan: EfficientPlan,
  tr: ContingentTransfers,
  lastStep: LastStep = 'asPrinted',
): ConditionResiduals {
  let c1 = 0;
  let c2 = -Infinity;
  const count = tr.stationary ? 1 : tr.steps.length;
  for (let t = 1; t <= count; t++) {
    const table = transferAt(tr, t);
    for (let i = 0; i < env.agents; i++) {
      for (let a = 0; a < env.actions; a++) {
        for (let s = 0; s < env.space.size; s++) {
          const mu = othersNextMarginal(env, i, a, s);
          const o = env.others[i][s];
          const own = env.space.component(s, i);
          const ex = table[i][a][o].map((row) => row.reduce((acc, v, q) => acc + v * mu[q], 0));
          c1 = Math.max(c1, Math.abs(env.discount * ex[own] - transferTarget(env, plan, lastStep, t, i, a, s)));
          for (let r = 0; r < ex.length; r++) if (r !== own) c2 = Math.max(c2, ex[r] - ex[own]);
        }
      }
    }
  }
  return { conditionI: c1, conditionII: c2 === -Infinity ? 0 : c2 };
}

/** Multiply every transfer by `factor` (mutants). */
export function scaleTransfers(tr: ContingentTransfers, factor: number): ContingentTransfers {
  return {
    stationary: tr.stationary,
    steps: tr.steps.map((t) => t.map((a) => a.map((o) => o.map((r) => r.map((row) => row.map((v) => v * factor)))))),
  };
}

export interface ReportIndependentFeasibility {
  /** true when report-independent transfers making period 1 IC exist for every agent */
  feasible: boolean;
  /** the first (agent, others' profile) whose LP is infeasible */
  infeasibleAt?: { agent: number; others: number[] };
  lps: number;
}

/**
 * Corollary 3.3 as stated (seed 004_9d6e3cf19fe3eb52.txt, section 3) for T = 2:
 * do report-independent transfers x^i_2(theta_2^{-i}; a_1, theta_1^{-i}) exist
 * that make period 1 ex post IC (period 2 has the constant allocation, so it is
 * IC whatever the transfers)? The incentive constraints are linear in the
 * transfers and separate over (i, theta_1^{-i}); each block is a certified
 * feasibility LP (infeasibility certified by the agreement of both backends).
 */
export function reportIndependentTwoPeriodFeasible(env: DynamicEnvironment, plan: EfficientPlan): ReportIndependentFeasibility {
  if (env.horizon !== 2 || env.lastAction === undefined)
    throw new RangeError('reportIndependentTwoPeriodFeasible: T = 2 with a constant last allocation');
  const rule = ruleAt(plan, 1);
  const last = env.lastAction;
  const d = env.discount;
  let lps = 0;
  for (let i = 0; i < env.agents; i++) {
    const m = env.othersSpaces[i].size;
    const ownNext = (a: number, s: number) => env.transition[a][s].reduce((acc, p, s2) => acc + p * env.utility[i][last][s2], 0);
    for (let o = 0; o < m; o++) {
      const b = new LPBuilder('min');
      const x = Array.from({ length: env.actions }, (_, a) =>
        Array.from({ length: m }, (_, q) => b.addVariable(`x_${a}_${q}`, { lower: -Infinity })),
      );
      let rows = 0;
      for (const s of env.fullIndex[i][o]) {
        const aStar = rule[s];
        const muStar = othersNextMarginal(env, i, aStar, s);
        for (let r = 0; r < env.signals[i]; r++) {
          const aDev = rule[env.space.replace(s, i, r)];
          if (aDev === aStar) continue;
          const muDev = othersNextMarginal(env, i, aDev, s);
          const rhs = env.utility[i][aDev][s] - env.utility[i][aStar][s] + d * (ownNext(aDev, s) - ownNext(aStar, s));
          b.ge([...x[aStar].map((v, q) => [v, d * muStar[q]] as const), ...x[aDev].map((v, q) => [v, -d * muDev[q]] as const)], rhs);
          rows++;
        }
      }
      if (rows === 0) continue;
      lps++;
      const sol = solveLP(b.build());
      if (sol.status === 'infeasible') return { feasible: false, infeasibleAt: { agent: i, others: env.othersSpaces[i].profile(o) }, lps };
    }
  }
  return { feasible: true, lps };
}
