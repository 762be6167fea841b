/**
 * The JSON spec of `mechcheck prices` (seed 003_9ea1ccbe66e932a9.txt): buyers'
 * signal variables, valuations (and optionally personalized prices) as math
 * expressions parsed with mathjs. Single object (section 2-3):
 *   {"buyers": [{"signals": ["p1","c1"], "value": "p1 + c1*c2"}, ...],
 *    "prices": ["p2 + c2^2", "p1 + c1^2"], "at": [[[0.9, 0.5], [0.4, 0.4]]]}
 * K objects (section 4): "objects": ["a","b"], each buyer gives "values" with one
 * expression per non-empty bundle ("a", "b", "ab"), and "prices" (optional) one
 * object of per-object expressions per buyer. Every error is an InputError
 * naming the field.
 */
import * as math from 'mathjs';
import { InputError } from '../../core/errors.ts';
import type { BundleModel, ObjectPrices } from './demand.ts';
import type { PersonalizedPrices, SignalProfile, ValuationModel } from './model.ts';

type Compiled = (scope: Record<string, number>) => number;

export interface ParsedSpec {
  names: string[][];
  dims: number[];
  /** single object: V_i */
  model?: ValuationModel;
  /** single object: given prices */
  prices?: PersonalizedPrices;
  /** K objects */
  objects?: string[];
  bundles?: BundleModel;
  objectPrices?: ObjectPrices;
  /** per-object single-object models V_i^k (for prices (11)) */
  objectModels?: ValuationModel[];
  at: number[][][];
  accuracy?: number;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parse an expression, check its symbols against the allowed signal names, compile it. */
export function compileExpression(text: unknown, field: string, allowed: Set<string>, forbidden: Map<string, string> = new Map()): Compiled {
  if (typeof text !== 'string' || text.trim() === '') throw new InputError(field, 'must be a non-empty expression string');
  let node: math.MathNode;
  try {
    node = math.parse(text);
  } catch (e) {
    throw new InputError(field, `syntax error in '${text}': ${(e as Error).message}`);
  }
  const symbols = new Set<string>();
  node.traverse((n, path, parent) => {
    if ((n as math.SymbolNode).isSymbolNode && !(parent && (parent as math.FunctionNode).isFunctionNode && path === 'fn')) symbols.add((n as math.SymbolNode).name);
    if ((n as math.AssignmentNode).isAssignmentNode || (n as math.FunctionAssignmentNode).isFunctionAssignmentNode) throw new InputError(field, `assignments are not allowed in '${text}'`);
  });
  for (const s of symbols) {
    if (forbidden.has(s)) throw new InputError(field, `'${s}' is ${forbidden.get(s)}: a personalized price may depend only on the other buyers' signals`);
    if (!allowed.has(s) && typeof (math as unknown as Record<string, unknown>)[s] !== 'number') throw new InputError(field, `unknown symbol '${s}' in '${text}' (declared signals: ${[...allowed].join(', ')})`);
  }
  const fast = toClosure(node);
  if (fast) {
    return (scope) => {
      const x = fast(scope);
      if (!Number.isFinite(x)) throw new InputError(field, `'${text}' evaluates to ${x} at ${JSON.stringify(scope)}`);
      return x;
    };
  }
  const code = node.compile();
  return (scope) => {
    const v = code.evaluate(scope);
    const x = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(x)) throw new InputError(field, `'${text}' evaluates to ${String(v)} at ${JSON.stringify(scope)}`);
    return x;
  };
}

const FUNCTIONS: Record<string, (...a: number[]) => number> = {
  max: Math.max, min: Math.min, sqrt: Math.sqrt, exp: Math.exp, log: Math.log, abs: Math.abs, pow: Math.pow,
  sin: Math.sin, cos: Math.cos, tanh: Math.tanh, floor: Math.floor, ceil: Math.ceil,
};

/**
 * A plain closure for the arithmetic subset of mathjs (numbers, signals, + - * / ^,
 * unary minus, parentheses, max/min/sqrt/exp/log/abs/pow/...): about 50x faster than
 * mathjs' evaluate, which matters for Theorem 1's construction. Returns null for
 * anything else (mathjs then evaluates it).
 */
function toClosure(node: math.MathNode): ((scope: Record<string, number>) => number) | null {
  const n = node as unknown as { type: string; value?: unknown; name?: string; op?: string; fn?: unknown; args?: math.MathNode[]; content?: math.MathNode };
  switch (n.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? () => n.value as number : null;
    case 'SymbolNode': {
      const name = n.name!;
      const c = (math as unknown as Record<string, unknown>)[name];
      if (typeof c === 'number') return () => c;
      return (scope) => scope[name];
    }
    case 'ParenthesisNode':
      return toClosure(n.content!);
    case 'OperatorNode': {
      const args = n.args!.map(toClosure);
      if (args.some((a) => a === null)) return null;
      const [a, b] = args as ((s: Record<string, number>) => number)[];
      if (args.length === 1) return n.op === '-' ? (s) => -a(s) : n.op === '+' ? a : null;
      switch (n.op) {
        case '+': return (s) => a(s) + b(s);
        case '-': return (s) => a(s) - b(s);
        case '*': return (s) => a(s) * b(s);
        case '/': return (s) => a(s) / b(s);
        case '^': return (s) => Math.pow(a(s), b(s));
        default: return null;
      }
    }
    case 'FunctionNode': {
      const fname = (n.fn as { name?: string }).name;
      const f = fname ? FUNCTIONS[fname] : undefined;
      const args = n.args!.map(toClosure);
      if (!f || args.some((a) => a === null)) return null;
      const fs = args as ((s: Record<string, number>) => number)[];
      return (s) => f(...fs.map((g) => g(s)));
    }
    default:
      return null;
  }
}

function scopeOf(names: string[][], s: SignalProfile): Record<string, number> {
  const scope: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) for (let k = 0; k < names[i].length; k++) scope[names[i][k]] = s[i][k];
  return scope;
}

/** Validate a profile (array of per-buyer signal vectors in [0,1]). */
export function checkProfile(p: unknown, field: string, dims: number[]): number[][] {
  if (!Array.isArray(p) || p.length !== dims.length) throw new InputError(field, `must list the signals of all ${dims.length} buyers`);
  return p.map((si, i) => {
    if (!Array.isArray(si) || si.length !== dims[i]) throw new InputError(`${field}[${i}]`, `must have ${dims[i]} signal values`);
    return si.map((x, k) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${field}[${i}][${k}]`, `must be a number, got ${JSON.stringify(x)}`);
      if (x < 0 || x > 1) throw new InputError(`${field}[${i}][${k}]`, `${x} is outside the signal bounds [0, 1]`);
      return x;
    });
  });
}

/** Bundle names of K objects: each non-empty subset spelled by concatenating object names in order. */
export function bundleKeys(objects: string[]): string[] {
  const keys: string[] = [];
  for (let L = 1; L < 1 << objects.length; L++) keys.push(objects.filter((_, k) => L & (1 << k)).join(''));
  return keys;
}

export function parsePricesSpec(raw: unknown): ParsedSpec {
  if (!isRecord(raw)) throw new InputError('spec', 'must be a JSON object');
  for (const k of Object.keys(raw)) if (!['buyers', 'prices', 'at', 'objects', 'accuracy', 'name', 'description'].includes(k)) throw new InputError(k, 'is not a known field (buyers, prices, at, objects, accuracy)');
  const buyers = raw.buyers;
  if (!Array.isArray(buyers) || buyers.length < 2) throw new InputError('buyers', 'must be an array of at least two buyers');
  const names: string[][] = [];
  const owner = new Map<string, number>();
  buyers.forEach((b, i) => {
    if (!isRecord(b)) throw new InputError(`buyers[${i}]`, 'must be an object with "signals" and "value" (or "values")');
    const sig = b.signals;
    if (!Array.isArray(sig) || sig.length < 1) throw new InputError(`buyers[${i}].signals`, 'must be a non-empty array of variable names');
    names.push(
      sig.map((x, k) => {
        if (typeof x !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(x)) throw new InputError(`buyers[${i}].signals[${k}]`, `must be an identifier, got ${JSON.stringify(x)}`);
        if (typeof (math as unknown as Record<string, unknown>)[x] !== 'undefined') throw new InputError(`buyers[${i}].signals[${k}]`, `'${x}' is a mathjs name; choose another`);
        if (owner.has(x)) throw new InputError(`buyers[${i}].signals[${k}]`, `'${x}' is already a signal of buyer ${owner.get(x)! + 1}`);
        owner.set(x, i);
        return x;
      }),
    );
  });
  const dims = names.map((n) => n.length);
  const all = new Set(owner.keys());
  const ownSignals = (i: number) => new Map(names[i].map((x) => [x, `buyer ${i + 1}'s own signal`] as [string, string]));
  const n = names.length;
  let accuracy: number | undefined;
  if (raw.accuracy !== undefined) {
    if (typeof raw.accuracy !== 'number' || !(raw.accuracy > 0) || raw.accuracy > 0.1) throw new InputError('accuracy', 'must be a number in (0, 0.1]');
    accuracy = raw.accuracy;
  }
  const atRaw = raw.at ?? [];
  if (!Array.isArray(atRaw)) throw new InputError('at', 'must be an array of signal profiles');
  const at = atRaw.map((p, a) => checkProfile(p, `at[${a}]`, dims));

  if (raw.objects === undefined) {
    const values = buyers.map((b, i) => compileExpression((b as Record<string, unknown>).value, `buyers[${i}].value`, all));
    const model: ValuationModel = { dims, value: (i, s) => values[i](scopeOf(names, s)) };
    let prices: PersonalizedPrices | undefined;
    if (raw.prices !== undefined) {
      if (!Array.isArray(raw.prices) || raw.prices.length !== n) throw new InputError('prices', `must be an array of ${n} expressions, one per buyer`);
      const ps = raw.prices.map((e, i) => compileExpression(e, `prices[${i}]`, all, ownSignals(i)));
      prices = { name: 'given prices', price: (i, s) => ps[i](scopeOf(names, s)) };
    }
    return { names, dims, model, prices, at, accuracy };
  }
  // K objects
  if (!Array.isArray(raw.objects) || raw.objects.length < 1 || raw.objects.length > 4) throw new InputError('objects', 'must be an array of 1 to 4 object names');
  const objects = raw.objects.map((o, k) => {
    if (typeof o !== 'string' || !/^[A-Za-z0-9_]+$/.test(o)) throw new InputError(`objects[${k}]`, `must be a name, got ${JSON.stringify(o)}`);
    return o;
  });
  if (new Set(objects).size !== objects.length) throw new InputError('objects', 'names must be distinct');
  const keys = bundleKeys(objects);
  const K = objects.length;
  const bundleValues = buyers.map((b, i) => {
    const v = (b as Record<string, unknown>).values;
    if (!isRecord(v)) throw new InputError(`buyers[${i}].values`, `must give one expression per bundle: ${keys.join(', ')}`);
    for (const key of Object.keys(v)) if (!keys.includes(key)) throw new InputError(`buyers[${i}].values.${key}`, `is not a bundle of ${objects.join(', ')} (bundles: ${keys.join(', ')})`);
    return keys.map((key) => {
      if (v[key] === undefined) throw new InputError(`buyers[${i}].values.${key}`, 'is missing');
      return compileExpression(v[key], `buyers[${i}].values.${key}`, all);
    });
  });
  const bundles: BundleModel = { dims, objects: K, objectNames: objects, bundleValue: (i, L, s) => (L === 0 ? 0 : bundleValues[i][L - 1](scopeOf(names, s))) };
  const objectModels: ValuationModel[] = objects.map((_, k) => ({ dims, value: (i, s) => bundleValues[i][(1 << k) - 1](scopeOf(names, s)) }));
  let objectPrices: ObjectPrices | undefined;
  if (raw.prices !== undefined) {
    if (!Array.isArray(raw.prices) || raw.prices.length !== n) throw new InputError('prices', `must be an array of ${n} objects, one per buyer, with a price expression per object`);
    const ps = raw.prices.map((p, i) => {
      if (!isRecord(p)) throw new InputError(`prices[${i}]`, `must map each object (${objects.join(', ')}) to an expression`);
      for (const key of Object.keys(p)) if (!objects.includes(key)) throw new InputError(`prices[${i}].${key}`, `is not an object (${objects.join(', ')})`);
      return objects.map((o) => compileExpression(p[o], `prices[${i}].${o}`, all, ownSignals(i)));
    });
    objectPrices = { price: (i, k, s) => ps[i][k](scopeOf(names, s)) };
  }
  return { names, dims, objects, bundles, objectPrices, objectModels, at, accuracy };
}
