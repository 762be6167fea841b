/** The sandboxed expression language (issue 15, item 3): what it evaluates, what it refuses and where. */
import fc from 'fast-check';
import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { compileExpression, FUNCTIONS, MAX_EXPRESSION_LENGTH, MAX_NESTING } from './expressions.ts';
import { LimitError, StepBudget } from './limits.ts';

const variables = new Set(['x', 'y']);
const compile = (text: string, budget?: StepBudget) => compileExpression(text, 'buyers[0].value', { variables, budget });
const at = { x: 0.5, y: 0.25 };

describe('sandboxed expressions: evaluation', () => {
  it.each([
    ['x + max(y, 2) * 3', 6.5],
    ['2 x y', 0.25],
    ['x ^ 2 - sqrt(y) / pi', 0.25 - 0.5 / Math.PI],
    ['y > 0.2 ? x : y', 0.5],
    ['x < y < 3', 0],
    ['x == 0.5 and not (y != 0.25)', 1],
    ['log(8, 2) + log10(100) + abs(-1) + min(3, x, y)', 3 + 2 + 1 + 0.25],
    ['x % 0.3', 0.2],
    ['x mod 0.3', 0.2],
    ['-x^2', -0.25],
    ['2^3^2', 512],
    ['e^1 + tau - 2 pi', Math.E],
    ['round(x * 3.14159, 2) + floor(1.5) + ceil(0.1) + fix(-1.5) + sign(-3)', 1.57 + 1 + 1 - 1 - 1],
    ['nthRoot(-8, 3) + cbrt(27) + hypot(3, 4)', -2 + 3 + 5],
  ])('%s = %d', (text, value) => {
    expect(compile(text)(at)).toBeCloseTo(value, 12);
  });
  it('comparisons use mathjs tolerances (relTol 1e-12), like mathjs evaluate', () => {
    expect(compile('x == 0.5 + 1e-14')(at)).toBe(1);
    expect(math.evaluate('x == 0.5 + 1e-14', { ...at })).toBe(true);
    expect(compile('x < 0.5 + 1e-14')(at)).toBe(0);
  });
  it('agrees with mathjs evaluate on random arithmetic over the whitelist', () => {
    const leaf = fc.oneof(fc.constantFrom('x', 'y', 'pi'), fc.integer({ min: 1, max: 9 }).map(String));
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, o, b]) => `(${a} ${o} ${b})`),
        fc
          .tuple(fc.constantFrom('max', 'min', 'abs', 'exp', 'sqrt'), tie('e'))
          .map(([f, a]) => (f === 'max' || f === 'min' ? `${f}(${a}, 1)` : f === 'sqrt' ? `sqrt(abs(${a}))` : `${f}(${a} / 10)`)),
      ),
    })).e;
    fc.assert(
      fc.property(expr, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (text, x, y) => {
        const expected = math.evaluate(text, { x, y }) as number;
        if (!Number.isFinite(expected) || Math.abs(expected) > 1e12) return;
        expect(compile(text)({ x, y })).toBeCloseTo(expected, 9);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});

describe('sandboxed expressions: refusals name the field, the expression and the position', () => {
  it.each([
    ['evaluate("f(n) = f(n + 1)")', /function 'evaluate' is not allowed at character 1 in 'evaluate\("f\(n\) = f\(n \+ 1\)"\)'/],
    ['x + parse("1")', /function 'parse' is not allowed at character 5/],
    ['compile("x")', /function 'compile' is not allowed/],
    ['simplify("x")', /function 'simplify' is not allowed/],
    ['derivative("x^2", "x")', /function 'derivative' is not allowed/],
    ['createUnit("foo")', /function 'createUnit' is not allowed/],
    ['import({a: 1})', /function 'import' is not allowed/],
    ['config({number: "BigNumber"})', /function 'config' is not allowed/],
    ['zeros(1e9)', /function 'zeros' is not allowed/],
    ['range(1, 1e9)', /function 'range' is not allowed/],
    ['det(ones(400, 400))', /function 'det' is not allowed/],
    ['f(t) = t', /function definitions are not allowed at character 6/],
    ['a = 3', /assignments are not allowed at character 3/],
    ['x + "s"', /strings are not allowed at character 5/],
    ['[1, 2]', /matrices are not allowed at character 1/],
    ['x[1]', /indexing and property access are not allowed at character 2/],
    ['x.y', /indexing and property access are not allowed at character 2/],
    ['{a: 1}', /objects are not allowed at character 1/],
    ['1:3', /ranges are not allowed at character 2/],
    ['x; y', /several statements are not allowed at character 2/],
    ['5 cm', /unknown symbol 'cm' at character 3/],
    ['5!', /the operator '!' is not allowed at character 2/],
    ["x'", /the operator ''' is not allowed/],
    ['x & y', /the operator '&' is not allowed at character 3/],
    ['1e400 + x', /a constant is not a finite number at character 1/],
    ['Infinity', /a constant is not a finite number at character 1/],
    ['true', /the constant true is not allowed/],
    ['max()', /max takes 1 to 64 arguments, got 0/],
    ['x +', /syntax error in 'x \+'/],
    ['sqrt(-1)', /'sqrt\(-1\)' evaluates to NaN at \{"x":0.5,"y":0.25\}/],
    ['1e13 * x', /evaluates to 5000000000000 .*outside \[-1000000000000, 1000000000000\]/],
  ])('%s', (text, message) => {
    const run = () => compile(text)(at);
    expect(run).toThrow(InputError);
    expect(run).toThrow(/^buyers\[0\]\.value: /);
    expect(run).toThrow(message);
  });
  it('bounds the length and the nesting of an expression', () => {
    expect(() => compile('x + '.repeat(MAX_EXPRESSION_LENGTH / 4) + 'x')).toThrow(/characters long, above the limit of 2000/);
    const deep = '('.repeat(MAX_NESTING + 1) + 'x' + ')'.repeat(MAX_NESTING + 1);
    expect(() => compile(deep)).toThrow(new RegExp(`brackets nest more than ${MAX_NESTING} deep at character ${MAX_NESTING + 1}`));
    expect(compile('('.repeat(MAX_NESTING) + 'x' + ')'.repeat(MAX_NESTING))(at)).toBe(0.5);
  });
  it('a string that would define a recursive function is refused before anything runs (no evaluate inside strings)', () => {
    expect(() => compile('evaluate("f(n) = f(n)")')).toThrow(/function 'evaluate' is not allowed/);
  });
  it('the process-wide mathjs instance is untouched: createUnit is never called', () => {
    expect(() => compile('createUnit("hostileUnit")')).toThrow(InputError);
    expect(() => math.evaluate('5 hostileUnit')).toThrow();
  });
  it('evaluation is charged to a step budget (nodes per evaluation); past it, a LimitError naming --max-work', () => {
    const f = compile('x + y * 2', new StepBudget(20, 'spec', 'evaluating the expressions'));
    expect(f.nodes).toBe(5);
    for (let k = 0; k < 4; k++) f(at);
    expect(() => f(at)).toThrow(LimitError);
    expect(() => f(at)).toThrow(
      /spec: the work spent on evaluating the expressions \(counted while running\) is \d+ units, above the limit of 20 units \(raise it with --max-work\)/,
    );
  });
  it('random calls of every mathjs function name: refused with the function named, or evaluated within the whitelist (never anything else)', () => {
    const names = Object.keys(math).filter((k) => typeof (math as Record<string, unknown>)[k] === 'function' && /^[a-z]/i.test(k));
    expect(names.length).toBeGreaterThan(300);
    const arg = fc.constantFrom('x', '1e9', '400', '"f(n) = f(n)"', '[1, 2]', 'y', '-1', 'ones(400, 400)');
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(arg, { maxLength: 3 }), (name, args) => {
        const text = `${name}(${args.join(', ')})`;
        let value: number | undefined;
        let error: unknown;
        try {
          value = compile(text)(at);
        } catch (e) {
          error = e;
        }
        if (error === undefined) {
          // evaluated: a whitelisted function, or an operator keyword written like a call (not(x), mod(...))
          expect(Object.hasOwn(FUNCTIONS, name) || ['not', 'mod', 'and', 'or', 'xor'].includes(name)).toBe(true);
          expect(Number.isFinite(value)).toBe(true);
        } else {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).toMatch(/^buyers\[0\]\.value: /);
          if (!Object.hasOwn(FUNCTIONS, name))
            expect((error as Error).message).toMatch(/not allowed|syntax error|unknown symbol|evaluates to/);
        }
      }),
      { seed: 151, numRuns: 400 },
    );
  });
});
