/**
 * The catalogue as a whole: unique ids and complete metadata, every paper has
 * its test file (properties/<paper>/catalogue.test.ts, where each entry's
 * verdict, mutant and replay are tested), documented health exceptions, and
 * the stored counterexamples: each belongs to an entry, says where it came
 * from, and reproduces (a generated one from its seed and path, exactly).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from './index.ts';
import { paperOf } from './catalogueSuite.ts';
import { entrySeed, runEntry } from '../src/catalogue/runner.ts';
import { packageCounterexampleDir, packageRoot } from '../src/catalogue/paths.ts';
import { parseStoredCounterexample } from '../src/catalogue/stored.ts';
import { HEALTH } from '../src/catalogue/health.ts';

describe('catalogue', () => {
  it('has unique ids and complete metadata', () => {
    const ids = catalogue.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of catalogue) {
      expect(e.source.seed, e.id).toMatch(/^(foundation|classics|\d{3}_[0-9a-f]{16}\.txt)$/);
      expect(e.source.ref.length, e.id).toBeGreaterThan(0);
      expect(e.hypotheses.length, e.id).toBeGreaterThan(0);
      if (e.kind === 'relaxation') expect(e.relaxes, `${e.id} names the dropped hypothesis`).toBeTruthy();
      if (e.expected === 'refuted') expect(e.refutation, `${e.id} says what its refutation means`).toMatch(/^(relaxation|erratum|example)$/);
      else expect(e.refutation, e.id).toBeUndefined();
      if (e.refutation === 'relaxation') expect(e.relaxes, `${e.id} names the dropped hypothesis`).toBeTruthy();
    }
  });

  it('has a test file for every paper (properties/<paper>/catalogue.test.ts)', () => {
    for (const paper of new Set(catalogue.map((e) => paperOf(e.id)))) {
      const file = join(packageRoot(), 'properties', paper, 'catalogue.test.ts');
      expect(existsSync(file) && readFileSync(file, 'utf8').includes(`catalogueTests('${paper}')`), `${file} runs catalogueTests('${paper}')`).toBe(true);
    }
  });

  it('states why an entry expected to hold is checked on fewer instances than the health threshold', () => {
    for (const e of catalogue) {
      if (e.expected !== 'holds' || e.runs === undefined || e.runs === 1 || e.runs >= HEALTH.minChecked) continue;
      expect(e.health?.minChecked, `${e.id} runs ${e.runs} instances by default: its health exception says why`).toBeLessThanOrEqual(e.runs);
      expect(e.health?.why.length ?? 0, e.id).toBeGreaterThan(20);
    }
    for (const e of catalogue) if (e.health) expect(e.health.why.length, `${e.id}: a health exception says why`).toBeGreaterThan(20);
  });

  const dir = packageCounterexampleDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('stores counterexamples only as <id>.json', () => {
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  for (const file of files) {
    it(`stored counterexample ${file} belongs to an entry, says where it came from, and reproduces`, async () => {
      const stored = parseStoredCounterexample(JSON.parse(readFileSync(join(dir, file), 'utf8')), file, file.replace(/\.json$/, ''));
      const entry = catalogue.find((e) => e.id === stored.id);
      expect(entry, `no catalogue entry ${stored.id}`).toBeDefined();
      // replayed alone (one run, nothing generated before it): the stored instance decides
      const alone = await runEntry(entry!, { runs: 1 });
      expect(alone.evidence.replayed).toBe(1);
      if (entry!.expected === 'refuted') {
        expect(alone.outcome).toBe('refuted');
        if (alone.outcome === 'refuted' && alone.counterexample.type === 'property') {
          expect(alone.counterexample.origin).toBe('stored');
          expect(alone.counterexample.provenance).toEqual(stored.provenance);
        }
      } else {
        // a regression instance of an entry that holds: it must keep holding
        expect(alone.outcome).toBe('holds');
      }
      if (stored.provenance.kind === 'generated') {
        // generation alone (nothing stored) reaches the same instance from the recorded seed and path
        const p = stored.provenance;
        expect(p.seed, 'the entry seed is derived from the base seed').toBe(entrySeed(p.baseSeed, stored.id));
        const replayed = await runEntry(entry!, { seed: p.baseSeed, path: p.path, counterexampleDirs: [] });
        expect(replayed.outcome).toBe('refuted');
        if (replayed.outcome === 'refuted' && replayed.counterexample.type === 'property') {
          const c = replayed.counterexample;
          expect(c.origin).toBe('generated');
          expect(JSON.parse(JSON.stringify(c.raw !== undefined ? c.raw : c.input))).toEqual(stored.input);
        }
      }
    });
  }
});
