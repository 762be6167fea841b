/**
 * Relaxation of Example 1 of seed 003_9ea1ccbe66e932a9.txt (section 2):
 * prices below the admissible ones, p_j + c_j^2 / 2, are not admissible
 * (condition (3) fails), and rule (4) read in order (buyer 1 first) is then not
 * ex post IC either (Lemma 1 needs admissibility). Shrunk counterexamples.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { example1Model, example1Prices } from '../../src/mechanisms/personalizedPrices/example1.ts';
import { admissibleAt, misreportGain } from '../../src/mechanisms/personalizedPrices/model.ts';
import { profileArb, r6, signalArb, src } from './common.ts';

const half = example1Prices(0.5);

export const example1LowerPrices = propertyEntry<number[][]>({
  id: 'seed003.example1.lowerPrices.withoutAdmissibility',
  aliases: ['seed003.example1.lowerPrices'],
  drops: 'admissibility',
  title: 'Example 1 with prices p_j + c_j^2 / 2: admissible (false)',
  source: src('Example 1, condition (3)', '2'),
  kind: 'relaxation',
  relaxes: 'prices at least p_j + c_j^2 (here p_j + c_j^2 / 2)',
  hypotheses: ['[example1] V_i = p_i + c_i c_j on [0,1]^2'],
  scope: ['t_i = p_j + c_j^2 / 2 (below the admissible prices)'],
  conclusion: "condition (3): at most one buyer's value exceeds his price",
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 200,
  arbitrary: () => profileArb([2, 2]),
  check: (s, ctx) => {
    const a = admissibleAt(example1Model, half, s, ctx.tolerance);
    return {
      ok: a.ok,
      metrics: { largestSecondExcess: a.violation },
      detail: { values: a.values, prices: a.prices, buyersAbovePrice: a.above.map((i) => i + 1) },
    };
  },
  metrics: { largestSecondExcess: 'max' },
  notes: ['Both values exceed their prices when c_1 = c_2 = c > 0 and p_1 = p_2: V_i = p + c^2 > p + c^2/2 = t_i.'],
});

interface Lie {
  s: number[][];
  buyer: number;
  lie: number[];
}

export const lemma1WithoutAdmissibility = propertyEntry<Lie>({
  id: 'seed003.lemma1.withoutAdmissibility',
  drops: 'admissibility',
  title: 'Lemma 1 without admissibility: rule (4) with prices p_j + c_j^2 / 2 is ex post IC (false)',
  source: src('Lemma 1', '2'),
  kind: 'relaxation',
  relaxes: 'admissibility of the prices (condition (3))',
  hypotheses: [
    '[example1] V_i = p_i + c_i c_j on [0,1]^2',
    '[rule4] rule (4) read in order: buyer 1 first when both values exceed their prices',
  ],
  scope: ['t_i = p_j + c_j^2 / 2 (below the admissible prices)'],
  conclusion: 'no buyer gains by misreporting when the other reports truthfully',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 300,
  arbitrary: () => fc.record({ s: profileArb([2, 2]), buyer: fc.integer({ min: 0, max: 1 }), lie: signalArb(2) }),
  check: (x, ctx) => {
    const gain = misreportGain(example1Model, half, x.buyer, x.s, x.lie);
    return {
      ok: gain <= ctx.tolerance,
      metrics: { largestGainFromLying: gain },
      detail: { buyer: x.buyer + 1, truth: x.s, lie: x.lie, gainFromLie: r6(gain) },
    };
  },
  metrics: { largestGainFromLying: 'max' },
  notes: [
    "Buyer 2 loses to buyer 1 although his value exceeds his price; by misreporting he changes buyer 1's value and price so that buyer 1 drops out, and buyer 2 buys at a price below his value.",
  ],
});
