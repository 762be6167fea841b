/**
 * Build a catalogue entry from a fast-check property.
 *
 * `check` returns whether the conclusion holds on one instance, with metrics
 * (aggregated over the runs by `metrics`: max or min) and optional detail. When
 * it fails, fast-check shrinks the instance; the entry reports the shrunk
 * instance, the detail of the check on it, and the seed and path to replay it.
 * Counterexamples saved in fixtures/counterexamples/<id>.json are replayed first.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry, EntryMeta, EntryResult, MetricValue, RunContext } from './types.ts';
import { fixturesDir } from './paths.ts';

export interface PropertyCheck {
  ok: boolean;
  metrics?: Record<string, number>;
  /** shown with the counterexample */
  detail?: unknown;
}

export interface PropertySpec<T> extends EntryMeta {
  runs?: number;
  arbitrary: () => fc.Arbitrary<T>;
  check: (input: T, ctx: RunContext) => PropertyCheck;
  /** aggregation of each metric over the runs (default 'max') */
  metrics?: Record<string, 'max' | 'min'>;
  /** plain-JSON view of an instance (default: the instance itself) */
  describe?: (input: T) => unknown;
  /** extra instances always checked first (e.g. the paper's own numbers) */
  examples?: T[];
  /** a broken check that the property must refute */
  mutant?: { description: string; check: (input: T, ctx: RunContext) => PropertyCheck; arbitrary?: () => fc.Arbitrary<T> };
  notes?: string[];
}

export interface SavedCounterexample {
  id: string;
  seed: number;
  path?: string;
  input: unknown;
}

export function loadSavedCounterexample(id: string): SavedCounterexample | null {
  const file = join(fixturesDir(), 'counterexamples', `${id}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as SavedCounterexample;
}

/** The command that replays a counterexample: the base seed (from which the entry's seed is derived) and fast-check's path. */
export function replayCommand(id: string, baseSeed: number, path?: string): string {
  return `npx mechcheck verify --only '${id}' --seed ${baseSeed}${path ? ` --replay '${path}'` : ''}`;
}

/** Run a property and turn fast-check's report into an EntryResult. */
export function runProperty<T>(
  id: string,
  arbitrary: fc.Arbitrary<T>,
  check: (input: T, ctx: RunContext) => PropertyCheck,
  ctx: RunContext,
  opts: { metrics?: Record<string, 'max' | 'min'>; describe?: (input: T) => unknown; examples?: T[]; notes?: string[]; useSaved?: boolean } = {},
): EntryResult {
  const agg: Record<string, number> = {};
  const how = opts.metrics ?? {};
  let evaluated = 0;
  const record = (m: Record<string, number> | undefined) => {
    if (!m) return;
    for (const [k, v] of Object.entries(m)) {
      if (Number.isNaN(v)) continue;
      const mode = how[k] ?? 'max';
      if (agg[k] === undefined) agg[k] = v;
      else agg[k] = mode === 'max' ? Math.max(agg[k], v) : Math.min(agg[k], v);
    }
  };
  const examples: [T][] = (opts.examples ?? []).map((e) => [e]);
  const saved = opts.useSaved === false ? null : loadSavedCounterexample(id);
  if (saved) examples.unshift([saved.input as T]);
  const prop = fc.property(arbitrary, (input) => {
    const r = check(input, ctx);
    evaluated++;
    if (r.ok) record(r.metrics);
    return r.ok;
  });
  const details = fc.check(prop, {
    seed: ctx.seed,
    numRuns: ctx.runs,
    path: ctx.path,
    examples,
    endOnFailure: false,
  });
  const describe = opts.describe ?? ((x: T) => x);
  const metrics: Record<string, MetricValue> = { ...agg, instancesChecked: evaluated };
  const evidence = { generated: details.numRuns + details.numSkips, checked: details.numRuns, replayed: saved ? 1 : 0 };
  if (!details.failed) {
    return { outcome: 'holds', runs: details.numRuns, metrics, evidence, notes: opts.notes };
  }
  const cex = details.counterexample?.[0] as T | undefined;
  const path = details.counterexamplePath ?? undefined;
  const replay = { seed: ctx.seed, baseSeed: ctx.baseSeed, path, command: replayCommand(id.replace(/#mutant$/, ''), ctx.baseSeed, path) };
  if (cex === undefined) {
    return { outcome: 'error', runs: details.numRuns, metrics, evidence, error: String(details.errorInstance ?? 'fast-check failed without a counterexample'), replay };
  }
  const origin = saved && cex === saved.input ? 'stored' : 'generated';
  let detail: unknown;
  let metricsAtCex: Record<string, number> | undefined;
  try {
    const r = check(cex, ctx);
    detail = r.detail;
    metricsAtCex = r.metrics;
  } catch (e) {
    // the check threw rather than returned false: an error, not a refutation
    return {
      outcome: 'error',
      runs: details.numRuns,
      counterexample: { type: 'property', origin, input: describe(cex), detail: null, shrinks: details.numShrinks },
      metrics,
      evidence,
      error: `${(e as Error).name}: ${(e as Error).message}`,
      replay,
    };
  }
  if (metricsAtCex) for (const [k, v] of Object.entries(metricsAtCex)) metrics[`${k}AtCounterexample`] = v;
  return {
    outcome: 'refuted',
    runs: details.numRuns,
    counterexample: { type: 'property', origin, input: describe(cex), detail: detail ?? null, ...(opts.describe ? { raw: cex } : {}), shrinks: details.numShrinks },
    metrics,
    evidence,
    replay,
    notes: opts.notes,
  };
}

export function propertyEntry<T>(spec: PropertySpec<T>): CatalogueEntry {
  const entry: CatalogueEntry = {
    id: spec.id,
    title: spec.title,
    source: spec.source,
    kind: spec.kind,
    hypotheses: spec.hypotheses,
    conclusion: spec.conclusion,
    expected: spec.expected,
    relaxes: spec.relaxes,
    refutation: spec.refutation,
    correctedBy: spec.correctedBy,
    runs: spec.runs,
    run: (ctx) => runProperty(spec.id, spec.arbitrary(), spec.check, ctx, { metrics: spec.metrics, describe: spec.describe, examples: spec.examples, notes: spec.notes }),
  };
  if (spec.mutant) {
    const m = spec.mutant;
    entry.mutant = {
      description: m.description,
      run: (ctx) => runProperty(`${spec.id}#mutant`, (m.arbitrary ?? spec.arbitrary)(), m.check, ctx, { metrics: spec.metrics, describe: spec.describe, examples: spec.examples, useSaved: false }),
    };
  }
  return entry;
}
