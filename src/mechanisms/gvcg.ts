/**
 * The generalized VCG mechanism with interdependent valuations (GVCG),
 * seed 001_e592948973ecc068.txt, section 5.1:
 *   alpha_i^q(t) = sum_{j != i} vhat_j(q(t); t) - max_c sum_{j != i} vhat_j(c; t)  (<= 0)
 * with q outcome efficient for the expected valuations vhat. The augmented
 * mechanism (Definition 4) adds nonnegative rewards z_i(t).
 */
import type { Environment } from '../model/environment.ts';
import { ValueTable } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { allAgents, bestOutcome, othersThan } from './efficient.ts';

/**
 * The generalized VCG mechanism (seed 001, section 5.1): the outcome maximises
 * the sum of expected valuations vhat at the reported profile, and agent i is
 * paid alpha_i^q(t) <= 0. With private values (one state) it is VCG with the
 * Clarke pivot.
 *
 * @example checkAll(env, generalizedVCG(env)); // ex post IC, ex post IR, no positive transfers
 */
export function generalizedVCG(env: Environment): DirectMechanism {
  const values = new ValueTable(env);
  const n = env.prior.agents;
  const all = allAgents(n);
  const S = env.prior.profiles.size;
  const outcome = new Int32Array(S);
  const transfers: number[][] = new Array(S);
  for (let k = 0; k < S; k++) {
    if (!values.defined[k]) {
      // posterior undefined at a zero-probability profile: pick outcome 0, no transfers
      transfers[k] = new Array(n).fill(0);
      continue;
    }
    const [q] = bestOutcome(values, k, all);
    outcome[k] = q;
    transfers[k] = all.map((i) => {
      const others = othersThan(n, i);
      const atQ = others.reduce((s, j) => s + values.get(j, k, q), 0);
      return atQ - bestOutcome(values, k, others)[1]; // alpha_i^q(t)
    });
  }
  return { name: 'GVCG', outcome: (k) => outcome[k], transfer: (k) => transfers[k] };
}

/** The augmented mechanism (q, (x_i + z_i)) of seed 001, Definition 4. Rewards must be >= 0. */
export function augmentedMechanism(mech: DirectMechanism, rewards: (profileIndex: number) => readonly number[]): DirectMechanism {
  return {
    name: `${mech.name ?? 'mechanism'}+rewards`,
    outcome: (k) => mech.outcome(k),
    transfer: (k) => {
      const x = mech.transfer(k);
      const z = rewards(k);
      return x.map((xi, i) => {
        if (z[i] < 0) throw new RangeError(`reward z_${i} at profile ${k} is negative (${z[i]}); Definition 4 requires z_i >= 0`);
        return xi + z[i];
      });
    },
  };
}
