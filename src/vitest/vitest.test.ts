/**
 * The vitest matchers and the property builders on good and broken
 * mechanisms: each passes on the good one and fails on the broken one with a
 * message that shows the concept, the size of the violation and the witness
 * (and, for properties, the shrunk environment, the seed and the path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineEnvironment, type FiniteEnvironment } from '../api/environment.ts';
import { defineMechanism } from '../api/mechanism.ts';
import { assertMechanism, MechanismPropertyFailure } from '../api/property.ts';
import { checkMechanism } from '../check/report.ts';
import { dominantStrategyIC } from '../concepts/incentiveCompatibility.ts';
import { auctionEnvironmentArb } from '../generators/finiteEnvironments.ts';
import { test as propertyTest } from './index.ts';

const env = defineEnvironment({
  agents: ['Ann', 'Bob'],
  types: [
    [1, 2, 3],
    [1, 2, 3],
  ],
  outcomes: ['Ann', 'Bob'],
  prior: {
    independent: [
      ['1/3', '1/3', '1/3'],
      ['1/3', '1/3', '1/3'],
    ],
  },
  valuation: { private: (i, winner, value) => (winner === ['Ann', 'Bob'][i] ? value : 0) },
});

/** Highest bid wins (ties to the first); the winner pays `price(bids, winner)`. */
function auction(e: FiniteEnvironment<number, string>, name: string, price: (bids: readonly number[], w: number) => number) {
  const bidders = e.agentNames;
  return defineMechanism(e, {
    name,
    outcome: (bids) => bidders[bids.indexOf(Math.max(...bids))],
    transfers: (bids) => {
      const w = bids.indexOf(Math.max(...bids));
      return bids.map((_, i) => (i === w ? -price(bids, w) : 0));
    },
  });
}
const secondPrice = (e: FiniteEnvironment<number, string>) =>
  auction(e, 'second price', (b, w) => Math.max(0, ...b.filter((_, i) => i !== w)));
const firstPrice = (e: FiniteEnvironment<number, string>) => auction(e, 'first price', (b, w) => b[w]);

/** The message of a failed expectation. */
function failure(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

describe('matchers', () => {
  it('toBeDominantStrategyIC passes on second price and fails on first price with the witness', () => {
    expect(secondPrice(env)).toBeDominantStrategyIC();
    expect(failure(() => expect(firstPrice(env)).toBeDominantStrategyIC(env))).toBe(
      'expected first price to satisfy dominantStrategyIC, but:\n  dominantStrategyIC is violated by 2 (tolerance 1e-9): Ann with type 3 gains 2 by reporting 1 when the reports are [3, 1]',
    );
    expect(firstPrice(env)).not.toBeDominantStrategyIC();
    expect(failure(() => expect(secondPrice(env)).not.toBeDominantStrategyIC())).toBe(
      'expected second price to violate dominantStrategyIC, but it holds',
    );
  });
  it('every concept matcher can fail', () => {
    const subsidy = defineMechanism(env, { name: 'subsidy', outcome: () => 'Ann', transfers: ([a]) => [a === 1 ? -2 : 1, 1] });
    expect(failure(() => expect(subsidy).toBeExPostIR())).toMatch(/exPostIR is violated by 1 .*: Ann gets -1 at the profile \[1, 1\]/);
    expect(failure(() => expect(subsidy).toBeInterimIR())).toMatch(/interimIR is violated by 1 .*: Ann with type 1 expects -1/);
    expect(failure(() => expect(subsidy).toBeExPostIC())).toMatch(
      /exPostIC is violated by 3 .*: Ann with type 1 gains 3 by reporting 2 at the profile \[1, 1\]/,
    );
    expect(failure(() => expect(subsidy).toBeInterimIC())).toMatch(/interimIC is violated by 3 .*in expectation/);
    expect(failure(() => expect(subsidy).toHaveNoExPostDeficit())).toMatch(
      /exPostBudget is violated by 2 .*: the designer pays out 2 net at the profile \[2, 1\]/,
    );
    expect(failure(() => expect(subsidy).toHaveNoExAnteDeficit())).toMatch(/exAnteBudget is violated by 1 .*: the expected deficit is 1/);
    expect(failure(() => expect(subsidy).toMakeNoPositiveTransfers())).toMatch(
      /noPositiveTransfers is violated by 1 .*: Bob receives 1 at the profile \[1, 1\]/,
    );
    expect(failure(() => expect(subsidy).toSatisfyConcepts(['exPostIR', 'noPositiveTransfers']))).toMatch(
      /exPostIR is violated[^]*noPositiveTransfers is violated/,
    );
  });
  it('toHold on a report, a checked concept and a bare checker result', () => {
    expect(checkMechanism(env, secondPrice(env))).toHold();
    const report = checkMechanism(env, firstPrice(env), { require: ['interimIC'] });
    expect(failure(() => expect(report).toHold())).toBe(
      'expected every required concept to hold for first price, but:\n  interimIC is violated by 0.66666667 (tolerance 1e-9): Ann with type 3 gains 0.66666667 in expectation by reporting 1',
    );
    expect(report.results[4]).toHold(); // interimIR
    expect(failure(() => expect(dominantStrategyIC(env, firstPrice(env))).toHold())).toBe(
      'expected dominantStrategyIC to hold, but dominantStrategyIC is violated by 2 (tolerance 1e-9): agent 0 with type #2 gains 2 by reporting #0 when the reports are [#2, #0]',
    );
  });
});

describe('property builders', () => {
  it('assertMechanism passes on second price over random auctions', () => {
    assertMechanism(
      auctionEnvironmentArb(),
      secondPrice,
      { concepts: ['dominantStrategyIC', 'exPostIR', 'noPositiveTransfers'] },
      { numRuns: 50, seed: 5 },
    );
  });
  it('assertMechanism shrinks a first-price failure and prints the concept, size, witness, environment, seed and path', () => {
    let err: MechanismPropertyFailure | undefined;
    try {
      assertMechanism(
        auctionEnvironmentArb({ bidders: { min: 2, max: 3 } }),
        firstPrice,
        { concepts: ['dominantStrategyIC'] },
        { numRuns: 100, seed: 42 },
      );
    } catch (e) {
      err = e as MechanismPropertyFailure;
    }
    expect(err).toBeInstanceOf(MechanismPropertyFailure);
    const message = err!.message;
    expect(message).toMatch(
      /^first price fails after \d+ environment\(s\), shrunk \d+ time\(s\):\n {2}dominantStrategyIC violated by 1 \(tolerance 1e-9\): B with type 2 gains 1 by reporting 1 when the reports are \[0, 2\]\n/,
    );
    expect(message).toMatch(/\nenvironment:\n {2}environment single-object auction\n {2}agents: A, B/);
    expect(message).toMatch(/\nreplay with \{ seed: 42, path: "[\d:]+" \} as fast-check parameters$/);
    // shrunk to two bidders: A with the single value 0, B with values 1 and 2 (B at 2 shades to 1 and still wins)
    expect(message).toMatch(/types: A in \{0\}; B in \{1, 2\}\n/);
    expect(err!.violation!.report.results[0].violation).toBe(1);
    // replaying the printed seed and path finds the same counterexample at once
    let again: MechanismPropertyFailure | undefined;
    try {
      assertMechanism(
        auctionEnvironmentArb({ bidders: { min: 2, max: 3 } }),
        firstPrice,
        { concepts: ['dominantStrategyIC'] },
        { seed: err!.seed, path: err!.path },
      );
    } catch (e) {
      again = e as MechanismPropertyFailure;
    }
    expect(String(again!.environment)).toBe(String(err!.environment));
  });
  propertyTest.prop([auctionEnvironmentArb()], { numRuns: 30, seed: 9 })(
    '@fast-check/vitest with the matchers: second price is DSIC and IR',
    (e) => {
      expect(secondPrice(e)).toSatisfyConcepts(['dominantStrategyIC', 'exPostIR']);
    },
  );
  it('@fast-check/vitest reports a failing matcher with the witness and the shrunk environment', () => {
    const details = fc.check(
      fc.property(auctionEnvironmentArb(), (e) => {
        expect(firstPrice(e)).toBeDominantStrategyIC();
      }),
      { seed: 3 },
    );
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toMatch(
      /dominantStrategyIC is violated by 1 \(tolerance 1e-9\): [AB] with type \d gains 1 by reporting \d when the reports are \[/,
    );
    expect(fc.stringify(details.counterexample)).toMatch(/agents: A, B/);
  });
});
