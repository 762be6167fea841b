/**
 * Example 1 of seed 003_9ea1ccbe66e932a9.txt (section 2): V_i = p_i + c_i c_j,
 * prices t_i = p_j + c_j^2. Admissible (3), ex post IC (Lemma 1), non-trivial
 * with the three outcome regions' measures: exact (rational, 53/120 for each
 * buyer and 7/60 for no sale) and sampled with Clopper-Pearson bounds.
 */
import { exampleEntry, claim, type Comparison } from '../../src/catalogue/exampleEntry.ts';
import { example1ExactMeasures, example1Model, example1Prices } from '../../src/mechanisms/personalizedPrices/example1.ts';
import { checkOnGrid } from '../../src/mechanisms/personalizedPrices/grid.ts';
import { implementingRule, type PersonalizedPrices } from '../../src/mechanisms/personalizedPrices/model.ts';
import { clopperPearsonLower, outcomeShares } from '../../src/mechanisms/personalizedPrices/nonTriviality.ts';
import type { FigureSpec, RunContext } from '../../src/catalogue/types.ts';
import { src } from './common.ts';

const SAMPLES = 20000;
const DELTA = 1e-3;

async function evaluate(prices: PersonalizedPrices, ctx: RunContext, withFigure: boolean) {
  const comparisons: Comparison[] = [];
  const grid = checkOnGrid(example1Model, prices, 7, ctx.tolerance);
  comparisons.push(
    claim(
      'condition (3) at every profile of the 7^4 grid (largest second excess <= 0)',
      grid.admissibilityViolation <= ctx.tolerance,
      grid.firstViolation ?? `largest second excess ${grid.admissibilityViolation}`,
    ),
  );
  comparisons.push(
    claim(
      'ex post IC on the 7^4 grid (foundation exPostIC, largest gain from lying)',
      grid.exPostIC.holds,
      grid.exPostIC.holds ? grid.exPostIC.worst : grid.witness,
    ),
  );
  const exact = example1ExactMeasures();
  const sh = outcomeShares([2, 2], 3, (s) => implementingRule(example1Model, prices, s), {
    samples: SAMPLES,
    seed: ctx.seed,
    delta: DELTA,
  });
  const exactShares = [exact.noSale.valueOf(), exact.winI.valueOf(), exact.winI.valueOf()];
  const upper = sh.counts.map((c) => 1 - clopperPearsonLower(SAMPLES - c, SAMPLES, DELTA / 3));
  comparisons.push(
    claim(
      'non-trivial: each of a_0, a_1, a_2 on a set of positive measure (sampled lower bounds > 0)',
      sh.outcomesWithPositiveMeasure === 3,
      sh.lower.map((x) => +x.toFixed(4)),
    ),
  );
  const labels = ['a_0 (no sale)', 'a_1 (buyer 1)', 'a_2 (buyer 2)'];
  for (let o = 0; o < 3; o++) {
    comparisons.push({
      name: `measure of h^-1(${labels[o]}): exact value inside the sampled ${1 - DELTA} interval`,
      expected: o === 0 ? exact.noSale.toFraction() : exact.winI.toFraction(),
      actual: `${sh.shares[o].toFixed(4)} in [${sh.lower[o].toFixed(4)}, ${upper[o].toFixed(4)}]`,
      ok: exactShares[o] >= sh.lower[o] && exactShares[o] <= upper[o],
    });
  }
  // the continuum t'_i = t_i + eps_i: non-trivial for small eps (here eps_i = 1/20)
  const lifted: PersonalizedPrices = { price: (i, s) => prices.price(i, s) + 0.05 };
  const shEps = outcomeShares([2, 2], 3, (s) => implementingRule(example1Model, lifted, s), {
    samples: 5000,
    seed: ctx.seed + 1,
    delta: DELTA,
  });
  comparisons.push(
    claim(
      "prices + 1/20 (the family t'_i): still non-trivial, three outcomes with positive sampled lower bounds",
      shEps.outcomesWithPositiveMeasure === 3,
      shEps.shares.map((x) => +x.toFixed(4)),
    ),
  );
  const artifacts: FigureSpec[] = [];
  if (withFigure) {
    // outcome over buyer 1's signal (p_1, c_1) with buyer 2's signal fixed at (1/2, 1/2)
    const values: { p1: number; c1: number; outcome: string }[] = [];
    const m = 40;
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        const s = [
          [(a + 0.5) / m, (b + 0.5) / m],
          [0.5, 0.5],
        ];
        values.push({
          p1: +s[0][0].toFixed(4),
          c1: +s[0][1].toFixed(4),
          outcome: ['a0: no sale', 'a1: buyer 1', 'a2: buyer 2'][implementingRule(example1Model, prices, s)],
        });
      }
    const figure = {
      title: 'Example 1: outcome of rule (4) over (p_1, c_1), buyer 2 at (1/2, 1/2)',
      data: { values },
      mark: 'rect',
      encoding: {
        x: { field: 'p1', type: 'ordinal', axis: { labelOverlap: true } },
        y: { field: 'c1', type: 'ordinal', sort: 'descending', axis: { labelOverlap: true } },
        color: { field: 'outcome', type: 'nominal' },
      },
      width: 320,
      height: 320,
    };
    artifacts.push({
      file: 'figures/seed003-example1-regions.svg',
      vegaLite: figure,
      description: "outcome regions of Example 1 in buyer 1's signal space",
    });
  }
  return {
    comparisons,
    metrics: {
      largestSecondExcess: grid.admissibilityViolation,
      largestGainFromLying: grid.exPostIC.worst,
      shareNoSale: sh.shares[0],
      shareBuyer1: sh.shares[1],
      shareBuyer2: sh.shares[2],
      exactShareNoSale: exactShares[0],
      exactShareBuyer: exactShares[1],
    },
    tables: [
      {
        title: 'Outcome regions of Example 1 (measure in [0,1]^4)',
        columns: ['outcome', 'exact', 'sampled', 'lower bound', 'upper bound'],
        rows: labels.map((l, o) => [
          l,
          o === 0 ? exact.noSale.toFraction() : exact.winI.toFraction(),
          sh.shares[o],
          +sh.lower[o].toFixed(5),
          +upper[o].toFixed(5),
        ]),
      },
    ],
    artifacts,
    notes: [
      `The exact measures (computed in rationals: P(a_i) = E[P(p_i - p_j > c_j^2 - c_i c_j)], a piecewise polynomial in (c_i, c_j)) are ${exact.winI.toFraction()} for each buyer and ${exact.noSale.toFraction()} for no sale; ${SAMPLES} seeded samples agree.`,
    ],
  };
}

export const example1 = exampleEntry({
  id: 'seed003.example1',
  title: 'Example 1: prices p_j + c_j^2 are admissible; the implementing rule is ex post IC and non-trivial',
  source: src('Example 1', '2'),
  kind: 'example',
  hypotheses: ['[example1] two buyers, V_i = p_i + c_i c_j', '[admissibility] t_i = p_j + c_j^2', '[rule4] rule (4)'],
  scope: ['signals (p_i, c_i) uniform on [0,1]^2'],
  conclusion:
    'condition (3) holds, rule (4) is ex post IC, and a_0, a_1, a_2 each occur on sets of positive measure (exact measures 7/60, 53/120, 53/120)',
  expected: 'holds',
  evaluate: (ctx) => evaluate(example1Prices(1), ctx, true),
  mutant: {
    description: 'prices p_j + c_j^2 / 2 (half the admissible premium)',
    evaluate: (ctx) => evaluate(example1Prices(0.5), ctx, false),
  },
});
