/** `mechcheck dynamic` as a user runs it (issue 7, item 6). */
import { runCli } from '../runCli.ts';
import { captureIO } from '../io.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { LimitError, StepBudget } from '../../core/limits.ts';
import { efficientPlan, policyIterationWork } from '../../mechanisms/dynamic/allocation.ts';
import { dynamicEnvironment, parseDynamicSpec } from '../../mechanisms/dynamic/environment.ts';
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
  /* eslint-disable @typescript-eslint/no-explicit-any -- the cases below mutate parsed JSON into malformed shapes on purpose */
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
    await expect(
      command.run(['--env', 'fixtures/seed004/two-agents-copy.json', '--last-step', 'sideways'], captureIO({ cwd: root })),
    ).rejects.toThrow(/--last-step: must be/);
  });
  // through main: exit 2 and the message without a stack trace
  it.each([[(o: any) => (o.discount = 1.5), /discount: must be a number in \(0, 1\)/]])(
    'bad input %# gets a message naming the field and exit 2',
    async (mutate, message) => {
      const o = base();
      mutate(o);
      const r = await run('--env', write(o));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );
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

describe('mechcheck dynamic: hostile sizes and numbers (issue 15)', () => {
  const fixture = () => JSON.parse(readFileSync(join(root, 'fixtures/seed004/two-agents-copy.json'), 'utf8'));
  const file = (text: string) => {
    const f = join(mkdtempSync(join(tmpdir(), 'mechcheck-dyn-')), 'env.json');
    writeFileSync(f, text);
    return f;
  };
  it.each([
    [
      'horizon 1e9',
      (o: any) => (o.horizon = 1e9),
      /horizon: the work asked for \(.*horizon 1000000000.*\) is .* units, above the limit of 1\.00e9 units \(raise it with --max-work\)/,
    ],
    ['utility 1e308', (o: any) => (o.utility[0][0][0] = 1e308), /utility\[0\]\[0\]\[0\]: must be <= 1000000000000, got 1e\+308/],
    [
      'discount 1 - 1e-16',
      (o: any) => (o.discount = 0.9999999999999999),
      /discount: must be a number in \(0, 1\), from 0\.000001 to 1 - 1e-9/,
    ],
    ['a negative probability', (o: any) => (o.transition[0][0] = [0.5, 0.5 + 1e-10, -1e-10, 0]), /transition\[0\]\[0\]\[2\]: is negative/],
    ['1e8 agents', (o: any) => (o.agents = 1e8), /signals: has 2 entries, expected 100000000/],
    ['1e9 signals', (o: any) => (o.signals = [1e9, 1]), /transition\[0\]: has 4 entries, expected 1000000000/],
    /* eslint-enable @typescript-eslint/no-explicit-any */
  ])('%s: exit 2 naming the field, no internal error', async (_name, mutate, message) => {
    const o = fixture();
    mutate(o);
    const r = await run('--env', file(JSON.stringify(o)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
  it('"agents": 1e309 (Infinity once parsed) names the field', async () => {
    const text = JSON.stringify(fixture()).replace('"agents":2', '"agents":1e309');
    const r = await run('--env', file(text));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/agents: must be finite, got Infinity/);
  });
  it.each([
    [['--tolerance', '0x10'], /--tolerance: must be a decimal number, got '0x10'/],
    [['--tolerance', ''], /--tolerance: must be a decimal number, got ''/],
    [['--max-work', '1e3'], /the work asked for .* above the limit of 1000 units \(raise it with --max-work\)/],
  ])('option %# is refused naming it', async (args, message) => {
    const r = await run('--env', 'fixtures/seed004/two-agents-copy.json', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('the policy iteration of an infinite horizon is charged to the budget as it runs (same plan when it fits)', () => {
    const env = dynamicEnvironment(
      parseDynamicSpec(JSON.parse(readFileSync(join(root, 'fixtures/seed004/two-agents-copy-infinite.json'), 'utf8'))),
    );
    const step = policyIterationWork(env);
    const roomy = new StepBudget(1e9, 'signals', 'policy iteration');
    expect(efficientPlan(env, { budget: roomy })).toEqual(efficientPlan(env));
    expect(roomy.used % step).toBe(0);
    expect(roomy.used).toBeGreaterThanOrEqual(step);
    expect(() => efficientPlan(env, { budget: new StepBudget(roomy.used - 1, 'signals', 'policy iteration') })).toThrow(LimitError);
    expect(() => efficientPlan(env, { budget: new StepBudget(roomy.used - 1, 'signals', 'policy iteration') })).toThrow(
      /signals: the work spent on policy iteration \(counted while running\)/,
    );
  });
});
