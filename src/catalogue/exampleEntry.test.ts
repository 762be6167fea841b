/** Example entries: comparisons between what a paper states and what is computed. */
import { describe, expect, it } from 'vitest';
import { claim, compareNumber, exampleEntry, type ExampleSpec } from './exampleEntry.ts';
import { runEntry, runMutant } from './runner.ts';
import type { EntryMeta } from './types.ts';

const meta: EntryMeta = {
  id: 'test.example',
  title: 'a worked example',
  source: { seed: 'foundation', ref: 'Example 1' },
  kind: 'example',
  hypotheses: ['the numbers of the example'],
  conclusion: 'the stated values',
  expected: 'holds',
};
const spec = (evaluate: ExampleSpec['evaluate'], over: Partial<ExampleSpec> = {}): ExampleSpec => ({ ...meta, evaluate, ...over });

describe('compareNumber and claim', () => {
  it('compareNumber agrees within the absolute tolerance, and not beyond it', () => {
    expect(compareNumber('v', 1, 1 + 1e-10, 1e-9).ok).toBe(true);
    expect(compareNumber('v', 1, 1 + 1e-8, 1e-9).ok).toBe(false);
    expect(compareNumber('v', 1, Number.NaN, 1e-9).ok).toBe(false);
  });
  it('claim records a boolean, and the value shown when given', () => {
    expect(claim('c', true)).toEqual({ name: 'c', expected: true, actual: true, ok: true, note: undefined });
    expect(claim('c', false, 'why not')).toMatchObject({ ok: false, actual: 'why not' });
  });
});

describe('exampleEntry', () => {
  it('holds when every comparison agrees: one run, the comparisons as evidence and as a table', async () => {
    const r = await runEntry(
      exampleEntry(spec(() => ({ comparisons: [compareNumber('value', 2, 2, 1e-9), claim('positive', true)], metrics: { extra: 1 } }))),
      {
        counterexampleDirs: [],
      },
    );
    expect(r).toMatchObject({
      outcome: 'holds',
      asExpected: true,
      runs: 2,
      metrics: { comparisons: 2, failed: 0, extra: 1 },
      evidence: { generated: 2, checked: 2, replayed: 0 },
    });
    expect(r.tables?.at(-1)).toEqual({
      title: 'Comparisons',
      columns: ['quantity', 'stated', 'computed', 'agrees', 'note'],
      rows: [
        ['value', '2', '2', 'yes', ''],
        ['positive', 'true', 'true', 'yes', ''],
      ],
    });
  });
  it('is refuted by a disagreeing comparison, whose counterexample lists only the failing comparisons', async () => {
    const r = await runEntry(
      exampleEntry(
        spec(() => ({ comparisons: [compareNumber('a', 1, 1, 0), compareNumber('b', 1 / 3, 0.3, 1e-9, 'rounded in the paper')] })),
      ),
      {
        counterexampleDirs: [],
      },
    );
    expect(r.outcome).toBe('refuted');
    expect(r.asExpected).toBe(false);
    if (r.outcome !== 'refuted') return;
    expect(r.counterexample).toEqual({
      type: 'comparisons',
      failedComparisons: [{ name: 'b', expected: 1 / 3, actual: 0.3, ok: false, note: 'rounded in the paper' }],
    });
    expect(r.tables?.at(-1)?.rows[1]).toEqual(['b', '0.3333333333', '0.3', 'NO', 'rounded in the paper']);
  });
  it('an evaluation that throws is an error, an asynchronous one is awaited', async () => {
    const broken = exampleEntry(
      spec(() => {
        throw new Error('table 2 missing');
      }),
    );
    expect(await runEntry(broken, { counterexampleDirs: [] })).toMatchObject({ outcome: 'error', error: 'Error: table 2 missing' });
    const later = exampleEntry(spec(() => Promise.resolve({ comparisons: [claim('async', true)] })));
    expect((await runEntry(later, { counterexampleDirs: [] })).outcome).toBe('holds');
  });
  it('carries the metadata and its mutant, which runs on its own evaluation', async () => {
    const e = exampleEntry(
      spec(() => ({ comparisons: [claim('ok', true)] }), {
        expected: 'refuted',
        refutation: 'erratum',
        correctedBy: 'test.corrected',
        mutant: { description: 'breaks it', evaluate: () => ({ comparisons: [claim('ok', false)] }) },
      }),
    );
    expect(e).toMatchObject({
      id: 'test.example',
      kind: 'example',
      expected: 'refuted',
      refutation: 'erratum',
      correctedBy: 'test.corrected',
      runs: 1,
    });
    expect((await runMutant(e, { counterexampleDirs: [] }))?.outcome).toBe('refuted');
  });
});
