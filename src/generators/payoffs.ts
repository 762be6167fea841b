/**
 * Bounded payoff tables: entries in [0, M] on the grid {0, 1/d, ..., M} (d =
 * `denominator`, default 1: small integers). Shrink toward 0.
 */
import fc from 'fast-check';

/** Options of the payoff arbitraries. */
export interface PayoffArbOptions {
  /** the bound M (an integer) */
  M: number;
  /** grid denominator d: entries are k/d (default 1) */
  denominator?: number;
  /** allow entries in [-M, M] (e.g. to relax a sign hypothesis) */
  signed?: boolean;
}

/** One payoff k/d in [0, M] (or [-M, M]); shrinks toward 0. */
export function boundedValueArb(opts: PayoffArbOptions): fc.Arbitrary<number> {
  const d = opts.denominator ?? 1;
  const hi = Math.round(opts.M * d);
  return fc.integer({ min: opts.signed ? -hi : 0, max: hi }).map((k) => (k === 0 ? 0 : k / d));
}

/** A nested array of the given shape (outermost first) with entries in [0, M]. */
export function payoffTableArb(shape: readonly number[], opts: PayoffArbOptions): fc.Arbitrary<unknown> {
  if (shape.length === 0) return boundedValueArb(opts);
  const [head, ...rest] = shape;
  return fc.array(payoffTableArb(rest, opts), { minLength: head, maxLength: head });
}
