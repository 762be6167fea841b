/**
 * fast-check arbitraries for seed 000_8a10c4f2f12bc353.txt (sections 3.1-3.4):
 * state-dependent assignment instances with small integer data, written as a
 * level per state and quantity (all valuations u(theta), all seller costs
 * v(theta), all externality costs c(theta)) plus sparse per-cell deviations (about one cell in
 * seven) that shrink to 0. The levels make the extreme instances behind the Lipschitz constants
 * (everything good in one state, everything bad in another) reachable by a
 * random search, and the shrunk counterexamples readable (levels and the few
 * nonzero deviations). Priors for the two-stage game are integer weights.
 */
import fc from 'fast-check';
import { JointPrior } from '../../core/prior.ts';
import type { AssignmentInstance, BuyerReport } from './instance.ts';

export interface InstanceSpec {
  n: number;
  M: number;
  states: number;
  /** per state: [u level, v level, c level], integers in [lo, M] */
  levels: number[][];
  /** per-cell deviations (flat, state slowest): u and v have states*n*n entries, c has states*n^4 */
  du: number[];
  dv: number[];
  dc: number[];
  /** allow negative externality costs (the relaxation of section 3.1's c >= 0) */
  negative?: boolean;
}

export interface InstanceArbOptions {
  n: { min: number; max: number };
  states?: { min: number; max: number };
  M?: { min: number; max: number };
  /** externality costs in [-M, M] instead of [0, M] */
  negative?: boolean;
  /** per-cell deviations (default true) */
  deviations?: boolean;
}

export function instanceSpecArb(opts: InstanceArbOptions): fc.Arbitrary<InstanceSpec> {
  const states = opts.states ?? { min: 2, max: 2 };
  const Mr = opts.M ?? { min: 1, max: 2 };
  return fc.tuple(fc.integer(opts.n), fc.integer(states), fc.integer(Mr)).chain(([n, S, M]) => {
    const lo = opts.negative ? -M : 0;
    const dev = (len: number, a: number) =>
      opts.deviations === false
        ? fc.constant(new Array<number>(len).fill(0))
        : fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.integer({ min: -a, max: a }), weight: 1 }), {
            minLength: len,
            maxLength: len,
          });
    return fc.record({
      n: fc.constant(n),
      M: fc.constant(M),
      states: fc.constant(S),
      levels: fc
        .array(fc.tuple(fc.integer({ min: 0, max: M }), fc.integer({ min: 0, max: M }), fc.integer({ min: lo, max: M })), {
          minLength: S,
          maxLength: S,
        })
        .map((l) => l.map((t) => [...t])),
      du: dev(S * n * n, M),
      dv: dev(S * n * n, M),
      dc: dev(S * n ** 4, M - lo),
      negative: fc.constant(!!opts.negative),
    });
  });
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** The instance of a spec: u[s][i][j] = clamp(level + deviation, 0, M), likewise v and c (c in [-M, M] when negative). */
export function instanceFromSpec(spec: InstanceSpec): AssignmentInstance {
  const { n, M, states } = spec;
  const lo = spec.negative ? -M : 0;
  const u: number[][][] = [];
  const v: number[][][] = [];
  const c: number[][][][][] = [];
  for (let s = 0; s < states; s++) {
    const [lu, lv, lc] = spec.levels[s];
    u.push(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => clamp(lu + spec.du[(s * n + i) * n + j], 0, M))));
    v.push(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => clamp(lv + spec.dv[(s * n + i) * n + j], 0, M))));
    c.push(
      Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) =>
          Array.from({ length: n }, (_, p) =>
            Array.from({ length: n }, (_, q) =>
              p === i || q === j ? 0 : clamp(lc + spec.dc[(((s * n + i) * n + j) * n + p) * n + q], lo, M),
            ),
          ),
        ),
      ),
    );
  }
  return { n, M, states, u, v, c };
}

/** A readable view: the levels and the nonzero deviations. */
export function describeInstanceSpec(spec: InstanceSpec): unknown {
  const { n, states } = spec;
  const devs: string[] = [];
  for (let s = 0; s < states; s++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const a = spec.du[(s * n + i) * n + j];
        const b = spec.dv[(s * n + i) * n + j];
        if (a) devs.push(`u[${s}][${i}][${j}] ${a > 0 ? '+' : ''}${a}`);
        if (b) devs.push(`v[${s}][${i}][${j}] ${b > 0 ? '+' : ''}${b}`);
        for (let p = 0; p < n; p++)
          for (let q = 0; q < n; q++) {
            const x = spec.dc[(((s * n + i) * n + j) * n + p) * n + q];
            if (x && p !== i && q !== j) devs.push(`c[${s}][${i}][${j}][${p}][${q}] ${x > 0 ? '+' : ''}${x}`);
          }
      }
  return {
    n,
    M: spec.M,
    states,
    levels: spec.levels.map((l, s) => `state ${s}: every u = ${l[0]}, every v = ${l[1]}, every c = ${l[2]}`),
    deviations:
      devs.length > 0
        ? `${devs.length} cells (clamped to the bounds): ${devs.slice(0, 40).join(', ')}${devs.length > 40 ? ', ...' : ''}`
        : 'none',
  };
}

/** Posterior from small integer weights (not all 0). */
export const fromWeights = (w: readonly number[]): number[] => {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
};

export const posteriorWeightsArb = (states: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: states, maxLength: states }).filter((w) => w.some((x) => x > 0));

/**
 * Priors for the two-stage game: P(theta, b) proportional to R(b) (base + e(theta, b)).
 * R couples the signals with each other; a large `base` makes the signals weakly
 * informative about the state (posteriors that barely move), which is where the
 * delta of the proof of Theorem 1 is small.
 */
export interface GamePriorSpec {
  states: number;
  signals: number[];
  base: number;
  /** R(b), one per profile */
  coupling: number[];
  /** e(theta, b), state slowest, in 1..4 */
  stateWeights: number[];
}

export function gamePriorSpecArb(n: number, states: number, signals: number, maxBase = 12): fc.Arbitrary<GamePriorSpec> {
  const S = signals ** n;
  return fc.record({
    states: fc.constant(states),
    signals: fc.constant(new Array(n).fill(signals)),
    base: fc.integer({ min: 0, max: maxBase }),
    coupling: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: S, maxLength: S }),
    stateWeights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: states * S, maxLength: states * S }),
  });
}

export function priorFromGameSpec(spec: GamePriorSpec): JointPrior {
  const S = spec.coupling.length;
  const weights = spec.stateWeights.map((e, idx) => spec.coupling[idx % S] * (spec.base + e));
  return JointPrior.fromWeights(spec.states, spec.signals, weights);
}

/**
 * Opponents' second-stage strategies from a flat array of small integers:
 * the report of buyer j at key `key` (b_j alone for strategies that ignore the
 * posted posterior, or the posted posterior's key) reads consecutive values.
 */
export function opponentReportsFrom(
  values: readonly number[],
  n: number,
  states: number,
  keys: number,
): (j: number, key: number) => BuyerReport {
  const per = states * (n + n * n * n);
  const cache = new Map<number, BuyerReport>();
  return (j, key) => {
    const id = j * keys + key;
    const hit = cache.get(id);
    if (hit) return hit;
    let t = id * per;
    const next = () => values[t++ % values.length];
    const w: number[][] = [];
    const d: number[][][][] = [];
    for (let s = 0; s < states; s++) {
      w.push(Array.from({ length: n }, () => next()));
      d.push(
        Array.from({ length: n }, (_, jj) =>
          Array.from({ length: n }, (_, p) => Array.from({ length: n }, (_, q) => (p === j || q === jj ? 0 : next()))),
        ),
      );
    }
    const rep = { w, d };
    cache.set(id, rep);
    return rep;
  };
}
