/**
 * Myerson and Satterthwaite (1983), Theorem 1 and Corollary 1: with
 * independent private values and overlapping supports (densities on
 * intervals), no mechanism is efficient, Bayesian IC, interim IR and (ex ante,
 * hence ex post) budget balanced; the largest expected budget surplus of an
 * efficient, BIC, interim IR mechanism is negative (for uniform [0, 1] types,
 * E[(2v - 1 - 2c) 1{v > c}] = -1/6).
 *
 * On discrete types the design LP decides it per instance. For both traders
 * uniform on the integer grid {0, ..., k-1} (step s), the computation finds:
 * a mechanism exists for k <= 5 and none from k = 6 on (verified Farkas
 * certificates, exact in rationals, carried by the interim IR of the seller's
 * highest cost and the buyer's lowest value and by budget balance), and the
 * largest expected surplus is exactly (k-1)(5-k)/(6k) s, i.e. (5-k)/(6k) on the
 * unit scale: 0 at k = 5, negative from k = 6, tending to the continuous -1/6.
 */
import fc from 'fast-check';
import { claim, exampleEntry } from '../../src/catalogue/exampleEntry.ts';
import { withoutVariant } from '../../src/catalogue/manifest.ts';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import type { DesignConstraint } from '../../src/design/constraints.ts';
import { exactField as E } from '../../src/mechanisms/bilateralTrade/field.ts';
import { designAndCheck, impossibilityCheck, tradeFile, tradeGrid } from './environments.ts';
import { hypotheses, relaxes, source } from './manifest.ts';

const MS_CONSTRAINTS: DesignConstraint[] = ['efficient', 'interimIC', 'interimIR', 'exPostBudgetBalance'];
const MS_HYPOTHESES = hypotheses(
  'trade.bilateral',
  'trade.independentPrivate',
  'trade.overlap',
  'trade.uniformGrid',
  'trade.efficiency',
  'trade.interimIC',
  'trade.interimIR',
  'trade.exPostBudgetBalance',
  'design.randomized',
);

interface GridInstance {
  k: number;
  step: number;
}
const gridArb = (min: number, max: number) => fc.record({ k: fc.integer({ min, max }), step: fc.integer({ min: 1, max: 3 }) });

/** Catalogue entry (its id below); see the file header for what it checks. */
export const msImpossibility = propertyEntry<GridInstance>({
  id: 'classics.myersonSatterthwaite.impossibility',
  title: 'Myerson-Satterthwaite on discrete grids: no efficient, Bayesian IC, interim IR, budget-balanced trade (k >= 6 types)',
  source: source('MS83', 'Theorem 1 and Corollary 1'),
  kind: 'theorem',
  hypotheses: [...MS_HYPOTHESES, ...hypotheses('trade.richGrid')],
  conclusion: 'the design LP over all randomized mechanisms is infeasible, with a verified Farkas certificate',
  expected: 'holds',
  runs: 12,
  health: {
    minChecked: 12,
    why: 'the arbitrary has 12 distinct instances (k = 6..9 types, grid steps 1..3); each solves and certifies a design LP over all randomized mechanisms',
  },
  arbitrary: () => gridArb(6, 9),
  check: ({ k, step }) => impossibilityCheck(tradeGrid(k, step, 'welfare', MS_CONSTRAINTS)),
  metrics: { farkasMargin: 'min' },
  notes: [
    'The certificate is a weighted sum of the interim IR constraints of the worst types (the seller with the highest cost, the buyer with the lowest value), interim IC, budget balance at the profiles and efficiency, reading 0 <= a negative number (mechcheck design prints it).',
  ],
  mutant: {
    description: "interim IR dropped: a mechanism exists (the expected-externality mechanism of d'Aspremont and Gerard-Varet)",
    check: ({ k, step }) => impossibilityCheck(tradeGrid(k, step, 'welfare', ['efficient', 'interimIC', 'exPostBudgetBalance'])),
  },
});

/** Catalogue entry (its id below); see the file header for what it checks. */
export const msFewTypes = propertyEntry<GridInstance>({
  id: 'classics.myersonSatterthwaite.withoutContinuum',
  aliases: ['classics.myersonSatterthwaite.fewTypes'],
  title: 'Myerson-Satterthwaite with few discrete types: the impossibility fails (k <= 5)',
  source: source('MS83', 'Theorem 1 (stated for a continuum of types)'),
  kind: 'relaxation',
  relaxes: relaxes('trade.continuum'),
  drops: 'trade.continuum',
  hypotheses: MS_HYPOTHESES,
  conclusion: 'the design LP is infeasible (no efficient, BIC, interim IR, budget-balanced mechanism)',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 10,
  arbitrary: () => gridArb(2, 9),
  check: ({ k, step }) => impossibilityCheck(tradeGrid(k, step, 'welfare', MS_CONSTRAINTS)),
  notes: [
    'With k = 2 (types {0, s}) a posted price in [0, s] is efficient, DSIC, ex post IR and budget balanced; the counterexample shows the designed mechanism, which check accepts on every imposed concept.',
  ],
});

/** The exact design on the grid {0..k-1}: feasible or not, and the largest surplus under efficiency, BIC and interim IR. */
function exactGrid(k: number): { feasible: boolean; exactCertificate: boolean; surplus: string } {
  const feas = designAndCheck(tradeGrid(k, 1, 'welfare', MS_CONSTRAINTS), { exact: true });
  const rev = designAndCheck(tradeGrid(k, 1, 'revenue', ['efficient', 'interimIC', 'interimIR']), { exact: true });
  if (rev.result.status !== 'optimal' || !rev.result.exact?.verified)
    throw new Error(`k = ${k}: the surplus LP is not exactly certified (${rev.result.status})`);
  if (feas.result.status === 'optimal' && !feas.mechanismPasses)
    throw new Error(`k = ${k}: the designed mechanism fails check: ${feas.failures!.join(', ')}`);
  return {
    feasible: feas.result.status === 'optimal',
    exactCertificate: feas.result.exact?.verified === true,
    surplus: rev.result.exact.value!,
  };
}

/** (k-1)(5-k)/(6k): the largest expected surplus on {0..k-1} (found by the LP, exact); the discrete virtual values v_j - (k-1-j) and c_i + i give it. */
const surplusFormula = (k: number) => E.show(E.div(E.of((k - 1) * (5 - k)), E.of(6 * k)));

/** The continuous theorem's value carried over: -1/6 per unit of range, (k-1)(-1/6) on {0..k-1}. */
const continuousValue = (k: number) => E.show(E.div(E.of(-(k - 1)), E.of(6)));

function thresholdOutput(claimedThreshold: number) {
  const rows: (string | number)[][] = [];
  const comparisons = [];
  for (let k = 2; k <= 9; k++) {
    const g = exactGrid(k);
    rows.push([
      k,
      g.feasible ? 'mechanism found (check accepts it)' : `infeasible${g.exactCertificate ? ' (exact certificate)' : ''}`,
      g.surplus,
    ]);
    comparisons.push(
      claim(
        `k = ${k}: ${k >= claimedThreshold ? 'no mechanism' : 'a mechanism exists'}`,
        g.feasible === k < claimedThreshold,
        g.feasible ? 'feasible' : 'infeasible',
      ),
    );
    if (!g.feasible) comparisons.push(claim(`k = ${k}: the Farkas certificate is exact in rationals`, g.exactCertificate));
  }
  return {
    comparisons,
    tables: [
      {
        title: 'Efficient, BIC, interim IR, ex post budget-balanced trade on the uniform grid {0..k-1}',
        columns: ['k', 'design LP', 'largest surplus (efficient, BIC, IIR)'],
        rows,
      },
    ],
  };
}

/** Catalogue entry (its id below); see the file header for what it checks. */
export const msThreshold = exampleEntry({
  id: 'classics.myersonSatterthwaite.threshold',
  title: 'Myerson-Satterthwaite on the uniform grid {0..k-1}: the impossibility starts at k = 6',
  source: source('MS83', 'Theorem 1 on discrete types'),
  kind: 'example',
  hypotheses: MS_HYPOTHESES,
  conclusion: 'a mechanism exists for k = 2..5 (checked by check), none for k = 6..9 (exact Farkas certificates)',
  expected: 'holds',
  evaluate: () => thresholdOutput(6),
  mutant: { description: 'the impossibility claimed from k = 5', evaluate: () => thresholdOutput(5) },
});

function surplusOutput(formula: (k: number) => string) {
  const comparisons = [];
  const rows: (string | number)[][] = [];
  for (let k = 2; k <= 12; k++) {
    const rev = designAndCheck(tradeGrid(k, 1, 'revenue', ['efficient', 'interimIC', 'interimIR']), { exact: true });
    const got = rev.result.exact?.value ?? 'not exact';
    const unit = E.show(E.div(E.of(got), E.of(k - 1)));
    rows.push([k, got, unit, (+E.toNumber(E.of(unit))).toFixed(6)]);
    comparisons.push({ name: `k = ${k}: largest expected surplus`, expected: formula(k), actual: got, ok: got === formula(k) });
  }
  return {
    comparisons,
    tables: [
      {
        title: 'Largest expected budget surplus of an efficient, BIC, interim IR mechanism, uniform grid {0..k-1} (exact)',
        columns: ['k', 'surplus', 'on the unit scale', 'decimal'],
        rows,
      },
    ],
    notes: [
      'On the unit scale (5 - k)/(6k) decreases to -1/6, the value for uniform [0, 1] types: E[(2v - 1 - 2c) 1{v > c}] = -1/6.',
      'On uniform grids the discrete virtual values (v_j - (k-1-j) for the buyer, c_i + i for the seller) are the continuous ones (2v - 1, 2c) on the unit scale, so the continuous formula evaluated on the grid gives the discrete optimum exactly; what does not carry over is the sign: it is positive for k <= 4.',
    ],
  };
}

/** Catalogue entry (its id below); see the file header for what it checks. */
export const msLargestSurplus = exampleEntry({
  id: 'classics.myersonSatterthwaite.largestSurplus',
  title: 'The largest expected surplus under efficiency, BIC and interim IR on {0..k-1} is (k-1)(5-k)/(6k)',
  source: source('MS83', 'Theorem 1 (the expected-surplus formula) on discrete types'),
  kind: 'example',
  hypotheses: hypotheses(
    'trade.bilateral',
    'trade.independentPrivate',
    'trade.uniformGrid',
    'trade.efficiency',
    'trade.interimIC',
    'trade.interimIR',
    'design.randomized',
  ),
  conclusion:
    'the LP optimum (exact rationals) equals (k-1)(5-k)/(6k) for k = 2..12: positive for k <= 4, 0 at k = 5, negative from k = 6, tending to -1/6 on the unit scale',
  expected: 'holds',
  evaluate: () => surplusOutput(surplusFormula),
  mutant: {
    description: "the continuous theorem's value -1/6 per unit of range claimed for every grid",
    evaluate: () => surplusOutput(continuousValue),
  },
});

/** A relaxation of the impossibility: one hypothesis dropped, a mechanism is found (and check accepts it). */
function msRelaxation(
  oldName: string,
  title: string,
  dropped: Parameters<typeof relaxes>[0],
  constraints: DesignConstraint[],
  file?: (k: number, step: number) => ReturnType<typeof tradeFile>,
) {
  return propertyEntry<GridInstance>({
    id: `classics.myersonSatterthwaite.${withoutVariant(dropped)}`,
    aliases: [`classics.myersonSatterthwaite.relaxation.${oldName}`],
    drops: dropped,
    title: `Myerson-Satterthwaite without ${title}: a mechanism exists`,
    source: source('MS83', 'Theorem 1, one hypothesis dropped'),
    kind: 'relaxation',
    relaxes: relaxes(dropped),
    hypotheses: [...MS_HYPOTHESES.filter((h) => !h.startsWith(`[${dropped}]`)), ...hypotheses('trade.richGrid')],
    conclusion: 'the design LP is infeasible',
    expected: 'refuted',
    refutation: 'relaxation',
    runs: 5,
    arbitrary: () => gridArb(6, 8),
    check: ({ k, step }) => impossibilityCheck(file ? file(k, step) : tradeGrid(k, step, 'welfare', constraints)),
  });
}

/** Catalogue entries (ids below); see the file header. */
export const msRelaxations = [
  msRelaxation('noInterimIR', 'interim IR', 'trade.interimIR', ['efficient', 'interimIC', 'exPostBudgetBalance']),
  msRelaxation('noBudgetBalance', 'budget balance', 'trade.exPostBudgetBalance', ['efficient', 'interimIC', 'interimIR']),
  msRelaxation('noEfficiency', 'efficiency', 'trade.efficiency', ['interimIC', 'interimIR', 'exPostBudgetBalance']),
  msRelaxation('noInterimIC', 'incentive compatibility', 'trade.interimIC', ['efficient', 'interimIR', 'exPostBudgetBalance']),
  msRelaxation('disjointSupports', 'overlapping supports (every value above every cost)', 'trade.overlap', MS_CONSTRAINTS, (k, step) => {
    const costs = Array.from({ length: k }, (_, j) => j * step);
    const values = costs.map((c) => c + k * step);
    const p = costs.map(() => 1 / k);
    return tradeFile(costs, values, p, p, 'welfare', MS_CONSTRAINTS);
  }),
];
