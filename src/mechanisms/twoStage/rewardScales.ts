/**
 * The reward systems and reward scales of the proofs of Theorems A and B
 * (seed 001_e592948973ecc068.txt, sections 5 and 7.2):
 *   zeta_i(a_-i, a_i) = eps Q(a_-i | a_i) / ||Q(. | a_i)||_2     (spherical scoring rule, 0 <= zeta_i <= eps)
 * and the eps each step of the proof shows sufficient. With the Part 3 chain
 *   gain from a first-stage lie  <=  2nM E[||rho(a_-i, a_i) - rho(a_-i, r_i)||_1 | a_i]   (Lemma B + M||.||)
 *                                <=  2nM * 3 nu_i                                       (Definition 3)
 *   reward advantage             =   (eps/2) ||Q(.|a_i)||_2 ||u(a_i) - u(r_i)||^2        (Lemma C, equality)
 *                                >=  eps Lambda_i / (2 sqrt|A|)                         (Lemma C)
 * the scales are:
 *   theoremB:  eps = 12 n M sqrt|A| max_i nu_i / min_i Lambda_i  (part (b): delta < eps / (12 n M sqrt|A|))
 *   partA:     eps = max_i max_{a_i != r_i} 4 n M sqrt|A| E||drho|| / Lambda_i  (part (a): exact expected distance)
 *   sharp:     eps = max_i max_{a_i != r_i} 2 n M E||drho|| / ((1/2) ||Q(.|a_i)||_2 ||u(a_i) - u(r_i)||^2)
 * The same chain (through the GVCG payoff) gives the rewards of Theorem A,
 * with z_i(t) = zeta_i(f(t)) in the one-stage augmented GVCG.
 */
import { norm2 } from '../../core/distribution.ts';
import type { JointPrior } from '../../core/prior.ts';
import { sphericalRewards } from '../../core/scoringRules.ts';
import { beliefVariability, beliefVariabilityPair } from '../../information/beliefVariability.ts';
import { expectedPosteriorDistance, informationalSize } from '../../information/informationalSize.ts';
import { signalProfileIndex, type InformationDecomposition } from '../../information/informationDecomposition.ts';

export interface DecompositionSummary {
  /** nu_i^Q per agent */
  nu: number[];
  /** Lambda_i^Q per agent */
  lambda: number[];
  /** |A| = prod_i |A_i| */
  profileCount: number;
  agents: number;
}

export function decompositionSummary(Q: JointPrior): DecompositionSummary {
  const n = Q.agents;
  return {
    nu: Array.from({ length: n }, (_, i) => informationalSize(Q, i).nu),
    lambda: Array.from({ length: n }, (_, i) => beliefVariability(Q, i).lambda),
    profileCount: Q.profiles.size,
    agents: n,
  };
}

/** eps = 12 n M sqrt|A| max_i nu_i / min_i Lambda_i: the smallest eps for which the proof of Theorem B(b) applies (delta = max nu / min Lambda). */
export function theoremBRewardScale(s: DecompositionSummary, M: number): number {
  const maxNu = Math.max(...s.nu);
  const minLambda = Math.min(...s.lambda);
  if (maxNu === 0) return 0;
  return (12 * s.agents * M * Math.sqrt(s.profileCount) * maxNu) / minLambda;
}

/** The proof of part (a): eps = max 4 n M sqrt|A| E||rho(a_-i,a_i) - rho(a_-i,r_i)||_1 / Lambda_i. */
export function partARewardScale(Q: JointPrior, M: number): number {
  const n = Q.agents;
  const sqrtA = Math.sqrt(Q.profiles.size);
  let eps = 0;
  for (let i = 0; i < n; i++) {
    const lambda = beliefVariability(Q, i).lambda;
    for (let a = 0; a < Q.typeCounts[i]; a++)
      for (let r = 0; r < Q.typeCounts[i]; r++) {
        if (r === a) continue;
        const ed = expectedPosteriorDistance(Q, i, a, r);
        if (ed > 0) eps = Math.max(eps, (4 * n * M * sqrtA * ed) / lambda);
      }
  }
  return eps;
}

/** The Part 3 chain without its two relaxations (Lemma C as an equality, the exact expected distance). */
export function sharpRewardScale(Q: JointPrior, M: number): number {
  const n = Q.agents;
  let eps = 0;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < Q.typeCounts[i]; a++)
      for (let r = 0; r < Q.typeCounts[i]; r++) {
        if (r === a) continue;
        const ed = expectedPosteriorDistance(Q, i, a, r);
        if (!(ed > 0)) continue;
        const adv = 0.5 * norm2(Q.othersGivenOwn(i, a)) * beliefVariabilityPair(Q, i, a, r);
        eps = Math.max(eps, (2 * n * M * ed) / adv);
      }
  }
  return eps;
}

/** zeta_i(a) = eps Q(a_-i | a_i)/||Q(.|a_i)||_2 as (agent, signal profile) -> reward (core sphericalRewards). */
export function sphericalRewardSystem(Q: JointPrior, eps: number): (agent: number, signalProfile: number) => number {
  const z = Array.from({ length: Q.agents }, (_, i) => sphericalRewards(Q, i, eps));
  return (i, a) => z[i](a);
}

/** Theorem A's rewards on type profiles: z_i(t) = zeta_i(f(t)) (Definition 4 augmentation). */
export function typeRewards(P: JointPrior, D: InformationDecomposition, eps: number): (profileIndex: number) => number[] {
  const zeta = sphericalRewardSystem(D.Q, eps);
  return (k) => {
    const a = signalProfileIndex(P, D, k);
    return Array.from({ length: P.agents }, (_, i) => zeta(i, a));
  };
}
