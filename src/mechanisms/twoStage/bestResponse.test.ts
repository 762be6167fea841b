/**
 * Properties of the exact second-stage best response beta*_i (seed
 * 001_e592948973ecc068.txt, Step 2 of sections 6.3 / 7.2), bestResponse.ts:
 *  (a) two outcomes: equal to the enumeration of thresholds in u_i(1) - u_i(0);
 *  (b) three outcomes: >= every point of a grid of reports u_i, and equal to the
 *      grid maximum when every W_-i(c; t_-i) is an integer (the grid then hits
 *      every open region of the arrangement, see bestThreeOutcomeResponseOnGrid);
 *  (c) <= the per-t_-i upper bound that the IC verdicts use (Part 3's right-hand side);
 *  (d) equal to brute force over all C^m assignments with strict realizability
 *      decided by the certified LP layer (max slack s of x_d - x_c + s <= b);
 * and, in the game itself, Part 1: after a truthful first stage the exact
 * beta*_i attains exactly the payoff of wbar_i.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../catalogue/paths.ts';
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LPBuilder, solveLP } from '../../solvers/lp/index.ts';
import { productFromSpec, productSpecArb, type ProductSpec } from '../../information/decompositionArbitraries.ts';
import {
  bestStage2Response,
  bestThreeOutcomeResponseOnGrid,
  bestTwoOutcomeResponseByThresholds,
  cellPayoff,
  expectedStage2Payoff,
  minimumCycleMean,
  perCellUpperBound,
  type Stage2Cell,
} from './bestResponse.ts';
import { TwoStageGame, privateValuesVCG } from './game.ts';

interface CellSpec {
  weight: number;
  others: number[];
  own: number[];
}

const normalise = (cells: CellSpec[]): Stage2Cell[] => {
  const total = cells.reduce((s, c) => s + c.weight, 0);
  return cells.map((c) => ({ ...c, weight: c.weight / total }));
};

/** cells with integer W (others) in [0, maxW], own values in [0, 4] (fractions with denominator `den`) */
const cellsArb = (C: number, maxCells: number, maxW: number, den: number[] = [1]) =>
  fc
    .array(
      fc.record({
        weight: fc.integer({ min: 1, max: 4 }),
        others: fc.array(fc.integer({ min: 0, max: maxW * 6 }), { minLength: C, maxLength: C }),
        own: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: C, maxLength: C }),
        den: fc.constantFrom(...den),
      }),
      { minLength: 1, maxLength: maxCells },
    )
    .map((cs) =>
      normalise(
        cs.map((c) => ({
          weight: c.weight,
          others: c.others.map((w) => (den.length === 1 && den[0] === 1 ? Math.round(w / 6) : w / 6 / c.den)),
          own: c.own.map((v) => v / 2),
        })),
      ),
    );

const spanOf = (cells: readonly Stage2Cell[]) => {
  let R = 0;
  for (const cell of cells) for (const a of cell.others) for (const b of cell.others) R = Math.max(R, Math.abs(a - b));
  return R;
};

/** (d): every assignment k -> c_k, strictly realizable iff the LP max s s.t. x_d - x_{c_k} + s <= W_k(c_k) - W_k(d) has s* > 0. */
function bruteForceWithLP(cells: readonly Stage2Cell[]): { value: number; lps: number } {
  const C = cells[0].others.length;
  const m = cells.length;
  let best = -Infinity;
  let lps = 0;
  for (let code = 0; code < C ** m; code++) {
    const assign = cells.map((_, k) => Math.floor(code / C ** k) % C);
    const value = cells.reduce((s, cell, k) => s + cell.weight * cellPayoff(cell, assign[k]), 0);
    if (value <= best) continue;
    const B = new LPBuilder('max');
    const x = Array.from({ length: C }, (_, c) => B.addVariable(`x${c}`, { lower: 0, upper: 100 }));
    const s = B.addVariable('s', { objective: 1, lower: -1, upper: 1 });
    cells.forEach((cell, k) => {
      const c = assign[k];
      for (let d = 0; d < C; d++)
        if (d !== c)
          B.le(
            [
              [x[d], 1],
              [x[c], -1],
              [s, 1],
            ],
            cell.others[c] - cell.others[d],
          );
    });
    lps++;
    const sol = solveLP(B.build());
    if (sol.status === 'optimal' && sol.objective > 1e-7) best = value;
  }
  return { value: best, lps };
}

describe('bestStage2Response (exact beta*_i)', () => {
  it('Karp minimum cycle mean on a small graph', () => {
    const I = Infinity;
    expect(
      minimumCycleMean([
        [I, 1, I],
        [I, I, 2],
        [3, I, I],
      ]),
    ).toBeCloseTo(2, 12);
    expect(
      minimumCycleMean([
        [I, 1, I],
        [I, I, 2],
        [I, I, I],
      ]),
    ).toBe(Infinity);
    expect(
      minimumCycleMean([
        [I, 1, 5],
        [-0.5, I, I],
        [1, I, I],
      ]),
    ).toBeCloseTo(0.25, 12);
  });

  it('ties: phi breaks exact ties to the lowest index; the maximiser lies strictly inside its region', () => {
    // one cell, W = (1, 1, 0): own values favour outcome 1; u = 0 ties 0 and 1 and gives outcome 0
    const cells: Stage2Cell[] = [{ weight: 1, others: [1, 1, 0], own: [0, 2, 0] }];
    expect(expectedStage2Payoff(cells, [0, 0, 0])).toBeCloseTo(0, 12);
    const best = bestStage2Response(cells);
    expect(best.assignment).toEqual([1]);
    expect(best.value).toBeCloseTo(2, 12);
    expect(best.slack).toBeGreaterThan(1e-6);
    expect(Math.min(...best.report)).toBe(0);
    // two cells whose hyperplanes coincide with opposite preferences: they cannot be separated
    const pooled: Stage2Cell[] = [
      { weight: 0.5, others: [0, 1, 0], own: [3, 0, 0] },
      { weight: 0.5, others: [2, 3, 2], own: [0, 3, 0] },
    ];
    const p = bestStage2Response(pooled);
    expect(p.assignment[0]).toBe(p.assignment[1]);
    expect(p.value).toBeCloseTo(1.5, 12);
    expect(perCellUpperBound(pooled)).toBeCloseTo(2.5, 12); // outcome 0 at the first cell (2), 1 at the second (3)
  });

  fcTest.prop([cellsArb(2, 7, 4, [1, 2, 3, 7])], { numRuns: 150, seed: 11 })(
    '(a) two outcomes: equal to the threshold enumeration; (c) <= the per-cell bound',
    (cells) => {
      const exact = bestStage2Response(cells);
      const byThresholds = bestTwoOutcomeResponseByThresholds(cells);
      expect(exact.value).toBeCloseTo(byThresholds.value, 9);
      expect(exact.value).toBeLessThanOrEqual(perCellUpperBound(cells) + 1e-9);
      expect(Math.min(...exact.report)).toBeGreaterThanOrEqual(0);
      expect(expectedStage2Payoff(cells, exact.report)).toBeCloseTo(exact.value, 12);
    },
  );

  fcTest.prop([cellsArb(3, 6, 3)], { numRuns: 40, seed: 12 })(
    '(b) three outcomes, integer W: equal to the best point of the 1/3-grid on [-2R-3, 2R+3]^2; (c) <= the per-cell bound',
    (cells) => {
      const exact = bestStage2Response(cells);
      const L = 2 * spanOf(cells) + 3;
      const grid = bestThreeOutcomeResponseOnGrid(cells, L, 1 / 3);
      expect(exact.value).toBeGreaterThanOrEqual(grid.value - 1e-9);
      expect(exact.value).toBeLessThanOrEqual(grid.value + 1e-9);
      expect(exact.value).toBeLessThanOrEqual(perCellUpperBound(cells) + 1e-9);
    },
  );

  fcTest.prop([cellsArb(3, 6, 3, [1, 2, 3, 7])], { numRuns: 40, seed: 13 })(
    '(b) three outcomes, fractional W: >= every point of a grid',
    (cells) => {
      const exact = bestStage2Response(cells);
      const grid = bestThreeOutcomeResponseOnGrid(cells, spanOf(cells) + 2, 1 / 4);
      expect(exact.value).toBeGreaterThanOrEqual(grid.value - 1e-9);
      expect(exact.value).toBeLessThanOrEqual(perCellUpperBound(cells) + 1e-9);
    },
  );

  fcTest.prop([fc.integer({ min: 3, max: 4 }).chain((C) => cellsArb(C, 4, 3, [1, 3]))], { numRuns: 12, seed: 14 })(
    '(d) equal to brute force over all assignments with LP realizability (certified solveLP)',
    (cells) => {
      const exact = bestStage2Response(cells);
      const brute = bruteForceWithLP(cells);
      expect(exact.value).toBeCloseTo(brute.value, 9);
    },
  );

  it("the maximiser, fed to the foundation's VCG with one other agent reporting W, gives the same payoff", () => {
    const cells: Stage2Cell[] = [
      { weight: 0.5, others: [3, 1, 2], own: [0, 4, 1] },
      { weight: 0.3, others: [0, 2, 2.5], own: [2, 0, 3] },
      { weight: 0.2, others: [1, 1, 1], own: [1, 2, 3] },
    ];
    const best = bestStage2Response(cells);
    const viaVCG = cells.reduce((s, cell) => {
      const { outcome, transfers } = privateValuesVCG([best.report, [...cell.others]]);
      return s + cell.weight * (cell.own[outcome] + transfers[0]);
    }, 0);
    expect(viaVCG).toBeCloseTo(best.value, 12);
    expect(best.value).toBeCloseTo(bruteForceWithLP(cells).value, 9);
  });
});

/** In the game: every information set (after truthful and untruthful stage-1 reports). */
function checkGame(spec: ProductSpec) {
  const { structure } = productFromSpec(spec);
  const { P, decomposition: D } = structure;
  const game = new TwoStageGame(P, D, spec.values);
  for (let i = 0; i < P.agents; i++)
    for (let t = 0; t < P.typeCounts[i]; t++)
      for (let r = 0; r < D.Q.typeCounts[i]; r++) {
        for (const set of game.informationSets(i, t, r)) {
          const cells = game.stage2Cells(set);
          const best = game.bestStage2Report(set);
          const upper = set.cells.reduce((s, c) => s + c.weight * game.stage2UpperBound(i, c.profile, set.posted, c.truePosterior), 0);
          expect(best.value).toBeLessThanOrEqual(upper + 1e-9); // (c)
          if (spec.outcomes === 2) expect(best.value).toBeCloseTo(bestTwoOutcomeResponseByThresholds(cells).value, 9); // (a)
          if (spec.outcomes === 3)
            expect(best.value).toBeGreaterThanOrEqual(bestThreeOutcomeResponseOnGrid(cells, spanOf(cells) + 2, 1 / 2).value - 1e-9); // (b)
          if (r === D.signalOf[i][t]) expect(best.value).toBeCloseTo(game.expectedAtSet(set, game.truthfulReport(i, set.posted, t)), 9); // Part 1
        }
      }
}

/** 2 agents, 3 signals, 3 outcomes (found by search): the information sets pool t_-i with different true posteriors. */
/** The pooling instance of fixtures/seed001/beta-star-pooling.json. */
const POOLING_SPEC = (JSON.parse(readFileSync(join(fixturesDir(), 'seed001', 'beta-star-pooling.json'), 'utf8')) as { spec: ProductSpec })
  .spec;

describe('beta*_i in the two-stage game', () => {
  it("a pooling information set: beta* beats every report of the former candidate set (wbar_i, each t_-i's values, their mean), equals LP brute force, and is strictly below the per-t_-i bound", () => {
    const { structure } = productFromSpec(POOLING_SPEC);
    const game = new TwoStageGame(structure.P, structure.decomposition, POOLING_SPEC.values);
    // agent 0 of type 1 (signal 1) reports signal 2; a single information set (probability 1)
    const [set] = game.informationSets(0, 1, 2);
    expect(set.probability).toBeCloseTo(1, 12);
    const cells = game.stage2Cells(set);
    const best = game.bestStage2Report(set);
    expect(best.value).toBeCloseTo(85 / 32, 9);
    expect(best.value).toBeCloseTo(bruteForceWithLP(cells).value, 9);
    expect(best.value).toBeGreaterThanOrEqual(bestThreeOutcomeResponseOnGrid(cells, spanOf(cells) + 2, 1 / 8).value - 1e-9);
    expect(perCellUpperBound(cells) - best.value).toBeCloseTo(0.0625, 9);
    const mean = [0, 1, 2].map((c) => cells.reduce((s, cell) => s + cell.weight * cell.own[c], 0));
    const former = [game.truthfulReport(0, set.posted, 1), mean, ...cells.map((c) => [...c.own])];
    for (const u of former) expect(game.expectedAtSet(set, u)).toBeLessThan(best.value - 0.09);
  });

  // three signals: information sets then pool t_-i with different true posteriors, where beta*_i is strictly below the per-t_-i bound
  fcTest.prop(
    [
      productSpecArb({
        agents: { min: 2, max: 3 },
        signals: { min: 2, max: 3 },
        payoffTypes: { min: 1, max: 2 },
        states: { min: 2, max: 2 },
        outcomes: { min: 2, max: 3 },
        M: 4,
      }),
    ],
    { numRuns: 25, seed: 21 },
  )(
    'exact beta* vs thresholds (C = 2), grid (C = 3), the per-t_-i bound, and Part 1 (wbar_i optimal after a truthful first stage)',
    (spec) => checkGame(spec),
  );
});
