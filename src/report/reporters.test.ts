/** `--reporter NAME[=PATH]`: parsing, destinations (the report set, own files, standard output) and what each reporter renders. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultRecord } from '../catalogue/runner.ts';
import { InputError } from '../core/errors.ts';
import { buildReport, type ReportBundle } from './report.ts';
import { DEFAULT_REPORTERS, parseReporters, renderOutputs, resolveTargets, SET_MANAGED } from './reporters.ts';

const ok = {
  id: 'foundation.vcg.dsic',
  title: 'VCG is DSIC',
  source: { seed: 'foundation', ref: 'VCG' },
  kind: 'theorem',
  hypotheses: ['private values'],
  conclusion: 'DSIC',
  expected: 'holds',
  outcome: 'holds',
  runs: 5,
  metrics: { worstGain: 0 },
  evidence: { generated: 5, checked: 5, replayed: 0 },
  asExpected: true,
  seed: 1,
  durationMs: 3,
} as unknown as ResultRecord;
const bad = {
  ...ok,
  id: 'foundation.broken',
  outcome: 'error',
  asExpected: false,
  error: 'Error: broken entry',
} as unknown as ResultRecord;
const bundle = (results: ResultRecord[]): ReportBundle => ({
  report: buildReport(results, {
    version: '0.0.0',
    seed: 7,
    runs: null,
    catalogueSize: results.length,
    durationMs: 10,
    generatedAt: '2026-01-01T00:00:00.000Z',
  }),
  figures: new Map([['figures/f.svg', '<svg/>']]),
});

describe('parseReporters', () => {
  it('no --reporter: default, json, markdown and html (a fresh copy each time)', () => {
    const specs = parseReporters(undefined);
    expect(specs).toEqual(DEFAULT_REPORTERS);
    specs[0].path = 'x';
    expect(parseReporters([])).toEqual(DEFAULT_REPORTERS);
  });
  it('several reporters, each with an optional path or - for standard output', () => {
    expect(parseReporters(['junit', 'json=out/r.json', 'markdown=-'])).toEqual([
      { name: 'junit' },
      { name: 'json', path: 'out/r.json' },
      { name: 'markdown', path: '-' },
    ]);
  });
  it.each([
    [['tap'], /unknown reporter 'tap'/],
    [['json='], /json= needs a path/],
    [['default=out.txt'], /default writes to the terminal and takes no path/],
    [['json', 'json'], /json is given twice/],
    [['json=-', 'markdown=-'], /json=- needs standard output to itself \(also given: markdown\)/],
    [['json=-', 'default'], /json=- needs standard output to itself \(also given: default\)/],
  ])('refuses %j with an InputError naming --reporter', (values, message) => {
    expect(() => parseReporters(values)).toThrow(InputError);
    expect(() => parseReporters(values)).toThrow(message);
    try {
      parseReporters(values);
    } catch (e) {
      expect((e as InputError).message).toMatch(/^--reporter/);
    }
  });
  it('github annotations may share standard output with the terminal reporter', () => {
    expect(parseReporters(['default', 'github'])).toHaveLength(2);
  });
});

describe('resolveTargets', () => {
  const out = '/work/reports';
  it('default destinations form the report set; a path of its own is a single file; - and github go to stdout', () => {
    const t = resolveTargets(parseReporters(['json', 'junit=ci/junit.xml', 'markdown=-', 'html=/work/reports/report.html']), out, '/work');
    expect(t).toEqual({
      setDir: out,
      setReporters: ['json', 'html'],
      files: [{ name: 'junit', file: '/work/ci/junit.xml', label: '--reporter junit=ci/junit.xml' }],
      stdout: ['markdown'],
      terminal: false,
    });
    expect(resolveTargets(parseReporters(['default', 'json']), out, '/work')).toMatchObject({
      setDir: out,
      setReporters: ['json'],
      terminal: true,
    });
    expect(resolveTargets(parseReporters(['github']), out, '/work')).toMatchObject({ setDir: null, stdout: ['github'], terminal: false });
  });
  it('two reporters writing to one file is an error naming --reporter', () => {
    expect(() => resolveTargets(parseReporters(['json=a.txt', 'markdown=./a.txt']), out, '/work')).toThrow(
      /--reporter.*two reporters write to \/work\/a\.txt/,
    );
  });
});

describe('renderOutputs', () => {
  it('renders the set (with its figures), single files with figure links relative to them, and standard output; writes nothing', () => {
    const t = resolveTargets(parseReporters(['json', 'markdown=docs/report.md', 'github']), '/work/reports', '/work');
    const r = renderOutputs(t, bundle([ok, bad]), '/work');
    expect(r.sets).toHaveLength(1);
    expect(r.sets[0].dir).toBe('/work/reports');
    expect(r.sets[0].managed).toEqual(SET_MANAGED);
    expect(r.sets[0].files.map((f) => f.path)).toEqual(['report.json', 'figures/f.svg']);
    const json = JSON.parse(String(r.sets[0].files[0].content)) as {
      summary: { unexpected: number };
      results: Array<{ id: string; error?: string }>;
    };
    expect(json.summary.unexpected).toBe(1);
    expect(json.results.find((x) => x.id === 'foundation.broken')?.error).toBe('Error: broken entry');
    expect(r.files).toEqual([{ file: join('/work/docs/report.md'), content: expect.stringContaining('foundation.broken') }]);
    // the broken entry is reported as an annotation with its replay command
    expect(r.stdout).toMatch(/^::error .*foundation\.broken/m);
    expect(r.written).toEqual(['reports/report.json', '1 figure in reports/figures', 'docs/report.md']);
  });
  it('a clean run has no ::error annotation', () => {
    const t = resolveTargets(parseReporters(['github']), '/work/reports', '/work');
    expect(renderOutputs(t, bundle([ok]), '/work').stdout).not.toMatch(/::error/);
  });
});
