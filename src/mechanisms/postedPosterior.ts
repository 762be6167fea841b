/**
 * The posted posterior of a two-stage game, shared by seed 000
 * (8a10c4f2f12bc353, section 4: the designer posts p(b) after stage 1;
 * src/mechanisms/assignment/twoStage.ts) and seed 001 (e592948973ecc068,
 * section 6: rho(r) = Q_Theta(. | r); src/mechanisms/twoStage/game.ts).
 *
 * In both papers a stage-2 strategy may depend on the posted posterior pi
 * (seed 000, Definition 2 (ii); seed 001, beta_i(r_i, pi, t_i)): two signal
 * profiles that post the same pi are the same information set. Posteriors
 * computed from different profiles can be equal mathematically and differ in
 * floating point, so "the same post" is decided by one rule: within L1
 * distance POSTERIOR_TIE_TOLERANCE of a post already seen (the first one).
 *
 * What stays apart, and why: the two games are different games. Seed 000's
 * stage 2 is an assignment with externalities whose buyers report
 * state-contingent data (w, d) averaged under pi; seed 001's is the
 * private-values VCG over an outcome set C whose agents report one vector
 * wbar_i(., pi, t_i) in R^C. They share this rule, the spherical rewards
 * (src/core/scoringRules.ts) and the joint prior (src/core/prior.ts).
 */
import { distance1 } from '../core/distribution.ts';
import { POSTERIOR_TIE_TOLERANCE } from '../core/tolerance.ts';

/** The distinct posts among posteriors offered one by one; each gets the index of its first occurrence's post. */
export class PostedPosteriors {
  /** the first posterior of each post, in order of appearance */
  readonly posts: (readonly number[])[] = [];

  constructor(readonly tolerance: number = POSTERIOR_TIE_TOLERANCE) {}

  /** The index of pi's post: the first post within L1 distance `tolerance` of pi, or a new post. */
  indexOf(pi: readonly number[]): number {
    for (let k = 0; k < this.posts.length; k++) if (distance1(pi, this.posts[k]) <= this.tolerance) return k;
    this.posts.push(pi);
    return this.posts.length - 1;
  }
}
