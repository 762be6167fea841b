/**
 * The linear program (12) of seed 002_db415cb54f560522.txt, section 4.2.3, over
 * tightly SLIC mechanisms, and its greedy solution (Remark 2, Theorem 1).
 *
 * Decision variables Z = {c^s, mu_0^s..mu_{N-1}^s, c^b, mu_0^b..mu_{N-1}^b}:
 * c^j is the payment to j's worst type, mu_m^j the probability that a type of j
 * with m good valuations trades a bad object when -j's valuation is good.
 * With rent_m^j = q^{-j} Delta^j (1 - F_BD(m, N, q^j)) (equation 10) and
 * surplus_m^j = S^j q^{-j} (N - m) f_BD(m, N, q^j) (equation 11, S^s = v_h^b - v_h^s,
 * S^b = v_l^b - v_l^s):
 *   NU^j = c^j + sum_m rent_m^j mu_m^j,
 *   NI   = N q^s q^b (v_h^b - v_l^s) + sum_j sum_m surplus_m^j mu_m^j,
 *   (12)  max alpha^s NU^s + alpha^b NU^b  s.t.  NU^s + NU^b - NI <= 0, c^j >= 0, 0 <= mu <= 1.
 * The cost-to-benefit ratio of mu_m^j is r = rho_m^j / alpha^j with
 * rho_m^j = 1 - (S^j / Delta^j) (N - m) f_BD / (1 - F_BD) (proof of Lemma 1), and
 * that of c^j is 1 / alpha^j.
 *
 * Note on equation (9): the paper prints sum_{k=0}^{m-1} mu_m^j; the sum is over mu_k^j
 * (as in equation 10 and the transfer formula after Theorem 1).
 */
import { binomialTable, logBinomialTable } from './binomial.ts';
import type { Field } from './field.ts';
import { AGENTS, badGoodSurplus, goodProbability, other, valuationGap, type Agent, type TradeParameters } from './model.ts';

export interface AgentCoefficients<T> {
  /** rent_m^j = q^{-j} Delta^j (1 - F_BD(m)): d NU^j / d mu_m^j, m = 0..N-1 */
  rent: T[];
  /** surplus_m^j = S^j q^{-j} (N - m) f_BD(m): d NI / d mu_m^j */
  surplus: T[];
  /** rent - surplus: d (NU^s + NU^b - NI) / d mu_m^j (b_m^j in the proof of Lemma 1) */
  netCost: T[];
  /** rho_m^j = netCost / rent = alpha^j r(mu_m^j): the cost-to-benefit ratio times alpha^j */
  rho: T[];
  /**
   * 1 - rho_m^j = (S^j/Delta^j) (N - m) f_BD / (1 - F_BD), kept separately: in floating
   * point rho rounds to exactly 1 when this is below 1e-16 (most m for N = 1000),
   * while the gain itself stays accurate; the greedy orders by it.
   */
  gain: T[];
  /** log of `gain` (floats only; finite even where `gain` underflows), a tie-breaker */
  logGain: number[];
}

export interface ProgramCoefficients<T> {
  field: Field<T>;
  params: TradeParameters<T>;
  N: number;
  /** N q^s q^b (v_h^b - v_l^s): the income from good-good trades */
  baseIncome: T;
  agents: Record<Agent, AgentCoefficients<T>>;
}

/** The coefficients of LP (12). Floats are computed in log space (safe for N = 1000). */
export function programCoefficients<T>(F: Field<T>, p: TradeParameters<T>): ProgramCoefficients<T> {
  const N = p.objects;
  const agents = {} as Record<Agent, AgentCoefficients<T>>;
  for (const j of AGENTS) {
    const qj = goodProbability(p, j);
    const qOther = goodProbability(p, other(j));
    const gap = valuationGap(F, p, j);
    const S = badGoodSurplus(F, p, j);
    const rent: T[] = [];
    const surplus: T[] = [];
    const netCost: T[] = [];
    const rho: T[] = [];
    const gain: T[] = [];
    const logGain: number[] = [];
    if (F.name === 'float') {
      const t = logBinomialTable(N, F.toNumber(qj));
      const qo = F.toNumber(qOther);
      const g = F.toNumber(gap);
      const s = F.toNumber(S);
      for (let m = 0; m < N; m++) {
        const r = qo * g * Math.exp(t.logUpperTail[m]);
        const u = s * qo * (N - m) * Math.exp(t.logPmf[m]);
        rent.push(r as T);
        surplus.push(u as T);
        netCost.push((r - u) as T);
        // rho = 1 - (S/Delta) (N-m) f / (1-F), in log space
        const lg = Math.log(s / g) + Math.log(N - m) + t.logPmf[m] - t.logUpperTail[m];
        logGain.push(lg);
        gain.push(Math.exp(lg) as T);
        rho.push((1 - Math.exp(lg)) as T);
      }
    } else {
      const t = binomialTable(F, N, qj);
      for (let m = 0; m < N; m++) {
        const r = F.mul(F.mul(qOther, gap), t.upperTail[m]);
        const u = F.mul(F.mul(S, qOther), F.mul(F.of(N - m), t.pmf[m]));
        rent.push(r);
        surplus.push(u);
        netCost.push(F.sub(r, u));
        rho.push(F.div(F.sub(r, u), r));
        gain.push(F.div(u, r));
        logGain.push(Math.log(F.toNumber(u)) - Math.log(F.toNumber(r)));
      }
    }
    agents[j] = { rent, surplus, netCost, rho, gain, logGain };
  }
  const baseIncome = F.mul(F.of(N), F.mul(F.mul(p.qSeller, p.qBuyer), F.sub(p.buyerHigh, p.sellerLow)));
  return { field: F, params: p, N, baseIncome, agents };
}

export interface ThresholdSolution<T> {
  alphaSeller: T;
  /** mu_m^j, m = 0..N-1 */
  mu: Record<Agent, T[]>;
  /** c^j, the fixed payment to j's worst type */
  fixed: Record<Agent, T>;
  /** NU^j: the ex ante (naive = true, by Proposition 3) utilities */
  utilities: Record<Agent, T>;
  /** NI: the expected gains from trade */
  income: T;
  weightedWelfare: T;
  /** NI - NU^s - NU^b (0 at an optimum) */
  budgetSlack: T;
  /** the variables that exhausted the budget (one, or two tied ones) */
  marginal: string[];
}

interface Item<T> {
  agent: Agent;
  /** m, or -1 for c^j */
  m: number;
  rho: T;
  /** 1 - rho */
  gain: T;
  logGain: number;
  cost: T;
}

/** Per-agent variables with positive cost, sorted by rho (independent of the weights). */
interface PreparedProgram<T> {
  coef: ProgramCoefficients<T>;
  sorted: Record<Agent, Item<T>[]>;
  /** mu's with cost <= 0: always set to 1 (Remark 2) */
  free: Record<Agent, number[]>;
}

export function prepareProgram<T>(coef: ProgramCoefficients<T>): PreparedProgram<T> {
  const F = coef.field;
  const sorted = {} as Record<Agent, Item<T>[]>;
  const free = {} as Record<Agent, number[]>;
  for (const j of AGENTS) {
    const a = coef.agents[j];
    const items: Item<T>[] = [];
    free[j] = [];
    for (let m = 0; m < coef.N; m++) {
      if (F.cmp(a.netCost[m], F.zero) <= 0) free[j].push(m);
      else items.push({ agent: j, m, rho: a.rho[m], gain: a.gain[m], logGain: a.logGain[m], cost: a.netCost[m] });
    }
    items.push({ agent: j, m: -1, rho: F.one, gain: F.zero, logGain: -Infinity, cost: F.one });
    // ascending rho = descending gain (then log gain, where the float gain underflows); c last
    items.sort((x, y) => F.cmp(y.gain, x.gain) || (x.m === -1 ? 1 : y.m === -1 ? -1 : y.logGain - x.logGain || y.m - x.m));
    sorted[j] = items;
  }
  return { coef, sorted, free };
}

export const variableName = (it: { agent: Agent; m: number }): string =>
  it.m === -1 ? `c^${it.agent === 'seller' ? 's' : 'b'}` : `mu_${it.m}^${it.agent === 'seller' ? 's' : 'b'}`;

/**
 * Remark 2's greedy construction: set every mu with a non-positive cost to 1,
 * then the variables in increasing order of cost-to-benefit ratio to their
 * upper bound until the budget is exhausted; the last one gets sigma (or the
 * remaining budget, for a c). Tied variables (footnote 17) share: tied mu's
 * get the same probability sigma, tied c's split the remaining budget equally.
 */
export function greedySolution<T>(prep: PreparedProgram<T>, alphaSeller: T): ThresholdSolution<T> {
  const { coef } = prep;
  const F = coef.field;
  const N = coef.N;
  const alpha: Record<Agent, T> = { seller: alphaSeller, buyer: F.sub(F.one, alphaSeller) };
  const mu: Record<Agent, T[]> = { seller: new Array(N).fill(F.zero), buyer: new Array(N).fill(F.zero) };
  const fixed: Record<Agent, T> = { seller: F.zero, buyer: F.zero };
  let budget = coef.baseIncome;
  for (const j of AGENTS) {
    for (const m of prep.free[j]) {
      mu[j][m] = F.one;
      budget = F.sub(budget, coef.agents[j].netCost[m]);
    }
  }
  const lists = AGENTS.map((j) => (F.cmp(alpha[j], F.zero) > 0 ? prep.sorted[j] : []));
  const ptr = [0, 0];
  // key(x) = rho_x / alpha_x = (1 - gain_x) / alpha_x; key_a - key_b has the sign of
  // (alpha_b - alpha_a) + (gain_b alpha_a - gain_a alpha_b), computed without cancellation
  const cmpKey = (a: Item<T>, b: Item<T>) => {
    const d = F.add(F.sub(alpha[b.agent], alpha[a.agent]), F.sub(F.mul(b.gain, alpha[a.agent]), F.mul(a.gain, alpha[b.agent])));
    return F.cmp(d, F.zero);
  };
  let marginal: string[] = [];
  while (ptr[0] < lists[0].length || ptr[1] < lists[1].length) {
    let head: Item<T>;
    if (ptr[0] >= lists[0].length) head = lists[1][ptr[1]];
    else if (ptr[1] >= lists[1].length) head = lists[0][ptr[0]];
    else head = cmpKey(lists[0][ptr[0]], lists[1][ptr[1]]) <= 0 ? lists[0][ptr[0]] : lists[1][ptr[1]];
    // a tie (footnote 17) pairs one variable of each agent; within an agent the order is strict (Lemma 1)
    const group: Item<T>[] = [];
    for (let s = 0; s < 2; s++) if (ptr[s] < lists[s].length && cmpKey(lists[s][ptr[s]], head) === 0) group.push(lists[s][ptr[s]++]);
    const mus = group.filter((it) => it.m >= 0);
    const cs = group.filter((it) => it.m === -1);
    let cost = F.zero;
    for (const it of mus) cost = F.add(cost, it.cost);
    if (F.cmp(cost, budget) <= 0) {
      for (const it of mus) mu[it.agent][it.m] = F.one;
      budget = F.sub(budget, cost);
      if (cs.length === 0) {
        if (F.cmp(budget, F.zero) === 0) {
          marginal = mus.map(variableName);
          break;
        }
        continue;
      }
      if (mus.length > 0 && F.cmp(budget, F.zero) === 0) {
        marginal = mus.map(variableName);
        break;
      }
      const share = F.div(budget, F.of(cs.length));
      for (const it of cs) fixed[it.agent] = F.add(fixed[it.agent], share);
      budget = F.zero;
      marginal = cs.map(variableName);
      break;
    }
    const sigma = F.div(budget, cost);
    for (const it of mus) mu[it.agent][it.m] = sigma;
    budget = F.zero;
    marginal = mus.map(variableName);
    break;
  }
  return evaluateSolution(coef, alphaSeller, mu, fixed, marginal);
}

/** NU^s, NU^b, NI and the weighted welfare of given (c, mu) (equations 10, 11, 12). */
export function evaluateSolution<T>(
  coef: ProgramCoefficients<T>,
  alphaSeller: T,
  mu: Record<Agent, T[]>,
  fixed: Record<Agent, T>,
  marginal: string[] = [],
): ThresholdSolution<T> {
  const F = coef.field;
  const utilities = {} as Record<Agent, T>;
  let income = coef.baseIncome;
  for (const j of AGENTS) {
    let u = fixed[j];
    for (let m = 0; m < coef.N; m++) {
      u = F.add(u, F.mul(coef.agents[j].rent[m], mu[j][m]));
      income = F.add(income, F.mul(coef.agents[j].surplus[m], mu[j][m]));
    }
    utilities[j] = u;
  }
  const alphaBuyer = F.sub(F.one, alphaSeller);
  const weightedWelfare = F.add(F.mul(alphaSeller, utilities.seller), F.mul(alphaBuyer, utilities.buyer));
  const budgetSlack = F.sub(F.sub(income, utilities.seller), utilities.buyer);
  return { alphaSeller, mu, fixed, utilities, income, weightedWelfare, budgetSlack, marginal };
}

/** The optimal (alpha-weighted) threshold mechanism by Remark 2's greedy. */
export function optimalThresholdSolution<T>(F: Field<T>, p: TradeParameters<T>, alphaSeller: T): ThresholdSolution<T> {
  return greedySolution(prepareProgram(programCoefficients(F, p)), alphaSeller);
}

/**
 * Threshold form with sigma in (0, 1]: mu_m = 0 for m < M, mu_M = sigma, mu_m = 1
 * for m > M; M = N (sigma = 0) when j never trades a bad object. `ok` is false
 * when mu is not of this form.
 */
export function thresholdForm<T>(F: Field<T>, mu: T[], tol = 0): { threshold: number; sigma: T; ok: boolean } {
  const N = mu.length;
  const gt0 = (x: T) => F.toNumber(x) > tol && F.cmp(x, F.zero) > 0;
  const is1 = (x: T) => F.cmp(x, F.one) === 0 || Math.abs(F.toNumber(x) - 1) <= tol;
  let M = 0;
  while (M < N && !gt0(mu[M])) M++;
  if (M === N) return { threshold: N, sigma: F.zero, ok: true };
  let ok = true;
  for (let m = M + 1; m < N; m++) if (!is1(mu[m])) ok = false;
  return { threshold: M, sigma: mu[M], ok };
}

/**
 * Theorem 1's own form: M in {0..N-1}, sigma in [0, 1). Returns null when mu
 * (although a threshold rule) cannot be written so, i.e. when j trades every bad
 * object (mu_0 = 1).
 */
export function theorem1Form<T>(F: Field<T>, mu: T[], tol = 0): { threshold: number; sigma: T } | null {
  const N = mu.length;
  const f = thresholdForm(F, mu, tol);
  if (!f.ok) return null;
  if (f.threshold === N) return { threshold: N - 1, sigma: F.zero };
  const one = F.cmp(f.sigma, F.one) === 0 || Math.abs(F.toNumber(f.sigma) - 1) <= tol;
  if (!one) return { threshold: f.threshold, sigma: f.sigma };
  if (f.threshold === 0) return null;
  return { threshold: f.threshold - 1, sigma: F.zero };
}

/**
 * Interim utility (allocation-neutral transfer) of j's types by equation (9),
 * with the fixed payment c^j: tau(w^{j,m}) = c^j + q^{-j} Delta^j sum_{k<m} mu_k^j, m = 0..N.
 */
export function interimTransfers<T>(coef: ProgramCoefficients<T>, sol: ThresholdSolution<T>, j: Agent): T[] {
  const F = coef.field;
  const p = coef.params;
  const scale = F.mul(goodProbability(p, other(j)), valuationGap(F, p, j));
  const out: T[] = [sol.fixed[j]];
  let acc = F.zero;
  for (let m = 1; m <= coef.N; m++) {
    acc = F.add(acc, sol.mu[j][m - 1]);
    out.push(F.add(sol.fixed[j], F.mul(scale, acc)));
  }
  return out;
}

/** The transfer formula printed after Theorem 1: max{0, (m - M_j - 1 + sigma_j) Delta^j q_{-j}} (no c^j). */
export function printedTransferFormula<T>(F: Field<T>, p: TradeParameters<T>, j: Agent, threshold: number, sigma: T, m: number): T {
  const x = F.mul(F.add(F.of(m - threshold - 1), sigma), F.mul(valuationGap(F, p, j), goodProbability(p, other(j))));
  return F.cmp(x, F.zero) > 0 ? x : F.zero;
}
