/**
 * Cremer and McLean (1988): when each bidder's conditional beliefs about the
 * others have full rank, an auction that is Bayesian IC and interim IR
 * extracts the full surplus E[max_i v_i] (lotteries on the others' reports
 * make truth-telling free and participation binding). With independent types
 * (beliefs of rank one) it cannot: the revenue is strictly below the surplus.
 * Here: two bidders, 2-3 values each, a joint prior with random positive
 * integer weights whose matrix is nonsingular.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { designMechanism } from '../../src/design/design.ts';
import { parseDesignFile } from '../../src/design/designFile.ts';
import { exactField as E } from '../../src/mechanisms/bilateralTrade/field.ts';
import { correlatedAuctionFile, gridArb, normalise } from './environments.ts';
import { hypotheses, relaxes, source } from './manifest.ts';

interface CorrelatedInstance {
  values: number[][];
  /** weights over value profiles, bidder 0 slowest */
  weights: number[];
}

/** The joint weight matrix is nonsingular (exact determinant by Gaussian elimination): full-rank beliefs for both bidders. */
export function fullRank(values: number[][], weights: number[]): boolean {
  const [a, b] = values;
  if (a.length !== b.length) return false;
  const n = a.length;
  const M = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => E.of(weights[i * n + j])));
  for (let c = 0; c < n; c++) {
    const p = M.findIndex((row, r) => r >= c && E.cmp(row[c], E.zero) !== 0);
    if (p < 0) return false;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = E.div(M[r][c], M[c][c]);
      for (let k = c; k < n; k++) M[r][k] = E.sub(M[r][k], E.mul(f, M[c][k]));
    }
  }
  return true;
}

function surplus(values: number[][], joint: number[]): number {
  const [a, b] = values;
  let s = 0;
  a.forEach((x, i) => b.forEach((y, j) => (s += joint[i * b.length + j] * Math.max(x, y, 0))));
  return s;
}

function extractionCheck({ values, weights }: CorrelatedInstance) {
  const joint = normalise(weights);
  const r = designMechanism(parseDesignFile(correlatedAuctionFile(values, joint, 'revenue', ['interimIC', 'interimIR'])));
  if (r.status !== 'optimal') throw new Error(`the revenue LP is ${r.status}`);
  for (const c of r.checks!) if (!c.holds) throw new Error(`the designed auction fails check's ${c.constraint} (${c.violation})`);
  const s = surplus(values, joint);
  const shortfall = (s - r.value!) / (1 + s);
  return {
    ok: shortfall <= 1e-7,
    metrics: { relativeShortfall: shortfall, largestTransfer: Math.max(...r.mechanism!.transfers.flat().map(Math.abs)) },
    detail: { revenue: r.value, surplus: s, fullRank: fullRank(values, weights) },
  };
}

const correlatedArb = () =>
  fc
    .integer({ min: 2, max: 3 })
    .chain((k) =>
      fc.record({
        values: fc.tuple(gridArb(1, 9, k, k), gridArb(1, 9, k, k)).map(([a, b]) => [a, b]),
        weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: k * k, maxLength: k * k }),
      }),
    )
    .filter(({ values, weights }) => fullRank(values, weights));

const independentArb = () =>
  fc
    .integer({ min: 2, max: 3 })
    .chain((k) =>
      fc.record({
        values: fc.tuple(gridArb(1, 9, k, k), gridArb(1, 9, k, k)).map(([a, b]) => [a, b]),
        marginals: fc.tuple(
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }),
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }),
        ),
      }),
    )
    .map(({ values, marginals: [p, q] }) => ({ values, weights: p.flatMap((x) => q.map((y) => x * y)) }));

/** Catalogue entry (its id below); see the file header for what it checks. */
export const cmFullExtraction = propertyEntry<CorrelatedInstance>({
  id: 'classics.cremerMcLean.fullExtraction',
  title: 'Cremer-McLean: with full-rank correlated beliefs a Bayesian IC, interim IR auction extracts the full surplus',
  source: source('CM88', 'Theorem 2 (Bayesian implementation)'),
  kind: 'theorem',
  hypotheses: hypotheses(
    'auction.singleItem',
    'auction.correlated',
    'auction.fullRank',
    'auction.interimIC',
    'auction.interimIR',
    'design.randomized',
  ),
  conclusion: 'the certified LP revenue equals E[max(v_1, v_2)] (relative 1e-7)',
  expected: 'holds',
  runs: 30,
  arbitrary: correlatedArb,
  examples: [
    {
      values: [
        [1, 2],
        [1, 2],
      ],
      weights: [2, 1, 1, 2],
    },
  ],
  check: extractionCheck,
  metrics: { relativeShortfall: 'max', largestTransfer: 'max' },
  notes: [
    "Full extraction uses side bets on the other bidder's report; the largest transfer grows as the belief matrix approaches singularity (metric largestTransfer).",
  ],
  mutant: {
    description: 'independent types (the product of two marginals, beliefs of rank one)',
    check: extractionCheck,
    arbitrary: independentArb,
  },
});

/** Catalogue entry (its id below); see the file header for what it checks. */
export const cmIndependent = propertyEntry<CorrelatedInstance>({
  id: 'classics.cremerMcLean.withoutFullRank',
  aliases: ['classics.cremerMcLean.independentTypes'],
  title: 'Cremer-McLean with independent types: full extraction fails',
  source: source('CM88', 'Theorem 2, full-rank condition dropped'),
  kind: 'relaxation',
  relaxes: relaxes('auction.fullRank'),
  drops: 'auction.fullRank',
  hypotheses: hypotheses('auction.singleItem', 'auction.independentPrivate', 'auction.interimIC', 'auction.interimIR', 'design.randomized'),
  conclusion: 'the certified LP revenue equals E[max(v_1, v_2)]',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 10,
  arbitrary: independentArb,
  check: extractionCheck,
  metrics: { relativeShortfall: 'max' },
});
