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

/**
 * Checking a finite mechanism (src/concepts/engine.ts; README, "Definitions"):
 * the most numbers the engine tabulates, profiles x (agents + outcomes) doubles
 * (1.5e8 = 1.2 GB at worst, so that 1e7 profiles of 10 agents and 2 outcomes,
 * 1.2e8 numbers, are checked within 2 GB).
 */
export const CHECK_TABLE_CELLS_LIMIT = 1.5e8;

/**
 * Checking a finite mechanism: the most utilities U_i(t; r) the engine
 * evaluates in one pass (profiles x the sum of the type counts, plus for DSIC
 * with interdependent values agents x true profiles x profiles). 2e10 is
 * roughly a minute of CPU.
 */
export const CHECK_WORK_LIMIT = 2e10;

/** A prior's table, states x profiles probabilities (8 bytes each). */
export const PRIOR_CELLS_LIMIT = 1.5e8;
