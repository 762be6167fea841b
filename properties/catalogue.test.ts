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
import { catalogue, papers, references } from './index.ts';
import { citation, hypothesisProblems, idProblems, namedHypotheses, seedName } from '../src/catalogue/manifest.ts';
import { ALIASES_FILE, aliasesMarkdown, BIBLIOGRAPHY_FILE, bibliographyMarkdown } from '../src/catalogue/bibliography.ts';
import { paperOf } from './catalogueSuite.ts';
import { entrySeed, runEntry } from '../src/catalogue/runner.ts';
import { packageCounterexampleDir, packageRoot } from '../src/catalogue/paths.ts';
import { parseStoredCounterexample } from '../src/catalogue/stored.ts';
import { HEALTH } from '../src/catalogue/health.ts';

describe('catalogue', () => {
  it('has unique ids and complete metadata', () => {
    const ids = catalogue.flatMap((e) => [e.id, ...(e.aliases ?? [])]);
    expect(new Set(ids).size, 'ids and aliases are unique across the catalogue').toBe(ids.length);
    for (const e of catalogue) {
      expect(e.source.ref.length, e.id).toBeGreaterThan(0);
      expect(e.hypotheses.length, e.id).toBeGreaterThan(0);
      if (e.kind === 'relaxation') expect(e.relaxes, `${e.id} names the dropped hypothesis`).toBeTruthy();
      if (e.expected === 'refuted')
        expect(e.refutation, `${e.id} says what its refutation means`).toMatch(/^(relaxation|erratum|example)$/);
      else expect(e.refutation, e.id).toBeUndefined();
      if (e.refutation === 'relaxation') expect(e.relaxes, `${e.id} names the dropped hypothesis`).toBeTruthy();
      if (e.correctedBy !== undefined) expect(ids, `${e.id}: correctedBy names an entry`).toContain(e.correctedBy);
    }
  });

  it('follows the id grammar <paper>.<result>[.<part>...][.<variant>] (README, "Entry ids")', () => {
    for (const e of catalogue) expect(idProblems(e, paperOf(e.id)), e.id).toEqual([]);
  });

  it('registers each paper as a folder with a manifest: properties/<paper>/{manifest.ts,index.ts}, one line in papers.ts', () => {
    const registrations = readFileSync(join(packageRoot(), 'properties', 'papers.ts'), 'utf8');
    for (const { manifest: m, entries } of papers) {
      expect(m.paper, 'a paper name is lower camelCase').toMatch(/^[a-z][A-Za-z0-9]*$/);
      for (const f of ['manifest.ts', 'index.ts'])
        expect(existsSync(join(packageRoot(), 'properties', m.paper, f)), `properties/${m.paper}/${f}`).toBe(true);
      expect(registrations).toContain(`export { paper as ${m.paper} } from './${m.paper}/index.ts';`);
      expect(entries.length, m.paper).toBeGreaterThan(0);
      for (const e of entries) expect(paperOf(e.id), `${e.id} is registered under ${m.paper}`).toBe(m.paper);
      expect(m.references.length, `${m.paper} cites what it was read from`).toBeGreaterThan(0);
      expect(Object.keys(m.hypotheses).length, `${m.paper} lists its hypotheses`).toBeGreaterThan(0);
    }
    expect(new Set(papers.map((p) => p.manifest.paper)).size).toBe(papers.length);
    expect(
      catalogue.map((e) => paperOf(e.id)).filter((p, k, a) => a.indexOf(p) === k),
      'the modules in catalogue order',
    ).toEqual(papers.map((p) => p.manifest.paper));
  });

  it('gives every reference in full (authors or why there are none, title, year, venue, the seed file by name)', () => {
    const keys = papers.flatMap((p) => p.manifest.references.map((r) => r.key));
    expect(new Set(keys).size, 'reference keys are unique').toBe(keys.length);
    for (const r of references.values()) {
      expect(r.authors.length > 0 || (r.authorsNote ?? '').length > 0, `${r.key}: authors, or a note saying why there are none`).toBe(true);
      expect(r.title.length, r.key).toBeGreaterThan(0);
      expect(r.venue.length, r.key).toBeGreaterThan(0);
      expect(Number.isInteger(r.year) && r.year > 1900, r.key).toBe(true);
      if (r.seedFile !== undefined) expect(r.seedFile, r.key).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      if (r.url !== undefined) expect(r.url, r.key).toMatch(/^https?:\/\//);
    }
  });

  it('cites, for every entry, a module or a seed file of a manifest, and a reference of the bibliography', () => {
    const seedFiles = new Set([...references.values()].flatMap((r) => r.seedFile ?? []));
    const paperNames = new Set(papers.map((p) => p.manifest.paper));
    for (const e of catalogue) {
      expect(
        paperNames.has(e.source.seed) || seedFiles.has(e.source.seed),
        `${e.id}: source.seed '${e.source.seed}' is a module or a seed file named by a manifest`,
      ).toBe(true);
      expect(references.has(e.source.reference ?? ''), `${e.id} cites a reference of the bibliography`).toBe(true);
      expect(e.source.citation, e.id).toBe(citation(references.get(e.source.reference!)!));
    }
  });

  it("names hypotheses by ids of its paper's manifest, and every relaxation the id it drops", () => {
    for (const e of catalogue) {
      const known = papers.find((p) => p.manifest.paper === paperOf(e.id))!.manifest.hypotheses;
      for (const id of namedHypotheses(e.hypotheses)) expect(Object.keys(known), `${e.id} names hypothesis '${id}'`).toContain(id);
      if (e.kind === 'relaxation' || e.refutation === 'relaxation')
        expect(e.drops, `${e.id} names the hypothesis it drops (drops)`).toBeDefined();
      if (e.drops !== undefined) expect(Object.keys(known), `${e.id} drops '${e.drops}'`).toContain(e.drops);
    }
  });

  it('states every hypothesis as "[id] text" with the id in its paper\'s manifest, and the instances searched apart (scope)', () => {
    for (const { manifest, entries } of papers) for (const e of entries) expect(hypothesisProblems(e, manifest), e.id).toEqual([]);
  });

  it('refuses hypotheses that name no declared id, and scope items that are hypotheses (the check can fail)', () => {
    const manifest = { hypotheses: { finiteTypes: 'finite type sets with a full-support prior' } };
    expect(hypothesisProblems({ hypotheses: ['[finiteTypes] full-support prior'], scope: ['2-3 agents'] }, manifest)).toEqual([]);
    expect(hypothesisProblems({ hypotheses: ['full-support prior'] }, manifest)).toEqual([
      'hypothesis \'full-support prior\' is not "[id] text"',
    ]);
    expect(hypothesisProblems({ hypotheses: ['[finiteTypes]'] }, manifest)).toHaveLength(1);
    expect(hypothesisProblems({ hypotheses: ['[fullSupport] full-support prior'] }, manifest)).toEqual([
      "hypothesis '[fullSupport] full-support prior' names 'fullSupport', not a hypothesis of the manifest",
    ]);
    expect(
      hypothesisProblems({ hypotheses: ['[finiteTypes] full-support prior'], scope: ['[finiteTypes] full-support prior'] }, manifest),
    ).toEqual(["scope item '[finiteTypes] full-support prior' names a hypothesis: it belongs in hypotheses"]);
    expect(hypothesisProblems({ hypotheses: ['[finiteTypes] full-support prior'], scope: ['Full-support prior'] }, manifest)).toEqual([
      "scope item 'Full-support prior' is the text of a hypothesis",
    ]);
    expect(
      hypothesisProblems({ hypotheses: ['[finiteTypes] x'], scope: ['finite type sets with a full-support prior'] }, manifest),
    ).toHaveLength(1);
    // a broken catalogue entry: its first hypothesis loses its id
    const { manifest: m, entries } = papers[papers.length - 1];
    const broken = { ...entries[0], hypotheses: [entries[0].hypotheses[0].replace(/^\[[^\]]*\] /, ''), ...entries[0].hypotheses.slice(1)] };
    expect(hypothesisProblems(broken, m).length, `${broken.id} without its first id`).toBeGreaterThan(0);
  });

  it('has its generated bibliography and alias table up to date (npm run bibliography)', () => {
    expect(readFileSync(join(packageRoot(), BIBLIOGRAPHY_FILE), 'utf8'), `${BIBLIOGRAPHY_FILE} is stale: run npm run bibliography`).toBe(
      bibliographyMarkdown(papers),
    );
    expect(readFileSync(join(packageRoot(), ALIASES_FILE), 'utf8'), `${ALIASES_FILE} is stale: run npm run bibliography`).toBe(
      aliasesMarkdown(papers),
    );
  });

  it('has a test file for every paper (properties/<paper>/catalogue.test.ts)', () => {
    for (const paper of new Set(catalogue.map((e) => paperOf(e.id)))) {
      const file = join(packageRoot(), 'properties', paper, 'catalogue.test.ts');
      expect(
        existsSync(file) && readFileSync(file, 'utf8').includes(`catalogueTests('${paper}')`),
        `${file} runs catalogueTests('${paper}')`,
      ).toBe(true);
    }
  });

  it('states why an entry expected to hold is checked on fewer instances than the health threshold', () => {
    for (const e of catalogue) {
      if (e.expected !== 'holds' || e.runs === undefined || e.runs === 1 || e.runs >= HEALTH.minChecked) continue;
      expect(e.health?.minChecked, `${e.id} runs ${e.runs} instances by default: its health exception says why`).toBeLessThanOrEqual(
        e.runs,
      );
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
        expect(p.seed, 'the entry seed is derived from the base seed').toBe(entrySeed(p.baseSeed, seedName(entry!)));
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
