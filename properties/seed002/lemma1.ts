/**
 * Seed 002_db415cb54f560522.txt, Lemma 1 (section 4.2.3, proof in the
 * appendix): for each agent the cost-to-benefit ratio r(mu_m^j) of LP (12) is
 * decreasing in m, and r(c^j) = 1/alpha^j exceeds every r(mu_m^j).
 *
 * Exact rationals: r is computed from the LP's own derivatives
 * (d(NU^s + NU^b - NI)/d mu over d(alpha-weighted NU)/d mu, equations 10-12)
 * and compared with the closed form of the proof,
 * (1/alpha^j) [1 - (S^j/Delta^j) (N-m) f_BD/(1-F_BD)].
 * Misprint in the proof: a_m^j sums C(N,k) q^k (1-q)^k; the exponent is N-k.
 */
import fc from 'fast-check';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { binomialTable } from '../../src/mechanisms/bilateralTrade/binomial.ts';
import { programCoefficients } from '../../src/mechanisms/bilateralTrade/thresholdProgram.ts';
import { AGENTS, badGoodSurplus, valuationGap } from '../../src/mechanisms/bilateralTrade/model.ts';
import { E, exactParams, exampleSpec, paramSpecArb, src, type ParamSpec } from './common.ts';

interface In {
  spec: ParamSpec;
  alpha: number;
}

function check(x: In, direction: 'decreasing' | 'increasing'): PropertyCheck {
  const p = exactParams(x.spec);
  const coef = programCoefficients(E, p);
  const alpha = { seller: E.of(`${x.alpha}/20`), buyer: E.of(`${20 - x.alpha}/20`) };
  let ok = true;
  let formulaMismatches = 0;
  let smallestStep = Infinity;
  let smallestGapToC = Infinity;
  for (const j of AGENTS) {
    const a = coef.agents[j];
    const al = alpha[j];
    const f = binomialTable(E, p.objects, j === 'seller' ? p.qSeller : p.qBuyer);
    const K = E.div(badGoodSurplus(E, p, j), valuationGap(E, p, j));
    const r = a.netCost.map((c, m) => E.div(c, E.mul(al, a.rent[m])));
    for (let m = 0; m < p.objects; m++) {
      const hazard = E.div(E.mul(E.of(p.objects - m), f.pmf[m]), f.upperTail[m]);
      const closed = E.div(E.sub(E.one, E.mul(K, hazard)), al);
      if (E.cmp(closed, r[m]) !== 0) formulaMismatches++;
      const rc = E.div(E.one, al);
      smallestGapToC = Math.min(smallestGapToC, E.sub(rc, r[m]).valueOf());
      if (E.cmp(rc, r[m]) <= 0) ok = false;
      if (m + 1 < p.objects) {
        const step = direction === 'decreasing' ? E.sub(r[m], r[m + 1]) : E.sub(r[m + 1], r[m]);
        smallestStep = Math.min(smallestStep, step.valueOf());
        if (E.cmp(step, E.zero) <= 0) ok = false;
      }
    }
  }
  return {
    ok: ok && formulaMismatches === 0,
    metrics: { smallestDecrease: smallestStep, smallestMarginOfC: smallestGapToC, formulaMismatches },
    detail: { smallestStep, smallestGapToC, formulaMismatches },
  };
}

export const lemma1 = propertyEntry<In>({
  id: 'seed002.lemma1',
  title: 'Lemma 1: cost-to-benefit ratios of mu_m^j decrease in m; c^j has the largest',
  source: src('Lemma 1', '4.2.3'),
  kind: 'lemma',
  hypotheses: ['[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)', '[welfareWeights] alpha^j in (0, 1]'],
  scope: ['N <= 12'],
  conclusion: 'r(mu_m^j) strictly decreasing in m, r(c^j) = 1/alpha^j > r(mu_m^j), and r equals the closed form of the proof (exact)',
  expected: 'holds',
  runs: 60,
  arbitrary: () => fc.record({ spec: paramSpecArb(12), alpha: fc.integer({ min: 1, max: 19 }) }),
  examples: [{ spec: exampleSpec(3), alpha: 10 }],
  check: (x) => check(x, 'decreasing'),
  metrics: { smallestDecrease: 'min', smallestMarginOfC: 'min' },
  mutant: {
    description: 'claim the ratios increase in m',
    check: (x) => check(x, 'increasing'),
    arbitrary: () => fc.record({ spec: paramSpecArb(12, { minN: 2 }), alpha: fc.integer({ min: 1, max: 19 }) }),
  },
});
