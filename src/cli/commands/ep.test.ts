/** `mechcheck ep` as a user runs it (seed 002): outputs, exit codes, errors naming the option, no stack traces. */
import { runCli } from '../runCli.ts';
import { captureIO } from '../io.ts';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { command } from './ep.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = (...args: string[]) => runCli(['ep', ...args], { cwd: root });
const EX = ['--objects', '3', '--buyer-high', '12', '--buyer-low', '1', '--seller-high', '11', '--seller-low', '0', '--q-buyer', '0.5', '--q-seller', '1/2'];

describe('mechcheck ep', () => {
  it('optimal --exact --json reproduces the example (26/74 = 13/37 each)', async () => {
    const r = await run('optimal', ...EX, '--alpha-seller', '1/2', '--exact', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ thresholds: { seller: 0, buyer: 0 }, sigma: { seller: '13/37', buyer: '13/37' }, fixedPayments: { seller: '0', buyer: '0' }, gainsFromTrade: '759/74' });
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
  it.each([
    [['optimal', ...EX, '--alpha-seller', '0.5', '--q-buyer', '1.5'], /--q-buyer: must be in \(0, 1\)/],
  ])('bad input %# exits 2 with a message naming the option, no stack trace', async (args, message) => {
    const r = await run(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it.each([
    [['optimal', ...EX.map((x) => (x === '11' ? '0.5' : x)), '--alpha-seller', '0.5'], /--seller-high: must exceed --buyer-low/],
    [['optimal', ...EX], /--alpha-seller: is required/],
    [['optimal', ...EX, '--alpha-seller', '2'], /--alpha-seller: must be in \[0, 1\]/],
    [['optimal', ...EX, '--alpha-seller', 'abc'], /--alpha-seller: must be a number/],
    [['optimal', '--objects', '0', '--alpha-seller', '0.5'], /--objects: must be a positive integer/],
    [['optimal', ...EX.map((x) => (x === '3' ? '300' : x)), '--alpha-seller', '0.5', '--exact'], /--objects: must be at most 200/],
    [['frontier', ...EX, '--alpha-seller', '0.5'], /--alpha-seller: is not an option/],
    [['amd', ...EX, '--alpha-seller', '0.5', '--exact'], /--exact: ep amd solves a floating-point LP/],
    [['bogus'], /subcommand: unknown 'bogus'/],
    [['amd', ...EX.map((x) => (x === '3' ? '5' : x)), '--alpha-seller', '0.5'], /--objects: must be at most 4/],
  ])('bad input %# is an InputError naming the option (in process)', async (args, message) => {
    await expect(command.run(args as string[], captureIO({ cwd: root }))).rejects.toThrow(InputError);
    await expect(command.run(args as string[], captureIO({ cwd: root }))).rejects.toThrow(message);
  });
});
