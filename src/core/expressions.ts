/**
 * A sandboxed arithmetic expression language for user files (the `prices`
 * spec of seed 003): mathjs syntax, parsed by a mathjs instance of its own
 * (`create({ parseDependencies })`: nothing a user's text does can reach the
 * process-wide mathjs), and evaluated by closures built here from a whitelist,
 * never by mathjs' `evaluate`/`compile`.
 *
 * Allowed: numbers, the declared variables, the constants in `CONSTANTS`,
 * parentheses, `+ - * / ^ %` (and `mod`), unary `-`/`+`, implicit
 * multiplication (`2 x`), comparisons `< > <= >= == !=` (chained too; 1 for
 * true, 0 for false, compared with mathjs' tolerances relTol 1e-12,
 * absTol 1e-15), `and or xor not`, `c ? a : b`, and calls of the functions in
 * `FUNCTIONS` (abs, sqrt, exp, log, pow, min, max, ...).
 * Refused, with the expression and the character position: any other function
 * (`evaluate`, `parse`, `compile`, `simplify`, `derivative`, `createUnit`,
 * `import`, `config`, `zeros`, `range`, `det`, ...), assignments and function
 * definitions, strings, matrices and indexing, objects, ranges, units, several
 * statements, factorial and transpose, non-finite constants.
 *
 * Bounds: an expression has at most `MAX_EXPRESSION_LENGTH` characters and
 * nests brackets at most `MAX_NESTING` deep (which bounds the parser's
 * recursion); matrices cannot be built at all. Evaluating an expression costs
 * its number of nodes, which is charged to a `StepBudget` when one is given:
 * with no loops, recursion or matrices, every evaluation is linear in the
 * expression's size, and the budget bounds the total. A result must be finite
 * (and within `bounds`, by default |x| <= MAX_ABS_PAYOFF): otherwise the error
 * names the field, the expression and the point.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import { InputError } from './errors.ts';
import type { StepBudget } from './limits.ts';
import { MAX_ABS_PAYOFF, type NumberBounds } from './numbers.ts';
import { TIE_TOLERANCE } from './tolerance.ts';

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest nesting of brackets accepted. */
export const MAX_NESTING = 40;

/** The sandbox's own mathjs instance: the parser only. */
const sandbox = create({ parseDependencies }, {});

type Fn = (...args: number[]) => number;

const REL_TOL = TIE_TOLERANCE;
const ABS_TOL = 1e-15;
/** mathjs' nearlyEqual for numbers (its comparisons use relTol 1e-12, absTol 1e-15). */
const nearlyEqual = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
const bool = (x: boolean) => (x ? 1 : 0);
const truthy = (x: number) => x !== 0 && !Number.isNaN(x);
/** mathjs' mod: x - y floor(x / y), and mod(x, 0) = x. */
const mod = (x: number, y: number) => (y === 0 ? x : x - y * Math.floor(x / y));

/** The whitelisted functions: name -> [implementation, least and most arguments]. */
export const FUNCTIONS: Readonly<Record<string, readonly [Fn, number, number]>> = {
  abs: [Math.abs, 1, 1],
  sign: [Math.sign, 1, 1],
  sqrt: [Math.sqrt, 1, 1],
  cbrt: [Math.cbrt, 1, 1],
  square: [(x) => x * x, 1, 1],
  cube: [(x) => x * x * x, 1, 1],
  exp: [Math.exp, 1, 1],
  expm1: [Math.expm1, 1, 1],
  log: [(x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)), 1, 2],
  log2: [Math.log2, 1, 1],
  log10: [Math.log10, 1, 1],
  log1p: [Math.log1p, 1, 1],
  pow: [Math.pow, 2, 2],
  nthRoot: [(x, n = 2) => (x < 0 && Math.abs(n % 2) === 1 ? -Math.pow(-x, 1 / n) : Math.pow(x, 1 / n)), 1, 2],
  hypot: [Math.hypot, 1, 64],
  max: [Math.max, 1, 64],
  min: [Math.min, 1, 64],
  floor: [Math.floor, 1, 1],
  ceil: [Math.ceil, 1, 1],
  fix: [Math.trunc, 1, 1],
  round: [(x, n = 0) => (Number.isInteger(n) && n >= 0 && n <= 15 ? Math.round(x * 10 ** n) / 10 ** n : NaN), 1, 2],
  mod: [mod, 2, 2],
  add: [(a, b) => a + b, 2, 2],
  subtract: [(a, b) => a - b, 2, 2],
  multiply: [(a, b) => a * b, 2, 2],
  divide: [(a, b) => a / b, 2, 2],
  unaryMinus: [(a) => -a, 1, 1],
  sin: [Math.sin, 1, 1],
  cos: [Math.cos, 1, 1],
  tan: [Math.tan, 1, 1],
  asin: [Math.asin, 1, 1],
  acos: [Math.acos, 1, 1],
  atan: [Math.atan, 1, 1],
  atan2: [Math.atan2, 2, 2],
  sinh: [Math.sinh, 1, 1],
  cosh: [Math.cosh, 1, 1],
  tanh: [Math.tanh, 1, 1],
};

/** The named constants. */
export const CONSTANTS: Readonly<Record<string, number>> = {
  pi: Math.PI,
  PI: Math.PI,
  e: Math.E,
  E: Math.E,
  tau: 2 * Math.PI,
  phi: (1 + Math.sqrt(5)) / 2,
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  SQRT2: Math.SQRT2,
  SQRT1_2: Math.SQRT1_2,
};

/** Binary operators (mathjs' OperatorNode fn names). */
const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow,
  mod,
  smaller: (a, b) => bool(a < b && !nearlyEqual(a, b)),
  larger: (a, b) => bool(a > b && !nearlyEqual(a, b)),
  smallerEq: (a, b) => bool(a <= b || nearlyEqual(a, b)),
  largerEq: (a, b) => bool(a >= b || nearlyEqual(a, b)),
  equal: (a, b) => bool(nearlyEqual(a, b)),
  unequal: (a, b) => bool(!nearlyEqual(a, b)),
  xor: (a, b) => bool(truthy(a) !== truthy(b)),
};

/** mathjs keywords and literals that cannot name a variable. */
const KEYWORDS = new Set([
  'mod',
  'to',
  'in',
  'and',
  'or',
  'xor',
  'not',
  'end',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'i',
]);

/** True when `name` cannot be a variable: a whitelisted function or constant, or a mathjs keyword. */
export function isReservedName(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name) || Object.hasOwn(CONSTANTS, name) || KEYWORDS.has(name);
}

/** What a compiled expression needs to know. */
export interface ExpressionOptions {
  /** the variables the expression may use */
  variables: ReadonlySet<string>;
  /** variables it must not use, with the reason ("buyer 1's own signal: ..."), shown as `'x' is <reason>` */
  forbidden?: ReadonlyMap<string, string>;
  /** evaluation steps are charged here (the budget names its own field and option) */
  budget?: StepBudget;
  /** bounds on every result (default |x| <= MAX_ABS_PAYOFF) */
  bounds?: NumberBounds;
}

/** A compiled expression: call it with a value for each declared variable. */
export interface CompiledExpression {
  (scope: Readonly<Record<string, number>>): number;
  /** its number of nodes (the steps one evaluation costs) */
  readonly nodes: number;
  readonly text: string;
}

type Closure = (scope: Readonly<Record<string, number>>) => number;

/** 1-based character position of the first match of `re` in `text` (0 when none). */
function positionOf(text: string, re: RegExp): number {
  const m = re.exec(text);
  return m ? m.index + 1 : 0;
}
const at = (pos: number) => (pos > 0 ? ` at character ${pos}` : '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parse `text` with the sandbox's parser, check every node against the
 * whitelist and build its evaluator. Every refusal is an InputError naming
 * `field`, quoting the expression and giving the character position.
 */
export function compileExpression(text: unknown, field: string, opts: ExpressionOptions): CompiledExpression {
  if (typeof text !== 'string' || text.trim() === '') throw new InputError(field, 'must be a non-empty expression string');
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new InputError(field, `the expression is ${text.length} characters long, above the limit of ${MAX_EXPRESSION_LENGTH}`);
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  const refuse = (what: string, pos: number, note?: string): never => {
    throw new InputError(field, `${what}${at(pos)} in '${shown}'${note ? ` (${note})` : ''}`);
  };
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '(' || ch === '[' || ch === '{') {
      if (++depth > MAX_NESTING) refuse(`brackets nest more than ${MAX_NESTING} deep`, k + 1);
    } else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  let root: MathNode;
  try {
    root = sandbox.parse(text);
  } catch (e) {
    throw new InputError(field, `syntax error in '${shown}': ${(e as Error).message}`);
  }
  let nodes = 0;
  const build = (node: MathNode): Closure => {
    nodes++;
    const n = node as unknown as {
      type: string;
      value?: unknown;
      name?: string;
      op?: string;
      fn?: unknown;
      args?: MathNode[];
      content?: MathNode;
      condition?: MathNode;
      trueExpr?: MathNode;
      falseExpr?: MathNode;
      conditionals?: string[];
      params?: MathNode[];
    };
    switch (n.type) {
      case 'ConstantNode': {
        const v = n.value;
        if (typeof v === 'string') return refuse('strings are not allowed', positionOf(text, /["']/));
        if (typeof v !== 'number')
          return refuse(
            `the constant ${String(v)} is not allowed (numbers only)`,
            positionOf(text, new RegExp(`\\b${escapeRe(String(v))}\\b`)),
          );
        if (!Number.isFinite(v))
          return refuse('a constant is not a finite number', positionOf(text, /\d[\d.]*[eE][+]?\d{3,}|Infinity|NaN/));
        return () => v;
      }
      case 'SymbolNode': {
        const name = n.name!;
        const pos = () => positionOf(text, new RegExp(`(?<![A-Za-z0-9_])${escapeRe(name)}(?![A-Za-z0-9_])`));
        if (opts.forbidden?.has(name)) return refuse(`'${name}' is ${opts.forbidden.get(name)}`, pos());
        if (opts.variables.has(name)) return (scope) => scope[name];
        if (Object.hasOwn(CONSTANTS, name)) {
          const c = CONSTANTS[name];
          return () => c;
        }
        return refuse(
          `unknown symbol '${name}'`,
          pos(),
          `declared: ${[...opts.variables].join(', ') || 'none'}; constants: ${Object.keys(CONSTANTS).join(', ')}`,
        );
      }
      case 'ParenthesisNode':
        nodes--;
        return build(n.content!);
      case 'OperatorNode': {
        const fn = n.fn as string;
        const args = n.args!.map(build);
        if (args.length === 1) {
          const [a] = args;
          if (fn === 'unaryMinus') return (s) => -a(s);
          if (fn === 'unaryPlus') return a;
          if (fn === 'not') return (s) => bool(!truthy(a(s)));
        } else if (args.length === 2) {
          const [a, b] = args;
          if (fn === 'and') return (s) => bool(truthy(a(s)) && truthy(b(s)));
          if (fn === 'or') return (s) => bool(truthy(a(s)) || truthy(b(s)));
          const f = Object.hasOwn(BINARY, fn) ? BINARY[fn] : undefined;
          if (f) return (s) => f(a(s), b(s));
        }
        return refuse(`the operator '${n.op}' is not allowed`, positionOf(text, new RegExp(escapeRe(n.op ?? ''))));
      }
      case 'RelationalNode': {
        const ops = n.conditionals!.map((c) => (Object.hasOwn(BINARY, c) ? BINARY[c] : refuse(`the comparison '${c}' is not allowed`, 0)));
        const ps = n.params!.map(build);
        return (s) => {
          let left = ps[0](s);
          for (let k = 0; k < ops.length; k++) {
            const right = ps[k + 1](s);
            if (!ops[k](left, right)) return 0;
            left = right;
          }
          return 1;
        };
      }
      case 'ConditionalNode': {
        const c = build(n.condition!);
        const a = build(n.trueExpr!);
        const b = build(n.falseExpr!);
        return (s) => (truthy(c(s)) ? a(s) : b(s));
      }
      case 'FunctionNode': {
        const fnNode = n.fn as { type?: string; name?: string };
        const name = fnNode.type === 'SymbolNode' ? fnNode.name! : undefined;
        if (name === undefined) return refuse('only calls of named functions are allowed', positionOf(text, /\)\s*\(/));
        const pos = positionOf(text, new RegExp(`(?<![A-Za-z0-9_])${escapeRe(name)}\\s*\\(`));
        const entry = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!entry) return refuse(`function '${name}' is not allowed`, pos, `allowed: ${Object.keys(FUNCTIONS).join(', ')}`);
        const [f, lo, hi] = entry;
        if (n.args!.length < lo || n.args!.length > hi)
          return refuse(`${name} takes ${lo === hi ? lo : `${lo} to ${hi}`} argument${hi > 1 ? 's' : ''}, got ${n.args!.length}`, pos);
        const args = n.args!.map(build);
        if (args.length === 1) {
          const [a] = args;
          return (s) => f(a(s));
        }
        if (args.length === 2) {
          const [a, b] = args;
          return (s) => f(a(s), b(s));
        }
        return (s) => f(...args.map((g) => g(s)));
      }
      case 'AssignmentNode':
        return refuse('assignments are not allowed', positionOf(text, /(?<![<>=!])=(?!=)/));
      case 'FunctionAssignmentNode':
        return refuse('function definitions are not allowed', positionOf(text, /(?<![<>=!])=(?!=)/));
      case 'BlockNode':
        return refuse('several statements are not allowed', positionOf(text, /[;\n]/));
      case 'ArrayNode':
        return refuse('matrices are not allowed', positionOf(text, /\[/));
      case 'AccessorNode':
      case 'IndexNode':
        return refuse('indexing and property access are not allowed', positionOf(text, /\[|\.(?=[A-Za-z_])/));
      case 'ObjectNode':
        return refuse('objects are not allowed', positionOf(text, /\{/));
      case 'RangeNode':
        return refuse('ranges are not allowed', positionOf(text, /:/));
      default:
        return refuse(`${n.type} is not allowed`, 0);
    }
  };
  const closure = build(root);
  const cost = nodes;
  const lo = opts.bounds?.min ?? -MAX_ABS_PAYOFF;
  const hi = opts.bounds?.max ?? MAX_ABS_PAYOFF;
  const budget = opts.budget;
  const where = (scope: Readonly<Record<string, number>>) => JSON.stringify(scope);
  const compiled = (scope: Readonly<Record<string, number>>) => {
    budget?.spend(cost);
    const x = closure(scope);
    if (!Number.isFinite(x)) throw new InputError(field, `'${shown}' evaluates to ${x} at ${where(scope)}`);
    if (x < lo || x > hi) throw new InputError(field, `'${shown}' evaluates to ${x} at ${where(scope)}, outside [${lo}, ${hi}]`);
    return x;
  };
  return Object.assign(compiled, { nodes: cost, text });
}
