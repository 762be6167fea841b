/**
 * Finite direct mechanisms: an outcome rule (possibly randomized) and a
 * transfer rule on reported profiles. Sign convention: `transfer(k)[i]` is
 * money paid TO agent i (a payment by the agent is a negative transfer).
 */
import { InputError } from '../core/errors.ts';
import { assertWithinLimit, CHECK_TABLE_CELLS_LIMIT } from '../core/limits.ts';
import { PROBABILITY_TOLERANCE } from '../core/tolerance.ts';
import type { Environment } from './environment.ts';

export interface DirectMechanism {
  readonly name?: string;
  /** Outcome at reported profile k: an outcome index, or a probability vector over outcomes. */
  outcome(profileIndex: number): number | readonly number[];
  /** Transfers to each agent at reported profile k. */
  transfer(profileIndex: number): readonly number[];
}

/**
 * A mechanism that carries its own table, built in an environment of the same
 * sizes: the checkers use the table instead of tabulating the mechanism again.
 */
export interface TabulatedMechanism extends DirectMechanism {
  readonly table: MechanismTable;
}

/** The table of `mech` in `env`: the mechanism's own table when it carries one of the right sizes, else a new one. */
export function tableOf(env: Environment, mech: DirectMechanism | MechanismTable, opts: TabulationOptions = {}): MechanismTable {
  if (mech instanceof MechanismTable) return mech;
  const own = (mech as Partial<TabulatedMechanism>).table;
  if (
    own instanceof MechanismTable &&
    own.profiles === env.prior.profiles.size &&
    own.outcomes === env.outcomes &&
    own.agents === env.prior.agents
  )
    return own;
  return new MechanismTable(env, mech, opts);
}

/** Options of the tabulation. */
export interface TabulationOptions {
  /** refuse more than this many tabulated numbers, profiles x (agents + outcomes); default CHECK_TABLE_CELLS_LIMIT */
  maxTableCells?: number;
}

/**
 * A mechanism tabulated over every reported profile, validated on the way:
 * an outcome index must be an integer in 0..C-1, a lottery a probability
 * vector of length C (entries >= 0, summing to 1 within PROBABILITY_TOLERANCE
 * times C), a transfer a finite number; anything else is an InputError naming
 * the profile (and agent).
 *
 * Deterministic outcomes are stored as indices (4 bytes per profile); the
 * table of lotteries (profiles x outcomes doubles) is allocated only when a
 * lottery that is not a point mass occurs.
 */
export class MechanismTable {
  readonly profiles: number;
  readonly outcomes: number;
  readonly agents: number;
  /** outcomeIndex[k]: the outcome at report k, or -1 when it is a lottery (then in `lotteries`) */
  readonly outcomeIndex: Int32Array;
  /** flat k * outcomes + c: probability of outcome c at report k; null when every outcome is deterministic */
  lotteries: Float64Array | null = null;
  /** flat k * agents + i */
  readonly transfers: Float64Array;

  constructor(env: Environment, mech: DirectMechanism, opts: TabulationOptions = {}) {
    const space = env.prior.profiles;
    const S = space.size;
    const C = env.outcomes;
    const n = env.prior.agents;
    assertWithinLimit(
      S * (n + C),
      opts.maxTableCells ?? CHECK_TABLE_CELLS_LIMIT,
      'profiles',
      `the mechanism table (${S} profiles x (${n} agents + ${C} outcomes) numbers)`,
      'the maxTableCells check option',
    );
    this.profiles = S;
    this.outcomes = C;
    this.agents = n;
    this.outcomeIndex = new Int32Array(S);
    this.transfers = new Float64Array(S * n);
    const where = (k: number) => `mechanism at reported profile [${space.profile(k).join(', ')}]`;
    for (let k = 0; k < S; k++) {
      const q = mech.outcome(k);
      if (typeof q === 'number') {
        if (!Number.isInteger(q) || q < 0 || q >= C)
          throw new InputError(`${where(k)}: outcome`, `must be an outcome index in 0..${C - 1}, got ${q}`);
        this.outcomeIndex[k] = q;
      } else {
        if (!Array.isArray(q) && !ArrayBuffer.isView(q))
          throw new InputError(`${where(k)}: outcome`, `must be an outcome index or a probability vector, got ${typeof q}`);
        if (q.length !== C) throw new InputError(`${where(k)}: outcome`, `lottery has length ${q.length}, expected ${C}`);
        let sum = 0;
        let point = -1;
        let nonzero = 0;
        for (let c = 0; c < C; c++) {
          const p = q[c];
          if (typeof p !== 'number' || !Number.isFinite(p))
            throw new InputError(`${where(k)}: outcome[${c}]`, `must be a finite probability, got ${p}`);
          if (p < 0) throw new InputError(`${where(k)}: outcome[${c}]`, `is negative (${p})`);
          sum += p;
          if (p !== 0) nonzero++;
          if (p === 1) point = c;
        }
        if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE * Math.max(1, C))
          throw new InputError(`${where(k)}: outcome`, `lottery sums to ${sum}, not 1 (tolerance ${PROBABILITY_TOLERANCE})`);
        // a point mass (one entry exactly 1, the others exactly 0) is stored as its outcome: the same utility
        if (point >= 0 && nonzero === 1) this.outcomeIndex[k] = point;
        else {
          if (!this.lotteries) this.lotteries = new Float64Array(S * C);
          this.outcomeIndex[k] = -1;
          for (let c = 0; c < C; c++) this.lotteries[k * C + c] = q[c];
        }
      }
      const x = mech.transfer(k);
      if (!Array.isArray(x) && !ArrayBuffer.isView(x)) throw new InputError(`${where(k)}: transfers`, `must be an array of ${n} numbers`);
      if (x.length !== n) throw new InputError(`${where(k)}: transfers`, `have length ${x.length}, expected ${n}`);
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        if (typeof xi !== 'number' || !Number.isFinite(xi))
          throw new InputError(`${where(k)}: transfers[${i}]`, `must be a finite number, got ${xi}`);
        this.transfers[k * n + i] = xi;
      }
    }
  }

  /**
   * A table from columns already validated (by `defineMechanism` or
   * `asFiniteMechanism`, say), without copying them: outcome indices (-1 where
   * the outcome is a lottery), the lotteries flat (profiles x outcomes, or null
   * when there are none) and the transfers flat (profiles x agents).
   */
  static fromColumns(
    outcomes: number,
    agents: number,
    outcomeIndex: Int32Array,
    lotteries: Float64Array | null,
    transfers: Float64Array,
  ): MechanismTable {
    const t = Object.create(MechanismTable.prototype) as MechanismTable;
    Object.assign(t, { profiles: outcomeIndex.length, outcomes, agents, outcomeIndex, lotteries, transfers });
    return t;
  }

  /** x_i at reported profile k. */
  transfer(profileIndex: number, agent: number): number {
    return this.transfers[profileIndex * this.agents + agent];
  }

  /** q(k)[c], the probability of outcome c at reported profile k. */
  outcomeProbability(profileIndex: number, outcome: number): number {
    const o = this.outcomeIndex[profileIndex];
    if (o >= 0) return o === outcome ? 1 : 0;
    return this.lotteries![profileIndex * this.outcomes + outcome];
  }
}
