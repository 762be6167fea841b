/** The fuzz suite's own parts (issue 15, item 6): its check can fail, and its generators reach the fuzzing pass's inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CliRun } from '../runCli.ts';
import { applyMutations, hostileOptionString, misbehaviour, mutationsArb, RawNumber, toJsonText } from './hostile.ts';

const run = (status: number, stderr = '', stdout = ''): CliRun => ({ status, stderr, stdout });

describe('misbehaviour: what the fuzz suite refuses', () => {
  it.each([
    [run(0, '', 'ok\n'), [0, 1, 2], null],
    [run(2, 'mechcheck dynamic: error: horizon: the work asked for ... (raise it with --max-work)\n'), [0, 1, 2], null],
    [run(1), [0, 2], /exit code 1 is not one of 0, 2/],
    [run(134, 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'), [0, 1, 2], /exit code 134/],
    [run(2, 'mechcheck dynamic: internal error: TypeError: Cannot read properties of undefined\n'), [0, 1, 2], /internal error/],
    [run(2, 'mechcheck dynamic: error: something went wrong\n'), [0, 1, 2], /without a field named/],
    [run(1, 'Error: x\n    at foo (/a/b.ts:1:2)\n'), [0, 1, 2], /stack trace/],
  ])('%#', (r, documented, expected) => {
    const problem = misbehaviour('dynamic', r, documented, {});
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
  it('a property built on it fails (and shrinks) when a command mishandles a non-finite number', () => {
    // a stand-in for the pre-fix behaviour: `"agents": 1e309` gave an internal error
    const mutant = (text: string): CliRun =>
      text.includes('1e309') ? run(2, 'mechcheck dynamic: internal error: TypeError: x\n') : run(0, '', '{}');
    const out = fc.check(
      fc.property(
        mutationsArb([['agents']]),
        (ms) => misbehaviour('dynamic', mutant(toJsonText(applyMutations({ agents: 2, signals: [2, 2] }, ms))), [0, 1, 2], ms) === null,
      ),
      { seed: 1517, numRuns: 300 },
    );
    expect(out.failed).toBe(true);
    expect(toJsonText(applyMutations({ agents: 2, signals: [2, 2] }, out.counterexample![0]))).toContain('1e309');
  });
});

describe('generators', () => {
  it('JSON text carries non-finite numbers as 1e309, which JSON.parse reads as Infinity', () => {
    expect(JSON.parse(toJsonText({ a: [new RawNumber('1e309'), 1], b: 'x' }))).toEqual({ a: [Infinity, 1], b: 'x' });
  });
  it('mutations make ragged arrays, declared sizes and unknown keys', () => {
    expect(
      applyMutations(
        {
          a: [
            [1, 2],
            [3, 4],
          ],
        },
        [{ kind: 'drop', path: [0, 1, 0] }],
      ),
    ).toEqual({ a: [[1, 2], [4]] });
    expect(
      applyMutations(
        {
          a: [
            [1, 2],
            [3, 4],
          ],
        },
        [{ kind: 'dup', path: [0, 0] }],
      ),
    ).toEqual({
      a: [
        [1, 2],
        [1, 2],
        [3, 4],
      ],
    });
    expect(applyMutations({ n: 2 }, [{ kind: 'field', field: ['n'], value: 1e9 }])).toEqual({ n: 1e9 });
    const withProto = applyMutations({ a: {} }, [{ kind: 'key', path: [0], key: '__proto__', value: 1 }]) as { a: object };
    expect(Object.keys(withProto.a)).toEqual(['__proto__']);
    expect(toJsonText(withProto)).toBe('{"a":{"__proto__":1}}');
  });
  it('the option strings include hex, empty, non-finite and fraction forms', () => {
    const sample = new Set(fc.sample(hostileOptionString, { seed: 1, numRuns: 2000 }));
    for (const s of ['0x10', '', '1e309', 'Infinity', 'NaN', '1/0']) expect(sample.has(s)).toBe(true);
  });
});
