/** `mechcheck assignment` as a user runs it (seed 000): output format, exit codes, bad input. */
import { runCli } from '../runCli.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataAtPosterior, parseInstance } from '../../mechanisms/assignment/instance.ts';
import { efficientAssignmentByEnumeration } from '../../mechanisms/assignment/solver.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = (...args: string[]) => runCli(['assignment', ...args], { cwd: root });
const fixture = 'fixtures/seed000/spectrum-3x3.json';

function withFile(obj: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'mechcheck-assign-'));
  const f = join(dir, 'i.json');
  writeFileSync(f, typeof obj === 'string' ? obj : JSON.stringify(obj));
  return f;
}

describe('mechcheck assignment', () => {
  it('prints the efficient matching, welfare, payoffs and nonpositive VCG transfers (--json)', async () => {
    const r = await run('--instance', fixture, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['matching', 'welfare', 'payoffs', 'transfers']));
    const { instance, posterior } = parseInstance(JSON.parse(readFileSync(join(root, fixture), 'utf8')));
    const ref = efficientAssignmentByEnumeration(dataAtPosterior(instance, posterior!));
    expect(out.welfare).toBeCloseTo(ref.welfare, 9);
    expect(out.matching).toEqual([0, -1, 2]);
    expect(out.payoffs.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(out.welfare, 9);
    for (const x of out.transfers) expect(x).toBeLessThanOrEqual(0);
    expect(out.transfers).toEqual([-1.5, 0, -0.5]);
  });
  it('--posterior overrides the file and a human-readable table is the default', async () => {
    const j = JSON.parse((await run('--instance', fixture, '--posterior', '1,0', '--json')).stdout);
    expect(j.welfare).toBe(6);
    expect(j.transfers).toEqual([-2, 0, -1]);
    const t = await run('--instance', fixture);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/welfare \(sum of g_i\): 4\.5/);
  });
  it('--help exits 0', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: mechcheck assignment --instance FILE/);
  });
  const good = JSON.parse(readFileSync(join(root, fixture), 'utf8'));
  const bad = (patch: (x: typeof good) => void) => {
    const x = JSON.parse(JSON.stringify(good));
    patch(x);
    return x;
  };
  it.each([
    ['{"n": 3,', [], /not valid JSON/],
    [bad((x) => (x.c[0][0][1][0][2] = 1)), [], /c\[0\]\[0\]\[1\]\[0\]\[2\]: must be 0 \(p = i or q = j has no meaning\)/],
    [bad((x) => (x.u[1][2][0] = 5)), [], /u\[1\]\[2\]\[0\]: is 5, outside \[0, M = 4\]/],
    [bad((x) => x.v[0].pop()), [], /v\[0\]: has 2 entries, expected 3/],
    [bad((x) => (x.posterior = [0.5, 0.6])), [], /posterior: sums to 1\.1/],
    [bad((x) => (x.c[1][2][1][0][0] = -1)), [], /c\[1\]\[2\]\[1\]\[0\]\[0\]: is -1, outside \[0, M = 4\]/],
    [bad((x) => delete x.posterior), [], /posterior: missing/],
    [good, ['--posterior', '0.5,x'], /--posterior\[1\]: must be a decimal number or a fraction a\/b, got 'x'/],
    [good, ['--posterior', '0x1,0'], /--posterior\[0\]: must be a decimal number or a fraction a\/b, got '0x1'/],
    [good, ['--posterior', '1.5,-0.5'], /--posterior\[0\]: must be <= 1, got 1\.5/],
    [bad((x) => (x.M = 1e13)), [], /M: must be a positive number at most 1000000000000/],
    [
      good,
      ['--max-work', '10'],
      /states: the work asked for \(the instance data at the posterior .*\) is \d+ units, above the limit of 10 units \(raise it with --max-work\)/,
    ],
    [good, ['--max-work', '0x10'], /--max-work: must be a decimal number, got '0x10'/],
    [good, ['--posterior', '1'], /--posterior: has 1 entries, expected one per state \(2\)/],
    [bad((x) => (x.colour = 1)), [], /colour: is not a known field/],
    // refused by the schema (instance.schema.json), the field named
    [bad((x) => delete x.v), [], /error: v: is required/],
    [bad((x) => (x.u[0][1][2] = '3')), [], /error: u\[0\]\[1\]\[2\]: must be number/],
    [bad((x) => (x.c[1][0] = 0)), [], /error: c\[1\]\[0\]: must be array/],
    [bad((x) => (x.n = '3')), [], /error: n: must be integer/],
    ['[1, 2]', [], /error: \(top level\): must be object/],
  ])('bad input %# gets a message naming the field and exit 2', async (obj, extra, message) => {
    const r = await run('--instance', withFile(obj), ...extra);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('missing --instance is a usage error', async () => {
    const r = await run();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--instance: is required/);
  });
});
