/**
 * How much memory and time checking a finite mechanism takes, computed from
 * its declared dimensions before anything is allocated, and the documented
 * limits on both (README, "Limits").
 *
 * With n agents, type counts T_1..T_n, S = T_1 x ... x T_n type profiles,
 * m states and C outcomes:
 *
 * - cells (numbers held in tables): the prior m x S, the outcome rule S x C,
 *   the transfers S x n, the expected valuations n x S x C, and the
 *   valuations themselves: n x m x S x C when interdependent, else
 *   n x m x max T_i x C. Limit `maxCells` (default 5e7, about 400 MB of
 *   doubles), raised with `--max-cells`.
 * - work (utility evaluations x C, the cost of one evaluation): dominant
 *   strategy IC sum_i S (T_i - 1) with private values and sum_i S^2 (T_i - 1) / T_i
 *   otherwise (every true profile against every report of the others), ex post
 *   and interim IC sum_i S (T_i - 1) each, IR and budget 2 n S, plus the
 *   expected valuations n x m x S. Limit `maxWork` (default 1e10), raised with
 *   `--max-work`. Measured: about 1e8 units per second of CPU (a 1e6-profile,
 *   3-bidder, 100-value second-price auction is 3.6e9 units: 38 s), so a check
 *   at the limit takes a minute or two.
 */
import { assertWithinLimit, product } from '../core/limits.ts';

/** Limits on the work `mechcheck check` (and `checkMechanism`) accepts. */
export interface CheckLimits {
  /** The largest number of numbers held in tables (default 5e7). */
  readonly maxCells: number;
  /** The largest amount of work, in utility evaluations x outcomes (default 1e10). */
  readonly maxWork: number;
}

/** The documented defaults. */
export const DEFAULT_CHECK_LIMITS: CheckLimits = { maxCells: 5e7, maxWork: 1e10 };

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
  return d.states * S + S * d.outcomes + S * n + n * S * d.outcomes + valuations;
}

/** Utility evaluations x outcomes for every concept (see the module comment). */
export function checkWork(d: MechanismDimensions): number {
  const n = d.typeCounts.length;
  const S = product(d.typeCounts);
  let deviations = 0;
  let dsic = 0;
  for (const T of d.typeCounts) {
    deviations += S * (T - 1);
    dsic += d.privateValues ? S * (T - 1) : (S * S * (T - 1)) / T;
  }
  const evaluations = dsic + 2 * deviations + 2 * n * S;
  return evaluations * d.outcomes + n * d.states * S * d.outcomes;
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
export function assertCellsWithinLimit(d: MechanismDimensions, limits: CheckLimits = DEFAULT_CHECK_LIMITS, field = 'types', names: LimitOptionNames = CLI_NAMES): void {
  const S = product(d.typeCounts);
  const what = `the number of table entries for ${fmt(S)} type profiles (${d.typeCounts.map(fmt).join(' x ')}), ${fmt(d.states)} state(s) and ${fmt(d.outcomes)} outcome(s)`;
  assertWithinLimit(tableCells(d), limits.maxCells, field, what, names.cells);
}

/** Refuse a check whose work exceeds `limits.maxWork` (see assertCellsWithinLimit). */
export function assertWorkWithinLimit(d: MechanismDimensions, limits: CheckLimits = DEFAULT_CHECK_LIMITS, field = 'types', names: LimitOptionNames = CLI_NAMES): void {
  const what = `the work of checking every concept over ${fmt(product(d.typeCounts))} type profiles and ${fmt(d.outcomes)} outcome(s)${d.privateValues ? '' : ' (not private values: dominant-strategy IC compares every true profile with every report)'}, in evaluations x outcomes,`;
  assertWithinLimit(checkWork(d), limits.maxWork, field, what, names.work);
}

function fmt(x: number): string {
  return !Number.isFinite(x) ? 'more than 1e308' : x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : String(x);
}
