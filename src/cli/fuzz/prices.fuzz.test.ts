/**
 * Fuzz `mechcheck prices` (issue 15, item 6): hostile specs, expression
 * strings built from mathjs's own function names, and options, in-process,
 * fixed seeds.
 */
import fc from 'fast-check';
import * as math from 'mathjs';
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
const dir = fuzzDir('prices');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example1 = JSON.parse(readFileSync(join(root, 'fixtures/seed003/example1.json'), 'utf8'));
const example2 = JSON.parse(readFileSync(join(root, 'fixtures/seed003/example2-subadditive.json'), 'utf8'));
/** exit codes documented by `mechcheck prices --help` */
const DOCUMENTED = [0, 1, 2];
const RUN = ['--grid', '2', '--max-work', '2e7'];

/** every function name mathjs exports (evaluate, parse, createUnit, import, zeros, range, det, ...) */
const MATHJS_FUNCTIONS = Object.keys(math).filter((k) => typeof (math as Record<string, unknown>)[k] === 'function' && /^[a-z]/i.test(k));

/** Expressions mixing signals, numbers, operators and calls of mathjs functions (whitelisted or not). */
const expression = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constantFrom('p1', 'c1', 'p2', 'c2', 'pi', 'e', '1', '0', '1e9', '1e400', '"s"', '[1, 2]', 'x', '1:3', 'true', 'i'),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '%', ' mod ', ' and ', '<', '==', '.*', '!', ' to ', ';', '='), tie('e'))
      .map(([a, o, b]) => `${a}${o}${b}`),
    fc.tuple(fc.constantFrom(...MATHJS_FUNCTIONS), fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c}) ? ${a} : ${b}`),
    tie('e').map((a) => `(${a})`),
  ),
})).e;

describe('fuzz: mechcheck prices', () => {
  it('expressions built from mathjs function names: refused with the field named, or evaluated within bounds', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('buyers.0.value', 'buyers.1.value', 'prices.0', 'prices.1'), expression, async (where, text) => {
        const spec = JSON.parse(JSON.stringify(example1));
        const [a, b, c] = where.split('.');
        if (c === undefined) spec[a][Number(b)] = text;
        else spec[a][Number(b)][c] = text;
        const r = await runCli(['prices', '--spec', writeInput(dir, JSON.stringify(spec)), ...RUN], { cwd: root });
        seen.add(r.status);
        expect(misbehaviour('prices', r, DOCUMENTED, { where, text })).toBeNull();
      }),
      { seed: 1510, numRuns: 250 },
    );
    expect([...seen].some((s) => s !== 2)).toBe(true);
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it('hostile spec files (single object and K objects)', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), mutationsArb([['accuracy'], ['objects'], ['buyers']]), async (k, ms) => {
        const input = toJsonText(applyMutations(k ? example2 : example1, ms));
        const r = await runCli(['prices', '--spec', writeInput(dir, input), '--json', ...RUN], { cwd: root });
        seen.add(r.status);
        expect(misbehaviour('prices', r, DOCUMENTED, ms)).toBeNull();
      }),
      { seed: 1511, numRuns: 150 },
    );
    expect([...seen].some((s) => s !== 2)).toBe(true);
    expect(peakRss()).toBeLessThan(MEMORY_BOUND);
  });
  it('hostile option values', async () => {
    const option = fc.tuple(
      fc.constantFrom('--grid', '--accuracy', '--max-work', '--spec', '--zz'),
      fc.oneof(hostileOptionString, fc.constantFrom('2', '3', '50', '1e-12', '0.1', '1e3')).filter((s) => !(Number(s) > 2e7)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(option, { maxLength: 3 }), async (opts) => {
        const argv = ['prices', '--spec', 'fixtures/seed003/example1.json', '--max-work', '2e7', ...opts.flat()];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('prices', r, DOCUMENTED, argv)).toBeNull();
      }),
      { seed: 1512, numRuns: 80 },
    );
  });
});
