/**
 * Benchmarks for seed 001 (001_e592948973ecc068.txt; issue 4, Performance):
 * informational size nu (Definition 3) and variability of beliefs Lambda
 * (section 4.3) for conditionally independent binary signals, through signal
 * counts at n = 1000 agents (goal: seconds), against enumeration of the
 * 2^(n-1) profiles of the others at n = 16. Agreement of the two to 1e-9 at
 * n = 16 is tested in src/information/information.test.ts.
 */
import { JointPrior } from '../core/prior.ts';
import { informationalSize } from '../information/informationalSize.ts';
import { beliefVariability } from '../information/beliefVariability.ts';
import { symmetricInformation } from '../information/symmetricInformation.ts';
import type { Benchmark } from './types.ts';

const L = [
  [0.9, 0.1],
  [0.1, 0.9],
];

export const benchmarks: Benchmark[] = [
  {
    name: 'nu and Lambda, binary conditionally independent signals: counts at n = 1000 vs enumeration at n = 16',
    goal: 'n = 1000 through signal counts in seconds (limit 5 s)',
    limitMs: 5000,
    subject: {
      label: 'symmetricInformation(n = 1000, counts, log space)',
      fn: () => symmetricInformation({ statePrior: [0.5, 0.5], likelihood: L, agents: 1000 }),
    },
    baseline: {
      label: 'informationalSize + beliefVariability by enumeration (n = 16, 2^15 profiles of the others)',
      fn: () => {
        const Q = JointPrior.conditionallyIndependent([0.5, 0.5], Array(16).fill(L));
        return [informationalSize(Q, 0), beliefVariability(Q, 0)];
      },
    },
    repeat: 3,
  },
  {
    name: 'nu and Lambda at the same size n = 16: counts vs enumeration',
    subject: {
      label: 'symmetricInformation(n = 16)',
      fn: () => symmetricInformation({ statePrior: [0.5, 0.5], likelihood: L, agents: 16 }),
    },
    baseline: {
      label: 'enumeration (n = 16)',
      fn: () => {
        const Q = JointPrior.conditionallyIndependent([0.5, 0.5], Array(16).fill(L));
        return [informationalSize(Q, 0), beliefVariability(Q, 0)];
      },
    },
    repeat: 3,
  },
];
