/**
 * Shared check for the Lipschitz bounds of seed 000_8a10c4f2f12bc353.txt,
 * section 6.1 (Lemmas A and B): |f(pi) - f(pi')| <= C ||pi - pi'||_1 tested on
 * the given pair (pi, pi') and on the chords from every point mass toward every
 * other state (h = 1/8).
 */
import fc from 'fast-check';
import type { PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import {
  describeInstanceSpec,
  fromWeights,
  instanceFromSpec,
  instanceSpecArb,
  posteriorWeightsArb,
  type InstanceSpec,
} from '../../src/mechanisms/assignment/arbitraries.ts';
import type { AssignmentInstance } from '../../src/mechanisms/assignment/instance.ts';
import { ratioToLipschitzBound, testPairs } from '../../src/mechanisms/assignment/lipschitz.ts';

export type LipschitzInput = { spec: InstanceSpec; pi: number[]; pi2: number[] };

export const lipschitzArb =
  (nMax = 4) =>
  () =>
    instanceSpecArb({ n: { min: 1, max: nMax }, states: { min: 2, max: 3 }, M: { min: 1, max: 2 } }).chain((spec) =>
      fc.record({ spec: fc.constant(spec), pi: posteriorWeightsArb(spec.states), pi2: posteriorWeightsArb(spec.states) }),
    );

export const describeLipschitz = (x: LipschitzInput) => ({ instance: describeInstanceSpec(x.spec), piWeights: x.pi, pi2Weights: x.pi2 });

/** Worst ratio |f(pi) - f(pi')| / (C ||pi - pi'||) over the test pairs; holds when <= 1 (+ tolerance). */
export function lipschitzCheck(
  x: LipschitzInput,
  f: (inst: AssignmentInstance, pi: number[]) => number,
  constant: (n: number, M: number) => number,
  tol: number,
): PropertyCheck {
  const inst = instanceFromSpec(x.spec);
  const C = constant(inst.n, inst.M);
  let worst = 0;
  let detail: unknown = null;
  for (const [a, b] of testPairs(inst.states, fromWeights(x.pi), fromWeights(x.pi2))) {
    const fa = f(inst, a);
    const fb = f(inst, b);
    const r = ratioToLipschitzBound(fa, fb, a, b, C);
    if (r > worst) {
      worst = r;
      detail = {
        pi: a,
        piPrime: b,
        fPi: fa,
        fPiPrime: fb,
        distance1: a.reduce((s, v, k) => s + Math.abs(v - b[k]), 0),
        constant: C,
        ratio: r,
      };
    }
  }
  return { ok: worst <= 1 + tol, metrics: { worstRatioToBound: worst }, detail };
}
