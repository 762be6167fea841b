/**
 * Example 1 of seed 003_9ea1ccbe66e932a9.txt (section 2): two buyers with
 * signals (p_i, c_i) in [0,1]^2, V_i = p_i + c_i c_j, personalized prices
 * t_i = p_j + c_j^2. Exact measures of the outcome regions in rational
 * arithmetic (mathjs fractions): with D = p_i - p_j (triangular on [-1,1]) and
 * d = c_j^2 - c_i c_j, P(a_i | c) = P(D > d) is a polynomial in (c_i, c_j) on
 * each side of the diagonal c_i = c_j.
 */
import { fraction, type Fraction } from 'mathjs';
import type { PersonalizedPrices, SignalProfile, ValuationModel } from './model.ts';

/** V_i = p_i + c_i c_j (Example 1); signals s_i = [p_i, c_i]. */
export const example1Model: ValuationModel = {
  name: 'Example 1: V_i = p_i + c_i c_j',
  dims: [2, 2],
  value: (i, s) => s[i][0] + s[i][1] * s[1 - i][1],
};

/** t_i = p_j + scale * c_j^2 + epsilon_i(p_j, c_j) (Example 1 has scale 1, epsilon 0). */
export function example1Prices(scale = 1, epsilon: (i: number, sj: readonly number[]) => number = () => 0): PersonalizedPrices {
  return {
    name: scale === 1 ? 't_i = p_j + c_j^2' : `t_i = p_j + ${scale} c_j^2`,
    price: (i: number, s: SignalProfile) => s[1 - i][0] + scale * s[1 - i][1] ** 2 + epsilon(i, s[1 - i]),
  };
}

/** Polynomial in (c_i, c_j) with exact coefficients: key "a,b" for c_i^a c_j^b. */
type Poly = Map<string, Fraction>;

const F = (x: number | string) => fraction(x as never);

function poly(terms: [number, number, number | string][]): Poly {
  const p: Poly = new Map();
  for (const [a, b, c] of terms) add(p, a, b, F(c));
  return p;
}
function add(p: Poly, a: number, b: number, c: Fraction) {
  const k = `${a},${b}`;
  const prev = p.get(k);
  p.set(k, prev ? prev.add(c) : c);
}
function mul(p: Poly, q: Poly): Poly {
  const out: Poly = new Map();
  for (const [k1, c1] of p)
    for (const [k2, c2] of q) {
      const [a1, b1] = k1.split(',').map(Number);
      const [a2, b2] = k2.split(',').map(Number);
      add(out, a1 + a2, b1 + b2, c1.mul(c2));
    }
  return out;
}
function lin(p: Poly, alpha: Fraction, q: Poly, beta: Fraction): Poly {
  const out: Poly = new Map();
  for (const [k, c] of p) {
    const [a, b] = k.split(',').map(Number);
    add(out, a, b, c.mul(alpha));
  }
  for (const [k, c] of q) {
    const [a, b] = k.split(',').map(Number);
    add(out, a, b, c.mul(beta));
  }
  return out;
}
/** integral over {0 <= c_i <= c_j <= 1} (upper = true) or {0 <= c_j < c_i <= 1}. */
function integrateTriangle(p: Poly, upper: boolean): Fraction {
  let s = F(0);
  for (const [k, c] of p) {
    const [a, b] = k.split(',').map(Number);
    const w = upper ? F(`1/${(a + 1) * (a + b + 2)}`) : F(`1/${(b + 1) * (a + b + 2)}`);
    s = s.add(c.mul(w));
  }
  return s;
}

export interface Example1Measures {
  /** Lebesgue measure of h^{-1}(a_i) for each buyer (equal by symmetry) */
  winI: Fraction;
  /** measure of h^{-1}(a_0) */
  noSale: Fraction;
}

/**
 * Exact measures of Example 1's outcome regions for prices p_j + k c_j^2
 * (k = scale, a rational). P(D > d) = (1-d)^2/2 for d in [0,1] and
 * 1 - (1+d)^2/2 for d in [-1,0], with d = k c_j^2 - c_i c_j >= 0 iff c_j >= c_i / k.
 * Only scale 1 is supported exactly (the sign of d then changes on the diagonal).
 */
export function example1ExactMeasures(): Example1Measures {
  const one = poly([[0, 0, 1]]);
  const d = poly([
    [0, 2, 1],
    [1, 1, -1],
  ]); // c_j^2 - c_i c_j
  const oneMinusD = lin(one, F(1), d, F(-1));
  const onePlusD = lin(one, F(1), d, F(1));
  const upperPart = lin(mul(oneMinusD, oneMinusD), F('1/2'), new Map(), F(0)); // c_j >= c_i: d >= 0
  const lowerPart = lin(one, F(1), mul(onePlusD, onePlusD), F('-1/2')); // c_j < c_i: d < 0
  const winI = integrateTriangle(upperPart, true).add(integrateTriangle(lowerPart, false));
  const noSale = F(1).sub(winI.mul(2));
  return { winI, noSale };
}

/**
 * Footnote 7 of Example 1: the measure of buyer j's signals (p_j, c_j) at which
 * each outcome occurs, for buyer i's signal fixed at (p, c). Computed by
 * integrating, over c_j, the length of the interval of p_j in [0,1] giving the
 * outcome (midpoint rule with `m` cells; the integrands are continuous).
 * Returns [a_0, a_i, a_j].
 */
export function example1ConditionalMeasures(p: number, c: number, m = 4000): [number, number, number] {
  let a0 = 0;
  let ai = 0;
  let aj = 0;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  for (let k = 0; k < m; k++) {
    const cj = (k + 0.5) / m;
    // a_i: p - p_j > cj^2 - c cj  <=>  p_j < p - cj^2 + c cj
    const hiI = clamp(p - cj * cj + c * cj);
    // a_j: p_j - p > c^2 - c cj  <=>  p_j > p + c^2 - c cj
    const loJ = clamp(p + c * c - c * cj);
    ai += hiI;
    aj += 1 - loJ;
    a0 += Math.max(0, loJ - hiI);
  }
  return [a0 / m, ai / m, aj / m];
}
