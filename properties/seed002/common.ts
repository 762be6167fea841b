/**
 * Shared pieces of the seed 002 entries (002_db415cb54f560522.txt, Eilat and
 * Paunzer 2008): the source, plain-JSON parameter specs with small integers
 * (they shrink to readable instances) and their float / exact versions.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/catalogue/paths.ts';
import { fraction } from 'mathjs';
import type { Source } from '../../src/catalogue/types.ts';
import { exactField, floatField, type Fraction } from '../../src/mechanisms/bilateralTrade/field.ts';
import type { TradeParameters } from '../../src/mechanisms/bilateralTrade/model.ts';

export const SEED = '002_db415cb54f560522.txt';
export const src = (ref: string, section: string): Source => ({ seed: SEED, ref, section });

/** v_l^s = low, v_l^b = low + d1, v_h^s = v_l^b + d2, v_h^b = v_h^s + d3; q's as [numerator, denominator]. */
export interface ParamSpec {
  N: number;
  low: number;
  d1: number;
  d2: number;
  d3: number;
  qs: [number, number];
  qb: [number, number];
}

export const Q_VALUES: [number, number][] = [
  [1, 2],
  [1, 3],
  [2, 3],
  [1, 4],
  [3, 4],
  [2, 5],
  [3, 5],
  [1, 5],
  [4, 5],
];

export function paramSpecArb(maxN: number, opts: { minN?: number; maxD?: number; q?: [number, number][] } = {}): fc.Arbitrary<ParamSpec> {
  const maxD = opts.maxD ?? 12;
  const qs = opts.q ?? Q_VALUES;
  return fc.record({
    N: fc.integer({ min: opts.minN ?? 1, max: maxN }),
    low: fc.integer({ min: 0, max: 3 }),
    d1: fc.integer({ min: 1, max: maxD }),
    d2: fc.integer({ min: 1, max: maxD }),
    d3: fc.integer({ min: 1, max: maxD }),
    qs: fc.constantFrom(...qs),
    qb: fc.constantFrom(...qs),
  });
}

export function floatParams(s: ParamSpec): TradeParameters<number> {
  const sellerLow = s.low;
  const buyerLow = sellerLow + s.d1;
  const sellerHigh = buyerLow + s.d2;
  const buyerHigh = sellerHigh + s.d3;
  return { objects: s.N, sellerLow, buyerLow, sellerHigh, buyerHigh, qSeller: s.qs[0] / s.qs[1], qBuyer: s.qb[0] / s.qb[1] };
}

export function exactParams(s: ParamSpec): TradeParameters<Fraction> {
  const f = floatParams(s);
  const E = exactField;
  return {
    objects: s.N,
    sellerLow: E.of(f.sellerLow),
    buyerLow: E.of(f.buyerLow),
    sellerHigh: E.of(f.sellerHigh),
    buyerHigh: E.of(f.buyerHigh),
    qSeller: fraction(s.qs[0], s.qs[1]),
    qBuyer: fraction(s.qb[0], s.qb[1]),
  };
}

/** The worked example's spec (section 2): 0/11 seller, 1/12 buyer, q = 1/2. */
export const exampleSpec = (N: number): ParamSpec => ({ N, low: 0, d1: 1, d2: 10, d3: 1, qs: [1, 2], qb: [1, 2] });

/** Weights alpha^s = k / 20 as a plain integer. */
export const alphaArb = fc.integer({ min: 0, max: 20 });
export const alphaExact = (k: number): Fraction => fraction(k, 20);
export const alphaFloat = (k: number): number => k / 20;

export const F = floatField;
export const E = exactField;

/** The paper's printed numbers for the worked example (fixtures/seed002/example.json). */
export interface ExampleFixture {
  parameters: { buyerHigh: number; buyerLow: number; sellerHigh: number; sellerLow: number; qBuyer: string; qSeller: string };
  oneObject: Record<
    'firstBestSurplus' | 'goodTypeRent' | 'expectedRentPerAgent' | 'sumOfRents' | 'badGoodTradeProbability' | 'secondBestSurplus',
    string
  >;
  threeObjects: {
    rentTwoGood: string;
    rentThreeGood: string;
    expectedRentPerAgent: string;
    sumOfRentsBanMechanism: string;
    averageBadObjectTradeProbability: string;
    surplusBanMechanism: string;
    separateTradingSurplus: string;
    badBadBadTradeProbability: string;
    optimalSurplusApproximately: number;
    edge: [number, number][];
    sellerOnlyBadBadBadProbability: string;
    breakpoints: string[];
    vertexAllSellerBadTypesTrade: [number, number];
  };
}

let fixtureCache: ExampleFixture | null = null;
export function exampleFixture(): ExampleFixture {
  fixtureCache ??= JSON.parse(readFileSync(join(fixturesDir(), 'seed002', 'example.json'), 'utf8')) as ExampleFixture;
  return fixtureCache;
}

/** A printed exact number ("0.6", "26/74", "(3 * 5.5 + 11) / 8") as a fraction. */
export function printedExact(s: string): Fraction {
  const m = /^\((\d+) \* ([\d.]+) \+ (\d+)\) \/ (\d+)$/.exec(s);
  if (m) return E.div(E.add(E.mul(E.of(m[1]), E.of(m[2])), E.of(m[3])), E.of(m[4]));
  return E.of(s);
}

/** The example's spec from the fixture (checks that it is the worked example's parameters). */
export function fixtureSpec(N: number): ParamSpec {
  const p = exampleFixture().parameters;
  const q = (s: string) => s.split('/').map(Number) as [number, number];
  return {
    N,
    low: p.sellerLow,
    d1: p.buyerLow - p.sellerLow,
    d2: p.sellerHigh - p.buyerLow,
    d3: p.buyerHigh - p.sellerHigh,
    qs: q(p.qSeller),
    qb: q(p.qBuyer),
  };
}
