/**
 * Every checker reports the violation (size and witness) on a mechanism built
 * to violate it, and the ordering between concepts holds on random instances.
 */
import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { singleObjectEnvironment, firstPriceAuction, secondPriceAuction } from '../mechanisms/auctions.ts';
import { dominantStrategyIC, exPostIC, interimIC } from './incentiveCompatibility.ts';
import { exPostIR, interimIR } from './individualRationality.ts';
import { exAnteBudget, exPostBudget, noPositiveTransfers } from './budget.ts';
import { checkAll } from './checkAll.ts';
import { environmentFromSpec, privateValuesSpecArb } from '../generators/environments.ts';
import type { DirectMechanism } from '../model/mechanism.ts';

const values = [
  [1, 2, 3],
  [1, 2, 3],
];
const env = singleObjectEnvironment(values);
const fpa = firstPriceAuction(env, values);
const spa = secondPriceAuction(env, values);
const shift = (m: DirectMechanism, f: (x: number, i: number, k: number) => number): DirectMechanism => ({
  outcome: m.outcome,
  transfer: (k) => m.transfer(k).map((x, i) => f(x, i, k)),
});

describe('incentive compatibility checkers', () => {
  it('DSIC: first-price auction, largest gain 2 (value 3 shading to 1 against a bid of 1)', () => {
    const r = dominantStrategyIC(env, fpa);
    expect(r.holds).toBe(false);
    expect(r.violation).toBeCloseTo(2, 12);
    expect(r.witness).toEqual({
      agent: 0,
      trueType: 2,
      report: 0,
      trueProfile: [2, 0],
      reportedProfile: [2, 0],
      truthfulUtility: 0,
      deviationUtility: 2,
    });
    expect(r.cases).toBe(2 * 9 * 2);
    expect(dominantStrategyIC(env, spa).holds).toBe(true);
  });

  it('ex post IC: first-price auction', () => {
    const r = exPostIC(env, fpa);
    expect(r.violation).toBeCloseTo(2, 12);
    expect(r.witness).toMatchObject({ agent: 0, trueType: 2, report: 0, trueProfile: [2, 0] });
  });

  it('interim IC: first-price auction, value 3 gains 2/3 by bidding 1', () => {
    const r = interimIC(env, fpa);
    expect(r.violation).toBeCloseTo(2 / 3, 12);
    expect(r.witness).toMatchObject({ agent: 0, trueType: 2, report: 0 });
    expect(interimIC(env, spa).holds).toBe(true);
  });

  it('DSIC with interdependent values evaluates utilities at the true profile', () => {
    // agent 1 has a single type; agent 0's value of winning depends on agent 1's... here on nothing; sanity: equals private case
    expect(dominantStrategyIC({ ...env, privateValues: false }, fpa).violation).toBeCloseTo(2, 12);
  });

  it('the tolerance is an explicit argument', () => {
    expect(interimIC(env, fpa, { tolerance: 1 }).holds).toBe(true);
    expect(interimIC(env, fpa, { tolerance: 0.5 }).holds).toBe(false);
  });
});

describe('participation and budget checkers', () => {
  it('ex post IR: a fee of 2 on the second-price auction leaves a loser at -2', () => {
    const r = exPostIR(
      env,
      shift(spa, (x) => x - 2),
    );
    expect(r.violation).toBeCloseTo(2, 12);
    expect(r.witness?.profile).toBeDefined();
  });
  it('interim IR: a fee of 1 charged to Ann; her lowest type expects -1', () => {
    const r = interimIR(
      env,
      shift(spa, (x, i) => (i === 0 ? x - 1 : x)),
    );
    expect(r.violation).toBeCloseTo(1, 12);
    expect(r.witness).toMatchObject({ agent: 0, trueType: 0 });
    expect(interimIR(env, spa).holds).toBe(true);
  });
  it('ex post budget: subsidising the loser by 5 creates a deficit', () => {
    const r = exPostBudget(
      env,
      shift(spa, (x) => (x === 0 ? 5 : x)),
    );
    expect(r.holds).toBe(false);
    expect(r.violation).toBeCloseTo(4, 12); // 5 to the loser, the winner pays 1 at best
    expect(exPostBudget(env, spa).holds).toBe(true);
  });
  it('ex ante budget: expected deficit', () => {
    const r = exAnteBudget(
      env,
      shift(spa, (x) => x + 1),
    );
    // E[sum x] = 2 - E[second price] = 2 - 14/9
    expect(r.violation).toBeCloseTo(2 - 14 / 9, 12);
    expect(r).toMatchObject({ concept: 'exAnteBudget', holds: false, witness: {}, cases: 1 });
    expect(exAnteBudget(env, spa)).toMatchObject({ holds: true, violation: 0, witness: {}, cases: 1 });
    expect(exAnteBudget(env, spa).worst).toBeCloseTo(-14 / 9, 12);
  });
  it('budget witnesses and case counts: the first profile of the largest deficit, one case per profile (and agent)', () => {
    const r = exPostBudget(
      env,
      shift(spa, (x) => (x === 0 ? 5 : x)),
    );
    expect(r).toMatchObject({ worst: 4, witness: { profile: [0, 0] }, cases: 9 });
    const np = noPositiveTransfers(
      env,
      shift(spa, (x, i) => (i === 1 ? x + 0.5 : x)),
    );
    expect(np).toMatchObject({ worst: 0.5, witness: { agent: 1, profile: [0, 0] }, cases: 18 });
  });
  it('no positive transfers: a subsidy of 0.5 to Bob', () => {
    const r = noPositiveTransfers(
      env,
      shift(spa, (x, i) => (i === 1 ? x + 0.5 : x)),
    );
    expect(r.violation).toBeCloseTo(0.5, 12);
    expect(r.witness?.agent).toBe(1);
  });
  it('randomized outcomes are evaluated as lotteries', () => {
    const coin: DirectMechanism = { outcome: () => [0.5, 0.5], transfer: () => [-1, -1] };
    const r = exPostIR(env, coin); // value-1 bidder: 0.5 * 1 - 1 = -0.5
    expect(r.violation).toBeCloseTo(0.5, 12);
  });
});

describe('relations between concepts', () => {
  fcTest.prop(
    [
      privateValuesSpecArb({ agents: { min: 1, max: 3 }, types: { min: 1, max: 3 }, M: 5 }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 30, maxLength: 30 }),
    ],
    { numRuns: 60, seed: 3 },
  )('interim gain <= ex post gain <= dominant-strategy gain (private values)', (spec, noise) => {
    const e = environmentFromSpec(spec);
    const S = e.prior.profiles.size;
    const mech: DirectMechanism = {
      outcome: (k) => (k + noise[k % 30] + 30) % e.outcomes,
      transfer: (k) => Array.from({ length: e.prior.agents }, (_, i) => noise[(k + i) % 30]),
    };
    const [ds, ep, ii] = checkAll(e, mech, {}, ['dominantStrategyIC', 'exPostIC', 'interimIC']);
    expect(ep.worst).toBeLessThanOrEqual(ds.worst + 1e-12);
    if (S > 0 && ii.cases > 0) expect(ii.worst).toBeLessThanOrEqual(ep.worst + 1e-12);
  });
});
