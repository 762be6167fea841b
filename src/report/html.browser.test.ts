/**
 * The HTML report in a real browser: Debian's chromium, headless, driven by
 * playwright-core (no browser download; `.ci/run` installs chromium when it
 * is missing). The page is opened from file://; any console error (a script
 * error, a Content-Security-Policy violation) fails the test; a filter and
 * the search are used and what is shown is checked; a screenshot is saved
 * under reports/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';
import { reportHtml } from './html.ts';
import type { Report } from './report.ts';
import { buildReport } from './report.ts';

const root = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let context: BrowserContext;
let dir: string;
let report: Report;
const problems: string[] = [];

async function open(file: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) problems.push(`request to ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return page;
}

const visibleIds = (page: Page) => page.$$eval('article.entry:not([hidden])', (els) => els.map((e) => e.id.replace(/^entry-/, '')));

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  // a real run: seed000's entries (errata, a figure, counterexamples), serially in this process
  dir = mkdtempSync(join(tmpdir(), 'mechcheck-html-'));
  const r = await runCli(['verify', '--only', 'seed000.', '--jobs', '1', '--out', dir, '--reporter', 'json', '--reporter', 'html'], {
    cwd: root,
  });
  // stderr: at most the progress lines a slow run prints now and then
  expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('progress: '))).toEqual([]);
  report = JSON.parse(readFileSync(join(dir, 'partial', 'report.json'), 'utf8')) as Report;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mechcheck-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
}, 600_000);

afterAll(async () => {
  await context?.close();
});

describe('report.html in Chromium', () => {
  it('shows the summary, filters by outcome, searches, copies a replay command, shows figures; no console error', async () => {
    const page = await open(join(dir, 'partial', 'report.html'));
    const s = report.summary;
    expect(await page.textContent('#total-as-expected b')).toBe(`${s.asExpected}/${s.total}`);
    expect(await page.textContent('#count')).toBe(`${s.total} of ${s.total} entries shown`);
    expect(await page.textContent('.scope')).toContain('PARTIAL run');
    expect(await page.$$eval('#findings li', (l) => l.length)).toBe(report.results.filter((r) => r.refutation === 'erratum').length);

    // a filter: only refuted entries
    await page.selectOption('#f-outcome', 'refuted');
    const refuted = report.results.filter((r) => r.outcome === 'refuted').map((r) => r.id);
    expect((await visibleIds(page)).sort()).toEqual([...refuted].sort());
    expect(await page.textContent('#count')).toBe(`${refuted.length} of ${s.total} entries shown`);

    // the search, on top of the filter
    await page.fill('#f-search', 'lemmaA');
    expect(await visibleIds(page)).toEqual(['seed000.lemmaA.asStated']);
    await page.screenshot({ path: join(dir, 'filtered.png') });

    // the entry's counterexample as tables, and its replay command copied
    const entry = page.locator('article[id="entry-seed000.lemmaA.asStated"]');
    await entry.locator('summary').first().click();
    expect(await entry.locator('.cex table').count()).toBeGreaterThan(0);
    const command = (await entry.locator('.replay code').textContent())!;
    expect(command).toMatch(/^npx mechcheck verify --only 'seed000\.lemmaA\.asStated' --seed 20261124/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    await entry.locator('button.copy').click();
    await expect.poll(async () => entry.locator('button.copy').textContent()).toMatch(/^(Copied|Selected: press Ctrl\+C)$/);

    // reset: everything again; a figure is an image that loaded
    await page.click('#f-reset');
    expect(await visibleIds(page)).toHaveLength(s.total);
    await page.fill('#f-search', 'theorem2.nBar');
    const fig = page.locator('article[id="entry-seed000.theorem2.nBar"] figure img');
    await page.locator('article[id="entry-seed000.theorem2.nBar"] summary').first().click();
    await expect
      .poll(async () =>
        fig.evaluate(
          (img) =>
            (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
            (img as unknown as { naturalWidth: number }).naturalWidth,
        ),
      )
      .toBeGreaterThan(0);

    await page.click('#f-reset');
    expect(await page.textContent('#f-reset')).toBe('Reset');
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    mkdirSync(join(root, 'reports', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'reports', 'screenshots', 'report.png') });
    expect(problems).toEqual([]);
  }, 120_000);

  it('puts unexpected results first and follows a paper finding to its corrected statement', async () => {
    // the same results with one made unexpected and one erratum given a corrected entry
    const results = report.results.map((r) => {
      if (r.id === 'seed000.payoffBound') return { ...r, expected: 'refuted' as const, asExpected: false };
      if (r.id === 'seed000.lemmaA.asStated') return { ...r, correctedBy: 'seed000.lemmaA.asProved' };
      return r;
    });
    const file = join(dir, 'variant.html');
    writeFileSync(
      file,
      reportHtml({
        report: buildReport(results, {
          version: report.version,
          seed: report.seed,
          runs: null,
          catalogueSize: report.catalogueSize,
          durationMs: 1,
        }),
        figures: new Map(),
      }),
    );
    const page = await open(file);
    expect(await page.textContent('#total-unexpected b')).toBe('1');
    expect(await page.$$eval('#unexpected li a', (l) => l.map((a) => a.textContent))).toEqual(['seed000.payoffBound']);
    expect((await page.$$eval('article.entry', (l) => l.map((e) => e.id)))[0]).toBe('entry-seed000.payoffBound');
    expect(await page.locator('article[id="entry-seed000.payoffBound"] details').getAttribute('open')).not.toBeNull();
    // unexpected only
    await page.check('#f-unexpected');
    expect(await visibleIds(page)).toEqual(['seed000.payoffBound']);
    // a filter hides the corrected entry; following the link from the findings shows and opens it
    await page.selectOption('#f-kind', 'relaxation');
    await page.click('#findings a[href="#entry-seed000.lemmaA.asProved"]');
    const target = page.locator('article[id="entry-seed000.lemmaA.asProved"]');
    await expect.poll(async () => target.isVisible()).toBe(true);
    expect(await target.locator('details').getAttribute('open')).not.toBeNull();
    expect(problems).toEqual([]);
  }, 120_000);
});
