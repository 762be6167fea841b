/**
 * Limits on the size of the work a user can ask for, checked before anything
 * is allocated: a small file can declare 1e9 types. A request beyond a limit is
 * refused (exit 2) with the size, the limit and the option that raises it.
 *
 * Work is counted in units of about one elementary floating-point step
 * (calibrated per command, README "Numbers and limits"); a number held in
 * memory counts `CELL_COST` units, so that the same limit bounds time and
 * memory. The default `DEFAULT_MAX_WORK` (1e9 units) keeps any allowed run of a
 * paper-specific command to seconds of CPU and well under 2 GB; `--max-work`
 * raises it (up to `MAX_WORK_CEILING`). Where the cost depends on the data and
 * cannot be known in advance (branch and bound, policy iteration, evaluating a
 * user's expressions), a `StepBudget` counts the work while it runs and stops
 * with the same message when the limit is passed.
 */
import { InputError } from './errors.ts';
import { parseDecimal } from './numbers.ts';

/** A request beyond a work or size limit: an InputError (exit 2) naming the size, the limit and the option that raises it. */
export class LimitError extends InputError {
  readonly size: number;
  readonly limit: number;
  /** `unit` (optional) follows both numbers: "1.60e10 units". */
  constructor(field: string, what: string, size: number, limit: number, option?: string, unit?: string) {
    const u = unit ? ` ${unit}` : '';
    super(field, `${what} is ${fmtSize(size)}${u}, above the limit of ${fmtSize(limit)}${u}${option ? ` (raise it with ${option})` : ''}`);
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

/** The option that raises the work limit of the paper-specific commands. */
export const MAX_WORK_OPTION = '--max-work';
/** Default work limit, in units of about one elementary step (README, "Numbers and limits"). */
export const DEFAULT_MAX_WORK = 1e9;
/** The largest value `--max-work` accepts. */
export const MAX_WORK_CEILING = 1e13;
/** Work units charged per number held in memory (8 to 30 bytes each in JavaScript arrays). */
export const CELL_COST = 20;

/** `--max-work` as given (a decimal in [1, MAX_WORK_CEILING]), or the default. */
export function maxWorkOption(raw: string | undefined): number {
  return raw === undefined ? DEFAULT_MAX_WORK : parseDecimal(raw, MAX_WORK_OPTION, { min: 1, max: MAX_WORK_CEILING });
}

/** One part of a work estimate: what it is (in words, with the sizes) and its units. */
export interface WorkPart {
  what: string;
  units: number;
}

/** Total of a work estimate (Infinity when a part overflows; NaN parts count as Infinity). */
export function totalWork(parts: readonly WorkPart[]): number {
  let s = 0;
  for (const p of parts) s += Number.isNaN(p.units) ? Infinity : p.units;
  return s;
}

/**
 * Refuse a computation whose estimated work exceeds `limit`, before it starts.
 * The message names `field` (the input that drives the size), the largest
 * part of the estimate, the total, the limit and `--max-work`.
 *
 * @example
 *   assertWorkWithinLimit([{ what: 'horizon x states^2 = 1e9 x 16', units: 1.6e10 }], 1e9, 'horizon');
 *   // LimitError: horizon: the work asked for (horizon x states^2 = 1e9 x 16) is 1.60e10 units, above the limit of 1.00e9 units (raise it with --max-work)
 */
export function assertWorkWithinLimit(parts: readonly WorkPart[], limit: number, field: string, option = MAX_WORK_OPTION): number {
  const total = totalWork(parts);
  if (!(total <= limit)) {
    let top = parts[0];
    for (const p of parts) if (!(p.units <= top.units)) top = p;
    throw new LimitError(field, `the work asked for (${top?.what ?? 'total'})`, total, limit, option, 'units');
  }
  return total;
}

/**
 * A running budget of work units for computations whose cost depends on the
 * data. `spend` throws a LimitError naming `field`, what was being computed
 * and `--max-work` once more than `limit` units have been spent.
 */
export class StepBudget {
  used = 0;
  constructor(
    readonly limit: number,
    readonly field: string,
    readonly what: string,
    readonly option: string = MAX_WORK_OPTION,
  ) {}
  /** Count `units` more; throws once the total passes the limit. */
  spend(units: number): void {
    this.used += units;
    if (!(this.used <= this.limit))
      throw new LimitError(
        this.field,
        `the work spent on ${this.what} (counted while running)`,
        this.used,
        this.limit,
        this.option,
        'units',
      );
  }
  /** Units left before the limit. */
  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
}

function fmtSize(x: number): string {
  return !Number.isFinite(x) ? 'more than 1e308' : x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : String(Math.round(x * 100) / 100);
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
