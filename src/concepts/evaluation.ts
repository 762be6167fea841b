/**
 * Utilities of a finite direct mechanism in an environment:
 *   U_i(true t, report r) = sum_c q(r)[c] * vhat_i(c; t) + x_i(r).
 * Every concept checker evaluates through this one class.
 */
import type { Environment } from '../model/environment.ts';
import { ValueTable } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { MechanismTable } from '../model/mechanism.ts';

export class Evaluation {
  readonly env: Environment;
  readonly values: ValueTable;
  readonly mech: MechanismTable;

  /** Reuse an evaluation, or tabulate the mechanism in the environment. */
  static of(env: Environment, mech: DirectMechanism | MechanismTable | Evaluation): Evaluation {
    return mech instanceof Evaluation ? mech : new Evaluation(env, mech);
  }

  constructor(env: Environment, mech: DirectMechanism | MechanismTable) {
    this.env = env;
    this.values = new ValueTable(env);
    this.mech = mech instanceof MechanismTable ? mech : new MechanismTable(env, mech);
  }

  get space() {
    return this.env.prior.profiles;
  }

  /** U_i when the true profile is `trueK` and the reported profile is `reportK`. */
  utility(agent: number, trueK: number, reportK: number): number {
    const C = this.values.outcomes;
    const q = this.mech.outcomeProbs;
    let u = this.mech.transfers[reportK * this.mech.agents + agent];
    for (let c = 0; c < C; c++) {
      const p = q[reportK * C + c];
      if (p !== 0) u += p * this.values.get(agent, trueK, c);
    }
    return u;
  }

  /** Whether vhat is defined at profile k (posterior exists). */
  defined(k: number): boolean {
    return this.values.defined[k] === 1;
  }
}
