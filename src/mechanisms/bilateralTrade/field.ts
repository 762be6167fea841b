/**
 * Ordered fields for the bilateral-trade module: the same code runs in floating
 * point (fast, N up to thousands) and in exact rationals (mathjs fractions, for
 * the worked example of seed 002_db415cb54f560522.txt, section 2, whose numbers
 * 26/74, 148/281, 44/82 and 11/19 are exact).
 */
import { fraction, type Fraction } from 'mathjs';

export interface Field<T> {
  readonly name: 'float' | 'exact';
  zero: T;
  one: T;
  of(x: number | string): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  /** sign of a - b: -1, 0 or 1 */
  cmp(a: T, b: T): number;
  toNumber(a: T): number;
  /** a readable string: "26/37" for fractions, the number for floats */
  show(a: T): string;
}

export const floatField: Field<number> = {
  name: 'float',
  zero: 0,
  one: 1,
  of: (x) => Number(x),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  toNumber: (a) => a,
  show: (a) => String(a),
};

export const exactField: Field<Fraction> = {
  name: 'exact',
  zero: fraction(0),
  one: fraction(1),
  of: (x) => fraction(typeof x === 'number' ? String(x) : x),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  cmp: (a, b) => a.compare(b),
  toNumber: (a) => a.valueOf(),
  show: (a) => a.toFraction(),
};

export type { Fraction };
