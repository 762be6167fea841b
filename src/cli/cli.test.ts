/** The CLI as a user runs it: exit codes, witnesses, errors without stack traces, reports written. */
import { runCli } from './runCli.ts';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const run = (...args: string[]) => runCli(args, { cwd: root });

describe('mechcheck check', () => {
  it('refutes DSIC for the first-price auction with a witness (exit 1)', async () => {
    const r = await run('check', 'fixtures/mechanisms/first-price-auction.json', '--json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    const ds = out.results.find((x: { concept: string }) => x.concept === 'dominantStrategyIC');
    expect(ds.holds).toBe(false);
    expect(ds.violation).toBe(2);
    expect(ds.witness).toMatchObject({ agentName: 'Ann', trueTypeLabel: 'v=3', reportLabel: 'v=1' });
  });
  it('DSIC holds for the second-price auction (exit 0)', async () => {
    const r = await run('check', 'fixtures/mechanisms/second-price-auction.json');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dominantStrategyIC\s+holds/);
  });
  it.each([
    ['{"agents": 2,', /not valid JSON/],
    [
      '{"agents": 2, "types": [2,2], "prior": {"independent": [[0.5,0.6],[0.5,0.5]]}, "outcomes": 2, "valuations": {"private": [[[1,0],[2,0]],[[0,1],[0,2]]]}, "outcome": [0,1,0,0], "transfers": [[0,0],[0,0],[0,0],[0,0]]}',
      /prior\.independent\[0\]: sums to 1\.1/,
    ],
    [
      '{"agents": 2, "types": [2,2], "prior": {"independent": [[0.5,0.5],[0.5,0.5]]}, "outcomes": 2, "valuations": {"private": [[[1,0],[2,0]],[[0,1],[0,2]]]}, "outcome": [0,1,0], "transfers": [[0,0],[0,0],[0,0],[0,0]]}',
      /outcome: has 3 entries, expected 4/,
    ],
    [
      '{"agents": 2, "types": [2,2], "prior": {"independent": [[0.5,0.5],[0.5,0.5]]}, "outcomes": 2, "valuations": {"private": [[[1,0],[2,0]],[[0,1],[0,2,7]]]}, "outcome": [0,1,0,1], "transfers": [[0,0],[0,0],[0,0],[0,0]]}',
      /valuations\.private\[1\]\[1\]: has 3 entries/,
    ],
    [
      '{"agents": 2, "types": [2,2], "prior": {"independent": [[0.5,0.5],[0.5,0.5]]}, "outcomes": 2, "valuations": {"private": [[[1,0],[2,0]],[[0,1],[0,2]]]}, "outcome": [0,1,5,1], "transfers": [[0,0],[0,0],[0,0],[0,0]]}',
      /outcome\[2\]: is 5/,
    ],
    [
      '{"agents": 2, "types": [2,2], "prior": {"independent": [[0.5,0.5],[0.5,0.5]]}, "outcomes": 2, "valuations": {"private": [[[1,0],[2,0]],[[0,1],[0,2]]]}, "outcome": [0,1,0,1], "transfers": [[0,0],[0,0],[0,0],[0,"x"]]}',
      /transfers\[3\]\[1\]: must be a number/,
    ],
    [
      '{"agents": 2, "types": [2,2], "prior": {"independent": [[0.5,0.5],[0.5,0.5]]}, "outcomes": 2, "valuations": {"private": [[[1,0],[2,0]],[[0,1],[0,2]]]}, "outcome": [0,1,0,1], "transfers": [[0,0],[0,0],[0,0],[0,0]], "colour": 1}',
      /colour: is not a known field/,
    ],
  ])('bad input %# gets a message naming the field and exit 2', async (text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-'));
    const f = join(dir, 'm.json');
    writeFileSync(f, text);
    const r = await run('check', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('mechcheck verify / list', () => {
  it('writes report.json and report.md and exits 0 when everything is as expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-rep-'));
    const r = await run('verify', '--only', 'foundation.', '--out', dir, '--runs', '20');
    expect(r.status).toBe(0);
    // a run of a subset is a partial report, kept apart from the full one
    const rep = JSON.parse(readFileSync(join(dir, 'partial', 'report.json'), 'utf8'));
    expect(rep.summary.unexpected).toBe(0);
    for (const res of rep.results) {
      for (const k of ['id', 'title', 'source', 'kind', 'expected', 'outcome', 'runs', 'seed', 'metrics', 'evidence', 'durationMs'])
        expect(res).toHaveProperty(k);
      if (res.outcome !== 'holds') expect(res).toHaveProperty('counterexample');
    }
    const refuted = rep.results.find((x: { id: string }) => x.id === 'foundation.auction.firstPrice.dsic.withoutSecondPricePayment');
    expect(refuted.counterexample).not.toBeNull();
    expect(refuted.replay.command).toContain('--seed');
    expect(existsSync(join(dir, 'partial', 'report.md'))).toBe(true);
  });
  it('a counterexample is replayed by the command the report prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-replay-'));
    const id = 'foundation.gvcg.interimIC.withoutRewards';
    expect((await run('verify', '--only', id, '--out', dir)).status).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'partial', 'report.json'), 'utf8')).results[0];
    const args = first.replay.command
      .replace(/^npx mechcheck /, '')
      .match(/'[^']*'|\S+/g)
      .map((a: string) => a.replace(/^'|'$/g, ''));
    const dir2 = mkdtempSync(join(tmpdir(), 'mechcheck-replay2-'));
    expect((await run(...args, '--out', dir2)).status).toBe(0);
    const again = JSON.parse(readFileSync(join(dir2, 'partial', 'report.json'), 'utf8')).results[0];
    expect(again.outcome).toBe('refuted');
    expect(again.counterexample.input).toEqual(first.counterexample.input);
  });
  it('bad usage exits 2', async () => {
    expect((await run('verify', '--only', 'no-such-entry')).status).toBe(2);
    expect((await run('verify', '--bogus')).status).toBe(2);
    expect((await run('nosuchcommand')).status).toBe(2);
  });
  it('list --json gives source and expected verdict per entry', async () => {
    const r = await run('list', '--json');
    expect(r.status).toBe(0);
    const l = JSON.parse(r.stdout);
    expect(l.length).toBeGreaterThan(5);
    expect(l[0]).toHaveProperty('source.seed');
    expect(l[0]).toHaveProperty('expected');
    // hypotheses named by id, the instances searched apart
    const lemma1 = l.find((e: { id: string }) => e.id === 'seed002.lemma1');
    expect(lemma1.hypotheses.every((h: string) => /^\[[A-Za-z0-9.]+\] /.test(h))).toBe(true);
    expect(lemma1.scope).toEqual(['N <= 12']);
  });
});
