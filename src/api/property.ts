/**
 * Properties of a user's own mechanism over random environments, with
 * fast-check: a mechanism factory (environment -> mechanism), an arbitrary of
 * environments (the package's, `mechcheck/arbitraries`, or the user's) and the
 * concepts that must hold. On failure fast-check shrinks to the smallest
 * environment it can find, and the failure says which concept is violated, by
 * how much, the witness in the user's labels, the environment, and the seed
 * and path that replay it.
 */
import fc from 'fast-check';
import type { ConceptName } from '../concepts/result.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { checkMechanism, type CheckReport } from '../check/report.ts';
import { formatNumber } from '../core/format.ts';

/** Options of the property builders. */
export interface MechanismPropertyOptions {
  /** The concepts that must hold. */
  concepts: readonly ConceptName[];
  /** Violations up to this size count as holding (default 1e-9). */
  tolerance?: number;
}

/** A mechanism violates a concept in an environment (thrown inside a property; see `mechanismProperty`). */
export class MechanismViolation extends Error {
  readonly report: CheckReport;
  readonly environment: Environment;
  constructor(report: CheckReport, environment: Environment) {
    super(violationText(report));
    this.name = 'MechanismViolation';
    this.report = report;
    this.environment = environment;
  }
}

/** The violated required concepts of a report, one line each: concept, size, witness. */
export function violationText(report: CheckReport): string {
  return report.results
    .filter((r) => r.required && !r.holds)
    .map((r) => `${r.concept} violated by ${formatNumber(r.violation)} (tolerance ${report.tolerance}): ${r.explanation}`)
    .join('\n');
}

/**
 * A fast-check property: for every environment drawn from `environments`, the
 * mechanism `factory(env)` satisfies every concept in `opts.concepts`. Use it
 * with `fc.assert` (or `assertMechanism`, which formats the failure).
 *
 * @example
 *   fc.assert(mechanismProperty(auctionEnvironmentArb(), secondPrice, { concepts: ['dominantStrategyIC', 'exPostIR'] }));
 */
export function mechanismProperty<E extends Environment>(
  environments: fc.Arbitrary<E>,
  factory: (env: E) => DirectMechanism,
  opts: MechanismPropertyOptions,
): fc.IPropertyWithHooks<[E]> {
  return fc.property(environments, (env) => {
    const report = checkMechanism(env, factory(env), { concepts: opts.concepts, tolerance: opts.tolerance });
    if (!report.ok) throw new MechanismViolation(report, env);
  });
}

/** A failed `assertMechanism`: the message says everything; the fields carry it for programs. */
export class MechanismPropertyFailure extends Error {
  /** The violation found on the shrunk environment (undefined when the factory itself failed). */
  readonly violation?: MechanismViolation;
  /** The shrunk environment. */
  readonly environment: unknown;
  readonly seed: number;
  readonly path?: string;
  constructor(message: string, fields: { violation?: MechanismViolation; environment: unknown; seed: number; path?: string }) {
    super(message);
    this.name = 'MechanismPropertyFailure';
    this.violation = fields.violation;
    this.environment = fields.environment;
    this.seed = fields.seed;
    this.path = fields.path;
  }
}

/**
 * Run `mechanismProperty` and, on failure, throw a MechanismPropertyFailure
 * whose message gives the violated concept, its size, the witness in the
 * user's labels, the shrunk environment, and the seed and path to replay it
 * (pass them back as `{ seed, path }`). `params` are fast-check's (numRuns,
 * seed, path, ...).
 *
 * @example
 *   assertMechanism(auctionEnvironmentArb(), secondPrice, { concepts: ['dominantStrategyIC'] }, { numRuns: 200 });
 */
export function assertMechanism<E extends Environment>(
  environments: fc.Arbitrary<E>,
  factory: (env: E) => DirectMechanism,
  opts: MechanismPropertyOptions,
  params: fc.Parameters<[E]> = {},
): void {
  const details = fc.check(mechanismProperty(environments, factory, opts), params);
  if (!details.failed) {
    if (details.interrupted) throw new Error(`mechanism property interrupted after ${details.numRuns} runs (seed ${details.seed})`);
    return;
  }
  const env = details.counterexample?.[0];
  const err = details.errorInstance;
  const violation = err instanceof MechanismViolation ? err : undefined;
  const head = violation
    ? `${violation.report.mechanism === 'mechanism' ? 'the mechanism' : violation.report.mechanism} fails after ${details.numRuns} environment(s), shrunk ${details.numShrinks} time(s):\n${violationText(violation.report).replace(/^/gm, '  ')}`
    : `mechanism property failed after ${details.numRuns} environment(s), shrunk ${details.numShrinks} time(s): ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  const replay = `replay with { seed: ${details.seed}${details.counterexamplePath ? `, path: ${JSON.stringify(details.counterexamplePath)}` : ''} } as fast-check parameters`;
  const message = `${head}\nenvironment:\n${fc.stringify(env).replace(/^/gm, '  ')}\n${replay}`;
  throw new MechanismPropertyFailure(message, {
    violation,
    environment: env,
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
  });
}
