/** Fuzz `mechcheck dynamic` (issue 15, item 6): hostile environment files and options, in-process, fixed seeds. */
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
const dir = fuzzDir('dynamic');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = JSON.parse(readFileSync(join(root, 'fixtures/seed004/two-agents-copy.json'), 'utf8'));
const infinite = JSON.parse(readFileSync(join(root, 'fixtures/seed004/two-agents-copy-infinite.json'), 'utf8'));
/** declared sizes and scalars of the format */
const SIZE_FIELDS = [['agents'], ['actions'], ['horizon'], ['signals', 0], ['signals', 1], ['lastAction'], ['discount']];
/** exit codes documented by `mechcheck dynamic --help` */
const DOCUMENTED = [0, 1, 2];
/** a small work limit keeps every allowed run short (the default limit is tested in dynamic.test.ts) */
const MAX_WORK = ['--max-work', '3e7'];

describe('fuzz: mechcheck dynamic', () => {
  it('hostile files (numbers, declared sizes, ragged arrays, odd values): documented exit, a field named on exit 2, no stack trace', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), mutationsArb(SIZE_FIELDS), async (inf, ms) => {
        const input = toJsonText(applyMutations(inf ? infinite : fixture, ms));
        const r = await runCli(['dynamic', '--env', writeInput(dir, input), '--json', ...MAX_WORK], { cwd: root });
        seen.add(r.status);
        expect(misbehaviour('dynamic', r, DOCUMENTED, ms)).toBeNull();
      }),
      { seed: 1504, numRuns: 100 },
    );
    // the suite reaches the computation, not only the parser
    expect([...seen].some((s) => s !== 2)).toBe(true);
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it('hostile option values', async () => {
    const option = fc.oneof(
      fc.tuple(fc.constant('--tolerance'), hostileOptionString),
      fc.tuple(
        fc.constant('--max-work'),
        fc.oneof(
          hostileOptionString.filter((s) => !(Number(s) > 3e7)),
          fc.constantFrom('1', '1e3', '1e6'),
        ),
      ),
      fc.tuple(fc.constant('--last-step'), fc.oneof(fc.constantFrom('printed', 'internalize'), hostileOptionString)),
      fc.tuple(
        fc.constantFrom('--env', '--json', '--bogus', '-x', '--tolerance='),
        fc.constantFrom('', 'fixtures/seed004/two-agents-copy.json', '/nonexistent', '.', 'fixtures'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(option, { maxLength: 3 }), async (opts) => {
        const argv = [
          'dynamic',
          '--env',
          'fixtures/seed004/two-agents-copy.json',
          ...MAX_WORK,
          ...opts.flatMap(([k, v]) => (k.endsWith('=') ? [k + v] : [k, v])),
        ];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('dynamic', r, DOCUMENTED, argv)).toBeNull();
      }),
      { seed: 1505, numRuns: 60 },
    );
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
});
