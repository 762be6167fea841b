/**
 * Benchmarks for seed002 (002_db415cb54f560522.txt; issue: Performance):
 * the optimal threshold mechanism for N = 1000 (< 100 ms, log-space binomial
 * weights), the Pareto frontier for N = 100 (< 1 s), the full AMD LP for N = 4
 * certified (< 5 s), and the closed form's speed against the full LP at N = 3, 4.
 */
import { solveAmd } from '../mechanisms/bilateralTrade/amd.ts';
import { floatField } from '../mechanisms/bilateralTrade/field.ts';
import { paretoFrontier } from '../mechanisms/bilateralTrade/frontier.ts';
import { exampleParameters } from '../mechanisms/bilateralTrade/model.ts';
import { optimalThresholdSolution, programCoefficients } from '../mechanisms/bilateralTrade/thresholdProgram.ts';
import { solveProgram12 } from '../mechanisms/bilateralTrade/program12.ts';
import type { Benchmark } from './types.ts';

const ex = exampleParameters;

export const benchmarks: Benchmark[] = [
  {
    name: 'optimal threshold mechanism, N = 1000 (closed form / greedy, log space) vs LP (12) with HiGHS',
    goal: 'N = 1000 under 100 ms',
    limitMs: 100,
    repeat: 5,
    subject: { label: 'optimalThresholdSolution(N = 1000)', fn: () => optimalThresholdSolution(floatField, ex(1000), 0.5) },
    baseline: {
      label: 'solveProgram12(N = 1000, HiGHS, certified)',
      fn: () => solveProgram12(programCoefficients(floatField, ex(1000)), 0.5, { backend: 'highs' }),
    },
  },
  {
    name: 'Pareto frontier, N = 100 (exact breakpoints) vs the greedy on a 1,000-point weight grid',
    goal: 'N = 100 under 1 s',
    limitMs: 1000,
    subject: { label: 'paretoFrontier(N = 100)', fn: () => paretoFrontier(floatField, ex(100)) },
    baseline: {
      label: 'greedy at 1,001 weights (approximate frontier)',
      fn: () => {
        for (let k = 0; k <= 1000; k++) optimalThresholdSolution(floatField, ex(100), k / 1000);
      },
    },
  },
  {
    name: 'full AMD LP, N = 4 (1,536 variables), HiGHS + dual certificate',
    goal: 'N = 4 certified under 5 s',
    limitMs: 5000,
    repeat: 3,
    subject: { label: 'solveAmd(N = 4)', fn: () => solveAmd(ex(4), 0.5) },
    baseline: { label: 'closed form (Theorem 1) at N = 4', fn: () => optimalThresholdSolution(floatField, ex(4), 0.5) },
  },
  {
    name: 'closed form vs full LP, N = 3 (ratio = full LP time / closed form time)',
    subject: { label: 'closed form (Theorem 1) at N = 3', fn: () => optimalThresholdSolution(floatField, ex(3), 0.5) },
    baseline: { label: 'solveAmd(N = 3), certified', fn: () => solveAmd(ex(3), 0.5) },
    repeat: 20,
  },
  {
    name: 'closed form vs full LP, N = 4 (ratio = full LP time / closed form time)',
    subject: { label: 'closed form (Theorem 1) at N = 4', fn: () => optimalThresholdSolution(floatField, ex(4), 0.5) },
    baseline: { label: 'solveAmd(N = 4), certified', fn: () => solveAmd(ex(4), 0.5) },
    repeat: 20,
  },
];
