/**
 * Fuzz `mechcheck check` (issue 15, item 6), written against the current
 * behaviour of `check` (whose file rules are issue 15 items 1-2 for check input
 * files, a separate piece of work): hostile numbers, ragged arrays and odd
 * values inside the valuations, transfers, outcomes, prior and tolerance of a
 * mechanism file, and hostile --tolerance strings. The declared sizes
 * (`agents`, `types`, `outcomes`, `states`) are left alone for now: on main,
 * `"agents": 1e309` is an internal error and `"outcomes": 1e9` exhausts memory
 * (the todo below). Add them to `SUBTREES` when the file parser checks them.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli.ts';
import { applyMutations, fuzzDir, hostileOptionString, MEMORY_BOUND, misbehaviour, mutationsArb, peakRss, toJsonText, writeInput } from './hostile.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = fuzzDir('check');
const fixtures = ['second-price-auction.json', 'first-price-auction.json'].map((f) => JSON.parse(readFileSync(join(root, 'fixtures/mechanisms', f), 'utf8')));
/** the parts of a file whose numbers and shapes are fuzzed (the declared sizes are not, yet) */
const SUBTREES = ['valuations', 'transfers', 'outcome', 'prior', 'tolerance'];
/** exit codes documented by `mechcheck check --help` */
const DOCUMENTED = [0, 1, 2];

describe('fuzz: mechcheck check', () => {
  it('hostile mechanism files: documented exit, a field named on exit 2, no stack trace', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: fixtures.length - 1 }), fc.constantFrom(...SUBTREES), mutationsArb([], { kinds: ['number', 'value', 'drop', 'dup', 'wrap', 'key'] }), async (k, subtree, ms) => {
        const doc = { ...fixtures[k] };
        if (subtree === 'tolerance') doc.tolerance = 1e-9;
        doc[subtree] = applyMutations(doc[subtree], ms);
        const input = toJsonText(doc);
        const r = await runCli(['check', writeInput(dir, input), '--json'], { cwd: root });
        seen.add(r.status);
        expect(misbehaviour('check', r, DOCUMENTED, ms)).toBeNull();
      }),
      { seed: 1513, numRuns: 200 },
    );
    expect([...seen].some((s) => s !== 2)).toBe(true);
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it.todo('declared sizes (agents, types, outcomes, states: 1e8, 1e309) exit 2 naming the field, within the memory bound (after the check file rules land)');
  it('hostile --tolerance values (decimal only: 0x10 is refused, not read as 16)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileOptionString, async (t) => {
        const argv = ['check', 'fixtures/mechanisms/first-price-auction.json', '--tolerance', t];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('check', r, DOCUMENTED, argv)).toBeNull();
        if (/^0[xbo]/i.test(t.trim())) expect(r.status).toBe(2);
      }),
      { seed: 1514, numRuns: 80 },
    );
  });
});
