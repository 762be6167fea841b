/**
 * Finite direct mechanisms: an outcome rule (possibly randomized) and a
 * transfer rule on reported profiles. Sign convention: `transfer(k)[i]` is
 * money paid TO agent i (a payment by the agent is a negative transfer).
 */
import type { Environment } from './environment.ts';

export interface DirectMechanism {
  readonly name?: string;
  /** Outcome at reported profile k: an outcome index, or a probability vector over outcomes. */
  outcome(profileIndex: number): number | readonly number[];
  /** Transfers to each agent at reported profile k. */
  transfer(profileIndex: number): readonly number[];
}

/** A mechanism tabulated over every reported profile. */
export class MechanismTable {
  readonly profiles: number;
  readonly outcomes: number;
  readonly agents: number;
  /** flat k * outcomes + c: probability of outcome c at report k */
  readonly outcomeProbs: Float64Array;
  /** flat k * agents + i */
  readonly transfers: Float64Array;

  constructor(env: Environment, mech: DirectMechanism) {
    const S = env.prior.profiles.size;
    const C = env.outcomes;
    const n = env.prior.agents;
    this.profiles = S;
    this.outcomes = C;
    this.agents = n;
    this.outcomeProbs = new Float64Array(S * C);
    this.transfers = new Float64Array(S * n);
    for (let k = 0; k < S; k++) {
      const q = mech.outcome(k);
      if (typeof q === 'number') {
        if (!Number.isInteger(q) || q < 0 || q >= C) throw new RangeError(`mechanism outcome ${q} at profile ${k} is not in 0..${C - 1}`);
        this.outcomeProbs[k * C + q] = 1;
      } else {
        if (q.length !== C) throw new RangeError(`mechanism lottery at profile ${k} has length ${q.length}, expected ${C}`);
        for (let c = 0; c < C; c++) this.outcomeProbs[k * C + c] = q[c];
      }
      const x = mech.transfer(k);
      if (x.length !== n) throw new RangeError(`mechanism transfers at profile ${k} have length ${x.length}, expected ${n}`);
      for (let i = 0; i < n; i++) this.transfers[k * n + i] = x[i];
    }
  }

  transfer(profileIndex: number, agent: number): number {
    return this.transfers[profileIndex * this.agents + agent];
  }
}
