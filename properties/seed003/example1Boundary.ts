/**
 * Example 1 of seed 003_9ea1ccbe66e932a9.txt (section 2): the boundary between
 * h^-1(a_1) and h^-1(a_2). The text states it is {p_1 = p_2, c_1 = c_2 = 0}, a
 * one-dimensional set. In exact rational arithmetic: h^-1(a_1) = {F_1 > 0} and
 * h^-1(a_2) = {F_2 > 0} with F_1 = p_1 - p_2 - c_2^2 + c_1 c_2 and
 * F_2 = p_2 - p_1 - c_1^2 + c_1 c_2; their closures are {F_i >= 0} and
 * F_1 + F_2 = -(c_1 - c_2)^2, so the closures meet exactly on {p_1 = p_2, c_1 = c_2},
 * a two-dimensional set (the projection at a fixed s_j = (p, c) is still the
 * single point (p, c)). Each point of it is exhibited as a limit of points of
 * h^-1(a_1) and of h^-1(a_2) (explicit perturbations of size 2^-30).
 */
import fc from 'fast-check';
import { fraction, type Fraction } from 'mathjs';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { src } from './common.ts';

type Q = Fraction;
const q = (a: number, b = 1) => fraction(a, b);
/** [p1, c1, p2, c2] as fractions a/b with small integers */
type Point = [number, number][];

const toQ = (z: Point) => z.map(([a, b]) => q(Math.min(a, b), b));
const F1 = ([p1, c1, p2, c2]: Q[]) => p1.sub(p2).sub(c2.mul(c2)).add(c1.mul(c2));
const F2 = ([p1, c1, p2, c2]: Q[]) => p2.sub(p1).sub(c1.mul(c1)).add(c1.mul(c2));
const inCube = (z: Q[]) => z.every((x) => x.compare(0) >= 0 && x.compare(1) <= 0);
const EPS = q(1, 2 ** 30);

/** A point of h^-1(a_k) within EPS of z (moving p_1 or p_2), or null. */
function nearby(z: Q[], k: 1 | 2): Q[] | null {
  const F = k === 1 ? F1 : F2;
  const moves: [number, Q][] =
    k === 1
      ? [
          [0, EPS],
          [2, EPS.neg()],
        ]
      : [
          [2, EPS],
          [0, EPS.neg()],
        ];
  for (const [idx, d] of moves) {
    const y = [...z];
    y[idx] = y[idx].add(d);
    if (inCube(y) && F(y).compare(0) > 0) return y;
  }
  return null;
}

/** in the closure of both regions: F_1 >= 0 and F_2 >= 0 */
const inBothClosures = (z: Q[]) => F1(z).compare(0) >= 0 && F2(z).compare(0) >= 0;

const fracArb = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }));
/** half of the points on the diagonal {p_1 = p_2, c_1 = c_2}, half anywhere */
const pointArb = () =>
  fc.oneof(
    fc.tuple(fracArb, fracArb).map(([p, c]) => [p, c, p, c] as Point),
    fc.tuple(fracArb, fracArb, fracArb, fracArb).map((t) => [...t] as Point),
  );

const show = (z: Q[]) => z.map((x) => x.toFraction());

export const example1BoundaryAsStated = propertyEntry<Point>({
  id: 'seed003.example1.boundary.asStated',
  aliases: ['seed003.example1.boundaryAsStated'],
  title: 'Example 1: the boundary between h^-1(a_1) and h^-1(a_2) is {p_1 = p_2, c_1 = c_2 = 0} (as stated; false)',
  source: src('Example 1, the boundary of h^-1(a_1) and h^-1(a_2)', '2'),
  kind: 'claim',
  hypotheses: ['[example1] V_i = p_i + c_i c_j', '[admissibility] t_i = p_j + c_j^2'],
  scope: ['exact rational arithmetic'],
  conclusion: 'every point in the closure of both h^-1(a_1) and h^-1(a_2) has c_1 = c_2 = 0 and p_1 = p_2',
  expected: 'refuted',
  refutation: 'erratum',
  runs: 200,
  arbitrary: pointArb,
  check: (pt) => {
    const z = toQ(pt);
    const both = inBothClosures(z);
    const stated = z[0].equals(z[2]) && z[1].equals(0) && z[3].equals(0);
    const ok = !both || stated;
    return {
      ok,
      detail: {
        point: show(z),
        inBothClosures: both,
        nearbyPointOfA1: nearby(z, 1) && show(nearby(z, 1)!),
        nearbyPointOfA2: nearby(z, 2) && show(nearby(z, 2)!),
      },
    };
  },
  notes: [
    'The text (and its footnote on the projection) says the boundary is {p_1 = p_2, c_1 = c_2 = 0}, one-dimensional. It is {p_1 = p_2, c_1 = c_2}, two-dimensional (F_1 + F_2 = -(c_1 - c_2)^2). The conclusion drawn from it survives: at a fixed s_j = (p, c) the boundary projects to the single point (p, c), and it has less than full dimension (entry seed003.example1.boundary).',
  ],
});

export const example1Boundary = propertyEntry<Point>({
  id: 'seed003.example1.boundary',
  title: 'Example 1: the boundary between h^-1(a_1) and h^-1(a_2) is {p_1 = p_2, c_1 = c_2}',
  source: src('Example 1, the boundary of h^-1(a_1) and h^-1(a_2) (corrected)', '2'),
  kind: 'claim',
  hypotheses: ['[example1] V_i = p_i + c_i c_j', '[admissibility] t_i = p_j + c_j^2'],
  scope: ['exact rational arithmetic'],
  conclusion:
    'a point lies in both closures iff p_1 = p_2 and c_1 = c_2; each such point is within 2^-30 of a point of h^-1(a_1) and of a point of h^-1(a_2)',
  expected: 'holds',
  runs: 200,
  arbitrary: pointArb,
  check: (pt) => {
    const z = toQ(pt);
    const both = inBothClosures(z);
    const diag = z[0].equals(z[2]) && z[1].equals(z[3]);
    const witnessed = !diag || (nearby(z, 1) !== null && nearby(z, 2) !== null);
    return { ok: both === diag && witnessed, detail: { point: show(z), inBothClosures: both, onDiagonal: diag, witnessed } };
  },
  mutant: {
    description: 'the set as stated in the text, {p_1 = p_2, c_1 = c_2 = 0}',
    check: (pt) => {
      const z = toQ(pt);
      const both = inBothClosures(z);
      const stated = z[0].equals(z[2]) && z[1].equals(0) && z[3].equals(0);
      return { ok: both === stated, detail: { point: show(z), inBothClosures: both } };
    },
  },
});
