/** The report and its renderers: counts, partial runs, Markdown, JUnit (schema-valid), GitHub annotations, HTML escaping, source locations. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { catalogue } from '../../properties/index.ts';
import type { ResultRecord } from '../catalogue/runner.ts';
import { reportGithub } from './github.ts';
import { escapeHtml, reportHtml, valueHtml } from './html.ts';
import { reportJunit } from './junit.ts';
import { reportMarkdown } from './markdown.ts';
import { buildReport, replayCommandFor } from './report.ts';
import { sourceLocations } from './sourceLocations.ts';

const root = resolve(import.meta.dirname, '..', '..');
const HOSTILE = 'x <script>alert(1)</script> & "q" \'a\' | ]]> \x01\x1b[31m end';

function record(id: string, over: Partial<Record<string, unknown>> = {}): ResultRecord {
  const base = {
    id,
    title: `title of ${id}`,
    source: { seed: 'foundation', ref: 'Lemma 1', section: '2' },
    kind: 'lemma',
    hypotheses: ['h1', 'h2'],
    conclusion: 'c',
    expected: 'holds',
    outcome: 'holds',
    runs: 10,
    metrics: { worstGain: 0, instancesChecked: 10 },
    evidence: { generated: 10, checked: 10, replayed: 0 },
    asExpected: true,
    seed: 42,
    durationMs: 12,
  };
  return { ...base, ...over } as unknown as ResultRecord;
}

const results: ResultRecord[] = [
  record('paperA.ok', { hypotheses: ['[h1] first', '[h2] second'], scope: ['N <= 3', 'values on a grid'] }),
  record('paperA.erratum', {
    kind: 'claim',
    expected: 'refuted',
    outcome: 'refuted',
    refutation: 'erratum',
    correctedBy: 'paperA.ok',
    counterexample: {
      type: 'property',
      origin: 'generated',
      input: {
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
      detail: null,
      shrinks: 3,
    },
    replay: { seed: 42, baseSeed: 7, path: '1:0', command: "npx mechcheck verify --only 'paperA.erratum' --seed 7 --replay '1:0'" },
  }),
  record('paperB.bad', {
    outcome: 'refuted',
    asExpected: false,
    title: HOSTILE,
    counterexample: { type: 'comparisons', failedComparisons: [{ name: HOSTILE, expected: 1, actual: 2, ok: false }] },
  }),
  record('paperB.err', { outcome: 'error', asExpected: false, error: `boom ${HOSTILE}` }),
];
const settings = { version: '9.9.9', seed: 7, runs: null, catalogueSize: 4, durationMs: 1000, generatedAt: '2026-01-01T00:00:00.000Z' };

describe('buildReport', () => {
  it('counts overall, by paper and by kind; a run of the whole catalogue is not partial', () => {
    const rep = buildReport(results, settings);
    expect(rep.summary).toMatchObject({ total: 4, asExpected: 2, unexpected: 2, errors: 1, holds: 1, refuted: 2 });
    expect(rep.summary.byPaper.paperA).toMatchObject({ total: 2, asExpected: 2, unexpected: 0 });
    expect(rep.summary.byPaper.paperB).toMatchObject({ total: 2, unexpected: 2, errors: 1 });
    expect(rep.summary.byKind.claim.total).toBe(1);
    expect(rep.summary.refutedBy.erratum).toBe(1);
    expect(rep.partial).toBe(false);
  });
  it('sums the LP certificate counts of the results (entries without LPs count nothing)', () => {
    const lp = (solves: number, disagreementsResolved: number, unresolved: number) => ({
      lp: { solves, byResolution: {}, disagreementsResolved, unresolved, events: [] },
    });
    const rep = buildReport([record('paperA.a', lp(5, 1, 0)), record('paperA.b'), record('paperB.c', lp(2, 0, 1))], {
      ...settings,
      catalogueSize: 3,
    });
    expect(rep.summary.lp).toEqual({ solves: 7, disagreementsResolved: 1, unresolved: 1 });
    expect(reportMarkdown(rep)).toContain(
      'LP certificates: 7 LP solves behind these results; 1 disagreements between solver backends settled by a verified certificate; 1 answers no certificate could settle.',
    );
    expect(buildReport(results, settings).summary.lp).toEqual({ solves: 0, disagreementsResolved: 0, unresolved: 0 });
  });
  it.each([{ only: 'paperA' }, { replay: '1:0' }, { shard: { index: 1, count: 2 } }, { stoppedEarly: true }, { catalogueSize: 5 }])(
    'is partial with %o',
    (extra) => {
      expect(buildReport(results, { ...settings, ...extra }).partial).toBe(true);
    },
  );
  it('a result without a replay command of its own replays by id and seed (and runs)', () => {
    const rep = buildReport(results, { ...settings, runs: 300 });
    expect(replayCommandFor(rep.results[3], rep)).toBe("npx mechcheck verify --only 'paperB.err' --seed 7 --runs 300");
    expect(replayCommandFor(rep.results[1], rep)).toContain("--replay '1:0'");
  });
});

describe('Markdown', () => {
  const md = reportMarkdown(buildReport(results, settings));
  it('names the unexpected results at the top, each with its replay command', () => {
    const top = md.slice(0, md.indexOf('## Paper findings'));
    expect(top).toContain('## Unexpected results (2)');
    expect(top).toMatch(/\[paperB\.bad\]\(#paperbbad\): refuted, expected holds/);
    expect(top).toContain("`npx mechcheck verify --only 'paperB.err' --seed 7`");
  });
  it('lists paper findings linked to their entry and corrected entry', () => {
    expect(md).toMatch(/## Paper findings \(1\)[\s\S]*\[paperA\.erratum\]\(#paperaerratum\)[^\n]*corrected: \[paperA\.ok\]\(#paperaok\)/);
  });
  it('shows the instances searched (scope) on a "Searched" line after the hypotheses, only for entries that state them', () => {
    expect(md).toContain('- Hypotheses: [h1] first; [h2] second\n- Searched: N &lt;= 3; values on a grid\n');
    expect(md.match(/^- Searched: /gm)).toHaveLength(1);
  });
  it('keeps raw HTML out of the text (code blocks show it literally) and control characters out of the file', () => {
    const outsideCode = md.replace(/```json[\s\S]*?```/g, '');
    expect(outsideCode).not.toContain('<script>');
    expect(outsideCode).toContain('&lt;script&gt;');
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
    expect(md).toContain('\\x1b[31m');
  });
  it('a partial report says so in its header', () => {
    const partial = reportMarkdown(buildReport(results.slice(0, 2), { ...settings, only: 'paperA' }));
    expect(partial).toMatch(/^# mechcheck verification report \(partial run\)\n\nScope: a PARTIAL run: 2 of 4 entries \(--only paperA\)/);
  });
});

describe('JUnit XML', () => {
  const rep = buildReport(results, settings);
  const xml = reportJunit(rep, new Map([['paperB.bad', { file: 'properties/paperB/bad.ts', line: 12 }]]));
  it('validates against the JUnit schema CI systems read (fixtures/ci/junit-10.xsd), hostile text included', async () => {
    const schema = readFileSync(resolve(root, 'fixtures/ci/junit-10.xsd'), 'utf8');
    const r = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [schema] });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });
  it('a schema-invalid document is caught by the same check', async () => {
    const schema = readFileSync(resolve(root, 'fixtures/ci/junit-10.xsd'), 'utf8');
    const r = await validateXML({
      xml: [{ fileName: 'bad.xml', contents: xml.replace('<testcase name="paperA.ok"', '<testcase') }],
      schema: [schema],
    });
    expect(r.valid).toBe(false);
  });
  it('one testsuite per paper; a failure per unexpected result and an error per error, with the replay command', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="mechcheck verify" tests="4" failures="1" errors="1"');
    expect(xml).toMatch(
      /<testcase name="paperB\.bad"[^>]*>\s*<failure type="unexpected refuted" message="paperB\.bad: refuted, expected holds">[^<]*replay: npx mechcheck verify --only &apos;paperB\.bad&apos;[^<]*at properties\/paperB\/bad\.ts:12/,
    );
    expect(xml).toMatch(/<testcase name="paperB\.err"[^>]*>\s*<error type="error"/);
    expect(xml).not.toContain('\x01');
  });
});

describe('GitHub annotations', () => {
  it('one ::error per unexpected result on its source file and line, escaped; a ::notice with the totals', () => {
    const rep = buildReport(results, settings);
    const out = reportGithub(rep, new Map([['paperB.bad', { file: 'properties/paperB/bad.ts', line: 12 }]]));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error file=properties\/paperB\/bad\.ts,line=12,title=mechcheck%3A paperB\.bad refuted%2C expected holds::paperB\.bad: refuted, expected holds/,
    );
    expect(lines[0]).toContain('%0Areplay: npx mechcheck verify');
    expect(lines[1]).toMatch(/^::error title=[^:]*::paperB\.err: error: boom/);
    expect(lines[2]).toMatch(/^::notice title=mechcheck verify::2\/4 as expected/);
  });
});

describe('HTML', () => {
  const html = reportHtml({ report: buildReport(results, settings), figures: new Map() });
  it('shows the instances searched (scope) beside the hypotheses, only for entries that state them', () => {
    expect(html).toContain('<dt>Searched</dt><dd><ul><li>N &lt;= 3</li><li>values on a grid</li></ul></dd>');
    expect(html.match(/<dt>Searched<\/dt>/g)).toHaveLength(1);
  });
  it('escapes every string from the results', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('\x1b');
    expect(escapeHtml('a"b\'c<d>&\x07')).toBe('a&quot;b&#39;c&lt;d&gt;&amp;\\x07');
  });
  it('allows only its own style and script (their hashes in the Content-Security-Policy) and loads nothing', () => {
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1];
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    const sha = (s: string) => createHash('sha256').update(s).digest('base64');
    expect(html).toContain(`script-src 'sha256-${sha(script)}'`);
    expect(html).toContain(`style-src 'sha256-${sha(style)}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
  it('shows the unexpected entries first, and the paper findings with links to the entry and its corrected entry', () => {
    const order = [...html.matchAll(/<article id="entry-([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['paperB.bad', 'paperB.err', 'paperA.ok', 'paperA.erratum']);
    expect(html).toMatch(
      /<section id="findings">[\s\S]*href="#entry-paperA\.erratum"[\s\S]*corrected statement: <a href="#entry-paperA\.ok">/,
    );
  });
  it('renders a matrix as a grid, records as a table, an object as key/value rows', () => {
    expect(
      valueHtml([
        [1, 2],
        [3, 4.5],
      ]),
    ).toMatch(/<table class="grid matrix">.*<th class="ix">1<\/th><td><span class="num">3<\/span><\/td><td><span class="num">4\.5<\/span>/);
    expect(
      valueHtml([
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ]),
    ).toMatch(/<table class="grid records"><tr><th class="ix">#<\/th><th>a<\/th><th>b<\/th>/);
    expect(valueHtml({ prior: [0.5, 0.5] })).toMatch(/<table class="kv"><tr><th>prior<\/th><td><span class="vec">\[/);
    expect(valueHtml([[[1]], [[2]]])).toMatch(/<div class="slices"><div class="slice"><div class="path">\[0\]<\/div>/);
  });
});

describe('source locations', () => {
  it('finds every catalogue entry in properties/, on a line that names it (or its paper index)', () => {
    const ids = catalogue.map((e) => e.id);
    const locs = sourceLocations(ids, root);
    for (const id of ids) {
      const loc = locs.get(id);
      expect(loc, id).toBeDefined();
      expect(loc!.file, id).toMatch(/^properties\/[^/]+\/[^/]+\.ts$/);
      const line = readFileSync(resolve(root, loc!.file), 'utf8').split('\n')[loc!.line - 1];
      if (!loc!.file.endsWith('/index.ts')) expect(line, id).toContain(id);
    }
    expect(locs.get('seed001.lemmaA')?.file).toBe('properties/seed001/lemmas.ts');
  });
});

describe('links to the bibliography', () => {
  const cited = record('seed001.lemmaC', {
    source: {
      seed: '001_e592948973ecc068.txt',
      ref: 'Lemma C',
      reference: 'seed001',
      citation: 'Richard P. McLean and Andrew Postlewaite (2015), "A Dynamic ..."',
    },
  });
  const rep = buildReport([cited], settings);

  it("links each entry's reference to its anchor in properties/BIBLIOGRAPHY.md, which has that anchor", () => {
    const md = reportMarkdown(rep, { bibliography: '../properties/BIBLIOGRAPHY.md' });
    expect(md).toContain(
      '- Reference: [Richard P. McLean and Andrew Postlewaite (2015), "A Dynamic ..."](../properties/BIBLIOGRAPHY.md#seed001)',
    );
    const html = reportHtml({ report: rep, figures: new Map() }, { bibliography: '../properties/BIBLIOGRAPHY.md' });
    expect(html).toContain(
      '<a href="../properties/BIBLIOGRAPHY.md#seed001">Richard P. McLean and Andrew Postlewaite (2015), &quot;A Dynamic ...&quot;</a>',
    );
    expect(readFileSync(resolve(root, 'properties', 'BIBLIOGRAPHY.md'), 'utf8').split('\n')).toContain('### seed001');
  });

  it('gives the citation without a link when there is no bibliography (an installed package)', () => {
    const md = reportMarkdown(rep, { bibliography: null });
    expect(md).toContain('- Reference: Richard P. McLean and Andrew Postlewaite (2015), "A Dynamic ..."');
    expect(md).not.toContain('BIBLIOGRAPHY.md');
    expect(reportHtml({ report: rep, figures: new Map() })).not.toContain('BIBLIOGRAPHY.md');
  });

  it('cites a reference for every catalogue entry, with an anchor in the bibliography', () => {
    const anchors = new Set(
      readFileSync(resolve(root, 'properties', 'BIBLIOGRAPHY.md'), 'utf8')
        .split('\n')
        .flatMap((l) => /^### (\S+)$/.exec(l)?.[1].toLowerCase() ?? []),
    );
    for (const e of catalogue) expect(anchors.has((e.source.reference ?? '').toLowerCase()), e.id).toBe(true);
  });
});
