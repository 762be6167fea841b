/**
 * How much memory and time checking a finite mechanism takes, computed from
 * its declared dimensions before anything is allocated, and the documented
 * limits on both (README, "Limits"). The same quantities and defaults as the
 * checking engine's own guards (src/concepts/engine.ts, src/model/mechanism.ts,
 * src/core/limits.ts), so a file the parser accepts is not refused later.
 *
 * With n agents, type counts T_1..T_n, S = T_1 x ... x T_n type profiles,
 * m states and C outcomes:
 *
 * - cells (numbers held in tables): the prior m x S, the mechanism table
 *   S x (n + C), and the valuations: n x m x S x C when interdependent, else
 *   n x m x max T_i x C. Limit `maxCells` (default CHECK_TABLE_CELLS_LIMIT,
 *   1.5e8 numbers, 1.2 GB at worst), raised with `--max-cells`.
 * - work (utility evaluations, `checkWorkOfSizes` in the engine): S x n for
 *   the budget pass, S x (T_1 + ... + T_n) for the rows every IC and IR concept
 *   reads, and n x S^2 for dominant-strategy IC when values are not private.
 *   Limit `maxWork` (default CHECK_WORK_LIMIT, 2e10, about a minute of CPU),
 *   raised with `--max-work`.
 */
import { assertWithinLimit, CHECK_TABLE_CELLS_LIMIT, CHECK_WORK_LIMIT, product } from '../core/limits.ts';
import { ALL_CONCEPTS } from '../concepts/checkAll.ts';
import { checkWorkOfSizes } from '../concepts/engine.ts';
import { formatNumber } from '../core/format.ts';

/** Limits on the work `mechcheck check` (and `checkMechanism`) accepts. */
export interface CheckLimits {
  /** The largest number of numbers held in tables (default CHECK_TABLE_CELLS_LIMIT, 1.5e8). */
  readonly maxCells: number;
  /** The largest amount of work, in utility evaluations (default CHECK_WORK_LIMIT, 2e10). */
  readonly maxWork: number;
}

/** The documented defaults. */
export const DEFAULT_CHECK_LIMITS: CheckLimits = { maxCells: CHECK_TABLE_CELLS_LIMIT, maxWork: CHECK_WORK_LIMIT };

/** The dimensions of a finite mechanism in its environment. */
export interface MechanismDimensions {
  /** T_i per agent (n = length). */
  readonly typeCounts: readonly number[];
  readonly states: number;
  readonly outcomes: number;
  /** whether valuations depend on the whole profile (a table of n x m x S x C) */
  readonly interdependent: boolean;
  /** whether dominant-strategy IC ignores the others' true types (private values) */
  readonly privateValues: boolean;
}

/** Numbers held in tables (see the module comment); Infinity past 2^1024. */
export function tableCells(d: MechanismDimensions): number {
  const n = d.typeCounts.length;
  const S = product(d.typeCounts);
  const maxT = Math.max(...d.typeCounts);
  const valuations = d.interdependent ? n * d.states * S * d.outcomes : n * d.states * maxT * d.outcomes;
  return d.states * S + S * (n + d.outcomes) + valuations;
}

/** Utility evaluations for every concept (see the module comment). */
export function checkWork(d: MechanismDimensions): number {
  return checkWorkOfSizes(d.typeCounts, d.privateValues, new Set(ALL_CONCEPTS));
}

/** Where the limits can be raised, for the error message (a CLI option, or an API option). */
export interface LimitOptionNames {
  cells: string;
  work: string;
}

const CLI_NAMES: LimitOptionNames = { cells: '--max-cells', work: '--max-work' };

/**
 * Refuse dimensions whose tables exceed `limits.maxCells` (an InputError /
 * LimitError naming `field`, the size, the limit and the option that raises
 * it). Call before allocating anything of that size.
 */
export function assertCellsWithinLimit(
  d: MechanismDimensions,
  limits: CheckLimits = DEFAULT_CHECK_LIMITS,
  field = 'types',
  names: LimitOptionNames = CLI_NAMES,
): void {
  const S = product(d.typeCounts);
  const what = `the number of table entries for ${fmt(S)} type profiles (${d.typeCounts.map(fmt).join(' x ')}), ${fmt(d.states)} state(s) and ${fmt(d.outcomes)} outcome(s)`;
  assertWithinLimit(tableCells(d), limits.maxCells, field, what, names.cells);
}

/** Refuse a check whose work exceeds `limits.maxWork` (see assertCellsWithinLimit). */
export function assertWorkWithinLimit(
  d: MechanismDimensions,
  limits: CheckLimits = DEFAULT_CHECK_LIMITS,
  field = 'types',
  names: LimitOptionNames = CLI_NAMES,
): void {
  const what = `the work of checking every concept over ${fmt(product(d.typeCounts))} type profiles and ${fmt(d.outcomes)} outcome(s)${d.privateValues ? '' : ' (not private values: dominant-strategy IC compares every true profile with every report)'}, in utility evaluations,`;
  assertWithinLimit(checkWork(d), limits.maxWork, field, what, names.work);
}

const fmt = (x: number): string =>
  formatNumber(x, {
    digits: 'shortest',
    exactIntegers: false,
    exponent: { from: 1e6, digits: 2, compact: true },
    nonFinite: 'more than 1e308',
  });
