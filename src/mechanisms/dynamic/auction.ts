/**
 * The dynamic winner-pay auction of seed 004_9d6e3cf19fe3eb52.txt, section
 * "Indirect implementation with auctions: An example".
 *
 * Bidder i values the period-t object at v^i(theta_t) = theta^i + gamma sum_{j!=i} theta^j
 * (gamma > 1: the efficient winner has the LOWEST signal). The lowest bid wins
 * (ties to the lowest index), the winner pays the second-lowest bid now and, in
 * period t+1, the contingent payment
 *   r^i_{t+1} = (N gamma / delta) [eta^{-i}(b^{-i}_{t+1} / c) - b^j_t / c],  c = 1 + gamma (N - 1),
 * where eta^{-i} satisfies the unbiasedness condition
 *   (1/N) sum_j theta^j_t = E[eta^{-i}(theta^{-i}_{t+1}) | theta_t].
 * The claim: b^i_t = c theta^i_t is an equilibrium (periodic ex post).
 *
 * The printed formula leaves j unbound in b^j_t. Readings implemented:
 * 'runnerUp' (j = the lowest other bidder, whose bid the winner paid) and
 * 'sumOthers' (the sum over j != i).
 *
 * Signal process built here (allocation-independent): signals take the values
 * 1..K; given theta_t, the next signals are independent across bidders, each
 * with probability 1 - lambda on the two grid points around the mean
 * m = (1/N) sum_j theta^j_t (with mean m) and probability lambda uniform on
 * 1..K; then E[theta^j_{t+1} | theta_t] = (1 - lambda) m + lambda (K+1)/2, and
 * eta^{-i}(theta^{-i}) = (mean_{j!=i} theta^j - lambda (K+1)/2) / (1 - lambda)
 * satisfies the unbiasedness condition exactly.
 */
import { WorstCase, type CheckerResult } from '../../concepts/result.ts';
import { ProfileSpace } from '../../core/profiles.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';
import { dynamicEnvironment, type DynamicEnvironment } from './environment.ts';

export type RunnerUpReading = 'runnerUp' | 'sumOthers';

export interface AuctionSpec {
  bidders: number;
  /** signals take the values 1..K */
  levels: number;
  gamma: number;
  discount: number;
  /** weight of the uniform component (full support), in [0, 1) */
  lambda: number;
}

export interface AuctionModel extends AuctionSpec {
  space: ProfileSpace;
  /** mu(theta' | theta) over profile indices (signal value = index + 1) */
  transition: number[][];
  /** eta^{-i}(theta^{-i}) as a function of the others' signal values */
  eta: (othersValues: number[]) => number;
}

function nextSignalDistribution(levels: number, mean: number, lambda: number): number[] {
  const p = new Array<number>(levels).fill(lambda / levels);
  const lo = Math.floor(mean);
  const hi = Math.ceil(mean);
  if (lo === hi) p[lo - 1] += 1 - lambda;
  else {
    p[hi - 1] += (1 - lambda) * (mean - lo);
    p[lo - 1] += (1 - lambda) * (hi - mean);
  }
  return p;
}

export function auctionModel(spec: AuctionSpec): AuctionModel {
  const space = new ProfileSpace(new Array<number>(spec.bidders).fill(spec.levels));
  const transition = Array.from({ length: space.size }, (_, s) => {
    const theta = space.profile(s).map((k) => k + 1);
    const mean = theta.reduce((p, v) => p + v, 0) / spec.bidders;
    const q = nextSignalDistribution(spec.levels, mean, spec.lambda);
    return Array.from({ length: space.size }, (_, s2) => space.profile(s2).reduce((p, k) => p * q[k], 1));
  });
  const centre = (spec.levels + 1) / 2;
  const eta = (others: number[]) => (others.reduce((p, v) => p + v, 0) / others.length - spec.lambda * centre) / (1 - spec.lambda);
  return { ...spec, space, transition, eta };
}

/** Largest |E[eta^{-i}(theta^{-i}_{t+1}) | theta_t] - (1/N) sum_j theta^j_t| over i and theta_t (the unbiasedness condition). */
export function unbiasednessResidual(m: AuctionModel): number {
  let worst = 0;
  for (let s = 0; s < m.space.size; s++) {
    const theta = m.space.profile(s).map((k) => k + 1);
    const mean = theta.reduce((p, v) => p + v, 0) / m.bidders;
    for (let i = 0; i < m.bidders; i++) {
      let e = 0;
      for (let s2 = 0; s2 < m.space.size; s2++) {
        const next = m.space.profile(s2).map((k) => k + 1);
        e += m.transition[s][s2] * m.eta(next.filter((_, j) => j !== i));
      }
      worst = Math.max(worst, Math.abs(e - mean));
    }
  }
  return worst;
}

export interface AuctionRules {
  /** the bid function of the claimed equilibrium, theta -> b (default (1 + gamma (N-1)) theta) */
  bid?: (theta: number, m: AuctionModel) => number;
  reading?: RunnerUpReading;
  /** factor of the contingent payment (default N gamma / delta) */
  factor?: (m: AuctionModel) => number;
}

export interface AuctionDeviation {
  profile: number[];
  bidder: number;
  truthfulBid: number;
  deviationBid: number;
  gain: number;
}

/**
 * The equilibrium check as the shared checker result (src/concepts/result.ts):
 * `violation` is the largest gain of a one-shot deviation from the stated
 * bids, `witness` its deviation, `cases` the deviations checked.
 */
export interface AuctionCheck extends CheckerResult<'auctionEquilibrium', AuctionDeviation> {
  /** the unbiasedness residual of the contingent payment (see unbiasednessResidual) */
  unbiasednessResidual: number;
}

/** The lowest bid wins; ties go to the lowest index. */
export function winner(bids: number[]): number {
  let w = 0;
  for (let i = 1; i < bids.length; i++) if (bids[i] < bids[w]) w = i;
  return w;
}

/**
 * Search one-shot deviations from the stated bids, given the others bid by the
 * stated rule now and later. Transitions do not depend on the allocation and
 * the contingent payment of period t+1 depends on the others' bids only, so a
 * bid in period t changes only whether i wins in t, the price paid in t and
 * the payment r^i_{t+1}: the gain of a deviation is computed from these.
 */
export function checkAuctionEquilibrium(m: AuctionModel, rules: AuctionRules = {}, opts: { tolerance?: number } = {}): AuctionCheck {
  const c = 1 + m.gamma * (m.bidders - 1);
  const bidOf = rules.bid ?? ((theta: number) => c * theta);
  const reading = rules.reading ?? 'runnerUp';
  const factor = (rules.factor ?? ((mm: AuctionModel) => (mm.bidders * mm.gamma) / mm.discount))(m);
  const tracker = new WorstCase<'auctionEquilibrium', AuctionDeviation>('auctionEquilibrium');
  for (let s = 0; s < m.space.size; s++) {
    const theta = m.space.profile(s).map((k) => k + 1);
    const bids = theta.map((v) => bidOf(v, m));
    // E[eta^{-i}(b^{-i}_{t+1} / c)]: the others' next bids are b(theta'), the mechanism reads b / c
    for (let i = 0; i < m.bidders; i++) {
      const othersBids = bids.filter((_, j) => j !== i);
      const secondPrice = Math.min(...othersBids);
      const X = reading === 'runnerUp' ? secondPrice / c : othersBids.reduce((p, v) => p + v, 0) / c;
      let eEta = 0;
      for (let s2 = 0; s2 < m.space.size; s2++) {
        const next = m.space.profile(s2).map((k) => k + 1);
        eEta += m.transition[s][s2] * m.eta(next.filter((_, j) => j !== i).map((v) => bidOf(v, m) / c));
      }
      const expectedR = factor * (eEta - X);
      const value = theta[i] + m.gamma * theta.reduce((p, v, j) => (j === i ? p : p + v), 0);
      const payoff = (b: number) => {
        const all = bids.slice();
        all[i] = b;
        if (winner(all) !== i) return 0;
        return value - secondPrice - m.discount * expectedR;
      };
      const truthful = payoff(bids[i]);
      const candidates = new Set<number>([0, secondPrice - 0.5, secondPrice, secondPrice + 0.5, bidOf(m.levels + 1, m)]);
      for (let v = 1; v <= m.levels; v++) candidates.add(bidOf(v, m));
      for (const b of candidates) {
        if (b === bids[i]) continue;
        const gain = payoff(b) - truthful;
        tracker.offer(gain, () => ({ profile: theta, bidder: i, truthfulBid: bids[i], deviationBid: b, gain }));
      }
    }
  }
  return { ...tracker.result(opts.tolerance ?? DEFAULT_TOLERANCE), unbiasednessResidual: unbiasednessResidual(m) };
}

/**
 * The auction's allocation problem as a dynamic environment (the direct
 * mechanism): actions = bidders (who gets the object), u^i(a, theta) = v^i(theta) if a = i
 * else 0, the constructed allocation-independent transition, T = infinity.
 */
export function auctionDirectEnvironment(m: AuctionModel): DynamicEnvironment {
  const S = m.space.size;
  const utility = Array.from({ length: m.bidders }, (_, i) =>
    Array.from({ length: m.bidders }, (_, a) =>
      Array.from({ length: S }, (_, s) => {
        if (a !== i) return 0;
        const theta = m.space.profile(s).map((k) => k + 1);
        return theta[i] + m.gamma * theta.reduce((p, v, j) => (j === i ? p : p + v), 0);
      }),
    ),
  );
  return dynamicEnvironment({
    signals: new Array<number>(m.bidders).fill(m.levels),
    actions: m.bidders,
    horizon: 'infinite',
    discount: m.discount,
    transition: Array.from({ length: m.bidders }, () => m.transition),
    utility,
  });
}
