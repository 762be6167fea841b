/**
 * Example 2 of seed 003_9ea1ccbe66e932a9.txt (section 4): three buyers, two
 * objects a and b, signals (p_ai, p_bi, c_i), V_i^k = p_ki + w_k c_i max{c_j, c_j'},
 * personalized prices (14) t_i^k = max{p_kj + w_k c_j^2, p_kj' + w_k c_j'^2},
 * w_a = 1, w_b = 1.5, with subadditive bundle values
 * V_i^ab = p_ai + p_bi + 2 c_i max{c_j, c_j'} (Table 1) or unit demand
 * V_i^ab = max{V_i^a, V_i^b} (Table 2). Computed exactly in rationals (mathjs
 * fractions) for the tables.
 */
import { fraction, type Fraction } from 'mathjs';
import type { BundleModel, ObjectPrices } from './demand.ts';
import type { SignalProfile } from './model.ts';

export const EXAMPLE2_WEIGHTS = [1, 1.5];
export const OBJECT_NAMES = ['a', 'b'];

const others = (i: number, n: number) => Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);

/** V_i^k of Example 2 (n buyers; signals [p_a, p_b, c]). */
export function example2ObjectValue(i: number, k: number, s: SignalProfile, w = EXAMPLE2_WEIGHTS): number {
  const cmax = Math.max(...others(i, s.length).map((j) => s[j][2]));
  return s[i][k] + w[k] * s[i][2] * cmax;
}

export type BundleKind = 'subadditive' | 'unitDemand';

/** Example 2's bundle values: subadditive V^ab = p_a + p_b + 2 c_i max c, or unit demand. */
export function example2Model(kind: BundleKind, n = 3, w = EXAMPLE2_WEIGHTS): BundleModel {
  return {
    dims: Array.from({ length: n }, () => 3),
    objects: 2,
    objectNames: OBJECT_NAMES,
    bundleValue: (i, L, s) => {
      if (L === 1) return example2ObjectValue(i, 0, s, w);
      if (L === 2) return example2ObjectValue(i, 1, s, w);
      if (kind === 'unitDemand') return Math.max(example2ObjectValue(i, 0, s, w), example2ObjectValue(i, 1, s, w));
      const cmax = Math.max(...others(i, s.length).map((j) => s[j][2]));
      return s[i][0] + s[i][1] + 2 * s[i][2] * cmax;
    },
  };
}

/** Prices (14): t_i^k = max_{j != i} p_kj + w_k c_j^2. */
export function example2Prices(w = EXAMPLE2_WEIGHTS): ObjectPrices {
  return { price: (i, k, s) => Math.max(...others(i, s.length).map((j) => s[j][k] + w[k] * s[j][2] ** 2)) };
}

/* ---------- exact (rational) computation of Tables 1 and 2 ---------- */

type Q = Fraction;
const q = (x: number | string) => fraction(x as never);
const qmax = (xs: Q[]) => xs.reduce((a, b) => (a.compare(b) >= 0 ? a : b));

export interface ExactColumn {
  /** buyer 1's signal (p_a1, p_b1, c_1) as decimal strings */
  signal: string[];
  /** per buyer: V^a, V^b, V^ab, t^a, t^b, allocation */
  buyers: { Va: Q; Vb: Q; Vab: Q; ta: Q; tb: Q; allocation: string; surpluses: { a: Q; b: Q; ab: Q } }[];
}

/** One column of Table 1 (subadditive) or Table 2 (unit demand), exactly. Signals as decimal strings. */
export function example2ExactColumn(kind: BundleKind, signals: string[][]): ExactColumn {
  const s = signals.map((x) => x.map(q));
  const w = [q(1), q('3/2')];
  const n = s.length;
  const buyers = s.map((si, i) => {
    const o = others(i, n);
    const cmax = qmax(o.map((j) => s[j][2]));
    const V = [0, 1].map((k) => si[k].add(w[k].mul(si[2]).mul(cmax)));
    const Vab = kind === 'unitDemand' ? qmax(V) : si[0].add(si[1]).add(q(2).mul(si[2]).mul(cmax));
    const t = [0, 1].map((k) => qmax(o.map((j) => s[j][k].add(w[k].mul(s[j][2]).mul(s[j][2])))));
    const surpluses = { a: V[0].sub(t[0]), b: V[1].sub(t[1]), ab: Vab.sub(t[0]).sub(t[1]) };
    // minimal element of the demand set: the empty bundle (surplus 0) first, then singletons, then ab
    const cands: [string, Q][] = [
      ['∅', q(0)],
      ['a', surpluses.a],
      ['b', surpluses.b],
      ['ab', surpluses.ab],
    ];
    const best = qmax(cands.map((c) => c[1]));
    const allocation = cands.find((c) => c[1].equals(best))![0];
    return { Va: V[0], Vb: V[1], Vab, ta: t[0], tb: t[1], allocation, surpluses };
  });
  return { signal: signals[0], buyers };
}
