/**
 * Random symmetric SLIC mechanisms for the Proposition 3 and 4 entries of seed
 * 002_db415cb54f560522.txt (section 4.2): per-class trade weights in quarters
 * realised by `productMechanism` as genuine direct mechanisms, and interim
 * transfers whose steps lie in [Delta phi_m, Delta xi_{m+1}] (Definition 2).
 */
import fc from 'fast-check';
import { productClassProbabilities, productMechanism, type ClassWeights } from '../../src/mechanisms/bilateralTrade/slic.ts';
import type { TradeMechanism } from '../../src/mechanisms/bilateralTrade/directMechanism.ts';
import { AGENTS, valuationGap, type Agent } from '../../src/mechanisms/bilateralTrade/model.ts';
import { F, floatParams, paramSpecArb, type ParamSpec } from './common.ts';

export interface SlicInput {
  spec: ParamSpec;
  /** per agent: raw good weights (N), raw bad weights (N), in quarters */
  good: [number[], number[]];
  bad: [number[], number[]];
  /** per agent: position of each transfer step inside [Delta phi_m, Delta xi_{m+1}], in quarters */
  lambda: [number[], number[]];
  /** per agent: payment to the worst type */
  base: [number, number];
}

export const slicArb = (maxN: number) =>
  paramSpecArb(maxN, {
    maxD: 5,
    q: [
      [1, 2],
      [1, 3],
      [2, 3],
      [1, 4],
    ],
  }).chain((spec) => {
    const v = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: spec.N, maxLength: spec.N });
    return fc.record({
      spec: fc.constant(spec),
      good: fc.tuple(v, v),
      bad: fc.tuple(v, v),
      lambda: fc.tuple(v, v),
      base: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
    });
  });

export interface SlicInstance {
  mechanism: TradeMechanism;
  weights: Record<Agent, ClassWeights>;
  tauBar: Record<Agent, number[]>;
}

/**
 * monotone: sort the weights (Definition 3). Always: bad_m <= min(good_m, good_{m+1})
 * so that SLIC (Definition 2) can hold. `stepOverride` replaces every transfer step
 * (for mutants).
 */
export function slicInstance(
  x: SlicInput,
  opts: { monotone: boolean; stepOverride?: (gap: number, phi: number, xiNext: number) => number },
): SlicInstance {
  const p = floatParams(x.spec);
  const N = p.objects;
  const weights = {} as Record<Agent, ClassWeights>;
  AGENTS.forEach((j, a) => {
    let good = x.good[a].map((g) => g / 4);
    let bad = x.bad[a].map((b) => b / 4);
    if (opts.monotone) {
      good = [...good].sort((u, v) => u - v);
      bad = [...bad].sort((u, v) => u - v);
    }
    const goodFull = [NaN, ...good]; // index m = 1..N
    const badFull = bad.map((b, m) => Math.min(b, m >= 1 ? goodFull[m] : 1, goodFull[m + 1]));
    weights[j] = { good: goodFull, bad: [...badFull, NaN] };
  });
  const tauBar = {} as Record<Agent, number[]>;
  AGENTS.forEach((j, a) => {
    const { xi, phi } = productClassProbabilities(p, weights, j);
    const gap = valuationGap(F, p, j);
    const t = [x.base[a]];
    for (let m = 0; m < N; m++) {
      const step = opts.stepOverride
        ? opts.stepOverride(gap, phi[m], xi[m + 1])
        : gap * (phi[m] + (x.lambda[a][m] / 4) * (xi[m + 1] - phi[m]));
      t.push(t[m] + step);
    }
    tauBar[j] = t;
  });
  return { mechanism: productMechanism(p, weights, tauBar), weights, tauBar };
}
