/**
 * Linear programs as JSON (the fixtures in fixtures/solvers/): the
 * `LinearProgram` fields with `null` for an infinite bound (JSON has no
 * Infinity). `lpToJson` and `lpFromJson` are inverse to each other.
 */
import type { LinearProgram } from './types.ts';

/** A `LinearProgram` with infinite bounds written as null. */
export interface LinearProgramJson {
  sense: 'max' | 'min';
  objective: number[];
  rows: { indices: number[]; values: number[]; lower: number | null; upper: number | null; name?: string }[];
  lower?: (number | null)[];
  upper?: (number | null)[];
  names?: string[];
}

const toNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Infinite bounds become null. */
export function lpToJson(lp: LinearProgram): LinearProgramJson {
  return {
    sense: lp.sense,
    objective: [...lp.objective],
    rows: lp.rows.map((r) => ({
      indices: [...r.indices],
      values: [...r.values],
      lower: toNull(r.lower),
      upper: toNull(r.upper),
      ...(r.name ? { name: r.name } : {}),
    })),
    ...(lp.lower ? { lower: lp.lower.map(toNull) } : {}),
    ...(lp.upper ? { upper: lp.upper.map(toNull) } : {}),
    ...(lp.names ? { names: [...lp.names] } : {}),
  };
}

/** null bounds become -Infinity (lower) or +Infinity (upper). */
export function lpFromJson(j: LinearProgramJson): LinearProgram {
  const lo = (v: number | null) => (v === null ? -Infinity : v);
  const hi = (v: number | null) => (v === null ? Infinity : v);
  return {
    sense: j.sense,
    objective: [...j.objective],
    rows: j.rows.map((r) => ({
      indices: [...r.indices],
      values: [...r.values],
      lower: lo(r.lower),
      upper: hi(r.upper),
      ...(r.name ? { name: r.name } : {}),
    })),
    ...(j.lower ? { lower: j.lower.map(lo) } : {}),
    ...(j.upper ? { upper: j.upper.map(hi) } : {}),
    ...(j.names ? { names: [...j.names] } : {}),
  };
}
