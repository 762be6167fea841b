/**
 * Health checks of a property entry, in the manner of Hypothesis's health
 * checks: a "holds" is only as good as the instances that were actually
 * checked. An instance that fails one of the entry's hypotheses is discarded
 * (fast-check's `fc.pre`), never counted as a pass; when too few generated
 * instances meet the hypotheses, the entry reports an `error` saying so instead
 * of a "holds" resting on little evidence.
 *
 * Thresholds (documented in the README, "Evidence and health checks"):
 * - at least `minChecked` = 30 checked instances, or every run asked for when
 *   fewer were asked for (`--runs 10` asks for 10); an entry whose default is
 *   fewer than 30 runs states why in its `health` exception;
 * - at least `minAcceptance` = 1/2 of the generated instances meet the
 *   hypotheses (a generator that mostly produces instances outside the
 *   theorem's scope is a generator to fix, as Hypothesis's `filter_too_much`);
 * - fast-check gives up after `maxSkipsPerRun` = 10 discarded instances per
 *   run asked for (the search would otherwise spend most of its time on
 *   instances it throws away).
 *
 * Only a `holds` is judged: a counterexample is a counterexample however few
 * instances came before it.
 */
import type { Evidence, HealthException } from './types.ts';

/** The default thresholds. */
export const HEALTH = {
  minChecked: 30,
  minAcceptance: 0.5,
  maxSkipsPerRun: 10,
} as const;

/**
 * Why a `holds` fails its health check, or null when it passes.
 *
 * @param evidence the generation phase's counts
 * @param runs the number of runs asked for
 * @param exception the entry's documented exception to the thresholds
 */
export function healthFailure(evidence: Evidence, runs: number, exception?: HealthException): string | null {
  const minChecked = Math.min(exception?.minChecked ?? HEALTH.minChecked, runs);
  const minAcceptance = exception?.minAcceptance ?? HEALTH.minAcceptance;
  const discarded = Object.entries(evidence.discarded ?? {})
    .map(([h, k]) => `${k} x ${h}`)
    .join(', ');
  const why = discarded ? ` (discarded: ${discarded})` : '';
  if (evidence.checked < minChecked) {
    return `health check failed: only ${evidence.checked} of ${evidence.generated} generated instances met the hypotheses and were checked, fewer than ${minChecked}${why}`;
  }
  if (evidence.generated > 0 && evidence.checked < minAcceptance * evidence.generated) {
    return `health check failed: only ${evidence.checked} of ${evidence.generated} generated instances met the hypotheses (${((100 * evidence.checked) / evidence.generated).toFixed(0)}%, under ${(100 * minAcceptance).toFixed(0)}%)${why}`;
  }
  return null;
}
