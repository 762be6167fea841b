/** Foundation benchmarks: the certified LP layer and the incentive checkers. */
import { LPBuilder } from '../solvers/lp/builder.ts';
import { runBackend, solveLP } from '../solvers/lp/solve.ts';
import { dominantStrategyIC } from '../concepts/incentiveCompatibility.ts';
import { stateDependentEnvironment } from '../model/environment.ts';
import { JointPrior } from '../core/prior.ts';
import { vcgMechanism } from '../mechanisms/groves.ts';
import type { Benchmark } from './types.ts';

/** A dense random feasible LP (deterministic pseudo-random data). */
function randomLP(n: number, m: number) {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const b = new LPBuilder('max');
  const v = Array.from({ length: n }, (_, j) => b.addVariable(`x${j}`, { objective: rnd(), upper: 10 }));
  for (let i = 0; i < m; i++)
    b.le(
      v.map((j) => [j, rnd()] as const),
      1 + 10 * rnd(),
    );
  return b.build();
}

const lp = randomLP(150, 60);
const prior = JointPrior.independent([Array(6).fill(1 / 6), Array(6).fill(1 / 6), Array(6).fill(1 / 6)]);
const values = [0, 1, 2].map((i) => [
  Array.from({ length: 6 }, (_, t) => Array.from({ length: 5 }, (_, c) => (i * 7 + t * 3 + c * 5) % 9)),
]);
const env = stateDependentEnvironment(prior, 5, values);

export const benchmarks: Benchmark[] = [
  {
    name: 'certified LP, 150 variables x 60 rows: HiGHS with dual certificate vs javascript-lp-solver alone',
    subject: { label: 'solveLP(highs, dual-certified)', fn: () => solveLP(lp, { backend: 'highs' }) },
    baseline: { label: 'javascript-lp-solver, uncertified', fn: () => runBackend('jsLpSolver', lp) },
  },
  {
    name: 'DSIC check of VCG, 3 agents x 6 types x 5 outcomes',
    subject: { label: 'dominantStrategyIC(private values)', fn: () => dominantStrategyIC(env, vcgMechanism(env)) },
    baseline: {
      label: 'dominantStrategyIC(treating values as interdependent)',
      fn: () => dominantStrategyIC({ ...env, privateValues: false }, vcgMechanism(env)),
    },
  },
];
