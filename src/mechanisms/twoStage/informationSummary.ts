/**
 * What `mechcheck info` computes for seed 001_e592948973ecc068.txt: the
 * informational size nu_i (Definition 3) and the variability of beliefs
 * Lambda_i (section 4.3) of every agent and, given M, the reward scale that the
 * proof of Theorem B(b) (section 7.2) shows sufficient.
 */
import type { JointPrior } from '../../core/prior.ts';
import { beliefVariability } from '../../information/beliefVariability.ts';
import { informationalSize } from '../../information/informationalSize.ts';
import { theoremBRewardScale } from './rewardScales.ts';

/** nu_i and Lambda_i of every agent; with M, eps = 12 n M sqrt|A| max nu / min Lambda. */
export interface InfoResult {
  /** informational size nu_i of each agent */
  nu: number[];
  /** variability of beliefs Lambda_i of each agent */
  lambda: number[];
  /** the reward scale of Theorem B(b) (with M) */
  epsilon?: number;
  M?: number;
}

/** The informational sizes and variabilities of beliefs of Q; with M, the reward scale of Theorem B(b). */
export function informationSummary(Q: JointPrior, M?: number): InfoResult {
  const nu = Array.from({ length: Q.agents }, (_, i) => informationalSize(Q, i).nu);
  const lambda = Array.from({ length: Q.agents }, (_, i) => beliefVariability(Q, i).lambda);
  const out: InfoResult = { nu, lambda };
  if (M !== undefined) {
    out.M = M;
    out.epsilon = theoremBRewardScale({ nu, lambda, profileCount: Q.profiles.size, agents: Q.agents }, M);
  }
  return out;
}
