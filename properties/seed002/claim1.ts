/**
 * Seed 002_db415cb54f560522.txt, Claim 1 (appendix, proof of Lemma 1; Remark 1):
 * (N - m) f_BD(m, N, q) / (1 - F_BD(m, N, q)) is strictly increasing in m
 * (m = 0..N-1) "for every q in [0, 1]".
 *
 * For q in (0, 1) it holds (exact rationals, N <= 20; and in log space for
 * N = 1000). At the endpoints it fails as stated: at q = 1 the ratio is 0 for
 * every m < N (f_BD(m) = 0, 1 - F_BD(m) = 1), so not strictly increasing; at
 * q = 0 it is 0/0. The proof also misprints F_BD(k) = 1 - sum_{i<=k} p_i.
 */
import fc from 'fast-check';
import { fraction } from 'mathjs';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { binomialTable, logTradeHazard } from '../../src/mechanisms/bilateralTrade/binomial.ts';
import type { Fraction } from '../../src/mechanisms/bilateralTrade/field.ts';
import { E, src } from './common.ts';

interface In {
  N: number;
  q: [number, number];
}

function hazards(x: In, dropDenominator = false): (number | null)[] {
  const q = fraction(x.q[0], x.q[1]);
  const t = binomialTable(E, x.N, q);
  const out: (number | null)[] = [];
  for (let m = 0; m < x.N; m++) {
    const num = E.mul(E.of(x.N - m), t.pmf[m]);
    if (dropDenominator) out.push(num.valueOf());
    else out.push(E.cmp(t.upperTail[m], E.zero) === 0 ? null : E.div(num, t.upperTail[m]).valueOf());
  }
  return out;
}

function strictCheck(x: In, dropDenominator = false): PropertyCheck {
  const q = fraction(x.q[0], x.q[1]);
  const t = binomialTable(E, x.N, q);
  let ok = true;
  let smallest = Infinity;
  const h: (Fraction | null)[] = [];
  for (let m = 0; m < x.N; m++) {
    const num = E.mul(E.of(x.N - m), t.pmf[m]);
    h.push(dropDenominator ? num : E.cmp(t.upperTail[m], E.zero) === 0 ? null : E.div(num, t.upperTail[m]));
  }
  for (let m = 0; m + 1 < x.N; m++) {
    const a = h[m];
    const b = h[m + 1];
    if (a === null || b === null) {
      ok = false;
      continue;
    }
    const d = E.sub(b, a);
    smallest = Math.min(smallest, d.valueOf());
    if (E.cmp(d, E.zero) <= 0) ok = false;
  }
  return { ok, metrics: { smallestIncrease: smallest }, detail: { q: `${x.q[0]}/${x.q[1]}`, ratio: hazards(x, dropDenominator) } };
}

const interior = () =>
  fc.record({ N: fc.integer({ min: 2, max: 20 }), q: fc.integer({ min: 1, max: 9 }).map((k) => [k, 10] as [number, number]) });

export const claim1 = propertyEntry<In>({
  id: 'seed002.claim1',
  title: 'Claim 1: (N - m) f_BD / (1 - F_BD) is strictly increasing in m, for q in (0, 1)',
  source: src('Claim 1 (and Remark 1)', 'appendix, proof of Lemma 1'),
  kind: 'claim',
  hypotheses: ['[binaryIid] q in (0, 1)'],
  scope: ['N <= 20 (exact rationals)', 'm = 0..N-1'],
  conclusion: '(N - m) f_BD(m, N, q) / (1 - F_BD(m, N, q)) strictly increasing in m',
  expected: 'holds',
  runs: 60,
  arbitrary: interior,
  check: (x) => {
    const r = strictCheck(x);
    // and in log space at N = 1000 (the performance regime) for the same q: log h strictly increasing
    const h = logTradeHazard(1000, x.q[0] / x.q[1]);
    let bad = 0;
    for (let m = 0; m + 1 < h.length; m++) if (!(h[m + 1] > h[m])) bad++;
    return { ...r, ok: r.ok && bad === 0, metrics: { ...r.metrics, logSpaceViolationsAtN1000: bad } };
  },
  metrics: { smallestIncrease: 'min' },
  mutant: { description: 'drop the denominator 1 - F_BD: (N - m) f_BD alone is not increasing', check: (x) => strictCheck(x, true) },
});

export const claim1ClosedInterval = propertyEntry<In>({
  id: 'seed002.claim1.closedInterval.asStated',
  aliases: ['seed002.claim1.closedInterval'],
  title: 'Claim 1 as stated, "for every q in [0, 1]"',
  source: src('Claim 1', 'appendix, proof of Lemma 1'),
  kind: 'claim',
  hypotheses: ['[claim1Range] q in [0, 1] (as stated)'],
  scope: ['N <= 6'],
  conclusion: '(N - m) f_BD / (1 - F_BD) strictly increasing in m',
  expected: 'refuted',
  refutation: 'erratum',
  runs: 30,
  arbitrary: () => fc.record({ N: fc.integer({ min: 2, max: 6 }), q: fc.constantFrom<[number, number]>([1, 1], [0, 1], [1, 2]) }),
  check: (x) => strictCheck(x),
  notes: [
    "At q = 1 the ratio is 0 for every m < N (not strictly increasing); at q = 0 it is 0/0. The claim (and Lemma 1, which needs it) holds for q in (0, 1), the model's non-degenerate case.",
  ],
});
