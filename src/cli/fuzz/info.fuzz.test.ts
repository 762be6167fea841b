/** Fuzz `mechcheck info` (issue 15, item 6): hostile decomposition files and options, in-process, fixed seeds. */
import fc from 'fast-check';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.ts';
import {
  applyMutations,
  fuzzDir,
  hostileOptionString,
  MEMORY_BOUND,
  misbehaviour,
  mutationsArb,
  peakRss,
  toJsonText,
  writeInput,
} from './hostile.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = fuzzDir('info');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = JSON.parse(readFileSync(join(root, 'fixtures/seed001/section2-rho0.8.json'), 'utf8'));
const SIZE_FIELDS = [['states'], ['signals', 0], ['signals', 1], ['signals', 2]];
/** exit codes documented by `mechcheck info --help` */
const DOCUMENTED = [0, 2];
const MAX_WORK = ['--max-work', '3e7'];

describe('fuzz: mechcheck info', () => {
  it('hostile files: documented exit, a field named on exit 2, no stack trace', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(mutationsArb(SIZE_FIELDS), fc.boolean(), async (ms, json) => {
        const input = toJsonText(applyMutations(fixture, ms));
        const r = await runCli(['info', '--decomposition', writeInput(dir, input), '--M', '1', ...(json ? ['--json'] : []), ...MAX_WORK], {
          cwd: root,
        });
        seen.add(r.status);
        expect(misbehaviour('info', r, DOCUMENTED, ms)).toBeNull();
        if (r.status === 0 && json) expect(r.stdout).not.toMatch(/null/);
      }),
      { seed: 1502, numRuns: 150 },
    );
    expect([...seen].some((s) => s !== 2)).toBe(true);
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it('hostile declared sizes with matching data stay within the work limit', async () => {
    // a file whose data agree with large declared sizes: refused by the work limit, or computed
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 }),
        async (states, signals) => {
          const size = states * signals.reduce((a, b) => a * b, 1);
          fc.pre(size <= 50_000);
          const Q = new Array(size).fill(1 / size);
          const r = await runCli(['info', '--decomposition', writeInput(dir, JSON.stringify({ states, signals, Q })), ...MAX_WORK], {
            cwd: root,
          });
          expect(misbehaviour('info', r, DOCUMENTED, { states, signals })).toBeNull();
        },
      ),
      { seed: 1503, numRuns: 30 },
    );
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it('hostile option values', async () => {
    const option = fc.tuple(fc.constantFrom('--M', '--max-work', '--decomposition', '--bogus'), hostileOptionString);
    await fc.assert(
      fc.asyncProperty(fc.array(option, { maxLength: 3 }), async (opts) => {
        const argv = ['info', '--decomposition', 'fixtures/seed001/section2-rho0.8.json', ...opts.flat()];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('info', r, DOCUMENTED, argv)).toBeNull();
      }),
      { seed: 1506, numRuns: 100 },
    );
  });
});
