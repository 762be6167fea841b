/**
 * The bound |g_i(z; w_i, d_i, kappa_i)| <= (2 + n) M on a buyer's payoff
 * (seed 000_8a10c4f2f12bc353.txt, section 3.4, "Note that |g_i| <= (2+n)M").
 * Checked over every partial matching of random instances; the sharp bound is
 * nM (w - kappa - (n-1) externality costs >= -nM), which the worst ratio shows.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import {
  describeInstanceSpec,
  instanceFromSpec,
  instanceSpecArb,
  posteriorWeightsArb,
  fromWeights,
  type InstanceSpec,
} from '../../src/mechanisms/assignment/arbitraries.ts';
import { dataAtPosterior } from '../../src/mechanisms/assignment/instance.ts';
import { allMatchings, buyerPayoff, payoffBoundStated } from '../../src/mechanisms/assignment/payoff.ts';
import { src } from './common.ts';

type Input = { spec: InstanceSpec; weights: number[] };
const arb = () =>
  instanceSpecArb({ n: { min: 1, max: 4 }, states: { min: 1, max: 2 } }).chain((spec) =>
    fc.record({ spec: fc.constant(spec), weights: posteriorWeightsArb(spec.states) }),
  );

function check(input: Input, bound: (n: number, M: number) => number, tol: number) {
  const inst = instanceFromSpec(input.spec);
  const data = dataAtPosterior(inst, fromWeights(input.weights));
  const B = bound(inst.n, inst.M);
  let worst = 0;
  let witness: unknown = null;
  for (const z of allMatchings(inst.n))
    for (let i = 0; i < inst.n; i++) {
      const g = buyerPayoff(data, z, i);
      if (Math.abs(g) / B > worst) {
        worst = Math.abs(g) / B;
        witness = { matching: z, buyer: i, payoff: g, bound: B };
      }
    }
  return { ok: worst <= 1 + tol, metrics: { worstRatioToBound: worst }, detail: witness };
}

export const payoffBound = propertyEntry<Input>({
  id: 'seed000.payoffBound',
  title: 'Buyer payoffs are bounded: |g_i(z)| <= (2+n)M',
  source: src('bound on g_i, section 3.4', '3.4'),
  kind: 'bound',
  hypotheses: [
    '[boundedPayoffs] 0 <= u_ij, v_ij, c_ij^{pq} <= M',
    '[partialMatchings] z any partial matching',
    '[posteriors] data averaged under any posterior',
  ],
  conclusion: '|g_i(z; u_i(pi), c_i(pi), v_i(pi))| <= (2+n)M for every buyer and partial matching',
  expected: 'holds',
  runs: 60,
  arbitrary: arb,
  check: (x, ctx) => check(x, payoffBoundStated, ctx.tolerance),
  metrics: { worstRatioToBound: 'max' },
  describe: (x) => ({ instance: describeInstanceSpec(x.spec), posteriorWeights: x.weights }),
  notes: [
    'The sharp bound is nM (a matched buyer gets at least 0 - M - (n-1)M and at most M), so the worst ratio to (2+n)M is n/(n+2) <= 2/3 for n <= 4.',
  ],
  mutant: {
    description: 'the bound (n-1)M (one externality term too few)',
    check: (x, ctx) => check(x, (n, M) => Math.max(1, n - 1) * M, ctx.tolerance),
  },
});
