/** `--shard K/N`: parsing, and the duration-balanced partition of the catalogue. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { durationsFromReport, estimatedDurations, MAX_SHARDS, parseShard, recordedDurations, shardPositions } from './shard.ts';

describe('parseShard', () => {
  it('reads K/N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/3', '4/3', '1/0', `1/${MAX_SHARDS + 1}`, '1/2/3', 'a/b', '-1/2', '1.5/2', '', '1/'])(
    'refuses %j with an InputError naming --shard',
    (text) => {
      expect(() => parseShard(text)).toThrow(InputError);
      expect(() => parseShard(text)).toThrow(/--shard/);
    },
  );
});

describe('shardPositions', () => {
  const idsArb = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 40 });
  const weightsArb = (ids: string[]) => fc.tuple(...ids.map(() => fc.integer({ min: 1, max: 1000 })));
  it('every entry is in exactly one slice, each slice in catalogue order', () => {
    fc.assert(
      fc.property(
        idsArb.chain((ids) => fc.tuple(fc.constant(ids), weightsArb(ids), fc.integer({ min: 1, max: 8 }))),
        ([ids, w, n]) => {
          const recorded = Object.fromEntries(ids.map((id, k) => [id, w[k]]));
          const slices = Array.from({ length: n }, (_, k) => shardPositions(ids, { index: k + 1, count: n }, recorded));
          for (const s of slices) expect(s).toEqual([...s].sort((a, b) => a - b));
          expect(slices.flat().sort((a, b) => a - b)).toEqual(ids.map((_, k) => k));
        },
      ),
    );
  });
  it('balances by recorded duration: no slice exceeds the average by more than the longest entry (LPT)', () => {
    fc.assert(
      fc.property(
        idsArb.chain((ids) => fc.tuple(fc.constant(ids), weightsArb(ids), fc.integer({ min: 1, max: 8 }))),
        ([ids, w, n]) => {
          const recorded = Object.fromEntries(ids.map((id, k) => [id, w[k]]));
          const loads = Array.from({ length: n }, (_, k) =>
            shardPositions(ids, { index: k + 1, count: n }, recorded).reduce((s, p) => s + w[p], 0),
          );
          const total = w.reduce((s, x) => s + x, 0);
          expect(Math.max(...loads)).toBeLessThanOrEqual(total / n + Math.max(0, ...w));
        },
      ),
    );
  });
  it('a long entry gets a slice to itself', () => {
    const recorded = { long: 100, a: 10, b: 10, c: 10 };
    expect(shardPositions(['a', 'long', 'b', 'c'], { index: 1, count: 2 }, recorded)).toEqual([1]);
    expect(shardPositions(['a', 'long', 'b', 'c'], { index: 2, count: 2 }, recorded)).toEqual([0, 2, 3]);
  });
});

describe('durations', () => {
  it('an entry without a (positive, finite) recorded duration counts as the median of the recorded ones, or 100 ms without any', () => {
    expect(estimatedDurations(['a', 'b', 'new', 'bad'], { a: 10, b: 30, c: 20, bad: -1 })).toEqual([10, 30, 20, 20]);
    expect(estimatedDurations(['x'], {})).toEqual([100]);
  });
  it('the recorded table (durations.json) holds positive finite durations', () => {
    const table = recordedDurations();
    expect(Object.values(table).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });
  it('a report gives whole milliseconds, at least 1', () => {
    expect(
      durationsFromReport({
        results: [
          { id: 'a', durationMs: 0.2 },
          { id: 'b', durationMs: 12.6 },
        ],
      }),
    ).toEqual({ a: 1, b: 13 });
  });
});
