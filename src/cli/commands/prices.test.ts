/** `mechcheck prices` as a user runs it (seed 003), in-process: exit codes, messages, outputs. */
import { runCli } from '../runCli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const spawn = (...args: string[]) => runCli(['prices', ...args], { cwd: root });
const tmp = (obj: unknown) => {
  const f = join(mkdtempSync(join(tmpdir(), 'mechcheck-prices-')), 'spec.json');
  writeFileSync(f, typeof obj === 'string' ? obj : JSON.stringify(obj));
  return f;
};
/** run in-process, capturing stdout and stderr */
const inProcess = (...args: string[]) => runCli(['prices', ...args], { cwd: root });

const example1 = {
  buyers: [
    { signals: ['p1', 'c1'], value: 'p1 + c1*c2' },
    { signals: ['p2', 'c2'], value: 'p2 + c1*c2' },
  ],
};
const T = 60_000;

describe('mechcheck prices', () => {
  it(
    'Example 1 with its prices: values, prices, allocation; admissible and IC on the grid (exit 0)',
    async () => {
      const r = await spawn('--spec', 'fixtures/seed003/example1.json', '--json', '--grid', '4');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.at[0].values[0]).toBeCloseTo(1.1, 12);
      expect(out.at[0].allocation).toBe('a1 (buyer 1)');
      expect(out.grid.admissible).toBe(true);
      expect(out.grid.exPostIC.holds).toBe(true);
      expect(out.grid.outcomeShares['a0 (no sale)']).toBeGreaterThan(0);
    },
    T,
  );
  it(
    'prices below the admissible ones: first violation printed, exit 1',
    async () => {
      const r = await spawn('--spec', tmp({ ...example1, prices: ['p2 + c2^2/2', 'p1 + c1^2/2'] }), '--grid', '3');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/admissibility \(3\): VIOLATED/);
      expect(r.stdout).toMatch(/first violation/);
    },
    T,
  );
  it(
    'an unknown symbol: message naming it, exit 2, no stack trace',
    async () => {
      const r = await spawn('--spec', tmp({ buyers: [{ signals: ['p1', 'c1'], value: 'p1 + c1*c3' }, example1.buyers[1]] }));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/mechcheck prices: error: buyers\[0\]\.value: unknown symbol 'c3'/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
    T,
  );
});

describe('mechcheck prices (in-process)', () => {
  it(
    "without prices computes Theorem 1's t* (= p_j + c_j on Example 1)",
    async () => {
      const r = await inProcess(
        '--spec',
        tmp({
          ...example1,
          at: [
            [
              [0.9, 0.5],
              [0.4, 0.4],
            ],
          ],
        }),
        '--json',
        '--grid',
        '3',
      );
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.at[0].prices[0]).toBeCloseTo(0.8, 5);
      expect(out.at[0].prices[1]).toBeCloseTo(1.4, 5);
    },
    T,
  );
  it(
    'K objects: Example 2 (Table 1) with prices (14)',
    async () => {
      const r = await inProcess('--spec', 'fixtures/seed003/example2-subadditive.json', '--json', '--grid', '2');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.at[0].buyers.map((b: { bundle: string }) => b.bundle)).toEqual(['a', '∅', 'b']);
      expect(out.at[1].buyers.map((b: { bundle: string }) => b.bundle)).toEqual(['b', 'a', '∅']);
      expect(out.at[2].buyers[0].bundle).toBe('ab');
    },
    T,
  );
  it.each([
    [{ buyers: [{ signals: ['p1', 'c1'], value: 'p1 + * c2' }, example1.buyers[1]] }, /buyers\[0\]\.value: syntax error/],
    [
      {
        ...example1,
        at: [
          [
            [0.5, 1.5],
            [0, 0],
          ],
        ],
      },
      /at\[0\]\[0\]\[1\]: 1\.5 is outside the signal bounds/,
    ],
    [{ ...example1, prices: ['p1 + c2', 'p1'] }, /prices\[0\]: 'p1' is buyer 1's own signal/],
    ['{"buyers": [', /not valid JSON/],
  ])(
    'bad input %# names the field, exit 2',
    async (spec, msg) => {
      const r = await inProcess('--spec', tmp(spec));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(msg);
    },
    T,
  );
  it(
    '--help and bad --grid',
    async () => {
      expect((await inProcess('--help')).status).toBe(0);
      const r = await inProcess('--spec', 'fixtures/seed003/example1.json', '--grid', '1');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--grid: must be >= 2/);
    },
    T,
  );
});

describe('mechcheck prices: hostile specs and options (issue 15)', () => {
  const withValue = (value: string) => ({ buyers: [{ signals: ['p1', 'c1'], value }, example1.buyers[1]] });
  it.each([
    ['evaluate("f(x) = f(x)")', /buyers\[0\]\.value: function 'evaluate' is not allowed at character 1/],
    ['p1 + createUnit("foo")', /buyers\[0\]\.value: function 'createUnit' is not allowed at character 6/],
    ['sum(zeros(1e9))', /buyers\[0\]\.value: function 'sum' is not allowed/],
    ['f(x) = x', /buyers\[0\]\.value: function definitions are not allowed at character 6/],
    ['p1 + "c2"', /buyers\[0\]\.value: strings are not allowed at character 6/],
    ['1e13 * p1 + 1', /buyers\[0\]\.value: '1e13 \* p1 \+ 1' evaluates to .* outside \[-1000000000000, 1000000000000\]/],
    ['p1 / c1', /buyers\[0\]\.value: 'p1 \/ c1' evaluates to (NaN|Infinity) at/],
  ])(
    '%s: exit 2 naming the field and the position, no stack trace',
    async (value, message) => {
      const r = await inProcess('--spec', tmp(withValue(value)), '--grid', '2');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    },
    T,
  );
  it(
    'a grid beyond the work limit is refused before it is built, naming --grid and --max-work',
    async () => {
      const r = await inProcess('--spec', 'fixtures/seed003/example1-theorem1.json', '--grid', '50');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /--grid: the work asked for \(the grid \(50\^4 = 6\.25e6 profiles of 4 signals\)\) is .* above the limit of 1\.00e9 units \(raise it with --max-work\)/,
      );
    },
    T,
  );
  it(
    'expression evaluations are counted while running: a small --max-work stops the construction with exit 2',
    async () => {
      const r = await inProcess('--spec', 'fixtures/seed003/example1-theorem1.json', '--grid', '3', '--max-work', '100000');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /spec: the work spent on evaluating the spec's expressions .* above the limit of 100000 units \(raise it with --max-work\)/,
      );
      expect(r.stdout).toBe('');
    },
    T,
  );
  it.each([
    [['--grid', '0x10'], /--grid: must be a decimal number, got '0x10'/],
    [['--grid', ''], /--grid: must be a decimal number, got ''/],
    [['--accuracy', '1e-20'], /--accuracy: must be >= 1e-12/],
    [['--max-work=-1'], /--max-work: must be >= 1/],
    [['--max-work', '1e14'], /--max-work: must be <= 10000000000000/],
  ])(
    'option %# is refused naming it',
    async (args, message) => {
      const r = await inProcess('--spec', 'fixtures/seed003/example1.json', ...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    },
    T,
  );
});
