/**
 * One check of 1e7 profiles (10 agents x 5 types, 2 outcomes, private values,
 * a mechanism given as functions), run as its own process by the `check`
 * benchmark (src/bench/check.ts) so that its peak memory can be measured.
 * Prints the profiles, the results and the check's CPU seconds.
 */
import { JointPrior } from '../core/prior.ts';
import { checkAll } from '../concepts/checkAll.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';

const n = 10;
const T = 5;
const prior = JointPrior.independent(Array.from({ length: n }, () => Array<number>(T).fill(1 / T)));
const strides = prior.profiles.strides;
// agent i values outcome (i mod 2) at its type index; the outcome is the parity of the
// profile index and agent 0 pays (index mod 3)
const env: Environment = {
  prior,
  outcomes: 2,
  privateValues: true,
  value: (i, c, _th, k) => (c === i % 2 ? Math.floor(k / strides[i]) % T : 0),
};
const x = new Array<number>(n).fill(0);
const mech: DirectMechanism = {
  outcome: (k) => k % 2,
  transfer: (k) => {
    x[0] = -(k % 3);
    return x;
  },
};
const t0 = process.cpuUsage();
const results = checkAll(env, mech);
const t1 = process.cpuUsage(t0);
console.log(
  JSON.stringify({
    profiles: prior.profiles.size,
    checkCpu: (t1.user + t1.system) / 1e6,
    results: results.map((r) => ({ concept: r.concept, worst: r.worst, cases: r.cases })),
  }),
);
