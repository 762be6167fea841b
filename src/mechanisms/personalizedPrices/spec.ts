/**
 * The JSON spec of `mechcheck prices` (seed 003_9ea1ccbe66e932a9.txt): buyers'
 * signal variables, valuations (and optionally personalized prices) as math
 * expressions in the sandboxed language of src/core/expressions.ts (mathjs
 * syntax, a whitelist of functions, its own parser, evaluation charged to a
 * step budget). Single object (section 2-3):
 *   {"buyers": [{"signals": ["p1","c1"], "value": "p1 + c1*c2"}, ...],
 *    "prices": ["p2 + c2^2", "p1 + c1^2"], "at": [[[0.9, 0.5], [0.4, 0.4]]]}
 * K objects (section 4): "objects": ["a","b"], each buyer gives "values" with one
 * expression per non-empty bundle ("a", "b", "ab"), and "prices" (optional) one
 * object of per-object expressions per buyer. Every error is an InputError
 * naming the field.
 */
import { compileExpression, isReservedName, type CompiledExpression } from '../../core/expressions.ts';
import { InputError } from '../../core/errors.ts';
import { validateAgainstSchema } from '../../core/jsonSchema.ts';
import type { StepBudget } from '../../core/limits.ts';
import { finiteNumber } from '../../core/numbers.ts';
import type { BundleModel, ObjectPrices } from './demand.ts';
import type { PersonalizedPrices, SignalProfile, ValuationModel } from './model.ts';
import { TIE_TOLERANCE } from '../../core/tolerance.ts';

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

/** The spec's JSON Schema (structure and types), beside this parser. */
const SCHEMA = new URL('./spec.schema.json', import.meta.url);

/** A spec file as its schema guarantees it (keys and types, not yet limits, names or expressions). */
interface SpecFile {
  buyers: { signals: string[]; value?: string; values?: Record<string, string> }[];
  prices?: (string | Record<string, string>)[];
  at?: number[][][];
  objects?: string[];
  accuracy?: number;
}

function scopeOf(names: string[][], s: SignalProfile): Record<string, number> {
  const scope: Record<string, number> = Object.create(null);
  for (let i = 0; i < names.length; i++) for (let k = 0; k < names[i].length; k++) scope[names[i][k]] = s[i][k];
  return scope;
}

/** Validate a profile (array of per-buyer signal vectors in [0,1]). */
export function checkProfile(p: unknown, field: string, dims: number[]): number[][] {
  if (!Array.isArray(p) || p.length !== dims.length) throw new InputError(field, `must list the signals of all ${dims.length} buyers`);
  return p.map((si, i) => {
    if (!Array.isArray(si) || si.length !== dims[i]) throw new InputError(`${field}[${i}]`, `must have ${dims[i]} signal values`);
    return si.map((x, k) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new InputError(`${field}[${i}][${k}]`, `must be a number, got ${JSON.stringify(x)}`);
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

/** Most buyers in a spec. */
export const MAX_BUYERS = 32;
/** Most signal variables per buyer. */
export const MAX_SIGNALS_PER_BUYER = 16;
/** Most profiles listed in "at". */
export const MAX_AT_PROFILES = 1000;

/** Options of `parsePricesSpec`. */
export interface SpecOptions {
  /** every expression evaluation is charged to this budget (its nodes plus the signals in scope) */
  budget?: StepBudget;
}

/**
 * Validate a `mechcheck prices` spec and compile its expressions in the
 * sandbox (src/core/expressions.ts). Every problem is an InputError naming the
 * field; values and prices must evaluate to finite numbers with
 * |x| <= MAX_ABS_PAYOFF (checked at each evaluation, naming the point).
 */
export function parsePricesSpec(raw: unknown, opts: SpecOptions = {}): ParsedSpec {
  validateAgainstSchema(raw, SCHEMA, 'prices spec');
  // the schema guarantees the keys and the types; the limits, names, expressions and bounds are checked here
  const spec = raw as SpecFile;
  const buyers = spec.buyers;
  if (buyers.length < 2) throw new InputError('buyers', 'must be an array of at least two buyers');
  if (buyers.length > MAX_BUYERS) throw new InputError('buyers', `has ${buyers.length} buyers, above the limit of ${MAX_BUYERS}`);
  const names: string[][] = [];
  const owner = new Map<string, number>();
  buyers.forEach((b, i) => {
    const sig = b.signals;
    if (sig.length < 1) throw new InputError(`buyers[${i}].signals`, 'must be a non-empty array of variable names');
    if (sig.length > MAX_SIGNALS_PER_BUYER)
      throw new InputError(`buyers[${i}].signals`, `has ${sig.length} signals, above the limit of ${MAX_SIGNALS_PER_BUYER}`);
    names.push(
      sig.map((x, k) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(x) || x.startsWith('__'))
          throw new InputError(
            `buyers[${i}].signals[${k}]`,
            `must be an identifier (a letter or _, then up to 31 letters, digits or _; not starting with __), got ${JSON.stringify(x)}`,
          );
        if (isReservedName(x))
          throw new InputError(
            `buyers[${i}].signals[${k}]`,
            `'${x}' is the name of a function, constant or keyword of the expression language; choose another`,
          );
        if (owner.has(x)) throw new InputError(`buyers[${i}].signals[${k}]`, `'${x}' is already a signal of buyer ${owner.get(x)! + 1}`);
        owner.set(x, i);
        return x;
      }),
    );
  });
  const dims = names.map((n) => n.length);
  const all = new Set(owner.keys());
  const ownSignals = (i: number) =>
    new Map(
      names[i].map(
        (x) => [x, `buyer ${i + 1}'s own signal: a personalized price may depend only on the other buyers' signals`] as [string, string],
      ),
    );
  const scopeSize = all.size;
  const budget = opts.budget;
  // the scope object built for each evaluation costs one step per signal
  const compile = (text: unknown, field: string, forbidden?: Map<string, string>): CompiledExpression => {
    const f = compileExpression(text, field, { variables: all, forbidden, budget });
    const evaluate = (scope: Readonly<Record<string, number>>) => {
      budget?.spend(scopeSize);
      return f(scope);
    };
    return Object.assign(evaluate, { nodes: f.nodes + scopeSize, text: f.text });
  };
  const n = names.length;
  let accuracy: number | undefined;
  if (spec.accuracy !== undefined) accuracy = finiteNumber(spec.accuracy, 'accuracy', { min: TIE_TOLERANCE, max: 0.1 });
  const atRaw = spec.at ?? [];
  if (atRaw.length > MAX_AT_PROFILES) throw new InputError('at', `lists ${atRaw.length} profiles, above the limit of ${MAX_AT_PROFILES}`);
  const at = atRaw.map((p, a) => checkProfile(p, `at[${a}]`, dims));

  if (spec.objects === undefined) {
    const values = buyers.map((b, i) => compile(b.value, `buyers[${i}].value`));
    const model: ValuationModel = { dims, value: (i, s) => values[i](scopeOf(names, s)) };
    let prices: PersonalizedPrices | undefined;
    if (spec.prices !== undefined) {
      if (spec.prices.length !== n) throw new InputError('prices', `must be an array of ${n} expressions, one per buyer`);
      const ps = spec.prices.map((e, i) => compile(e, `prices[${i}]`, ownSignals(i)));
      prices = { name: 'given prices', price: (i, s) => ps[i](scopeOf(names, s)) };
    }
    return { names, dims, model, prices, at, accuracy };
  }
  // K objects
  if (spec.objects.length < 1 || spec.objects.length > 4) throw new InputError('objects', 'must be an array of 1 to 4 object names');
  const objects = spec.objects.map((o, k) => {
    if (!/^[A-Za-z0-9_]+$/.test(o)) throw new InputError(`objects[${k}]`, `must be a name, got ${JSON.stringify(o)}`);
    return o;
  });
  if (new Set(objects).size !== objects.length) throw new InputError('objects', 'names must be distinct');
  const keys = bundleKeys(objects);
  const K = objects.length;
  const bundleValues = buyers.map((b, i) => {
    const v = b.values;
    if (v === undefined) throw new InputError(`buyers[${i}].values`, `must give one expression per bundle: ${keys.join(', ')}`);
    for (const key of Object.keys(v))
      if (!keys.includes(key))
        throw new InputError(`buyers[${i}].values.${key}`, `is not a bundle of ${objects.join(', ')} (bundles: ${keys.join(', ')})`);
    return keys.map((key) => {
      if (v[key] === undefined) throw new InputError(`buyers[${i}].values.${key}`, 'is missing');
      return compile(v[key], `buyers[${i}].values.${key}`);
    });
  });
  const bundles: BundleModel = {
    dims,
    objects: K,
    objectNames: objects,
    bundleValue: (i, L, s) => (L === 0 ? 0 : bundleValues[i][L - 1](scopeOf(names, s))),
  };
  const objectModels: ValuationModel[] = objects.map((_, k) => ({
    dims,
    value: (i, s) => bundleValues[i][(1 << k) - 1](scopeOf(names, s)),
  }));
  let objectPrices: ObjectPrices | undefined;
  if (spec.prices !== undefined) {
    if (spec.prices.length !== n)
      throw new InputError('prices', `must be an array of ${n} objects, one per buyer, with a price expression per object`);
    const ps = spec.prices.map((p, i) => {
      if (typeof p === 'string') throw new InputError(`prices[${i}]`, `must map each object (${objects.join(', ')}) to an expression`);
      for (const key of Object.keys(p))
        if (!objects.includes(key)) throw new InputError(`prices[${i}].${key}`, `is not an object (${objects.join(', ')})`);
      return objects.map((o) => compile(p[o], `prices[${i}].${o}`, ownSignals(i)));
    });
    objectPrices = { price: (i, k, s) => ps[i][k](scopeOf(names, s)) };
  }
  return { names, dims, objects, bundles, objectPrices, objectModels, at, accuracy };
}
