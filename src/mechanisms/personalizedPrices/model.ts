/**
 * Personalized prices for one object sold to n buyers with multi-dimensional
 * signals and interdependent values (seed 003_9ea1ccbe66e932a9.txt,
 * Bikhchandani 2005, section 2).
 *
 * Buyer i's signal s_i lies in [0,1]^{d_i}; a profile s = (s_1, ..., s_n) is an
 * array of arrays (agent 0 first). V_i(s) is buyer i's value for the object.
 * A personalized price t_i(s_-i) depends only on the others' signals. Outcomes
 * are numbered 0 = a_0 (nobody gets the object) and i + 1 = a_i (buyer i gets it).
 */

/** s_i in [0,1]^{d_i}. */
export type Signal = readonly number[];
/** s = (s_1, ..., s_n). */
export type SignalProfile = readonly Signal[];

/** The valuations V_i(s) of a single-object environment (seed 003, section 2). */
export interface ValuationModel {
  /** d_i: the dimension of each buyer's signal */
  readonly dims: readonly number[];
  /** V_i(s) */
  value(buyer: number, s: SignalProfile): number;
  readonly name?: string;
}

/**
 * Personalized prices t_i(s_-i) (seed 003, section 2). `price(i, s)` must not
 * depend on s[i]; buyer i pays it when (and only when) he gets the object.
 */
export interface PersonalizedPrices {
  price(buyer: number, s: SignalProfile): number;
  readonly name?: string;
  /** set only by deliberately broken variants whose price depends on the buyer's own report (never memoised) */
  readonly dependsOnOwnSignal?: boolean;
}

export const NO_SALE = 0;

export interface AdmissibilityAt {
  /** condition (3) holds at s (within tol) */
  ok: boolean;
  /** the second largest excess V_i - t_i: condition (3) fails at s exactly when it is > 0 */
  violation: number;
  /** buyers whose value exceeds their price */
  above: number[];
  values: number[];
  prices: number[];
}

/**
 * Condition (3) of seed 003 (section 2) at one profile: at most one buyer's value
 * exceeds his personalized price. The size of a violation is the second largest
 * excess V_i(s) - t_i(s_-i) (positive when two buyers' values exceed their prices).
 */
export function admissibleAt(model: ValuationModel, prices: PersonalizedPrices, s: SignalProfile, tol = 0): AdmissibilityAt {
  const values = model.dims.map((_, i) => model.value(i, s));
  const ps = model.dims.map((_, i) => prices.price(i, s));
  const ex = values.map((v, i) => v - ps[i]);
  const sorted = [...ex].sort((a, b) => b - a);
  const violation = sorted.length > 1 ? sorted[1] : -Infinity;
  return { ok: !(violation > tol), violation, above: ex.flatMap((e, i) => (e > tol ? [i] : [])), values, prices: ps };
}

/**
 * Rule (4) of seed 003 (section 2): the object goes to the buyer whose value
 * exceeds his personalized price; nobody gets it when no value does. Read as in
 * (4), the cases are tried in order, so with prices that are not admissible the
 * lowest-numbered buyer above his price gets the object. Returns the outcome
 * (0 = a_0, i + 1 = a_i).
 */
export function implementingRule(model: ValuationModel, prices: PersonalizedPrices, s: SignalProfile, tol = 0): number {
  for (let i = 0; i < model.dims.length; i++) if (model.value(i, s) - prices.price(i, s) > tol) return i + 1;
  return NO_SALE;
}

/** Buyer i's utility when the true profile is `truth` and the reports are `report` under (rule (4), t). */
export function utilityUnderRule(
  model: ValuationModel,
  prices: PersonalizedPrices,
  buyer: number,
  truth: SignalProfile,
  report: SignalProfile,
  tol = 0,
): number {
  if (implementingRule(model, prices, report, tol) !== buyer + 1) return 0;
  return model.value(buyer, truth) - prices.price(buyer, report);
}

/** Replace buyer i's signal in s. */
export function withSignal(s: SignalProfile, buyer: number, si: Signal): number[][] {
  const out = s.map((x) => [...x]);
  out[buyer] = [...si];
  return out;
}

/**
 * The gain from a misreport in condition (1)/(2) of seed 003 (section 2):
 * buyer i with true profile s reports s_i' while the others report truthfully.
 */
export function misreportGain(
  model: ValuationModel,
  prices: PersonalizedPrices,
  buyer: number,
  s: SignalProfile,
  lie: Signal,
  tol = 0,
): number {
  return utilityUnderRule(model, prices, buyer, s, withSignal(s, buyer, lie), tol) - utilityUnderRule(model, prices, buyer, s, s, tol);
}

/** Small deterministic PRNG (mulberry32) for sampling; never Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform random profile in prod_i [0,1]^{d_i}. */
export function randomProfile(dims: readonly number[], rnd: () => number): number[][] {
  return dims.map((d) => Array.from({ length: d }, () => rnd()));
}

/** Memoise prices on (i, s_-i) (they do not depend on s_i). */
export function memoPrices(p: PersonalizedPrices): PersonalizedPrices {
  if (p.dependsOnOwnSignal) return p;
  const cache = new Map<string, number>();
  return {
    name: p.name,
    price: (i, s) => {
      let key = `${i}|`;
      for (let j = 0; j < s.length; j++) if (j !== i) key += s[j].join(',') + ';';
      let v = cache.get(key);
      if (v === undefined) {
        v = p.price(i, s);
        cache.set(key, v);
      }
      return v;
    },
  };
}
