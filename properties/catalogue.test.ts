/**
 * Every catalogue entry reaches its expected verdict, and every entry expected
 * to hold has a mutant (a broken mechanism or constant) that the same check
 * refutes: each property can fail.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from './index.ts';
import { runEntry, runMutant } from '../src/catalogue/runner.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../src/catalogue/paths.ts';

const TIMEOUT = 120_000;

describe('catalogue', () => {
  it('has unique ids and complete metadata', () => {
    const ids = catalogue.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of catalogue) {
      expect(e.source.seed, e.id).toMatch(/^(foundation|classics|00[0-4]_[0-9a-f]{16}\.txt)$/);
      expect(e.source.ref.length, e.id).toBeGreaterThan(0);
      expect(e.hypotheses.length, e.id).toBeGreaterThan(0);
      if (e.kind === 'relaxation') expect(e.relaxes, `${e.id} names the dropped hypothesis`).toBeTruthy();
      if (e.expected === 'refuted') expect(e.refutation, `${e.id} says what its refutation means`).toMatch(/^(relaxation|erratum|example)$/);
      else expect(e.refutation, e.id).toBeUndefined();
      if (e.refutation === 'relaxation') expect(e.relaxes, `${e.id} names the dropped hypothesis`).toBeTruthy();
    }
  });

  const savedDir = join(fixturesDir(), 'counterexamples');
  for (const file of readdirSync(savedDir).filter((f) => f.endsWith('.json'))) {
    it(`stored counterexample ${file} belongs to an entry and is replayed first`, async () => {
      const saved = JSON.parse(readFileSync(join(savedDir, file), 'utf8')) as { id: string; input: unknown };
      const entry = catalogue.find((e) => e.id === saved.id);
      expect(entry, `no catalogue entry ${saved.id}`).toBeDefined();
      if (entry!.expected === 'refuted') {
        // a single run: the stored instance alone must refute the entry
        const r = await runEntry(entry!, { runs: 1 });
        expect(r.outcome).toBe('refuted');
      }
    }, TIMEOUT);
  }

  for (const entry of catalogue) {
    describe(entry.id, () => {
      it(`reaches its expected verdict (${entry.expected})`, async () => {
        const r = await runEntry(entry);
        if (r.outcome !== entry.expected) {
          // show what happened
          console.error(JSON.stringify(r, null, 2).slice(0, 4000));
        }
        expect(r.outcome).toBe(entry.expected);
        if (r.outcome === 'refuted') expect(r.counterexample.type).toMatch(/^(property|comparisons)$/);
      }, TIMEOUT);

      if (entry.expected === 'holds') {
        it('has a mutant that its check refutes', async () => {
          expect(entry.mutant, `${entry.id} needs a mutant`).toBeDefined();
          const r = await runMutant(entry);
          expect(r?.outcome, entry.mutant?.description).toBe('refuted');
        }, TIMEOUT);
      }
    });
  }
});
