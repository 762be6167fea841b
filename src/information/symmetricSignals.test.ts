import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { distance1, norm2 } from '../core/distribution.ts';
import { SymmetricSignals, countVectors, countVectorCount } from './symmetricSignals.ts';

describe('count-based conditionally independent signals agree with enumeration', () => {
  const model = {
    statePrior: [0.3, 0.7],
    likelihood: [
      [0.6, 0.3, 0.1],
      [0.2, 0.3, 0.5],
    ],
    agents: 5,
  };
  const sym = new SymmetricSignals(model);
  const P = JointPrior.conditionallyIndependent(model.statePrior, Array(5).fill(model.likelihood));
  const space = P.profiles;
  it('posterior given a profile depends on counts only', () => {
    for (let k = 0; k < space.size; k += 7) {
      const prof = space.profile(k);
      const counts = [0, 1, 2].map((s) => prof.filter((x) => x === s).length);
      expect(distance1(sym.posterior(counts), P.stateGivenProfile(k))).toBeLessThan(1e-12);
    }
  });
  it('beliefs about the others and their 2-norm', () => {
    for (let s = 0; s < 3; s++) {
      const b = P.othersGivenOwn(0, s);
      expect(Math.exp(sym.logL2NormOthersGivenOwn(s))).toBeCloseTo(norm2(b), 12);
      const others = space.without(0);
      for (let k = 0; k < others.size; k += 5) {
        const prof = others.profile(k);
        const c = [0, 1, 2].map((x) => prof.filter((y) => y === x).length);
        expect(Math.exp(sym.logProfileGivenOwn(c, s))).toBeCloseTo(b[k], 14);
      }
      const total = sym.othersCountDistribution(s).reduce((a, x) => a + x.prob, 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });
  it('count vectors', () => {
    expect([...countVectors(3, 2)]).toEqual([
      [3, 0],
      [2, 1],
      [1, 2],
      [0, 3],
    ]);
    expect(countVectorCount(999, 2)).toBe(1000);
    expect([...countVectors(4, 3)].length).toBe(countVectorCount(4, 3));
  });
  it('n = 1000 stays finite', () => {
    const big = new SymmetricSignals({
      statePrior: [0.5, 0.5],
      likelihood: [
        [0.9, 0.1],
        [0.1, 0.9],
      ],
      agents: 1000,
    });
    const d = big.othersCountDistribution(0);
    expect(d.reduce((a, x) => a + x.prob, 0)).toBeCloseTo(1, 9);
    expect(Number.isFinite(big.logL2NormOthersGivenOwn(0))).toBe(true);
  });
});
