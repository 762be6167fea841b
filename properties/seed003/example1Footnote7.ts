/**
 * Footnote 7 of Example 1 (seed 003_9ea1ccbe66e932a9.txt, section 2): "if
 * (p_i, c_i) != (0,0) and != (1,1) then each of the outcomes a_0, a_1, a_2 is
 * implemented for a positive Lebesgue measure of buyer j signals". Checked by
 * integrating, over c_j, the length of the p_j-interval giving each outcome.
 * At (p_i, c_i) = (1, 0) buyer j never wins: V_j = p_j <= 1 = t_j. The footnote
 * needs (1, 0) excluded too.
 */
import fc from 'fast-check';
import { propertyEntry, unmet, type CheckResult } from '../../src/catalogue/propertyEntry.ts';
import { example1ConditionalMeasures } from '../../src/mechanisms/personalizedPrices/example1.ts';
import { src } from './common.ts';

const frac = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 4 })).map(([a, b]) => Math.min(a, b) / b);

const check =
  (excluded: [number, number][]) =>
  ([p, c]: [number, number]): CheckResult => {
    // the footnote's hypothesis: s_i is none of the excluded corners
    if (excluded.some(([x, y]) => x === p && y === c)) return unmet(`s_i not ${excluded.map(([x, y]) => `(${x},${y})`).join(', ')}`);
    const [m0, mi, mj] = example1ConditionalMeasures(p, c, 2000);
    const min = Math.min(m0, mi, mj);
    return {
      ok: min > 0,
      metrics: { smallestConditionalMeasure: min },
      detail: { si: [p, c], measureNoSale: m0, measureBuyerIWins: mi, measureBuyerJWins: mj },
    };
  };

export const example1Footnote7 = propertyEntry<[number, number]>({
  id: 'seed003.example1.footnote7.asStated',
  aliases: ['seed003.example1.footnote7'],
  title: 'Example 1, footnote 7: for s_i not (0,0) or (1,1), each outcome occurs for a positive measure of s_j (as stated; false at (1,0))',
  source: src('Example 1, footnote 7', '2'),
  kind: 'claim',
  hypotheses: ['[example1] V_i = p_i + c_i c_j', '[admissibility] t_i = p_j + c_j^2'],
  scope: ['s_i = (p_i, c_i) fixed, not (0,0) or (1,1)'],
  conclusion: 'a_0, a_i and a_j each occur on a set of s_j of positive measure',
  expected: 'refuted',
  refutation: 'erratum',
  runs: 200,
  arbitrary: () => fc.tuple(frac, frac),
  check: check([
    [0, 0],
    [1, 1],
  ]),
  metrics: { smallestConditionalMeasure: 'min' },
  notes: [
    'At s_i = (1, 0): t_j = p_i + c_i^2 = 1 and V_j = p_j + c_i c_j = p_j <= 1, so buyer j never gets the object. The claim holds once (1, 0) is excluded as well (entry seed003.example1.footnote7.corrected).',
  ],
});

export const example1Footnote7Corrected = propertyEntry<[number, number]>({
  id: 'seed003.example1.footnote7.corrected',
  aliases: ['seed003.example1.footnote7Corrected'],
  title: 'Example 1, footnote 7 with (1,0) excluded as well: each outcome occurs for a positive measure of s_j',
  source: src('Example 1, footnote 7 (corrected)', '2'),
  kind: 'claim',
  hypotheses: ['[example1] V_i = p_i + c_i c_j', '[admissibility] t_i = p_j + c_j^2'],
  scope: ['s_i = (p_i, c_i) fixed, not (0,0), (1,1) or (1,0)'],
  conclusion: 'a_0, a_i and a_j each occur on a set of s_j of positive measure',
  expected: 'holds',
  runs: 200,
  arbitrary: () => fc.tuple(frac, frac),
  check: check([
    [0, 0],
    [1, 1],
    [1, 0],
  ]),
  metrics: { smallestConditionalMeasure: 'min' },
  mutant: { description: 'only (0,0) excluded (the corner (1,1) lets neither buyer j win nor a_0 occur)', check: check([[0, 0]]) },
});
