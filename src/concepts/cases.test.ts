/**
 * How many cases each concept evaluates, on a prior with several states and a
 * profile of probability 0: ex post concepts count only true profiles
 * (P(t) > 0), interim ones only types of positive probability, DSIC every
 * profile of the others' reports, and with private values every profile whose
 * own type has positive probability (the others' types being reports).
 */
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { checkAll } from './checkAll.ts';

// 2 agents x 2 types, 2 states; weights (state-major) over profiles [0,0], [0,1], [1,0], [1,1]:
// P(t) = [2, 1, 0, 2] / 5: profile [1, 0] has probability 0; every type has positive probability
const prior = JointPrior.fromWeights(2, [2, 2], [1, 1, 0, 1, 1, 0, 0, 1]);
/** agent i's value of the single outcome is the state: interdependent through the posterior */
const interdependent: Environment = { prior, outcomes: 1, value: (_i, _c, th) => th };
const privateValues: Environment = { prior, outcomes: 1, privateValues: true, value: () => 0 };
/** agent 0 is paid 1 for reporting type 1 (type 0 gains 1 by lying); agent 1 pays 1 at profile [1, 0] only */
const mech: DirectMechanism = { outcome: () => 0, transfer: (k) => [k >= 2 ? 1 : 0, k === 2 ? -1 : 0] };

const casesOf = (env: Environment) => Object.fromEntries(checkAll(env, mech).map((r) => [r.concept, r.cases]));

describe('cases counted on a multi-state prior with a zero-probability profile', () => {
  it('interdependent values', () => {
    expect(prior.profileMarginal[2]).toBe(0);
    expect(casesOf(interdependent)).toEqual({
      dominantStrategyIC: 12, // 3 true profiles x 2 agents x 2 reports of the other x 1 lie
      exPostIC: 6, // 3 true profiles x 2 agents x 1 lie
      interimIC: 4, // 2 agents x 2 types x 1 lie
      exPostIR: 6,
      interimIR: 4,
      exPostBudget: 3,
      exAnteBudget: 1,
      noPositiveTransfers: 6,
    });
  });

  it('private values: DSIC counts every profile of reports for each own type of positive probability', () => {
    expect(casesOf(privateValues)).toMatchObject({ dominantStrategyIC: 8, exPostIC: 6, interimIC: 4, exPostIR: 6, exPostBudget: 3 });
  });

  it('the zero-probability profile enters DSIC (as reports) but no ex post or budget concept', () => {
    const r = Object.fromEntries(checkAll(privateValues, mech).map((x) => [x.concept, x]));
    // agent 1's payment of 1 at [1, 0] counts for DSIC (agent 1 of type 0 gains 1 by reporting 1 against agent 0's
    // report 1; agent 0's gain of 1 comes first in the order of agents) ...
    expect(r.dominantStrategyIC).toMatchObject({ worst: 1, witness: { agent: 0, trueType: 0, report: 1 } });
    // ... but no true profile has it: ex post IR sees no shortfall (it would be 1 at [1, 0])
    expect(r.exPostIR).toMatchObject({ holds: true, worst: 0, violation: 0 });
    expect(r.exPostBudget.worst).toBe(1); // profile [1, 1]: agent 0 paid 1, agent 1 nothing
    expect(r.exPostBudget.witness).toEqual({ profile: [1, 1] });
    expect(r.exAnteBudget.worst).toBeCloseTo(2 / 5, 15);
  });
});
