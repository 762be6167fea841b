/**
 * Joint priors P in Delta(Theta x T) over states and type (or signal) profiles,
 * with the conditionals the seed papers use:
 *  - P_Theta(. | t): the posterior on the state given a profile
 *    (seed 001, section 3: P_Theta(theta | t_-i, t_i));
 *  - P_{T_-i}(. | t_i): an agent's belief about the others' profile
 *    (seed 001, Definition 1 and section 4.3).
 * The flat table is indexed `state * profiles.size + profileIndex` (the state is
 * the slowest index), profiles in the row-major order of `ProfileSpace`.
 */
import { assertDistribution, normalize, validateDistribution } from './distribution.ts';
import { InputError } from './errors.ts';
import { assertWithinLimit, PRIOR_CELLS_LIMIT, product } from './limits.ts';
import { ProfileSpace } from './profiles.ts';

/**
 * A joint prior P over states x type profiles, with its marginals and the
 * conditionals of the seed papers.
 *
 * @example
 *   const p = JointPrior.independent([[0.5, 0.5], [0.25, 0.75]]); // two agents, one state
 *   p.prob(0, p.profiles.index([1, 1])); // 0.375
 *   p.othersGivenOwn(0, 1);              // [0.25, 0.75]
 */
export class JointPrior {
  readonly states: number;
  readonly profiles: ProfileSpace;
  /** P(theta, t), flat, state slowest. */
  readonly table: Float64Array;
  /** P_T(t): marginal on profiles. */
  readonly profileMarginal: Float64Array;
  /** P_Theta(theta): marginal on states. */
  readonly stateMarginal: Float64Array;
  /** ownMarginal[i][t_i] = P(t_i). */
  readonly ownMarginal: Float64Array[];

  constructor(states: number, typeCounts: readonly number[], table: ArrayLike<number>, field = 'prior') {
    if (!Number.isInteger(states) || states < 1) throw new InputError(`${field}.states`, `must be a positive integer, got ${states}`);
    this.states = states;
    this.profiles = new ProfileSpace(typeCounts);
    assertPriorSize(states, typeCounts, field);
    const expected = states * this.profiles.size;
    if (table.length !== expected) {
      throw new InputError(
        field,
        `has ${table.length} entries, expected ${expected} (= ${states} states x ${this.profiles.size} profiles)`,
      );
    }
    validateDistribution(table, field);
    this.table = Float64Array.from(table);
    const S = this.profiles.size;
    this.profileMarginal = new Float64Array(S);
    this.stateMarginal = new Float64Array(states);
    for (let th = 0; th < states; th++) {
      for (let k = 0; k < S; k++) {
        const p = this.table[th * S + k];
        this.profileMarginal[k] += p;
        this.stateMarginal[th] += p;
      }
    }
    // P(t_i): profiles in index order, their digits kept by an odometer
    const n = typeCounts.length;
    this.ownMarginal = typeCounts.map((c) => new Float64Array(c));
    const digits = new Int32Array(n);
    for (let k = 0; k < S; k++) {
      if (k > 0)
        for (let j = n - 1; j >= 0; j--)
          if (++digits[j] < typeCounts[j]) break;
          else digits[j] = 0;
      const p = this.profileMarginal[k];
      for (let i = 0; i < n; i++) this.ownMarginal[i][digits[i]] += p;
    }
  }

  get agents(): number {
    return this.profiles.agents;
  }

  get typeCounts(): readonly number[] {
    return this.profiles.counts;
  }

  /** P(theta, t). */
  prob(state: number, profileIndex: number): number {
    return this.table[state * this.profiles.size + profileIndex];
  }

  /** P_Theta(. | t), the posterior on the state given the profile with index k. Undefined (throws) if P(t) = 0. */
  stateGivenProfile(profileIndex: number): number[] {
    const pt = this.profileMarginal[profileIndex];
    if (!(pt > 0)) throw new RangeError(`stateGivenProfile: profile ${this.profiles.profile(profileIndex)} has probability 0`);
    const out = new Array<number>(this.states);
    for (let th = 0; th < this.states; th++) out[th] = this.table[th * this.profiles.size + profileIndex] / pt;
    return out;
  }

  /**
   * P_{T_-i}(t_-i | t_i) for the full profile k (own type read from k).
   * Returns 0 when P(t_i) = 0.
   */
  othersGivenOwnAt(i: number, profileIndex: number): number {
    const own = this.profiles.component(profileIndex, i);
    const m = this.ownMarginal[i][own];
    return m > 0 ? this.profileMarginal[profileIndex] / m : 0;
  }

  /**
   * P_{T_-i}(. | t_i) as a dense vector over the others' profiles
   * (indexed by `profiles.without(i)`).
   */
  othersGivenOwn(i: number, ownType: number): number[] {
    const others = this.profiles.without(i);
    const out = new Array<number>(others.size).fill(0);
    const m = this.ownMarginal[i][ownType];
    if (!(m > 0)) throw new RangeError(`othersGivenOwn: agent ${i} type ${ownType} has probability 0`);
    for (let k = 0; k < this.profiles.size; k++) {
      if (this.profiles.component(k, i) !== ownType) continue;
      out[this.profiles.othersIndex(k, i)] += this.profileMarginal[k] / m;
    }
    return out;
  }

  /** True when every (state, profile) cell has positive probability (Delta^* in seed 001). */
  hasFullSupport(): boolean {
    for (const p of this.table) if (!(p > 0)) return false;
    return true;
  }

  /** True when every profile has positive probability (needed for the posteriors). */
  hasFullProfileSupport(): boolean {
    for (const p of this.profileMarginal) if (!(p > 0)) return false;
    return true;
  }

  /** Throws an InputError unless every (state, profile) cell is positive. */
  requireFullSupport(field = 'prior'): this {
    for (let k = 0; k < this.table.length; k++) {
      if (!(this.table[k] > 0)) {
        const th = Math.floor(k / this.profiles.size);
        const t = this.profiles.profile(k % this.profiles.size);
        throw new InputError(field, `full support required, but P(state ${th}, profile [${t}]) = 0`);
      }
    }
    return this;
  }

  /** Plain-JSON description (for counterexamples). */
  toJSON(): { states: number; typeCounts: number[]; table: number[] } {
    return { states: this.states, typeCounts: [...this.typeCounts], table: Array.from(this.table) };
  }

  /** Product of independent marginals over types (a single state). */
  static independent(marginals: readonly (readonly number[])[], field = 'prior'): JointPrior {
    marginals.forEach((m, i) => assertDistribution(m, `${field}[${i}]`));
    const space = new ProfileSpace(marginals.map((m) => m.length));
    assertPriorSize(1, space.counts, field);
    const n = marginals.length;
    const table = new Float64Array(space.size);
    const digits = new Int32Array(n);
    for (let k = 0; k < space.size; k++) {
      if (k > 0)
        for (let j = n - 1; j >= 0; j--)
          if (++digits[j] < space.counts[j]) break;
          else digits[j] = 0;
      let p = 1;
      for (let i = 0; i < n; i++) p *= marginals[i][digits[i]];
      table[k] = p;
    }
    return new JointPrior(1, space.counts, table, field);
  }

  /**
   * Conditionally independent signals: P(theta, a) = pi(theta) prod_i L_i(a_i | theta).
   * `likelihoods[i][theta]` is agent i's signal distribution in state theta.
   */
  static conditionallyIndependent(
    statePrior: readonly number[],
    likelihoods: readonly (readonly (readonly number[])[])[],
    field = 'prior',
  ): JointPrior {
    assertDistribution(statePrior, `${field}.statePrior`);
    const m = statePrior.length;
    likelihoods.forEach((Li, i) => {
      if (Li.length !== m) throw new InputError(`${field}.likelihoods[${i}]`, `has ${Li.length} rows, expected one per state (${m})`);
      Li.forEach((row, th) => assertDistribution(row, `${field}.likelihoods[${i}][${th}]`, { length: Li[0].length }));
    });
    const space = new ProfileSpace(likelihoods.map((Li) => Li[0].length));
    assertPriorSize(m, space.counts, field);
    const table = new Float64Array(m * space.size);
    for (let th = 0; th < m; th++) {
      for (let k = 0; k < space.size; k++) {
        let p = statePrior[th];
        for (let i = 0; i < likelihoods.length; i++) p *= likelihoods[i][th][space.component(k, i)];
        table[th * space.size + k] = p;
      }
    }
    return new JointPrior(m, space.counts, table, field);
  }

  /** From nonnegative weights (normalised), state slowest. */
  static fromWeights(states: number, typeCounts: readonly number[], weights: ArrayLike<number>, field = 'prior'): JointPrior {
    return new JointPrior(states, typeCounts, normalize(weights, field), field);
  }
}

/** Refuse a prior of more than PRIOR_CELLS_LIMIT states x profiles, before allocating it. */
function assertPriorSize(states: number, typeCounts: readonly number[], field: string): void {
  assertWithinLimit(
    states * product(typeCounts),
    PRIOR_CELLS_LIMIT,
    field,
    `the prior's table (${states} states x ${typeCounts.join(' x ')} profiles)`,
  );
}
