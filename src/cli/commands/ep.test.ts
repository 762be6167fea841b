/** `mechcheck ep` as a user runs it (seed 002): outputs, exit codes, errors naming the option, no stack traces. */
import { runCli } from '../runCli.ts';
import { captureIO } from '../io.ts';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { command } from './ep.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = (...args: string[]) => runCli(['ep', ...args], { cwd: root });
const EX = [
  '--objects',
  '3',
  '--buyer-high',
  '12',
  '--buyer-low',
  '1',
  '--seller-high',
  '11',
  '--seller-low',
  '0',
  '--q-buyer',
  '0.5',
  '--q-seller',
  '1/2',
];

describe('mechcheck ep', () => {
  it('optimal --exact --json reproduces the example (26/74 = 13/37 each)', async () => {
    const r = await run('optimal', ...EX, '--alpha-seller', '1/2', '--exact', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      thresholds: { seller: 0, buyer: 0 },
      sigma: { seller: '13/37', buyer: '13/37' },
      fixedPayments: { seller: '0', buyer: '0' },
      gainsFromTrade: '759/74',
    });
    for (const k of ['utilities', 'weightedWelfare']) expect(out).toHaveProperty(k);
  });
  it('frontier --json lists vertices with their weight ranges', async () => {
    const r = await run('frontier', ...EX, '--exact', '--json');
    expect(r.status).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toHaveLength(8);
    expect(v[4]).toEqual({ seller: '4037/592', buyer: '55/16', alphaSeller: ['1/2', '148/281'] });
  });
  it('amd --json is certified and agrees with the closed form', async () => {
    const r = await run('amd', ...EX, '--alpha-seller', '0.5', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.certified).toBe(true);
    expect(out.agrees).toBe(true);
    expect(out.weightedWelfare).toBeCloseTo(759 / 148, 9);
  });
  it('optimal in floating point (alpha^s = 0.6): the seller gets the saved rents up front (in process)', async () => {
    let io = captureIO({ cwd: root });
    expect(await command.run(['optimal', ...EX, '--alpha-seller', '0.6', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.fixedPayments.seller).toBeCloseTo(1.5, 12);
    expect(out.utilities.buyer).toBe(0);
    expect(out.thresholds).toEqual({ seller: 0, buyer: 3 });
    io = captureIO({ cwd: root });
    expect(await command.run(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/mechcheck ep optimal/);
  });
  it('--exact reads decimals with exponents exactly (1e3 = 1000, 2.5e-1 = 1/4)', async () => {
    const a = await run(
      'optimal',
      ...EX.map((x) => (x === '12' ? '1e3' : x === '0.5' ? '2.5e-1' : x)),
      '--alpha-seller',
      '1/2',
      '--exact',
      '--json',
    );
    const b = await run(
      'optimal',
      ...EX.map((x) => (x === '12' ? '1000' : x === '0.5' ? '1/4' : x)),
      '--alpha-seller',
      '0.5',
      '--exact',
      '--json',
    );
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
  it.each([
    [['optimal', ...EX, '--alpha-seller', '0.5', '--q-buyer', '1.5'], /--q-buyer: must be <= 1, got 1\.5/],
    [['optimal', ...EX, '--alpha-seller', '0.5', '--q-buyer', '1'], /--q-buyer: must be in \(0, 1\)/],
    [
      ['optimal', ...EX.map((x) => (x === '12' ? '1.7e308' : x)), '--alpha-seller', '0.5'],
      /--buyer-high: must be <= 1000000000000, got 1\.7e\+308/,
    ],
    [
      ['optimal', ...EX.map((x) => (x === '12' ? '0x10' : x)), '--alpha-seller', '0.5'],
      /--buyer-high: must be a decimal number or a fraction a\/b, got '0x10'/,
    ],
    [
      ['optimal', ...EX.map((x) => (x === '12' ? '' : x)), '--alpha-seller', '0.5'],
      /--buyer-high: must be a decimal number or a fraction a\/b, got ''/,
    ],
    [
      ['optimal', ...EX.map((x) => (x === '12' ? '1e999' : x)), '--alpha-seller', '0.5', '--exact'],
      /--buyer-high: '1e999' is out of range/,
    ],
    [
      ['frontier', ...EX.map((x) => (x === '3' ? '200' : x)), '--exact'],
      /--objects: the work asked for \(the Pareto frontier for N = 200 objects: \d+ x \d+ breakpoints x N, exact numbers of about \d+ bits\) is .* units, above the limit of 1\.00e9 units \(raise it with --max-work\)/,
    ],
    [['optimal', ...EX, '--alpha-seller', '0.5', '--max-work', '0x10'], /--max-work: must be a decimal number, got '0x10'/],
  ])('bad input %# exits 2 with a message naming the option, no stack trace', async (args, message) => {
    const r = await run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it.each([
    [['optimal', ...EX.map((x) => (x === '11' ? '0.5' : x)), '--alpha-seller', '0.5'], /--seller-high: must exceed --buyer-low/],
    [['optimal', ...EX], /--alpha-seller: is required/],
    [['optimal', ...EX, '--alpha-seller', '2'], /--alpha-seller: must be <= 1, got 2/],
    [['optimal', ...EX, '--alpha-seller', 'abc'], /--alpha-seller: must be a decimal number or a fraction a\/b, got 'abc'/],
    [['optimal', '--objects', '0', '--alpha-seller', '0.5'], /--objects: must be >= 1, got 0/],
    [['optimal', '--objects', '2.5', '--alpha-seller', '0.5'], /--objects: must be an integer, got 2\.5/],
    [['optimal', ...EX.map((x) => (x === '3' ? '2000' : x)), '--alpha-seller', '0.5', '--exact'], /--objects: must be <= 1000, got 2000/],
    [['frontier', ...EX, '--alpha-seller', '0.5'], /--alpha-seller: is not an option/],
    [['amd', ...EX, '--alpha-seller', '0.5', '--exact'], /--exact: ep amd solves a floating-point LP/],
    [['bogus'], /subcommand: unknown 'bogus'/],
    [['amd', ...EX.map((x) => (x === '3' ? '5' : x)), '--alpha-seller', '0.5'], /--objects: must be <= 4, got 5/],
  ])('bad input %# is an InputError naming the option (in process)', async (args, message) => {
    await expect(command.run(args, captureIO({ cwd: root }))).rejects.toThrow(InputError);
    await expect(command.run(args, captureIO({ cwd: root }))).rejects.toThrow(message);
  });
});
