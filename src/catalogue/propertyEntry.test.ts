import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { given, propertyEntry, replayCommand, rerunCommand, runProperty, unmet, type CheckResult } from './propertyEntry.ts';
import { runEntry } from './runner.ts';
import { saveCounterexample, storedCounterexampleText } from './stored.ts';
import type { EntryMeta, RunContext } from './types.ts';

const meta: EntryMeta = {
  id: 'test.below50',
  title: 'every integer is below 50',
  source: { seed: 'foundation', ref: 'test' },
  kind: 'sanity',
  hypotheses: ['integers 0..100'],
  conclusion: 'x < 50',
  expected: 'refuted',
  refutation: 'example',
};
const ctx = (over: Partial<RunContext> = {}): RunContext => ({
  seed: 42,
  baseSeed: 7,
  runs: 100,
  tolerance: 1e-9,
  counterexampleDirs: [],
  ...over,
});
const below50 = (x: number): CheckResult => ({ ok: x < 50, metrics: { value: x }, detail: { x } });

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'mechcheck-stored-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('runProperty: generation', () => {
  it('shrinks a counterexample and prints the seed and path that replay it', () => {
    const r = runProperty('test.below50', fc.integer({ min: 0, max: 100 }), below50, ctx());
    expect(r.outcome).toBe('refuted');
    if (r.outcome !== 'refuted' || r.counterexample.type !== 'property') throw new Error('expected a property counterexample');
    expect(r.counterexample.origin).toBe('generated');
    expect(r.counterexample.input).toBe(50);
    expect(r.counterexample.detail).toEqual({ x: 50 });
    expect(r.metrics.valueAtCounterexample).toBe(50);
    expect(r.replay?.baseSeed).toBe(7);
    expect(r.replay?.seed).toBe(42);
    expect(r.replay?.path).toMatch(/^\d+(:\d+)*$/);
    expect(r.replay?.command).toBe(replayCommand('test.below50', 7, r.replay!.path));
    // the path replays the same counterexample
    const again = runProperty('test.below50', fc.integer({ min: 0, max: 100 }), below50, ctx({ path: r.replay!.path }));
    expect(again.outcome).toBe('refuted');
    if (again.outcome === 'refuted' && again.counterexample.type === 'property') expect(again.counterexample.input).toBe(50);
  });

  it('aggregates metrics over the generated instances only (max by default, min on request)', () => {
    const r = runProperty('t', fc.integer({ min: 0, max: 10 }), (x) => ({ ok: true, metrics: { hi: x, lo: x, nan: NaN } }), ctx(), {
      metrics: { lo: 'min' },
    });
    expect(r.outcome).toBe('holds');
    expect(r.metrics.hi).toBe(10);
    expect(r.metrics.lo).toBe(0);
    expect(r.metrics).not.toHaveProperty('nan');
    expect(r.evidence).toEqual({ generated: 100, checked: 100, replayed: 0, examples: 0 });
  });

  it('reports a check that throws as an error with the instance, not a refutation', () => {
    const r = runProperty(
      't',
      fc.integer({ min: 0, max: 100 }),
      (x) => {
        if (x > 70) throw new RangeError('too big');
        return { ok: true };
      },
      ctx(),
    );
    expect(r.outcome).toBe('error');
    if (r.outcome !== 'error') return;
    expect(r.error).toBe('RangeError: too big');
    expect(r.counterexample).toMatchObject({ type: 'property', origin: 'generated', input: 71 });
  });

  it('reports a check that is not deterministic as an error', () => {
    let calls = 0;
    const r = runProperty('t', fc.constant(1), () => ({ ok: calls++ > 0 }), ctx({ runs: 1 }));
    expect(r.outcome).toBe('error');
    if (r.outcome === 'error') expect(r.error).toMatch(/passes when checked again/);
  });

  it('keeps the seed and path independent of stored counterexamples and examples', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'test.below50.json'),
      storedCounterexampleText({ id: 'test.below50', provenance: { kind: 'regression', note: 'a hand-made instance' }, input: 20 }),
    );
    const plain = runProperty('test.below50', fc.integer({ min: 0, max: 100 }), below50, ctx({ runs: 200 }), {});
    const withStored = runProperty(
      'test.below50',
      fc.integer({ min: 0, max: 100 }),
      below50,
      ctx({ runs: 200, counterexampleDirs: [dir] }),
      { examples: [3, 4] },
    );
    expect(plain.outcome).toBe('refuted');
    expect(withStored.outcome).toBe('refuted');
    expect(withStored.evidence).toMatchObject({
      generated: plain.evidence.generated,
      checked: plain.evidence.checked,
      replayed: 1,
      examples: 2,
    });
    expect((withStored as { replay?: unknown }).replay).toEqual((plain as { replay?: unknown }).replay);
  });
});

describe('runProperty: stored counterexamples and examples run first', () => {
  const storedAt = (dir: string, input: unknown, provenance: object) =>
    writeFileSync(join(dir, 'test.below50.json'), JSON.stringify({ id: 'test.below50', provenance, input }));

  it('a stored counterexample refutes before generation, with its provenance and the command of its search', () => {
    const dir = tempDir();
    storedAt(dir, 77, { kind: 'generated', baseSeed: 3, seed: 99, path: '4:1' });
    let generated = 0;
    const r = runProperty(
      'test.below50',
      fc.integer({ min: 0, max: 100 }).map((x) => (generated++, x)),
      below50,
      ctx({ counterexampleDirs: [dir] }),
    );
    expect(generated).toBe(0);
    expect(r.outcome).toBe('refuted');
    if (r.outcome !== 'refuted' || r.counterexample.type !== 'property') throw new Error('expected a property counterexample');
    expect(r.counterexample).toMatchObject({
      origin: 'stored',
      provenance: { kind: 'generated', baseSeed: 3, seed: 99, path: '4:1' },
      input: 77,
      shrinks: 0,
    });
    expect(r.evidence).toMatchObject({ generated: 0, checked: 0, replayed: 1 });
    expect(r.replay).toEqual({ seed: 99, baseSeed: 3, path: '4:1', command: replayCommand('test.below50', 3, '4:1') });
  });

  it('a stored regression or an example is replayed by rerunning the entry', () => {
    const dir = tempDir();
    storedAt(dir, 60, { kind: 'paper', ref: 'Example 1' });
    const r = runProperty('test.below50', fc.integer({ min: 0, max: 10 }), below50, ctx({ counterexampleDirs: [dir] }));
    expect(r.outcome).toBe('refuted');
    if (r.outcome !== 'refuted') return;
    expect(r.replay?.command).toBe(rerunCommand('test.below50'));
    expect(r.replay?.path).toBeUndefined();
    const e = runProperty('test.below50', fc.integer({ min: 0, max: 10 }), below50, ctx(), { examples: [1, 55] });
    expect(e.outcome).toBe('refuted');
    if (e.outcome === 'refuted' && e.counterexample.type === 'property')
      expect(e.counterexample).toMatchObject({ origin: 'example', input: 55 });
    expect(e.evidence.examples).toBe(2);
  });

  it('a stored instance that passes is counted and generation goes on', () => {
    const dir = tempDir();
    storedAt(dir, 10, { kind: 'regression', note: 'kept' });
    const r = runProperty('test.below50', fc.integer({ min: 0, max: 40 }), below50, ctx({ counterexampleDirs: [dir] }));
    expect(r.outcome).toBe('holds');
    expect(r.evidence).toMatchObject({ replayed: 1, generated: 100, checked: 100 });
  });

  it('an explicit instance outside the hypotheses is an error naming the hypothesis', () => {
    const r = runProperty('t', fc.integer(), (x) => (x < 0 ? unmet('x >= 0') : { ok: true }), ctx(), { examples: [-1] });
    expect(r.outcome).toBe('error');
    if (r.outcome === 'error') expect(r.error).toMatch(/explicit example.*does not meet the hypothesis 'x >= 0'/);
  });

  it('a replay runs generation only, and one that finds nothing says it did not reproduce', () => {
    const dir = tempDir();
    storedAt(dir, 77, { kind: 'regression', note: 'kept' });
    const r = runProperty('test.below50', fc.integer({ min: 0, max: 40 }), below50, ctx({ counterexampleDirs: [dir], path: '3' }));
    expect(r.outcome).toBe('error');
    if (r.outcome === 'error') expect(r.error).toMatch(/^did not reproduce: no counterexample at seed 7 \(entry seed 42\), path '3'/);
    expect(r.evidence.replayed).toBe(0);
  });
});

describe('runProperty: hypotheses are preconditions, and health checks', () => {
  const evenOnly = (x: number): CheckResult => (x % 2 !== 0 ? unmet('x even') : { ok: x % 2 === 0 });

  it('discards and counts instances outside the hypotheses (never a pass)', () => {
    const r = runProperty(
      't',
      fc.integer({ min: 0, max: 1000 }),
      (x) => (x % 4 === 0 ? unmet('x not a multiple of 4') : { ok: true }),
      ctx({ runs: 100 }),
    );
    expect(r.outcome).toBe('holds');
    expect(r.evidence.checked).toBe(100);
    const discarded = r.evidence.discarded?.['x not a multiple of 4'] ?? 0;
    expect(discarded).toBeGreaterThan(0);
    expect(r.evidence.generated).toBe(100 + discarded);
  });

  it('fails the health check when under half of the generated instances meet the hypotheses', () => {
    const r = runProperty(
      't',
      fc.integer({ min: 0, max: 1000 }),
      (x) => (x % 4 !== 0 ? unmet('x a multiple of 4') : { ok: true }),
      ctx({ runs: 50 }),
    );
    expect(r.outcome).toBe('error');
    if (r.outcome === 'error')
      expect(r.error).toMatch(
        /^health check failed: only 50 of \d+ generated instances met the hypotheses \(\d+%, under 50%\) \(discarded: \d+ x x a multiple of 4\)$/,
      );
    // a documented exception accepts it
    const ok = runProperty(
      't',
      fc.integer({ min: 0, max: 1000 }),
      (x) => (x % 4 !== 0 ? unmet('x a multiple of 4') : { ok: true }),
      ctx({ runs: 50 }),
      { health: { minAcceptance: 0.1, why: 'a test' } },
    );
    expect(ok.outcome).toBe('holds');
  });

  it('fails the health check when fast-check gives up on the hypotheses', () => {
    const r = runProperty('t', fc.integer({ min: 0, max: 1000 }), (x) => (x !== 500 ? unmet('x = 500') : { ok: true }), ctx({ runs: 40 }));
    expect(r.outcome).toBe('error');
    if (r.outcome === 'error')
      expect(r.error).toMatch(
        /^health check failed: only \d+ of \d+ generated instances .*fast-check gave up after \d+ discarded instances/,
      );
  });

  it('does not judge the evidence behind a counterexample', () => {
    const r = runProperty(
      't',
      fc.integer({ min: 0, max: 1000 }),
      (x) => (x % 3 !== 0 ? unmet('x a multiple of 3') : { ok: x < 300 }),
      ctx(),
    );
    expect(r.outcome).toBe('refuted');
  });

  it('counts what a `given` filter rejects while generating, and keeps the hypothesis while shrinking', () => {
    const r = runProperty(
      't',
      given(fc.integer({ min: 0, max: 1000 }), 'x even', (x) => x % 2 === 0),
      evenOnly,
      ctx({ runs: 100 }),
    );
    expect(r.outcome).toBe('holds');
    const rejected = r.evidence.discarded?.['x even'] ?? 0;
    expect(rejected).toBeGreaterThan(10);
    expect(r.evidence.generated).toBe(100 + rejected);
    const refuted = runProperty(
      't',
      given(fc.integer({ min: 0, max: 1000 }), 'x even', (x) => x % 2 === 0),
      (x) => ({ ok: x < 100 }),
      ctx(),
    );
    expect(refuted.outcome).toBe('refuted');
    if (refuted.outcome !== 'refuted' || refuted.counterexample.type !== 'property') throw new Error('expected a property counterexample');
    const cex = refuted.counterexample.input as number;
    expect(cex % 2 === 0 && cex >= 100).toBe(true);
    // rejections while shrinking are not generated instances
    expect(refuted.evidence.generated - refuted.evidence.checked).toBe(refuted.evidence.discarded?.['x even'] ?? 0);
    expect(refuted.evidence.generated).toBeLessThan(20);
    // outside a run, a `given` arbitrary counts nothing (and still filters)
    expect(
      fc
        .sample(
          given(fc.integer({ min: 0, max: 9 }), 'x even', (x) => x % 2 === 0),
          20,
        )
        .every((x) => x % 2 === 0),
    ).toBe(true);
  });

  it('requires 30 checked instances, or every run asked for when fewer', () => {
    const few = runProperty('t', fc.integer({ min: 0, max: 9 }), () => ({ ok: true }), ctx({ runs: 10 }));
    expect(few.outcome).toBe('holds');
  });
});

describe('propertyEntry', () => {
  const entry = propertyEntry<number>({
    ...meta,
    id: 'test.evenBelow',
    expected: 'holds',
    refutation: undefined,
    runs: 40,
    arbitrary: () => fc.integer({ min: 0, max: 40 }),
    check: (x) => ({ ok: x <= 40, metrics: { x } }),
    examples: [12],
    health: { minChecked: 40, why: 'a test entry' },
    mutant: { description: 'x < 20', check: (x) => ({ ok: x < 20 }), examples: [25] },
  });

  it('runs the entry and its mutant (the mutant refutes on its own example, nothing stored)', async () => {
    const r = await runEntry(entry, { seed: 1 });
    expect(r.outcome).toBe('holds');
    expect(r.evidence).toMatchObject({ checked: 40, examples: 1 });
    const m = await entry.mutant!.run({ seed: 1, baseSeed: 1, runs: 40, tolerance: 1e-9 });
    expect(m.outcome).toBe('refuted');
    if (m.outcome === 'refuted' && m.counterexample.type === 'property')
      expect(m.counterexample).toMatchObject({ origin: 'example', input: 25 });
  });
});

describe('saveCounterexample', () => {
  it('writes a counterexample found by generation with its provenance, and never rewrites an unchanged one', () => {
    const dir = tempDir();
    const r = runProperty('test.below50', fc.integer({ min: 0, max: 100 }), below50, ctx());
    const first = saveCounterexample('test.below50', r, dir);
    expect(first.saved).toBe('written');
    const file = join(dir, 'test.below50.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toEqual({
      id: 'test.below50',
      provenance: { kind: 'generated', baseSeed: 7, seed: 42, path: r.outcome === 'refuted' ? r.replay!.path : '' },
      input: 50,
    });
    const mtime = statSync(file).mtimeMs;
    const again = runProperty('test.below50', fc.integer({ min: 0, max: 100 }), below50, ctx({ seed: 43 }));
    expect(saveCounterexample('test.below50', again, dir)).toEqual({ saved: 'unchanged', file });
    expect(statSync(file).mtimeMs).toBe(mtime);
    // a stored counterexample is already kept
    const fromStored = runProperty('test.below50', fc.integer({ min: 0, max: 100 }), below50, ctx({ counterexampleDirs: [dir] }));
    expect(saveCounterexample('test.below50', fromStored, dir)).toMatchObject({ saved: 'nothing' });
    // a different counterexample replaces it
    const other = runProperty('test.below50', fc.integer({ min: 60, max: 100 }), below50, ctx());
    expect(saveCounterexample('test.below50', other, dir).saved).toBe('written');
    expect(JSON.parse(readFileSync(file, 'utf8')).input).toBe(60);
    // nothing to save from a result that holds
    expect(
      saveCounterexample(
        't',
        runProperty('t', fc.constant(1), () => ({ ok: true }), ctx()),
        dir,
      ),
    ).toMatchObject({ saved: 'nothing' });
  });
});
