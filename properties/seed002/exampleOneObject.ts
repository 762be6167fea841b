/**
 * Seed 002_db415cb54f560522.txt, section 2 (Example), one object: seller 11
 * (bad) or 0 (good), buyer 12 (good) or 1 (bad), equal probabilities. The
 * first best (surplus 3.5) needs rents 5.5; reducing the bad-good trade
 * probability to 0.6 balances the budget, with surplus 3.3. Exact rationals.
 */
import { exampleEntry, type Comparison } from '../../src/catalogue/exampleEntry.ts';
import {
  evaluateSolution,
  interimTransfers,
  optimalThresholdSolution,
  programCoefficients,
} from '../../src/mechanisms/bilateralTrade/thresholdProgram.ts';
import { E, exactParams, exampleFixture, fixtureSpec, printedExact, src, type ParamSpec } from './common.ts';

const eq = (name: string, stated: string, actual: ReturnType<typeof E.of>, note?: string): Comparison => ({
  name,
  expected: stated,
  actual: E.show(actual),
  ok: E.cmp(printedExact(stated), actual) === 0,
  note,
});

export function oneObjectComparisons(spec: ParamSpec): Comparison[] {
  const p = exactParams(spec);
  const coef = programCoefficients(E, p);
  const half = E.of('1/2');
  const firstBest = evaluateSolution(coef, half, { seller: [E.one], buyer: [E.one] }, { seller: E.zero, buyer: E.zero });
  const goodRent = interimTransfers(coef, firstBest, 'seller')[1];
  const opt = optimalThresholdSolution(E, p, half);
  const st = exampleFixture().oneObject;
  return [
    eq('first-best expected surplus (12 + 1 + 1)/4', st.firstBestSurplus, firstBest.income),
    eq("good type's minimal rent at the first best (0.5 * 11)", st.goodTypeRent, goodRent),
    eq("each agent's expected rent at the first best", st.expectedRentPerAgent, firstBest.utilities.seller),
    eq('sum of the rents at the first best (exceeds 3.5)', st.sumOfRents, E.add(firstBest.utilities.seller, firstBest.utilities.buyer)),
    eq('optimal bad-good trade probability (seller bad)', st.badGoodTradeProbability, opt.mu.seller[0]),
    eq('optimal bad-good trade probability (buyer bad)', st.badGoodTradeProbability, opt.mu.buyer[0]),
    eq('second-best surplus', st.secondBestSurplus, opt.income),
    eq('surplus equals the rents (budget exhausted)', '0', opt.budgetSlack),
  ];
}

export const exampleOneObject = exampleEntry({
  id: 'seed002.example.oneObject',
  title: 'Worked example, one object: bad-good trade probability 0.6, surplus 3.3',
  source: src('Example (one object)', '2'),
  kind: 'example',
  hypotheses: [
    '[example] v^s in {0, 11}, v^b in {1, 12}, q^s = q^b = 1/2',
    '[welfareWeights] alpha^s = alpha^b = 1/2',
    '[interimIC] IC',
    '[interimIR] IR',
    '[budgetBalance] ex ante budget balance',
  ],
  scope: ['N = 1'],
  conclusion:
    'first-best surplus 3.5 with rents 5.5; the optimum trades bad-good encounters with probability 0.6 and generates 3.3 (exact rationals)',
  expected: 'holds',
  evaluate: () => ({ comparisons: oneObjectComparisons(fixtureSpec(1)) }),
  mutant: {
    description: "the buyer's low valuation is 2 instead of 1: the paper's numbers no longer come out",
    evaluate: () => ({ comparisons: oneObjectComparisons({ ...fixtureSpec(1), d1: 2, d2: 9 }) }),
  },
});
