/**
 * Numerical tolerances used across mechcheck.
 *
 * Every checker takes its tolerance as an explicit argument; these are the
 * documented defaults (README, "Tolerance policy").
 *
 * - `DEFAULT_TOLERANCE` (1e-9): a violation smaller than this is treated as
 *   floating-point noise and the property is reported as holding. Applied to
 *   utilities/transfers in the units of the instance (instances are generated
 *   with payoffs bounded by a small M, so an absolute tolerance is adequate).
 * - `PROBABILITY_TOLERANCE` (1e-9): a probability vector must sum to one within
 *   this tolerance (input files are rejected otherwise).
 * - `LP_TOLERANCE` (1e-7): primal feasibility and duality-gap tolerance used to
 *   certify an LP answer (relative to 1 + |objective|).
 */
/** A violation up to this size (payoff units) counts as holding. */
export const DEFAULT_TOLERANCE = 1e-9;
/** A probability vector of floating-point numbers must sum to 1 within this (times its length). */
export const PROBABILITY_TOLERANCE = 1e-9;
/**
 * `TIE_TOLERANCE` (1e-12): two computed quantities within this (absolute, or
 * relative where the code multiplies it by a scale) are equal, a floating-point
 * tie: the maximum of values within it goes to the lowest index, and a
 * quantity at most this is zero. Far below `DEFAULT_TOLERANCE`: a tie decides
 * which case is reported, never a verdict.
 */
export const TIE_TOLERANCE = 1e-12;
/**
 * Two posted posteriors within this L1 distance are the same post (the same
 * stage-2 information set) in the two-stage games of seeds 000 and 001
 * (src/mechanisms/postedPosterior.ts): a floating-point tie, far below any
 * difference between distinct posteriors of the instances generated.
 */
export const POSTERIOR_TIE_TOLERANCE = 1e-12;
/** Two action values of the dynamic efficient plan closer than this times 1 + |value| are a tie (the lowest action wins). */
export const PLAN_TIE_TOLERANCE = 1e-9;
/**
 * Relative precisions tried, in order, when a floating-point LP point or
 * certificate is rounded to nearby rationals with small denominators to be
 * certified exactly (src/design/exactCertificate.ts).
 */
export const RATIONALIZE_PRECISIONS = [1e-11, 1e-9, 1e-7] as const;
/** Primal feasibility and duality gap for certifying an LP answer, relative to 1 + |objective|. */
export const LP_TOLERANCE = 1e-7;

/**
 * `LP_CERTIFICATE_RADIUS` (1e9): a Farkas certificate computed in floating
 * point rarely cancels a free variable's reduced cost exactly (residues of
 * 1e-17); it is accepted when it proves infeasibility for every point whose
 * free coordinates are at most this in magnitude (1e9, far beyond any payoff
 * or transfer an instance of this toolkit produces; the radius is reported).
 */
export const LP_CERTIFICATE_RADIUS = 1e9;
