/** Fuzz `mechcheck assignment` (issue 15, item 6): hostile instance files and options, in-process, fixed seeds. */
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
const dir = fuzzDir('assignment');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = JSON.parse(readFileSync(join(root, 'fixtures/seed000/spectrum-3x3.json'), 'utf8'));
const SIZE_FIELDS = [['n'], ['states'], ['M']];
/** exit codes documented by `mechcheck assignment --help` */
const DOCUMENTED = [0, 2];

describe('fuzz: mechcheck assignment', () => {
  it('hostile files: documented exit, a field named on exit 2, no stack trace', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(mutationsArb(SIZE_FIELDS), async (ms) => {
        const input = toJsonText(applyMutations(fixture, ms));
        const r = await runCli(['assignment', '--instance', writeInput(dir, input), '--json', '--max-work', '3e7'], { cwd: root });
        seen.add(r.status);
        expect(misbehaviour('assignment', r, DOCUMENTED, ms)).toBeNull();
      }),
      { seed: 1500, numRuns: 200 },
    );
    expect([...seen].some((s) => s !== 2)).toBe(true);
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it('hostile option values (--posterior, --max-work)', async () => {
    const posterior = fc.oneof(
      hostileOptionString,
      fc.array(hostileOptionString, { minLength: 2, maxLength: 2 }).map((xs) => xs.join(',')),
      fc.constantFrom('1/2,1/2', '0.5,0.5', '1,0', '0,1', '1e-400,1'),
    );
    const option = fc.oneof(
      fc.tuple(fc.constant('--posterior'), posterior),
      fc.tuple(
        fc.constant('--max-work'),
        hostileOptionString.filter((s) => !(Number(s) > 3e7)),
      ),
      fc.tuple(fc.constantFrom('--instance', '--x'), hostileOptionString),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(option, { maxLength: 3 }), async (opts) => {
        const argv = ['assignment', '--instance', 'fixtures/seed000/spectrum-3x3.json', ...opts.flat()];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('assignment', r, DOCUMENTED, argv)).toBeNull();
      }),
      { seed: 1507, numRuns: 100 },
    );
  });
});
