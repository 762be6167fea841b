/** `mechcheck dynamic` as a user runs it (issue 7, item 6). */
import { runCli } from '../runCli.ts';
import { captureIO } from '../io.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { command } from './dynamic.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = (...args: string[]) => runCli(['dynamic', ...args], { cwd: root });

describe('mechcheck dynamic', { timeout: 60_000 }, () => {
  it('reports the printed last-step counterexample with its witness (exit 1)', async () => {
    const r = await run('--env', 'fixtures/seed004/printed-last-step-counterexample.json', '--json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.assumptions.convexIndependence.holds).toBe(true);
    expect(out.assumptions.spanning.holds).toBe(true);
    expect(out.residual).toBeLessThan(1e-9);
    expect(out.maxGain).toBeGreaterThan(0.01);
    expect(out.witness).toMatchObject({ t: 2, agent: 0 });
    expect(Object.keys(out.witness).sort()).toEqual(['agent', 'profile', 'report', 't']);
  });
  it('--last-step internalize makes it periodic ex post IC (exit 0)', async () => {
    const r = await run('--env', 'fixtures/seed004/printed-last-step-counterexample.json', '--last-step', 'internalize');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/periodic ex post IC\s+holds/);
  });
  /** run the command in-process, capturing stdout */
  const inProcess = async (...args: string[]) => {
    const io = captureIO({ cwd: root });
    const code = await command.run(args, io);
    return { code, out: io.stdout };
  };
  it('infinite horizon fixture holds (exit 0)', async () => {
    const r = await inProcess('--env', 'fixtures/seed004/two-agents-copy-infinite.json', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).maxGain).toBeLessThan(1e-9);
  });
  it('--help', async () => {
    const r = await inProcess('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/usage: mechcheck dynamic --env FILE/);
  });
  const base = () => JSON.parse(readFileSync(join(root, 'fixtures/seed004/two-agents-copy.json'), 'utf8'));
  const write = (o: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-dyn-'));
    const f = join(dir, 'env.json');
    writeFileSync(f, JSON.stringify(o));
    return f;
  };
  // in-process: the command throws an InputError naming the field (main prints it and exits 2)
  it.each([
    [(o: any) => (o.transition[0][1] = [0.5, 0.5, 0.5, 0.5]), /transition\[0\]\[1\]: sums to 2/],
    [(o: any) => (o.transition[1] = o.transition[1].slice(0, 3)), /transition\[1\]: has 3 entries, expected 4/],
    [(o: any) => (o.utility[0][1] = [1, 2]), /utility\[0\]\[1\]: has 2 entries, expected 4/],
    [(o: any) => delete o.lastAction, /lastAction: is required when the horizon is finite/],
    [(o: any) => (o.colour = 1), /colour: is not a known field/],
  ])('bad input %# is an InputError naming the field', async (mutate, message) => {
    const o = base();
    mutate(o);
    const f = write(o);
    await expect(command.run(['--env', f], captureIO({ cwd: root }))).rejects.toThrow(InputError);
    await expect(command.run(['--env', f], captureIO({ cwd: root }))).rejects.toThrow(message);
  });
  it('bad --last-step is an InputError', async () => {
    await expect(command.run(['--env', 'fixtures/seed004/two-agents-copy.json', '--last-step', 'sideways'], captureIO({ cwd: root }))).rejects.toThrow(/--last-step: must be/);
  });
  // through main: exit 2 and the message without a stack trace
  it.each([[(o: any) => (o.discount = 1.5), /discount: must be a number in \(0, 1\)/]])('bad input %# gets a message naming the field and exit 2', async (mutate, message) => {
    const o = base();
    mutate(o);
    const r = await run('--env', write(o));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('malformed JSON exits 2; a missing --env is an InputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-dyn-'));
    const f = join(dir, 'env.json');
    writeFileSync(f, '{"agents": 2,');
    const r = await run('--env', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    await expect(command.run([], captureIO({ cwd: root }))).rejects.toThrow(/--env: expected --env FILE/);
  });
});
