/**
 * Shared pieces of the seed004 catalogue entries (seed
 * 004_9d6e3cf19fe3eb52.txt, Liu 2025, slides: efficient dynamic mechanisms
 * with interdependent valuations and contingent transfers).
 */
import type { Source } from '../../src/catalogue/types.ts';
import { efficientPlan, type EfficientPlan } from '../../src/mechanisms/dynamic/allocation.ts';
import { convexIndependence, spanning, type ConvexIndependenceResult } from '../../src/mechanisms/dynamic/assumptions.ts';
import type { DynamicEnvironment } from '../../src/mechanisms/dynamic/environment.ts';
import { environmentFromDynamicSpec, specToFile, type DynamicSpec } from '../../src/mechanisms/dynamic/generators.ts';

export const SEED004 = '004_9d6e3cf19fe3eb52.txt';
export const src = (ref: string, section: string): Source => ({ seed: SEED004, ref, section });

/** Tolerance for checks whose transfers come from a certified LP (LP_TOLERANCE 1e-7, amplified by 1/delta and sums). */
export const LP_CHECK_TOLERANCE = 1e-6;

/**
 * The tolerance for a deviation gain computed with transfers x from Lemma A.4's
 * pseudo-inverse: tolerance (1 + max |x|). The transfers are exact only up to
 * rounding at their own scale (seed004.lemmaA4 judges their residual the same
 * way), and a gain adds and subtracts expectations of them: with max |x| = 38,
 * an exactly-zero gain came out as 1.04e-9 (verify --seed 2 --runs 300,
 * seed004.corollary33.independentSignals.asStated, residual 1.2e-9).
 */
export const gainTolerance = (tolerance: number, maxAbsTransfer: number): number => tolerance * (1 + maxAbsTransfer);

export interface Built {
  env: DynamicEnvironment;
  plan: EfficientPlan;
}

export function build(spec: DynamicSpec): Built {
  const env = environmentFromDynamicSpec(spec);
  return { env, plan: efficientPlan(env) };
}

/** A counterexample as the `mechcheck dynamic` file it corresponds to (plus the generator's integer weights). */
export const describeSpec = (spec: DynamicSpec) => ({ file: specToFile(spec) });

const spanningCache = new WeakMap<DynamicSpec, boolean>();
const ciCache = new WeakMap<DynamicSpec, ConvexIndependenceResult>();

/** Assumption 3 for a spec (cached: arbitraries filter on it and checks read it). */
export function spanningHolds(spec: DynamicSpec): boolean {
  let v = spanningCache.get(spec);
  if (v === undefined) {
    v = spanning(environmentFromDynamicSpec(spec)).holds;
    spanningCache.set(spec, v);
  }
  return v;
}

/** Assumption 2 for a spec (cached; certified LPs). */
export function convexIndependenceOf(spec: DynamicSpec): ConvexIndependenceResult {
  let v = ciCache.get(spec);
  if (v === undefined) {
    v = convexIndependence(environmentFromDynamicSpec(spec));
    ciCache.set(spec, v);
  }
  return v;
}
