/**
 * Limits on the size of the work a user can ask for, checked before anything
 * is allocated: a small file can declare 1e9 types. A request beyond a limit is
 * refused (exit 2) with the size, the limit and the option that raises it.
 */
import { InputError } from './errors.ts';

export class LimitError extends InputError {
  readonly size: number;
  readonly limit: number;
  constructor(field: string, what: string, size: number, limit: number, option?: string) {
    super(field, `${what} is ${fmtSize(size)}, above the limit of ${fmtSize(limit)}${option ? ` (raise it with ${option})` : ''}`);
    this.name = 'LimitError';
    this.size = size;
    this.limit = limit;
  }
}

/**
 * Refuse work of `size` units above `limit`. `size` may be computed as a
 * product of declared dimensions (use `product`, which does not overflow into
 * wrong answers: it returns Infinity past 2^53).
 */
export function assertWithinLimit(size: number, limit: number, field: string, what: string, option?: string): void {
  if (!(size <= limit)) throw new LimitError(field, what, size, limit, option);
}

/** Product of declared sizes, as a float (Infinity when it overflows). */
export function product(xs: readonly number[]): number {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
}

function fmtSize(x: number): string {
  return !Number.isFinite(x) ? 'more than 1e308' : x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : String(x);
}
