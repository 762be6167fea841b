/**
 * The spherical scoring rule used for first-stage rewards in seeds 000 and 001:
 *   zeta(x, p) = p(x) / ||p||_2
 * (seed 001_e592948973ecc068.txt, section 7.1, Lemma C; seed 000, the rewards
 * xi_i(b) = delta * P(b_-i | b_i) / ||P(. | b_i)||_2 of Theorem 1). It is strictly
 * proper: reporting the true distribution maximises the expected score.
 */
import { norm2 } from './distribution.ts';
import type { JointPrior } from './prior.ts';

/**
 * Spherical-scoring rewards for agent i under a joint prior over signal
 * profiles: z_i(a) = scale * Q(a_-i | a_i) / ||Q(. | a_i)||_2, for the profile
 * with index k. Returns a function of the reported profile index.
 */
export function sphericalRewards(prior: JointPrior, agent: number, scale: number): (profileIndex: number) => number {
  const space = prior.profiles;
  const beliefs = Array.from({ length: space.counts[agent] }, (_, s) =>
    prior.ownMarginal[agent][s] > 0 ? prior.othersGivenOwn(agent, s) : null,
  );
  const norms = beliefs.map((b) => (b ? norm2(b) : 0));
  return (k: number) => {
    const own = space.component(k, agent);
    const b = beliefs[own];
    if (!b) return 0;
    return (scale * b[space.othersIndex(k, agent)]) / norms[own];
  };
}
