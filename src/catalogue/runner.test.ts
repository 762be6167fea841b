/** The runner records, per entry, how the LP answers behind its verdict were certified. */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../properties/index.ts';
import { runEntry } from './runner.ts';

describe('runEntry: LP certificate counts', () => {
  it('an entry decided by LPs records its solves and how each was certified; an entry without LPs records none', async () => {
    const lpEntry = catalogue.find((e) => e.id === 'classics.myersonSatterthwaite.impossibility')!;
    const r = await runEntry(lpEntry, { runs: 2 });
    expect(r.outcome).toBe('holds');
    expect(r.lp?.solves).toBeGreaterThanOrEqual(2);
    expect(Object.values(r.lp!.byResolution).reduce((a, b) => a + b, 0)).toBe(r.lp!.solves);
    expect(r.lp!.unresolved).toBe(0);
    const plain = await runEntry(catalogue.find((e) => e.id === 'foundation.vcg.dsic')!, { runs: 2 });
    expect(plain.lp).toBeUndefined();
  });
});
