/**
 * Build a catalogue entry from a fast-check property.
 *
 * `check` returns whether the conclusion holds on one instance, with metrics
 * (aggregated over the instances by `metrics`: max or min) and optional
 * detail; or `unmet(hypothesis)` when the instance does not meet one of the
 * entry's hypotheses: such an instance is discarded (fast-check's `fc.pre`) and
 * counted, never a pass.
 *
 * A run has two phases, kept apart as Hypothesis keeps its example database
 * apart from generation:
 * 1. explicit instances: the entry's stored counterexamples
 *    (`fixtures/counterexamples/<id>.json`, with their provenance) and its
 *    examples (the paper's own numbers). One that refutes the property is the
 *    counterexample (not shrunk) and generation is skipped.
 * 2. generation: fast-check with the entry's seed and nothing prepended, so the
 *    seed and path printed for a counterexample replay it whatever is stored.
 *    When it fails, fast-check shrinks the instance; the entry reports the
 *    shrunk instance, the detail of the check on it, and the command that
 *    replays it (`verify --only ID --seed S --replay PATH`).
 *
 * A replay (`ctx.path` set) runs generation only, at that path; when it finds
 * no counterexample it is an error that says so ("did not reproduce").
 * A `holds` is judged by the health checks of `health.ts`.
 */
import fc from 'fast-check';
import { HEALTH, healthFailure } from './health.ts';
import { packageCounterexampleDir } from './paths.ts';
import { loadStoredCounterexamples } from './stored.ts';
import { entryMeta } from './types.ts';
import type {
  CatalogueEntry,
  EntryMeta,
  EntryResult,
  Evidence,
  HealthException,
  MetricValue,
  PropertyCounterexample,
  Provenance,
  Replay,
  RunContext,
} from './types.ts';

/** What a check reports on an instance that meets the entry's hypotheses. */
export interface PropertyCheck {
  ok: boolean;
  metrics?: Record<string, number>;
  /** shown with the counterexample */
  detail?: unknown;
}

/** What a check reports on an instance that does not meet one of the entry's hypotheses (named). */
export interface HypothesisUnmet {
  unmet: string;
}

/** A check's answer: a verdict on the instance, or the hypothesis the instance does not meet. */
export type CheckResult = PropertyCheck | HypothesisUnmet;

/** The instance does not meet `hypothesis` (named as in the entry's hypotheses): it is discarded and counted, not checked. */
export const unmet = (hypothesis: string): HypothesisUnmet => ({ unmet: hypothesis });

const isUnmet = (r: CheckResult): r is HypothesisUnmet => typeof (r as HypothesisUnmet).unmet === 'string';

/** Instances rejected by `given` filters while the current property generates (null outside generation and while shrinking). */
let filterTally: Record<string, number> | null = null;

/**
 * An arbitrary restricted to the instances that meet a hypothesis (fast-check's
 * `filter`, so shrinking keeps the hypothesis too). Unlike a bare filter, each
 * rejected instance is counted in the entry's evidence (`discarded`, by
 * hypothesis) and in its health check: a hypothesis in the arbitrary is a
 * precondition, not a way to hide how often instances fall outside it.
 *
 * @example
 *   arbitrary: () => given(dynamicSpecArb({ maxProfiles: 12 }), 'Assumption 3 (spanning)', spanningHolds)
 */
export function given<T>(arbitrary: fc.Arbitrary<T>, hypothesis: string, holds: (x: T) => boolean): fc.Arbitrary<T> {
  return arbitrary.filter((x) => {
    const ok = holds(x);
    if (!ok && filterTally) filterTally[hypothesis] = (filterTally[hypothesis] ?? 0) + 1;
    return ok;
  });
}

export interface PropertySpec<T> extends EntryMeta {
  runs?: number;
  arbitrary: () => fc.Arbitrary<T>;
  check: (input: T, ctx: RunContext) => CheckResult;
  /** aggregation of each metric over the runs (default 'max') */
  metrics?: Record<string, 'max' | 'min'>;
  /** plain-JSON view of an instance (default: the instance itself) */
  describe?: (input: T) => unknown;
  /** explicit instances checked before generation (e.g. the paper's own numbers); each must meet the hypotheses */
  examples?: T[];
  /** exceptions to the health thresholds, with the reason */
  health?: HealthException;
  /** a broken check that the property must refute (its examples default to the entry's) */
  mutant?: { description: string; check: (input: T, ctx: RunContext) => CheckResult; arbitrary?: () => fc.Arbitrary<T>; examples?: T[] };
  notes?: string[];
}

/** The command that replays a counterexample found by generation: the base seed (from which the entry's seed is derived) and fast-check's path. */
export function replayCommand(id: string, baseSeed: number, path?: string): string {
  return `npx mechcheck verify --only '${id}' --seed ${baseSeed}${path ? ` --replay '${path}'` : ''}`;
}

/** The command that checks an entry's explicit instances again (stored counterexamples and examples run first on every run). */
export function rerunCommand(id: string): string {
  return `npx mechcheck verify --only '${id}'`;
}

export interface RunPropertyOptions<T> {
  metrics?: Record<string, 'max' | 'min'>;
  describe?: (input: T) => unknown;
  examples?: T[];
  notes?: string[];
  /** replay the entry's stored counterexamples first (default true) */
  useStored?: boolean;
  health?: HealthException;
}

interface Explicit<T> {
  input: T;
  origin: 'stored' | 'example';
  provenance?: Provenance;
  /** where it is: a fixture file, or the entry's k-th example */
  where: string;
}

/** Run a property (explicit instances, then generation) and turn the outcome into an EntryResult. */
export function runProperty<T>(
  id: string,
  arbitrary: fc.Arbitrary<T>,
  check: (input: T, ctx: RunContext) => CheckResult,
  ctx: RunContext,
  opts: RunPropertyOptions<T> = {},
): EntryResult {
  const entryId = id.replace(/#mutant$/, '');
  const agg: Record<string, number> = {};
  const how = opts.metrics ?? {};
  const record = (m: Record<string, number> | undefined) => {
    if (!m) return;
    for (const [k, v] of Object.entries(m)) {
      if (Number.isNaN(v)) continue;
      const mode = how[k] ?? 'max';
      if (agg[k] === undefined) agg[k] = v;
      else agg[k] = mode === 'max' ? Math.max(agg[k], v) : Math.min(agg[k], v);
    }
  };
  const describe = opts.describe ?? ((x: T) => x);
  const evidence: Evidence = { generated: 0, checked: 0, replayed: 0, examples: 0 };
  const metrics = (): Record<string, MetricValue> => ({ ...agg });

  // the counterexample, the detail and metrics of the check on it, or the error it raised
  const conclude = (
    cex: T,
    base: Omit<PropertyCounterexample, 'input' | 'detail' | 'raw'>,
    replay: Replay,
    runs: number,
    known?: CheckResult,
  ): EntryResult => {
    let r: CheckResult;
    try {
      r = known ?? check(cex, ctx);
    } catch (e) {
      // the check threw rather than returned false: an error, not a refutation
      return {
        outcome: 'error',
        runs,
        counterexample: { ...base, input: describe(cex), detail: null },
        metrics: metrics(),
        evidence,
        error: `${(e as Error).name}: ${(e as Error).message}`,
        replay,
      };
    }
    if (isUnmet(r))
      return {
        outcome: 'error',
        runs,
        metrics: metrics(),
        evidence,
        error: `the counterexample does not meet the hypothesis '${r.unmet}' (an entry's check must decide its hypotheses the same way each time)`,
        replay,
      };
    const m = metrics();
    if (r.metrics) for (const [k, v] of Object.entries(r.metrics)) m[`${k}AtCounterexample`] = v;
    const counterexample: PropertyCounterexample = {
      ...base,
      input: describe(cex),
      detail: r.detail ?? null,
      ...(opts.describe ? { raw: cex } : {}),
    };
    if (r.ok)
      return {
        outcome: 'error',
        runs,
        counterexample,
        metrics: m,
        evidence,
        error: 'the counterexample passes when checked again (the check is not deterministic)',
        replay,
      };
    return { outcome: 'refuted', runs, counterexample, metrics: m, evidence, replay, notes: opts.notes };
  };

  // phase 1: explicit instances (not when replaying a path of the search)
  if (ctx.path === undefined) {
    const stored =
      opts.useStored === false
        ? []
        : loadStoredCounterexamples(entryId, ctx.counterexampleDirs ?? [packageCounterexampleDir()], ctx.aliases);
    const explicit: Explicit<T>[] = [
      ...stored.map((s): Explicit<T> => ({ input: s.input as T, origin: 'stored', provenance: s.provenance, where: s.file })),
      ...(opts.examples ?? []).map((e, k): Explicit<T> => ({ input: e, origin: 'example', where: `example ${k + 1} of the entry` })),
    ];
    for (const x of explicit) {
      if (x.origin === 'stored') evidence.replayed++;
      else evidence.examples!++;
      const replay: Replay =
        x.provenance?.kind === 'generated'
          ? {
              seed: x.provenance.seed,
              baseSeed: x.provenance.baseSeed,
              path: x.provenance.path,
              command: replayCommand(entryId, x.provenance.baseSeed, x.provenance.path),
            }
          : { seed: ctx.seed, baseSeed: ctx.baseSeed, command: rerunCommand(entryId) };
      const base = { type: 'property' as const, origin: x.origin, ...(x.provenance ? { provenance: x.provenance } : {}), shrinks: 0 };
      let r: CheckResult;
      try {
        r = check(x.input, ctx);
      } catch {
        return conclude(x.input, base, replay, 0);
      }
      if (isUnmet(r)) {
        return {
          outcome: 'error',
          runs: 0,
          metrics: metrics(),
          evidence,
          error: `${x.origin === 'stored' ? 'stored counterexample' : 'explicit example'} (${x.where}) does not meet the hypothesis '${r.unmet}'`,
        };
      }
      if (!r.ok) return conclude(x.input, base, replay, 0, r);
      record(r.metrics);
    }
  }

  // phase 2: generation
  let failed = false;
  const discarded: Record<string, number> = {};
  const prop = fc.property(arbitrary, (input) => {
    const r = check(input, ctx);
    if (isUnmet(r)) {
      // counted while generating (fast-check counts skips the same way), not while shrinking
      if (!failed) discarded[r.unmet] = (discarded[r.unmet] ?? 0) + 1;
      fc.pre(false);
      return true;
    }
    if (!r.ok) {
      failed = true;
      filterTally = null; // shrinking: rejected candidates are not generated instances
    } else if (!failed) record(r.metrics);
    return r.ok;
  });
  const filtered: Record<string, number> = {};
  filterTally = filtered;
  let details: fc.RunDetails<[T]>;
  try {
    details = fc.check(prop, {
      seed: ctx.seed,
      numRuns: ctx.runs,
      path: ctx.path,
      endOnFailure: false,
      maxSkipsPerRun: HEALTH.maxSkipsPerRun,
    });
  } finally {
    filterTally = null;
  }
  for (const [h, k] of Object.entries(filtered)) discarded[h] = (discarded[h] ?? 0) + k;
  const rejectedByFilters = Object.values(filtered).reduce((a, b) => a + b, 0);
  evidence.generated = details.numRuns + details.numSkips + rejectedByFilters;
  evidence.checked = details.numRuns;
  if (Object.keys(discarded).length) evidence.discarded = discarded;
  const path = details.counterexamplePath ?? undefined;
  const replay: Replay = { seed: ctx.seed, baseSeed: ctx.baseSeed, path, command: replayCommand(entryId, ctx.baseSeed, path) };
  if (!details.failed) {
    if (ctx.path !== undefined) {
      return {
        outcome: 'error',
        runs: details.numRuns,
        metrics: metrics(),
        evidence,
        error: `did not reproduce: no counterexample at seed ${ctx.baseSeed} (entry seed ${ctx.seed}), path '${ctx.path}'; the code or the generator changed since it was found, or the path is not one this entry printed`,
        replay,
      };
    }
    const unhealthy = healthFailure(evidence, ctx.runs, opts.health);
    if (unhealthy) return { outcome: 'error', runs: details.numRuns, metrics: metrics(), evidence, error: unhealthy };
    return { outcome: 'holds', runs: details.numRuns, metrics: metrics(), evidence, notes: opts.notes };
  }
  if (details.counterexample === null) {
    const tooMany = details.numSkips > ctx.runs * HEALTH.maxSkipsPerRun;
    const error = tooMany
      ? (healthFailure(evidence, ctx.runs, opts.health) ?? '') + ` (fast-check gave up after ${details.numSkips} discarded instances)`
      : String(details.errorInstance ?? 'fast-check failed without a counterexample');
    return { outcome: 'error', runs: details.numRuns, metrics: metrics(), evidence, error: error.trim() };
  }
  return conclude(
    details.counterexample[0],
    { type: 'property', origin: 'generated', shrinks: details.numShrinks },
    replay,
    details.numRuns,
  );
}

export function propertyEntry<T>(spec: PropertySpec<T>): CatalogueEntry {
  const entry: CatalogueEntry = {
    ...entryMeta(spec),
    runs: spec.runs,
    health: spec.health,
    run: (ctx) =>
      runProperty(spec.id, spec.arbitrary(), spec.check, ctx, {
        metrics: spec.metrics,
        describe: spec.describe,
        examples: spec.examples,
        notes: spec.notes,
        health: spec.health,
      }),
  };
  if (spec.mutant) {
    const m = spec.mutant;
    entry.mutant = {
      description: m.description,
      run: (ctx) =>
        runProperty(`${spec.id}#mutant`, (m.arbitrary ?? spec.arbitrary)(), m.check, ctx, {
          metrics: spec.metrics,
          describe: spec.describe,
          examples: m.examples ?? spec.examples,
          useStored: false,
          health: spec.health,
        }),
    };
  }
  return entry;
}
