/**
 * Benchmarks for seed004 (issue 7, Performance): a complete check of an
 * environment with 3 agents, 3 signals each, 3 actions and T = 10 (efficient
 * plan by backward induction, Assumptions 2 and 3, the Lemma A.4 transfers,
 * periodic ex post IC by the one-shot deviation principle) under 5 s; and the
 * one-shot checker against a check that enumerates whole signal paths, on an
 * instance both can finish (T = 4).
 */
import { efficientPlan } from '../mechanisms/dynamic/allocation.ts';
import { convexIndependence, spanning } from '../mechanisms/dynamic/assumptions.ts';
import { environmentFromDynamicSpec, type DynamicSpec } from '../mechanisms/dynamic/generators.ts';
import { periodicExPostIC, periodicExPostICByPaths } from '../mechanisms/dynamic/incentives.ts';
import { lemmaA4Transfers } from '../mechanisms/dynamic/transfers.ts';
import type { Benchmark } from './types.ts';

/** A deterministic 3 x 3 x 3 instance (seeded integer weights, allocation-dependent transitions). */
function spec(horizon: number): DynamicSpec {
  let seed = 2026;
  const rnd = (k: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % k;
  };
  const S = 27;
  const A = 3;
  return {
    signals: [3, 3, 3],
    actions: A,
    horizon,
    discount: 0.9,
    allocationDependent: true,
    copy: 3,
    weights: Array.from({ length: A }, () => Array.from({ length: S }, () => Array.from({ length: S }, () => 1 + rnd(3)))),
    utility: Array.from({ length: 3 }, () => Array.from({ length: A }, () => Array.from({ length: S }, () => rnd(5)))),
    lastAction: 0,
  };
}

const big = environmentFromDynamicSpec(spec(10));
const small = environmentFromDynamicSpec(spec(4));
const smallPlan = efficientPlan(small);
const smallTransfers = lemmaA4Transfers(small, smallPlan, { lastStep: 'internalizeLastPeriod' }).transfers;

function completeCheck() {
  const plan = efficientPlan(big);
  const ci = convexIndependence(big);
  const sp = spanning(big);
  const tr = lemmaA4Transfers(big, plan, { lastStep: 'internalizeLastPeriod' });
  const ic = periodicExPostIC(big, plan, tr.transfers);
  if (!ic.holds) throw new Error(`benchmark instance not IC: ${ic.violation}`);
  return { ci: ci.holds, sp: sp.holds, gain: ic.violation };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'complete check, 3 agents x 3 signals x 3 actions, T = 10 (plan, Assumptions 2-3 with 243 certified LPs, Lemma A.4, periodic ex post IC)',
    goal: 'under 5 s',
    limitMs: 5000,
    repeat: 1,
    subject: { label: 'complete check (one-shot deviation principle)', fn: completeCheck },
  },
  {
    name: 'periodic ex post IC, 3 agents x 3 signals x 3 actions, T = 4: one-shot deviation principle vs enumeration of whole signal paths',
    repeat: 3,
    subject: { label: 'periodicExPostIC (backward recursion)', fn: () => periodicExPostIC(small, smallPlan, smallTransfers) },
    baseline: {
      label: 'periodicExPostICByPaths (27^(T-t) paths per deviation)',
      fn: () => periodicExPostICByPaths(small, smallPlan, smallTransfers),
    },
  },
];
