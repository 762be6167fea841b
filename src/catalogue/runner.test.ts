/** The runner: per-entry seeds, the run context, errors turned into `error` records, the expected-verdict check, mutants, `--only` selection, and the LP certificate counts it records. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../properties/index.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import { contextFor, DEFAULT_SEED, entrySeed, matchesPattern, runEntry, runMutant, selectEntries } from './runner.ts';
import type { CatalogueEntry, EntryResult, RunContext } from './types.ts';

const holds: EntryResult = { outcome: 'holds', runs: 3, metrics: { worstGain: 0 }, evidence: { generated: 3, checked: 3, replayed: 0 } };
const refuted: EntryResult = {
  outcome: 'refuted',
  runs: 1,
  metrics: {},
  evidence: { generated: 1, checked: 1, replayed: 0 },
  counterexample: { type: 'comparisons', failedComparisons: [{ name: 'x', expected: 1, actual: 2, ok: false }] },
};

function entry(over: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    id: 'test.entry',
    title: 'a test entry',
    source: { seed: 'foundation', ref: 'test' },
    kind: 'sanity',
    hypotheses: ['h'],
    conclusion: 'c',
    expected: 'holds',
    run: () => holds,
    ...over,
  };
}

describe('entrySeed', () => {
  it('is a 31-bit integer determined by the base seed and the id, and changes with either', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.string(), (base, id) => {
        const s = entrySeed(base, id);
        expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
        expect(entrySeed(base, id)).toBe(s);
      }),
    );
    expect(entrySeed(1, 'a.b')).not.toBe(entrySeed(2, 'a.b'));
    expect(entrySeed(1, 'a.b')).not.toBe(entrySeed(1, 'a.c'));
    // pinned: a change of the hash would change every printed replay command and stored provenance
    expect(DEFAULT_SEED).toBe(20261124);
    expect(entrySeed(DEFAULT_SEED, 'foundation.vcg.dsic')).toBe(934003829);
    expect(entrySeed(0, '')).toBe(0x811c9dc5 & 0x7fffffff); // FNV-1a's offset basis, no byte mixed in
  });
});

describe('contextFor', () => {
  it('defaults: the embedded seed, the entry runs (else 100), the default tolerance', () => {
    const c = contextFor(entry({ runs: 7 }), { counterexampleDirs: [] });
    expect(c).toEqual({
      seed: entrySeed(DEFAULT_SEED, 'test.entry'),
      baseSeed: DEFAULT_SEED,
      runs: 7,
      tolerance: DEFAULT_TOLERANCE,
      path: undefined,
      counterexampleDirs: [],
    });
    expect(contextFor(entry(), { counterexampleDirs: [] }).runs).toBe(100);
  });
  it('options override the entry: seed, runs, tolerance, replay path', () => {
    const c = contextFor(entry({ runs: 7 }), { seed: 5, runs: 2, tolerance: 1e-6, path: '3:1', counterexampleDirs: [] });
    expect(c).toMatchObject({ seed: entrySeed(5, 'test.entry'), baseSeed: 5, runs: 2, tolerance: 1e-6, path: '3:1' });
  });
});

describe('runEntry', () => {
  it('records the entry metadata, its result, the derived seed, and that it is as expected', async () => {
    let seen: RunContext | undefined;
    const r = await runEntry(
      entry({
        run: (ctx) => {
          seen = ctx;
          return holds;
        },
      }),
      { seed: 3, counterexampleDirs: [] },
    );
    expect(seen?.seed).toBe(entrySeed(3, 'test.entry'));
    expect(r).toMatchObject({
      id: 'test.entry',
      title: 'a test entry',
      kind: 'sanity',
      expected: 'holds',
      outcome: 'holds',
      asExpected: true,
      seed: entrySeed(3, 'test.entry'),
    });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });
  it('an entry expected to hold that is refuted is not as expected (and the converse)', async () => {
    expect((await runEntry(entry({ run: () => refuted }), { counterexampleDirs: [] })).asExpected).toBe(false);
    expect(
      (await runEntry(entry({ expected: 'refuted', refutation: 'erratum', run: () => holds }), { counterexampleDirs: [] })).asExpected,
    ).toBe(false);
    expect(
      (await runEntry(entry({ expected: 'refuted', refutation: 'erratum', run: () => refuted }), { counterexampleDirs: [] })).asExpected,
    ).toBe(true);
  });
  it('an entry that throws (or rejects) is an error record naming the error, never a crash nor a verdict', async () => {
    const thrown = await runEntry(
      entry({
        run: () => {
          throw new RangeError('broken entry');
        },
      }),
      { counterexampleDirs: [] },
    );
    expect(thrown).toMatchObject({
      outcome: 'error',
      error: 'RangeError: broken entry',
      asExpected: false,
      evidence: { generated: 0, checked: 0, replayed: 0 },
    });
    const rejected = await runEntry(entry({ run: () => Promise.reject(new TypeError('async failure')) }), { counterexampleDirs: [] });
    expect(rejected).toMatchObject({ outcome: 'error', error: 'TypeError: async failure', asExpected: false });
  });
});

describe('runMutant', () => {
  it('null without a mutant; the mutant result otherwise; a throwing mutant is an error', async () => {
    expect(await runMutant(entry(), { counterexampleDirs: [] })).toBeNull();
    expect(await runMutant(entry({ mutant: { description: 'm', run: () => refuted } }), { counterexampleDirs: [] })).toEqual(refuted);
    const broken = entry({
      mutant: {
        description: 'm',
        run: () => {
          throw new Error('mutant broke');
        },
      },
    });
    expect(await runMutant(broken, { counterexampleDirs: [] })).toMatchObject({ outcome: 'error', error: 'mutant broke' });
  });
});

describe('--only selection', () => {
  const ids = [
    'seed002.proposition3',
    'seed002.proposition3.withoutMonotonicity',
    'seed002.proposition30',
    'seed003.lemma1',
    'seedX02.other',
  ].map((id) => ({ id }));
  it('an exact id selects that entry alone, even when other ids extend it', () => {
    expect(selectEntries(ids, 'seed002.proposition3').map((e) => e.id)).toEqual(['seed002.proposition3']);
  });
  it('otherwise a substring, or a glob where * is any run of characters and every other character is literal', () => {
    expect(selectEntries(ids, 'proposition3.').map((e) => e.id)).toEqual(['seed002.proposition3.withoutMonotonicity']);
    expect(selectEntries(ids, 'seed002.*').map((e) => e.id)).toEqual([
      'seed002.proposition3',
      'seed002.proposition3.withoutMonotonicity',
      'seed002.proposition30',
    ]);
    expect(selectEntries(ids, 'seed00?.*')).toEqual([]);
    expect(matchesPattern('seedX02.other', 'seed.02*')).toBe(false); // '.' is not a regex wildcard
    expect(matchesPattern('seed002.lemma', '*lemma')).toBe(true);
    expect(selectEntries(ids, 'nothing')).toEqual([]);
  });
});

describe('runEntry: LP certificate counts', () => {
  it('an entry decided by LPs records its solves and how each was certified; an entry without LPs records none', async () => {
    const lpEntry = catalogue.find((e) => e.id === 'classics.myersonSatterthwaite.impossibility')!;
    const r = await runEntry(lpEntry, { runs: 2 });
    expect(r.outcome).toBe('holds');
    expect(r.lp?.solves).toBeGreaterThanOrEqual(2);
    expect(Object.values(r.lp!.byResolution).reduce((a, b) => a + b, 0)).toBe(r.lp!.solves);
    expect(r.lp!.unresolved).toBe(0);
    const plain = await runEntry(
      catalogue.find((e) => e.id === 'foundation.vcg.dsic')!,
      { runs: 2 },
    );
    expect(plain.lp).toBeUndefined();
  });
});
