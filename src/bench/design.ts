/**
 * Benchmarks for `mechcheck design` (issue: automated mechanism design,
 * scale): the revenue-optimal single-item auction under Bayesian IC and
 * interim IR, certified (point, dual bound) and checked with check's concepts,
 * as the number of profiles grows (216 to 10^4); and the engine on seed 002's
 * bilateral-trade model against the existing seed-002 AMD code
 * (src/mechanisms/bilateralTrade/amd.ts), which builds the same LP by hand.
 */
import { designMechanism, type DesignProblem } from '../design/design.ts';
import { parseDesignFile } from '../design/designFile.ts';
import { solveAmd } from '../mechanisms/bilateralTrade/amd.ts';
import { objectValue, typeProbabilities } from '../mechanisms/bilateralTrade/directMechanism.ts';
import { exampleParameters } from '../mechanisms/bilateralTrade/model.ts';
import type { Benchmark } from './types.ts';

/** n bidders, values 1..T each (uniform), outcomes: no sale or bidder i wins; revenue under interim IC and IR. */
export function auctionProblem(n: number, T: number): DesignProblem {
  const vals = Array.from({ length: T }, (_, k) => k + 1);
  return parseDesignFile({
    agents: n,
    types: Array.from({ length: n }, () => vals.map((v) => `v=${v}`)),
    prior: { independent: Array.from({ length: n }, () => vals.map(() => 1 / T)) },
    outcomes: ['no sale', ...Array.from({ length: n }, (_, i) => `${i} wins`)],
    valuations: {
      private: Array.from({ length: n }, (_, i) => vals.map((v) => Array.from({ length: n + 1 }, (_, c) => (c === i + 1 ? v : 0)))),
    },
    design: { objective: 'revenue', constraints: ['interimIC', 'interimIR'] },
  });
}

/** Seed 002's worked example with N objects as a design problem (alpha = 1/2). */
export function seed002Problem(N: number): DesignProblem {
  const p = exampleParameters(N);
  const T = 1 << N;
  const sets = Array.from({ length: T }, (_, s) => s);
  const value = (j: 'seller' | 'buyer', w: number, set: number) => {
    let v = 0;
    for (let i = 0; i < N; i++) if ((set >> i) & 1) v += objectValue(p, j, w, i);
    return j === 'seller' ? -v : v;
  };
  return parseDesignFile({
    agents: ['seller', 'buyer'],
    types: [T, T],
    prior: { independent: [Array.from(typeProbabilities(p, 'seller')), Array.from(typeProbabilities(p, 'buyer'))] },
    outcomes: T,
    valuations: {
      private: [sets.map((w) => sets.map((s) => value('seller', w, s))), sets.map((w) => sets.map((s) => value('buyer', w, s)))],
    },
    design: { objective: { agentWeights: [0.5, 0.5], revenueWeight: 0 }, constraints: ['interimIC', 'interimIR', 'exAnteBudget'] },
  });
}

function solved(problem: DesignProblem): () => number {
  return () => {
    const r = designMechanism(problem);
    if (r.status !== 'optimal' || !r.checks!.every((c) => c.holds)) throw new Error('benchmark design not optimal or not checked');
    return r.value!;
  };
}

const auction216 = auctionProblem(3, 6);
const scaling: Array<[number, number]> = [
  [3, 10], // 1,000 profiles
  [4, 8], // 4,096
  [3, 20], // 8,000
  [4, 10], // 10,000
];

export const benchmarks: Benchmark[] = [
  {
    name: 'revenue-optimal auction, 3 bidders x 6 values (216 profiles), Bayesian IC + interim IR, certified and checked',
    goal: 'certified under 5 s',
    limitMs: 5000,
    repeat: 3,
    subject: { label: 'designMechanism(3 x 6)', fn: solved(auction216) },
    baseline: {
      label: "seed 002's hand-built AMD LP, N = 3 (64 profiles, 384 variables), certified",
      fn: () => solveAmd(exampleParameters(3), 0.5),
    },
  },
  {
    name: "seed 002's AMD LP on the engine vs the hand-built one (src/mechanisms/bilateralTrade/amd.ts), N = 4 (256 profiles)",
    repeat: 3,
    subject: { label: 'designMechanism(seed 002, N = 4): lotteries over 16 sets, 4,608 variables', fn: solved(seed002Problem(4)) },
    baseline: { label: 'solveAmd(N = 4): per-object probabilities, 1,536 variables', fn: () => solveAmd(exampleParameters(4), 0.5) },
  },
  ...scaling.map(([n, T]): Benchmark => ({
    name: `revenue-optimal auction, ${n} bidders x ${T} values (${T ** n} profiles): growth with the number of profiles`,
    repeat: 1,
    subject: { label: `designMechanism(${n} x ${T})`, fn: solved(auctionProblem(n, T)) },
    baseline: { label: 'designMechanism(3 x 6), 216 profiles', fn: solved(auction216) },
  })),
];
