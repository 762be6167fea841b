/**
 * Build a catalogue entry from a deterministic computation, typically a
 * paper's worked example or table: a list of named comparisons between what
 * the paper states and what mechcheck computes. The entry holds when every
 * comparison agrees; otherwise it is refuted and the failing comparisons are
 * the counterexample.
 */
import { renderVegaLite } from '../report/figures.ts';
import { entryMeta } from './types.ts';
import type { Artifact, CatalogueEntry, FigureSpec, Comparison, EntryMeta, EntryResult, MetricValue, RunContext, Table } from './types.ts';
import { formatNumber } from '../core/format.ts';

export type { Comparison };

export interface ExampleOutput {
  comparisons: Comparison[];
  metrics?: Record<string, MetricValue>;
  tables?: Table[];
  /** files written beside the report: an SVG as text, or a figure's Vega-Lite specification (rendered here) */
  artifacts?: (Artifact | FigureSpec)[];
  notes?: string[];
}

export interface ExampleSpec extends EntryMeta {
  evaluate: (ctx: RunContext) => ExampleOutput | Promise<ExampleOutput>;
  mutant?: { description: string; evaluate: (ctx: RunContext) => ExampleOutput | Promise<ExampleOutput> };
}

/** Numeric comparison within an absolute tolerance. */
export function compareNumber(name: string, expected: number, actual: number, tolerance: number, note?: string): Comparison {
  return { name, expected, actual, ok: Math.abs(expected - actual) <= tolerance, note };
}

/** A boolean claim. */
export function claim(name: string, ok: boolean, actual?: unknown, note?: string): Comparison {
  return { name, expected: true, actual: actual ?? ok, ok, note };
}

/** An artifact as the report stores it: a figure's specification rendered to SVG. */
async function renderArtifact(a: Artifact | FigureSpec): Promise<Artifact> {
  if (!('vegaLite' in a)) return a;
  return {
    file: a.file,
    content: await renderVegaLite(a.vegaLite),
    ...(a.description !== undefined ? { description: a.description } : {}),
  };
}

async function toResult(out: ExampleOutput | Promise<ExampleOutput>): Promise<EntryResult> {
  const o = await out;
  const failed = o.comparisons.filter((c) => !c.ok);
  const common = {
    runs: o.comparisons.length,
    metrics: { comparisons: o.comparisons.length, failed: failed.length, ...(o.metrics ?? {}) },
    evidence: { generated: o.comparisons.length, checked: o.comparisons.length, replayed: 0 },
    tables: [
      ...(o.tables ?? []),
      {
        title: 'Comparisons',
        columns: ['quantity', 'stated', 'computed', 'agrees', 'note'],
        rows: o.comparisons.map((c) => [c.name, fmt(c.expected), fmt(c.actual), c.ok ? 'yes' : 'NO', c.note ?? '']),
      },
    ],
    artifacts: o.artifacts && (await Promise.all(o.artifacts.map(renderArtifact))),
    notes: o.notes,
  };
  return failed.length === 0
    ? { outcome: 'holds', ...common }
    : { outcome: 'refuted', counterexample: { type: 'comparisons', failedComparisons: failed }, ...common };
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v, { digits: 10 });
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export function exampleEntry(spec: ExampleSpec): CatalogueEntry {
  const entry: CatalogueEntry = {
    ...entryMeta(spec),
    runs: 1,
    run: (ctx) => toResult(spec.evaluate(ctx)),
  };
  if (spec.mutant) {
    const m = spec.mutant;
    entry.mutant = { description: m.description, run: (ctx) => toResult(m.evaluate(ctx)) };
  }
  return entry;
}
