/** `mechcheck info` (seed 001): nu and Lambda, the Theorem B(b) reward scale, and bad input (exit 2, no stack trace). */
import { runCli } from '../runCli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecompositionFile } from '../../information/decompositionFile.ts';
import { informationSummary } from '../../mechanisms/twoStage/informationSummary.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = (...args: string[]) => runCli(args, { cwd: root });

describe('mechcheck info', () => {
  it('prints nu, Lambda and eps for the section 2 example (rho = 0.8)', async () => {
    const r = await run('info', '--decomposition', 'fixtures/seed001/section2-rho0.8.json', '--M', '1', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.nu).toHaveLength(3);
    // the others split (one a_1, one a_2) with probability 2 rho (1 - rho) = 0.32 given a_1, or agree ...: nu = 24/65
    for (const nu of out.nu) expect(nu).toBeCloseTo(24 / 65, 6);
    for (const l of out.lambda) expect(l).toBeCloseTo(0.7465437788, 8);
    expect(out.epsilon).toBeCloseTo((12 * 3 * Math.sqrt(8) * (24 / 65)) / 0.7465437788018432, 6);
  }, 60_000);
  it('bad input: a message naming the problem, exit 2, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-info-'));
    const f = join(dir, 'd.json');
    writeFileSync(f, '{"states": 2, "signals": [2], "Q": [0.5, 0.5, 0, 0.1]}');
    const r = await run('info', '--decomposition', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mechcheck info: error: Q: sums to 1\.1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('mechcheck info: validation (in process)', () => {
  it.each([
    [{ states: 2, signals: [2], Q: [0.6, 0.5, -0.1, 0] }, /Q\[2\]: is negative/],
    [{ states: 2, signals: [2, 2], Q: [0.5, 0.5] }, /Q: has 2 entries, expected 8/],
    [{ states: 2, signals: [2, 2], Q: [0.25, 0.25, 0, 0, 0.25, 0.25, 0, 0] }, /agent 1's signal 1 has probability 0/],
    [{ states: 2, signals: [2, 2], Q: [0.25, 0, 0, 0.25, 0.25, 0, 0, 0.25] }, /signal profile \[\d,\d\] has probability 0/],
    [{ states: 0, signals: [2], Q: [] }, /states: must be a positive integer/],
    [{ states: 1, signals: [2, 'x'], Q: [0.5, 0.5] }, /signals\[1\]: must be integer/],
    [{ states: 1, signals: [2.5], Q: [0.5, 0.5] }, /signals\[0\]: must be integer/],
    [{ states: 1, signals: [2] }, /^Q: is required/],
    [{ states: 1, signals: [], Q: [1] }, /^signals: must NOT have fewer than 1 items/],
    [{ states: '1', signals: [2], Q: [0.5, 0.5] }, /^states: must be integer/],
    [{ states: 1, signals: [2], Q: [0.5, 0.5], rho: 1 }, /rho: is not a known field/],
    [{ states: 1, signals: [2], Q: [0.5, '0.5'] }, /Q\[1\]: must be number/],
    [[1, 2], /\(top level\): must be object/],
  ])('bad input %# is rejected naming the problem', async (raw, message) => {
    expect(() => informationSummary(parseDecompositionFile(raw))).toThrow(message);
  });
  it('independent signals: Lambda = 0 and nu = 0 (no state information)', async () => {
    const r = informationSummary(parseDecompositionFile({ states: 1, signals: [2, 2], Q: [0.25, 0.25, 0.25, 0.25] }), 1);
    expect(r.nu).toEqual([0, 0]);
    expect(r.lambda[0]).toBeCloseTo(0, 12);
    expect(r.epsilon).toBe(0);
  });
});

describe('mechcheck info: hostile sizes and numbers (issue 15)', () => {
  const file = (text: string) => {
    const f = join(mkdtempSync(join(tmpdir(), 'mechcheck-info-')), 'd.json');
    writeFileSync(f, text);
    return f;
  };
  it.each([
    [
      '{"states": 1e309, "signals": [2], "Q": [0.5, 0.5]}',
      /states: must be a positive integer, got null|states: must be a positive integer/,
    ],
    [
      '{"states": 1, "signals": [1e9, 1e9], "Q": [0.5, 0.5]}',
      /Q: has 2 entries, expected more than 2\^53 \(= 1 states x 1000000000 x 1000000000 signal profiles\)/,
    ],
    ['{"states": 1000000000, "signals": [2], "Q": [0.5, 0.5]}', /Q: has 2 entries, expected 2000000000/],
    ['{"states": 1, "signals": [2], "Q": [1e309, 0]}', /Q\[0\]: must be a finite number, got Infinity/],
    ['{"states": 1, "signals": [2], "Q": [1.5, -0.5]}', /Q\[0\]: is above 1 \(1\.5\)/],
  ])('%s: exit 2 naming the field at once', async (text, message) => {
    const r = await run('info', '--decomposition', file(text));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
  it('4096 signals: the work (signals^2 x profiles) is refused before Q is built, naming signals and --max-work', async () => {
    const Q = new Array(4096).fill(1 / 4096);
    const r = await run('info', '--decomposition', file(JSON.stringify({ states: 1, signals: [4096, 1], Q })));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /signals: the work asked for \(the informational sizes nu_i .*\) is 6\.\d+e10 units, above the limit of 1\.00e9 units \(raise it with --max-work\)/,
    );
  });
  it.each([
    [['--M', '0x10'], /--M: must be a decimal number, got '0x10'/],
    [['--M', '1e13'], /--M: must be <= 1000000000000/],
    [['--M', 'Infinity'], /--M: must be a decimal number, got 'Infinity'/],
  ])('option %# is refused naming it', async (args, message) => {
    const r = await run('info', '--decomposition', 'fixtures/seed001/section2-rho0.8.json', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('an agent with one signal has Lambda = Infinity: --json prints the string "Infinity", never null', async () => {
    const r = await run(
      'info',
      '--decomposition',
      file(JSON.stringify({ states: 2, signals: [2, 1], Q: [0.4, 0.1, 0.1, 0.4] })),
      '--M',
      '1',
      '--json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lambda[1]).toBe('Infinity');
    expect(r.stdout).not.toMatch(/null/);
  });
});
