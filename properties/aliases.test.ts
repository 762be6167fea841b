/**
 * Old ids keep working after the rename to one id grammar (properties/ALIASES.md):
 * `verify --only OLD` selects the renamed entry, a replay command printed before
 * the rename reproduces the same counterexample, and a stored counterexample
 * under its old file name (and old `id`) still loads and replays.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue } from './index.ts';
import { counterexampleKey } from './catalogueSuite.ts';
import { runEntry, selectEntries } from '../src/catalogue/runner.ts';
import { packageCounterexampleDir } from '../src/catalogue/paths.ts';
import { storedCounterexampleText, type StoredCounterexample } from '../src/catalogue/stored.ts';
import { runCli } from '../src/cli/runCli.ts';
import type { Report } from '../src/report/report.ts';

const cwd = mkdtempSync(join(tmpdir(), 'mechcheck-aliases-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const OLD = 'foundation.auction.firstPrice.dsic';
const NEW = 'foundation.auction.firstPrice.dsic.withoutSecondPricePayment';
const entry = catalogue.find((e) => e.id === NEW)!;
const fixture = JSON.parse(readFileSync(join(packageCounterexampleDir(), `${NEW}.json`), 'utf8')) as StoredCounterexample & {
  provenance: { kind: 'generated'; baseSeed: number; path: string };
};

describe('old ids (aliases)', () => {
  it('select their entry exactly, one alias to one entry', () => {
    const renamed = catalogue.filter((e) => (e.aliases ?? []).length > 0);
    expect(renamed.length).toBeGreaterThan(40);
    for (const e of renamed)
      for (const old of e.aliases!)
        expect(
          selectEntries(catalogue, old).map((x) => x.id),
          old,
        ).toEqual([e.id]);
  });

  it('replay a counterexample with the command printed before the rename (verify --only OLD --seed S --replay PATH)', async () => {
    expect(entry.aliases).toEqual([OLD]);
    expect(fixture.provenance.kind).toBe('generated');
    const argv = [
      'verify',
      '--only',
      OLD,
      '--seed',
      String(fixture.provenance.baseSeed),
      '--replay',
      fixture.provenance.path,
      '--jobs',
      '1',
      '--out',
      join(cwd, 'replay'),
      '--json',
    ];
    const run = await runCli(argv, { cwd });
    expect(run.status, run.stderr).toBe(0);
    const [r] = (JSON.parse(run.stdout) as Report).results;
    expect(r.id).toBe(NEW);
    expect(r.outcome).toBe('refuted');
    expect(r.outcome === 'refuted' && r.counterexample.type === 'property' && r.counterexample.origin).toBe('generated');
    const direct = await runEntry(entry, { seed: fixture.provenance.baseSeed, path: fixture.provenance.path, counterexampleDirs: [] });
    expect(counterexampleKey(r)).toEqual(counterexampleKey(direct));
    // the instance is the one stored when the entry had its old id (its seed derives from the old id)
    if (direct.outcome === 'refuted' && direct.counterexample.type === 'property') {
      const c = direct.counterexample;
      expect(JSON.parse(JSON.stringify(c.raw !== undefined ? c.raw : c.input))).toEqual(fixture.input);
    }
  });

  it('load a stored counterexample under its old file name and old id', async () => {
    const dir = mkdtempSync(join(cwd, 'fixtures-'));
    writeFileSync(join(dir, `${OLD}.json`), storedCounterexampleText({ ...fixture, id: OLD }));
    const r = await runEntry(entry, { runs: 1, counterexampleDirs: [dir] });
    expect(r.evidence.replayed).toBe(1);
    expect(r.outcome).toBe('refuted');
    if (r.outcome === 'refuted' && r.counterexample.type === 'property') expect(r.counterexample.origin).toBe('stored');
    // the same file is not read for an entry without that alias
    const other = catalogue.find((e) => e.id === 'foundation.auction.secondPrice.dsic')!;
    expect((await runEntry(other, { runs: 1, counterexampleDirs: [dir] })).evidence.replayed).toBe(0);
  });
});
