/**
 * The bilateral-trade model of seed 002_db415cb54f560522.txt (Eilat and Paunzer
 * 2008, "Optimal bilateral trade of multiple objects"), section 3.
 *
 * A seller (agent 0) and a buyer (agent 1) and N objects. Each valuation is
 * binary and i.i.d.: the buyer values an object at v_h^b ("good") with
 * probability q^b and at v_l^b ("bad") otherwise; the seller at v_l^s ("good")
 * with probability q^s and at v_h^s ("bad") otherwise; non-triviality requires
 * v_h^b > v_h^s > v_l^b > v_l^s >= 0 (section 3).
 *
 * A type w^j in {good, bad}^N is a bit mask: bit i set iff agent j's valuation
 * of object i is good; g(w^j) is its number of good valuations (section 3.4).
 */
import { InputError } from '../../core/errors.ts';
import type { Field } from './field.ts';

export interface TradeParameters<T = number> {
  /** N, the number of objects */
  objects: number;
  /** v_h^b */
  buyerHigh: T;
  /** v_l^b */
  buyerLow: T;
  /** v_h^s */
  sellerHigh: T;
  /** v_l^s */
  sellerLow: T;
  /** q^b: probability that the buyer's valuation of an object is high (good) */
  qBuyer: T;
  /** q^s: probability that the seller's valuation of an object is low (good) */
  qSeller: T;
}

export type Agent = 'seller' | 'buyer';
export const AGENTS: readonly Agent[] = ['seller', 'buyer'];
export const other = (j: Agent): Agent => (j === 'seller' ? 'buyer' : 'seller');

/** Delta^j = v_h^j - v_l^j (section 3). */
export function valuationGap<T>(F: Field<T>, p: TradeParameters<T>, j: Agent): T {
  return j === 'seller' ? F.sub(p.sellerHigh, p.sellerLow) : F.sub(p.buyerHigh, p.buyerLow);
}

/** q^j: probability that agent j's valuation of an object is good. */
export function goodProbability<T>(p: TradeParameters<T>, j: Agent): T {
  return j === 'seller' ? p.qSeller : p.qBuyer;
}

/**
 * The gain from trading an object that j values as bad and -j as good:
 * v_h^b - v_h^s for the seller, v_l^b - v_l^s for the buyer (equation 11);
 * both equal v_h^b - v_l^s - Delta^j (Proposition 5).
 */
export function badGoodSurplus<T>(F: Field<T>, p: TradeParameters<T>, j: Agent): T {
  return j === 'seller' ? F.sub(p.buyerHigh, p.sellerHigh) : F.sub(p.buyerLow, p.sellerLow);
}

/** g(w): the number of good valuations in a type (bit mask). */
export function goodCount(w: number): number {
  let c = 0;
  while (w) {
    w &= w - 1;
    c++;
  }
  return c;
}

export const isGood = (w: number, i: number): boolean => ((w >> i) & 1) === 1;

/**
 * Validate the parameters: N a positive integer, v_h^b > v_h^s > v_l^b > v_l^s >= 0
 * and q^b, q^s in (0, 1). Throws InputError naming the offending field
 * (`--buyer-high` etc. are the CLI's names).
 */
export function validateParameters<T>(
  F: Field<T>,
  p: TradeParameters<T>,
  names: Partial<Record<keyof TradeParameters, string>> = {},
): void {
  const n = (k: keyof TradeParameters) => names[k] ?? k;
  if (!Number.isInteger(p.objects) || p.objects < 1) throw new InputError(n('objects'), `must be a positive integer, got ${p.objects}`);
  for (const k of ['buyerHigh', 'buyerLow', 'sellerHigh', 'sellerLow', 'qBuyer', 'qSeller'] as const) {
    if (!Number.isFinite(F.toNumber(p[k]))) throw new InputError(n(k), `must be a finite number, got ${F.show(p[k])}`);
  }
  const order: [keyof TradeParameters, keyof TradeParameters][] = [
    ['buyerHigh', 'sellerHigh'],
    ['sellerHigh', 'buyerLow'],
    ['buyerLow', 'sellerLow'],
  ];
  for (const [a, b] of order) {
    if (F.cmp(p[a] as T, p[b] as T) <= 0) {
      throw new InputError(
        n(a),
        `must exceed ${n(b)} (the model needs v_h^b > v_h^s > v_l^b > v_l^s >= 0), got ${F.show(p[a] as T)} <= ${F.show(p[b] as T)}`,
      );
    }
  }
  if (F.cmp(p.sellerLow, F.zero) < 0) throw new InputError(n('sellerLow'), `must be >= 0 (v_l^s >= 0), got ${F.show(p.sellerLow)}`);
  for (const k of ['qBuyer', 'qSeller'] as const) {
    if (F.cmp(p[k], F.zero) <= 0 || F.cmp(p[k], F.one) >= 0) throw new InputError(n(k), `must be in (0, 1), got ${F.show(p[k])}`);
  }
}

/** Convert parameters from one field to another (through strings for exactness). */
export function convertParameters<S, T>(from: Field<S>, to: Field<T>, p: TradeParameters<S>): TradeParameters<T> {
  const c = (x: S) => to.of(from.name === 'exact' && to.name === 'exact' ? from.show(x) : from.toNumber(x));
  return {
    objects: p.objects,
    buyerHigh: c(p.buyerHigh),
    buyerLow: c(p.buyerLow),
    sellerHigh: c(p.sellerHigh),
    sellerLow: c(p.sellerLow),
    qBuyer: c(p.qBuyer),
    qSeller: c(p.qSeller),
  };
}

/** The worked example of section 2: seller 11 (bad) or 0 (good), buyer 12 (good) or 1 (bad), equal probabilities. */
export function exampleParameters(objects: number): TradeParameters<number> {
  return { objects, buyerHigh: 12, buyerLow: 1, sellerHigh: 11, sellerLow: 0, qBuyer: 0.5, qSeller: 0.5 };
}
