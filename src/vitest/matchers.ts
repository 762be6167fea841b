/**
 * Readable vitest matchers for mechanisms and check results; a failure
 * message shows the violated concept, its size and the witness in the user's
 * labels.
 *
 * - `expect(result).toHold()`: a ConceptResult, a concept from a CheckReport,
 *   or a whole CheckReport (every required concept holds);
 * - `expect(mechanism).toBeDominantStrategyIC(env?)`, `toBeExPostIC`,
 *   `toBeInterimIC`, `toBeExPostIR`, `toBeInterimIR`, `toHaveNoExPostDeficit`,
 *   `toHaveNoExAnteDeficit`, `toMakeNoPositiveTransfers`: one concept of a
 *   mechanism in an environment (by default the one `defineMechanism` bound it
 *   to);
 * - `expect(mechanism).toSatisfyConcepts(concepts, env?)`: several at once.
 */
import type { ConceptName, ConceptResult } from '../concepts/result.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { checkMechanism, explainViolation, type CheckedConcept, type CheckReport, type Labels } from '../check/report.ts';
import { formatNumber } from '../core/format.ts';

/** Options of the mechanism matchers. */
export interface MatcherOptions {
  /** violations up to this size count as holding (default 1e-9) */
  tolerance?: number;
}

/** The matchers' signatures (added to vitest's `expect` by `mechcheck/vitest`). */
export interface MechcheckMatchers<R = unknown> {
  /** A ConceptResult, a checked concept or a CheckReport holds (every required concept). */
  toHold(): R;
  toBeDominantStrategyIC(env?: Environment, opts?: MatcherOptions): R;
  toBeExPostIC(env?: Environment, opts?: MatcherOptions): R;
  toBeInterimIC(env?: Environment, opts?: MatcherOptions): R;
  toBeExPostIR(env?: Environment, opts?: MatcherOptions): R;
  toBeInterimIR(env?: Environment, opts?: MatcherOptions): R;
  toHaveNoExPostDeficit(env?: Environment, opts?: MatcherOptions): R;
  toHaveNoExAnteDeficit(env?: Environment, opts?: MatcherOptions): R;
  toMakeNoPositiveTransfers(env?: Environment, opts?: MatcherOptions): R;
  /** Every concept listed holds. */
  toSatisfyConcepts(concepts: readonly ConceptName[], env?: Environment, opts?: MatcherOptions): R;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

interface MatcherContext {
  isNot: boolean;
}

/** Labels for a bare ConceptResult (no environment at hand): `agent i`, type indices `#k`, `outcome c`. */
const indexLabels: Labels = new Proxy(
  {},
  {
    get: (_t, key) => {
      if (key === 'agentNames')
        return new Proxy([], { get: (_a, i) => (typeof i === 'string' && /^\d+$/.test(i) ? `agent ${i}` : undefined) });
      if (key === 'typeLabels')
        return new Proxy([], {
          get: () => new Proxy([], { get: (_b, k) => (typeof k === 'string' && /^\d+$/.test(k) ? `#${k}` : undefined) }),
        });
      if (key === 'outcomeLabels')
        return new Proxy([], { get: (_a, c) => (typeof c === 'string' && /^\d+$/.test(c) ? `outcome ${c}` : undefined) });
      return undefined;
    },
  },
) as Labels;

function isReport(x: unknown): x is CheckReport {
  return typeof x === 'object' && x !== null && Array.isArray((x as CheckReport).results) && typeof (x as CheckReport).ok === 'boolean';
}

function isConceptResult(x: unknown): x is ConceptResult | CheckedConcept {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ConceptResult).concept === 'string' &&
    typeof (x as ConceptResult).holds === 'boolean'
  );
}

function conceptLine(r: ConceptResult | CheckedConcept): string {
  const why = 'explanation' in r ? r.explanation : explainViolation(indexLabels, r);
  return `${r.concept} is violated by ${formatNumber(r.violation)} (tolerance ${r.tolerance})${why ? `: ${why}` : ''}`;
}

function reportMessage(report: CheckReport): string {
  return report.results
    .filter((r) => r.required && !r.holds)
    .map((r) => `  ${conceptLine(r)}`)
    .join('\n');
}

function toHold(this: MatcherContext, received: unknown): MatcherResult {
  if (isReport(received)) {
    return {
      pass: received.ok,
      message: () =>
        this.isNot
          ? `expected ${received.mechanism} to violate a required concept, but every one holds`
          : `expected every required concept to hold for ${received.mechanism}, but:\n${reportMessage(received)}`,
    };
  }
  if (isConceptResult(received)) {
    return {
      pass: received.holds,
      message: () =>
        this.isNot
          ? `expected ${received.concept} to be violated, but it holds (worst ${formatNumber(received.worst)}, tolerance ${received.tolerance})`
          : `expected ${received.concept} to hold, but ${conceptLine(received)}`,
    };
  }
  return { pass: false, message: () => 'toHold() expects a ConceptResult or a CheckReport (from checkMechanism)' };
}

function environmentOf(mech: unknown, env: Environment | undefined): Environment | undefined {
  return env ?? (typeof mech === 'object' && mech !== null ? (mech as { environment?: Environment }).environment : undefined);
}

function conceptMatcher(concepts: readonly ConceptName[]) {
  return function (this: MatcherContext, received: unknown, env?: Environment, opts: MatcherOptions = {}): MatcherResult {
    const e = environmentOf(received, env);
    if (!e)
      return { pass: false, message: () => 'no environment: pass one, or a mechanism from defineMechanism (bound to its environment)' };
    const report = checkMechanism(e, received as DirectMechanism, { concepts, tolerance: opts.tolerance });
    const name = report.mechanism;
    return {
      pass: report.ok,
      message: () =>
        this.isNot
          ? `expected ${name} to violate ${concepts.join(', ')}, but ${concepts.length === 1 ? 'it holds' : 'they hold'}`
          : `expected ${name} to satisfy ${concepts.join(', ')}, but:\n${reportMessage(report)}`,
    };
  };
}

/** The matchers as an object for `expect.extend` (done by importing `mechcheck/vitest`). */
export const mechcheckMatchers = {
  toHold,
  toBeDominantStrategyIC: conceptMatcher(['dominantStrategyIC']),
  toBeExPostIC: conceptMatcher(['exPostIC']),
  toBeInterimIC: conceptMatcher(['interimIC']),
  toBeExPostIR: conceptMatcher(['exPostIR']),
  toBeInterimIR: conceptMatcher(['interimIR']),
  toHaveNoExPostDeficit: conceptMatcher(['exPostBudget']),
  toHaveNoExAnteDeficit: conceptMatcher(['exAnteBudget']),
  toMakeNoPositiveTransfers: conceptMatcher(['noPositiveTransfers']),
  toSatisfyConcepts(
    this: MatcherContext,
    received: unknown,
    concepts: readonly ConceptName[],
    env?: Environment,
    opts?: MatcherOptions,
  ): MatcherResult {
    return conceptMatcher(concepts).call(this, received, env, opts);
  },
};
