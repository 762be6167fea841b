/**
 * Direct trade mechanisms of seed 002_db415cb54f560522.txt, section 3.1-3.4:
 * trade probabilities p(i; w^s, w^b) and, in the allocation-neutral
 * representation of section 3.2 (equation 2), transfers
 *   t^b = -sum_i p(i) w_i^b + tau^b,   t^s = sum_i p(i) w_i^s + tau^s,
 * so that tau^j is j's net utility under truth-telling (equation 3). Money is
 * paid TO the agent (mechcheck's convention; the paper's t^j is the same).
 *
 * `toFoundation` casts a mechanism as a finite Environment + DirectMechanism
 * over type profiles (w^s, w^b) in {good,bad}^N x {good,bad}^N (seller = agent 0,
 * the slowest index) so that the foundation's checkers (interimIC, interimIR,
 * exPostBudget, ...) verify it by enumeration. Outcomes: since utilities are
 * additive and risk neutral, trading each object i with probability p(i) is
 * payoff-equivalent to the lottery that trades object i alone with probability
 * p(i)/N (at N times its value) and nothing with probability 1 - sum p(i)/N;
 * this keeps N + 1 outcomes instead of 2^N.
 */
import { JointPrior } from '../../core/prior.ts';
import type { Environment } from '../../model/environment.ts';
import type { DirectMechanism } from '../../model/mechanism.ts';
import { Evaluation } from '../../concepts/evaluation.ts';
import { interimIC, exPostIC } from '../../concepts/incentiveCompatibility.ts';
import { interimIR } from '../../concepts/individualRationality.ts';
import { exAnteBudget, exPostBudget } from '../../concepts/budget.ts';
import type { ConceptResult } from '../../concepts/result.ts';
import { AGENTS, goodCount, isGood, type Agent, type TradeParameters } from './model.ts';
import type { ThresholdSolution } from './thresholdProgram.ts';

export interface TradeMechanism {
  params: TradeParameters<number>;
  N: number;
  /** 2^N types per agent */
  types: number;
  /** p(i; w^s, w^b), flat ((w^s * types + w^b) * N + i) */
  trade: Float64Array;
  /** tau^s(w^s, w^b), flat w^s * types + w^b */
  tauSeller: Float64Array;
  /** tau^b(w^s, w^b) */
  tauBuyer: Float64Array;
}

/** Build a mechanism from a trade rule and allocation-neutral transfers. */
export function buildMechanism(
  params: TradeParameters<number>,
  trade: (i: number, ws: number, wb: number) => number,
  tau: (j: Agent, ws: number, wb: number) => number,
): TradeMechanism {
  const N = params.objects;
  const T = 1 << N;
  const m: TradeMechanism = {
    params,
    N,
    types: T,
    trade: new Float64Array(T * T * N),
    tauSeller: new Float64Array(T * T),
    tauBuyer: new Float64Array(T * T),
  };
  for (let ws = 0; ws < T; ws++) {
    for (let wb = 0; wb < T; wb++) {
      const k = ws * T + wb;
      for (let i = 0; i < N; i++) m.trade[k * N + i] = trade(i, ws, wb);
      m.tauSeller[k] = tau('seller', ws, wb);
      m.tauBuyer[k] = tau('buyer', ws, wb);
    }
  }
  return m;
}

/** Probability of each type (bit mask) of agent j: prod q^{good} (1-q)^{bad}. */
export function typeProbabilities(params: TradeParameters<number>, j: Agent): Float64Array {
  const N = params.objects;
  const q = j === 'seller' ? params.qSeller : params.qBuyer;
  const T = 1 << N;
  const out = new Float64Array(T);
  for (let w = 0; w < T; w++) {
    const g = goodCount(w);
    out[w] = q ** g * (1 - q) ** (N - g);
  }
  return out;
}

/** w_i^j for a type mask. */
export function objectValue(params: TradeParameters<number>, j: Agent, w: number, i: number): number {
  const good = isGood(w, i);
  return j === 'seller' ? (good ? params.sellerLow : params.sellerHigh) : good ? params.buyerHigh : params.buyerLow;
}

/** Money transfers (t^s, t^b) at a reported profile, equation (2). */
export function moneyTransfers(m: TradeMechanism, ws: number, wb: number): [number, number] {
  const k = ws * m.types + wb;
  let ts = m.tauSeller[k];
  let tb = m.tauBuyer[k];
  for (let i = 0; i < m.N; i++) {
    const p = m.trade[k * m.N + i];
    ts += p * objectValue(m.params, 'seller', ws, i);
    tb -= p * objectValue(m.params, 'buyer', wb, i);
  }
  return [ts, tb];
}

/** The revenue R(w^s, w^b) = sum_i p(i)(w_i^b - w_i^s) - tau^b - tau^s (equation 5). */
export function revenueAt(m: TradeMechanism, ws: number, wb: number): number {
  const [ts, tb] = moneyTransfers(m, ws, wb);
  return -(ts + tb);
}

/** Ex ante utilities under truth-telling (E tau^j, equation 3) and the ex ante revenue E R. */
export function exAnteSummary(m: TradeMechanism): { utilities: Record<Agent, number>; revenue: number; gainsFromTrade: number } {
  const ps = typeProbabilities(m.params, 'seller');
  const pb = typeProbabilities(m.params, 'buyer');
  let us = 0;
  let ub = 0;
  let rev = 0;
  let gains = 0;
  for (let ws = 0; ws < m.types; ws++) {
    for (let wb = 0; wb < m.types; wb++) {
      const w = ps[ws] * pb[wb];
      const k = ws * m.types + wb;
      us += w * m.tauSeller[k];
      ub += w * m.tauBuyer[k];
      rev += w * revenueAt(m, ws, wb);
      for (let i = 0; i < m.N; i++)
        gains += w * m.trade[k * m.N + i] * (objectValue(m.params, 'buyer', wb, i) - objectValue(m.params, 'seller', ws, i));
    }
  }
  return { utilities: { seller: us, buyer: ub }, revenue: rev, gainsFromTrade: gains };
}

/** The mechanism as a foundation Environment + DirectMechanism (see the module comment for the outcome encoding). */
export function toFoundation(m: TradeMechanism): { env: Environment; mech: DirectMechanism } {
  const N = m.N;
  const T = m.types;
  const prior = JointPrior.independent([
    Array.from(typeProbabilities(m.params, 'seller')),
    Array.from(typeProbabilities(m.params, 'buyer')),
  ]);
  const env: Environment = {
    prior,
    outcomes: N + 1,
    privateValues: true,
    value(agent, c, _th, k) {
      if (c === N) return 0;
      const ws = Math.floor(k / T);
      const wb = k % T;
      return agent === 0 ? -N * objectValue(m.params, 'seller', ws, c) : N * objectValue(m.params, 'buyer', wb, c);
    },
  };
  const mech: DirectMechanism = {
    name: 'bilateral trade mechanism',
    outcome(k) {
      const out = new Array<number>(N + 1);
      let rest = 1;
      for (let i = 0; i < N; i++) {
        out[i] = m.trade[k * N + i] / N;
        rest -= out[i];
      }
      out[N] = Math.max(0, rest);
      return out;
    },
    transfer(k) {
      return moneyTransfers(m, Math.floor(k / T), k % T);
    },
  };
  return { env, mech };
}

export interface IncentiveReport {
  interimIC: ConceptResult;
  interimIR: ConceptResult;
  exPostBudget: ConceptResult;
  exAnteBudget: ConceptResult;
  exPostIC?: ConceptResult;
}

/** IC, IR and budget balance of a trade mechanism by enumeration, with the foundation's checkers. */
export function checkTradeMechanism(m: TradeMechanism, tolerance: number, opts: { exPostIC?: boolean } = {}): IncentiveReport {
  const { env, mech } = toFoundation(m);
  const ev = new Evaluation(env, mech);
  return {
    interimIC: interimIC(env, ev, { tolerance }),
    interimIR: interimIR(env, ev, { tolerance }),
    exPostBudget: exPostBudget(env, ev, { tolerance }),
    exAnteBudget: exAnteBudget(env, ev, { tolerance }),
    ...(opts.exPostIC ? { exPostIC: exPostIC(env, ev, { tolerance }) } : {}),
  };
}

/** All permutations of 0..N-1. */
export function permutations(N: number): number[][] {
  if (N === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(N - 1)) for (let k = 0; k <= p.length; k++) out.push([...p.slice(0, k), N - 1, ...p.slice(k)]);
  return out;
}

/** M_pi w: the type whose i-th valuation is the pi^{-1}(i)-th of w (section 3.4, footnote 7). */
export function permuteType(w: number, pi: readonly number[]): number {
  let out = 0;
  // bit i of the result = bit pinv(i) of w, i.e. bit pi(k) of the result = bit k of w
  for (let k = 0; k < pi.length; k++) if ((w >> k) & 1) out |= 1 << pi[k];
  return out;
}

/**
 * The symmetrized mechanism of Proposition 1's proof (appendix): draw pi
 * uniformly and run Gamma_pi, with p_pi(i; w) = p(pi(i); M_pi w^s, M_pi w^b) and
 * tau_pi(w) = tau(M_pi w^s, M_pi w^b). `relabelObjects: false` is a deliberately
 * broken variant (p(i; M_pi w) without moving the object index) for mutants.
 */
export function symmetrize(m: TradeMechanism, opts: { relabelObjects?: boolean } = {}): TradeMechanism {
  const perms = permutations(m.N);
  const relabel = opts.relabelObjects ?? true;
  const T = m.types;
  const N = m.N;
  const out: TradeMechanism = {
    ...m,
    trade: new Float64Array(m.trade.length),
    tauSeller: new Float64Array(T * T),
    tauBuyer: new Float64Array(T * T),
  };
  const w = 1 / perms.length;
  for (const pi of perms) {
    for (let ws = 0; ws < T; ws++) {
      const pws = permuteType(ws, pi);
      for (let wb = 0; wb < T; wb++) {
        const pwb = permuteType(wb, pi);
        const k = ws * T + wb;
        const kp = pws * T + pwb;
        for (let i = 0; i < N; i++) out.trade[k * N + i] += w * m.trade[kp * N + (relabel ? pi[i] : i)];
        out.tauSeller[k] += w * m.tauSeller[kp];
        out.tauBuyer[k] += w * m.tauBuyer[kp];
      }
    }
  }
  return out;
}

/** Largest violation of Definition 1 (symmetry) over all permutations. */
export function symmetryViolation(m: TradeMechanism): number {
  const T = m.types;
  const N = m.N;
  let worst = 0;
  for (const pi of permutations(N)) {
    for (let ws = 0; ws < T; ws++) {
      for (let wb = 0; wb < T; wb++) {
        const k = ws * T + wb;
        const kp = permuteType(ws, pi) * T + permuteType(wb, pi);
        for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(m.trade[k * N + i] - m.trade[kp * N + pi[i]]));
        worst = Math.max(worst, Math.abs(m.tauSeller[k] - m.tauSeller[kp]), Math.abs(m.tauBuyer[k] - m.tauBuyer[kp]));
      }
    }
  }
  return worst;
}

/**
 * xi_m^j and phi_m^j (section 4.2): the interim probability that a type of j
 * with m good valuations trades a good (xi) or a bad (phi) object, and the
 * interim transfer tau-bar(m). For a symmetric mechanism these are well defined;
 * `spread` is the largest disagreement between types of the same class.
 */
export function interimClassStatistics(m: TradeMechanism, j: Agent): { xi: number[]; phi: number[]; tauBar: number[]; spread: number } {
  const N = m.N;
  const T = m.types;
  const pOther = typeProbabilities(m.params, j === 'seller' ? 'buyer' : 'seller');
  const xi: (number | null)[] = new Array(N + 1).fill(null);
  const phi: (number | null)[] = new Array(N + 1).fill(null);
  const tauBar: (number | null)[] = new Array(N + 1).fill(null);
  let spread = 0;
  const put = (arr: (number | null)[], g: number, v: number) => {
    if (arr[g] === null) arr[g] = v;
    else spread = Math.max(spread, Math.abs(arr[g] - v));
  };
  for (let w = 0; w < T; w++) {
    const g = goodCount(w);
    let tb = 0;
    const pbar = new Float64Array(N);
    for (let o = 0; o < T; o++) {
      const k = j === 'seller' ? w * T + o : o * T + w;
      tb += pOther[o] * (j === 'seller' ? m.tauSeller[k] : m.tauBuyer[k]);
      for (let i = 0; i < N; i++) pbar[i] += pOther[o] * m.trade[k * N + i];
    }
    put(tauBar, g, tb);
    for (let i = 0; i < N; i++) put(isGood(w, i) ? xi : phi, g, pbar[i]);
  }
  return { xi: xi.map((x) => x ?? NaN), phi: phi.map((x) => x ?? NaN), tauBar: tauBar.map((x) => x ?? NaN), spread };
}

/**
 * Theorem 1's explicit mechanism: trade 1 at good-good, 0 at bad-bad, mu_m^j when
 * j is bad (with m good valuations) and -j good; tau^j(w^j, w^{-j}) = tau-bar^j(g(w^j))
 * = c^j + q^{-j} Delta^j sum_{k<m} mu_k^j (equation 9 and the transfers after Theorem 1),
 * independent of the rival's report.
 */
export function thresholdMechanism(params: TradeParameters<number>, sol: ThresholdSolution<number>): TradeMechanism {
  const N = params.objects;
  const gapS = params.sellerHigh - params.sellerLow;
  const gapB = params.buyerHigh - params.buyerLow;
  const tauBar: Record<Agent, number[]> = { seller: [], buyer: [] };
  for (const j of AGENTS) {
    const scale = j === 'seller' ? params.qBuyer * gapS : params.qSeller * gapB;
    let acc = 0;
    tauBar[j].push(sol.fixed[j]);
    for (let g = 1; g <= N; g++) {
      acc += sol.mu[j][g - 1];
      tauBar[j].push(sol.fixed[j] + scale * acc);
    }
  }
  return buildMechanism(
    params,
    (i, ws, wb) => {
      const sg = isGood(ws, i);
      const bg = isGood(wb, i);
      if (sg && bg) return 1;
      if (!sg && !bg) return 0;
      return !sg ? sol.mu.seller[goodCount(ws)] : sol.mu.buyer[goodCount(wb)];
    },
    (j, ws, wb) => tauBar[j][goodCount(j === 'seller' ? ws : wb)],
  );
}

/**
 * The ex post budget-balancing transform after Theorem 1:
 *   tau-hat^j(w^j, w^{-j}) = tau^j + 1/2 [R(w) - E_{w^{-j}} R(w^j, .) + E_{w^j} R(., w^{-j})].
 * `halfWeight` (default 1/2) and `dropOwnExpectation` exist for mutants.
 */
export function exPostBalanced(m: TradeMechanism, opts: { halfWeight?: number; dropOwnExpectation?: boolean } = {}): TradeMechanism {
  const T = m.types;
  const h = opts.halfWeight ?? 0.5;
  const ps = typeProbabilities(m.params, 'seller');
  const pb = typeProbabilities(m.params, 'buyer');
  const R = new Float64Array(T * T);
  const bySeller = new Float64Array(T); // E_{w^b} R(w^s, .)
  const byBuyer = new Float64Array(T); // E_{w^s} R(., w^b)
  for (let ws = 0; ws < T; ws++) {
    for (let wb = 0; wb < T; wb++) {
      const r = revenueAt(m, ws, wb);
      R[ws * T + wb] = r;
      bySeller[ws] += pb[wb] * r;
      byBuyer[wb] += ps[ws] * r;
    }
  }
  const out: TradeMechanism = { ...m, tauSeller: new Float64Array(T * T), tauBuyer: new Float64Array(T * T) };
  for (let ws = 0; ws < T; ws++) {
    for (let wb = 0; wb < T; wb++) {
      const k = ws * T + wb;
      const ownS = opts.dropOwnExpectation ? 0 : bySeller[ws];
      const ownB = opts.dropOwnExpectation ? 0 : byBuyer[wb];
      out.tauSeller[k] = m.tauSeller[k] + h * (R[k] - ownS + byBuyer[wb]);
      out.tauBuyer[k] = m.tauBuyer[k] + h * (R[k] - ownB + bySeller[ws]);
    }
  }
  return out;
}
