/**
 * fast-check arbitraries of finite environments with labels
 * (`FiniteEnvironment`, see src/api/environment.ts), for properties of a
 * user's own mechanisms: a mechanism factory takes one and returns the
 * mechanism in it. Priors are written as exact fractions of small integer
 * weights (`"2/7"`), so that a shrunk counterexample prints as simple
 * fractions; shrinking goes toward fewer agents, types and values, smaller
 * values and the uniform prior.
 */
import fc from 'fast-check';
import { defineEnvironment, type FiniteEnvironment } from '../api/environment.ts';
import { environmentSpecArb, type EnvironmentArbOptions } from './environments.ts';
import type { Range } from './priors.ts';

/** Integer weights as exact fractions summing to 1, in lowest terms ([1, 2, 3] -> ["1/6", "1/3", "1/2"]). */
export function weightsToFractions(weights: readonly number[]): string[] {
  const s = weights.reduce((a, b) => a + b, 0);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return weights.map((w) => {
    const g = gcd(w, s);
    return s / g === 1 ? String(w / g) : `${w / g}/${s / g}`;
  });
}

/** Options of `auctionEnvironmentArb`. */
export interface AuctionEnvironmentArbOptions {
  /** number of bidders (default 2 to 3) */
  bidders?: Range;
  /** number of possible values per bidder (default 1 to 3) */
  values?: Range;
  /** values are distinct integers in 0..maxValue (default 5) */
  maxValue?: number;
  /** prior weights are integers in 1..maxWeight (default 3) */
  maxWeight?: number;
  /** every bidder has the same values and prior (default false) */
  symmetric?: boolean;
}

/** The bidders' names in auction environments: A, B, C, ... */
export const BIDDER_NAMES: readonly string[] = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * Single-object auction environments with independent private values: bidders
 * `A`, `B`, ... whose types are their values (distinct integers, increasing),
 * outcomes `'none'` and each bidder's name (who gets the object), v_i = value
 * when i wins, else 0.
 *
 * @example
 *   fc.assert(fc.property(auctionEnvironmentArb({ bidders: { min: 2, max: 3 } }), (env) => ...));
 */
export function auctionEnvironmentArb(opts: AuctionEnvironmentArbOptions = {}): fc.Arbitrary<FiniteEnvironment<number, string>> {
  const bidders = opts.bidders ?? { min: 2, max: 3 };
  const count = opts.values ?? { min: 1, max: 3 };
  const maxValue = opts.maxValue ?? 5;
  const maxWeight = opts.maxWeight ?? 3;
  if (bidders.max > BIDDER_NAMES.length) throw new RangeError(`auctionEnvironmentArb: at most ${BIDDER_NAMES.length} bidders`);
  if (count.max > maxValue + 1) throw new RangeError(`auctionEnvironmentArb: ${count.max} distinct values do not fit in 0..${maxValue}`);
  // no chain(): fast-check shrinks tuples and arrays element by element, toward fewer bidders, fewer and smaller values, weight 1
  const bidder = fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: maxValue }), { minLength: count.min, maxLength: count.max }),
      fc.array(fc.integer({ min: 1, max: maxWeight }), { minLength: count.max, maxLength: count.max }),
    )
    .map(([vs, ws]) => ({ values: [...vs].sort((a, b) => a - b), weights: ws.slice(0, vs.length) }));
  const all = opts.symmetric
    ? fc.tuple(bidder, fc.integer(bidders)).map(([b, n]) => Array.from({ length: n }, () => b))
    : fc.array(bidder, { minLength: bidders.min, maxLength: bidders.max });
  return all.map((bs) => {
    const names = BIDDER_NAMES.slice(0, bs.length);
    return defineEnvironment<number, string>({
      name: 'single-object auction',
      agents: names,
      types: bs.map((b) => b.values),
      outcomes: ['none', ...names],
      prior: { independent: bs.map((b) => weightsToFractions(b.weights)) },
      valuation: { private: (i, winner, value) => (winner === names[i] ? value : 0) },
    });
  });
}

/**
 * General finite environments (seed 001's state-dependent valuations
 * v_i(c, theta, t_i) with values in [0, M], a joint prior over states x
 * profiles), labelled: agents `agent 0`, ..., types 0..k-1, outcomes 0..C-1.
 * The options are those of `environmentSpecArb`.
 */
export function finiteEnvironmentArb(opts: EnvironmentArbOptions = {}): fc.Arbitrary<FiniteEnvironment<number, number>> {
  return environmentSpecArb(opts).map((spec) =>
    defineEnvironment<number, number>({
      types: spec.prior.typeCounts.map((k) => Array.from({ length: k }, (_, t) => t)),
      outcomes: spec.outcomes,
      states: spec.prior.states,
      prior: { joint: weightsToFractions(spec.prior.weights) },
      valuation: { stateDependent: spec.values },
    }),
  );
}
