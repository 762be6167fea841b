/**
 * Green and Laffont (1977): for a public project with rich type spaces, no
 * mechanism is efficient, dominant-strategy IC and (ex post) budget balanced
 * (Groves mechanisms are the only efficient DSIC ones there, and none balances
 * the budget). d'Aspremont and Gerard-Varet (1979): with independent types,
 * relaxing DSIC to Bayesian IC, the expected-externality mechanism is
 * efficient, Bayesian IC and ex post budget balanced.
 *
 * On discrete types the design LP decides each instance (feasibility here does
 * not depend on the prior: efficiency, DSIC and budget balance are prior-free).
 * The computation finds: every two-type instance admits an efficient, DSIC,
 * budget-balanced mechanism (all 21 integer grids in [-3, 3], two and three
 * agents, and random two-type grids); with three types it starts to fail: two
 * agents with types {-2, 1, 3} (or its mirror {-3, -1, 2}) are the smallest
 * integer instances in [-3, 3] (exact Farkas certificates); with the symmetric
 * grids {-m..m}, m = 1 works and m >= 2 does not.
 */
import fc from 'fast-check';
import { claim, exampleEntry } from '../../src/catalogue/exampleEntry.ts';
import { withoutVariant } from '../../src/catalogue/manifest.ts';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import type { DesignConstraint } from '../../src/design/constraints.ts';
import { designAndCheck, gridArb, impossibilityCheck, normalise, publicProjectFile } from './environments.ts';
import { hypotheses, relaxes, source } from './manifest.ts';

const GL_CONSTRAINTS: DesignConstraint[] = ['efficient', 'dominantStrategyIC', 'exPostBudgetBalance'];
const AGV_CONSTRAINTS: DesignConstraint[] = ['efficient', 'interimIC', 'exPostBudgetBalance'];
const GL_HYPOTHESES = hypotheses('public.project', 'public.efficiency', 'public.dsic', 'public.exPostBudgetBalance', 'design.randomized');

interface SymmetricInstance {
  agents: number;
  m: number;
  step: number;
}
const symmetricArb = () =>
  fc.record({ agents: fc.integer({ min: 2, max: 3 }), m: fc.integer({ min: 2, max: 3 }), step: fc.integer({ min: 1, max: 3 }) });
const symmetricFile = ({ agents, m, step }: SymmetricInstance, constraints: DesignConstraint[]) => {
  const grid = Array.from({ length: 2 * m + 1 }, (_, j) => (j - m) * step);
  return publicProjectFile(
    Array.from({ length: agents }, () => grid),
    Array.from({ length: agents }, () => grid.map(() => 1 / grid.length)),
    'welfare',
    constraints,
  );
};

/** Catalogue entry (its id below); see the file header for what it checks. */
export const glImpossibility = propertyEntry<SymmetricInstance>({
  id: 'classics.greenLaffont.impossibility',
  title: 'Green-Laffont on discrete grids: no efficient, dominant-strategy IC, budget-balanced public project (types s{-m..m}, m >= 2)',
  source: source('GL77', 'the impossibility of efficient, dominant-strategy IC, balanced mechanisms for a public project'),
  kind: 'theorem',
  hypotheses: [...GL_HYPOTHESES, ...hypotheses('public.richGrid')],
  conclusion: 'the design LP is infeasible, with a verified Farkas certificate',
  expected: 'holds',
  runs: 12,
  health: {
    minChecked: 12,
    why: 'the arbitrary has 12 distinct instances (2 or 3 agents, symmetric grids s{-m..m} with m = 2 or 3, steps 1..3); each solves and certifies a design LP',
  },
  arbitrary: symmetricArb,
  check: (x) => impossibilityCheck(symmetricFile(x, GL_CONSTRAINTS)),
  metrics: { farkasMargin: 'min' },
  mutant: {
    description: "dominant-strategy IC weakened to Bayesian IC (d'Aspremont-Gerard-Varet): a mechanism exists",
    check: (x) => impossibilityCheck(symmetricFile(x, AGV_CONSTRAINTS)),
  },
});

interface TwoTypeInstance {
  grids: number[][];
}
/** Catalogue entry (its id below); see the file header for what it checks. */
export const glTwoTypes = propertyEntry<TwoTypeInstance>({
  id: 'classics.greenLaffont.withoutRichGrid',
  aliases: ['classics.greenLaffont.twoTypes'],
  title: 'Green-Laffont with two types per agent: the impossibility fails',
  source: source('GL77', 'the impossibility (stated for rich, connected type spaces)'),
  kind: 'relaxation',
  relaxes: relaxes('public.richGrid'),
  drops: 'public.richGrid',
  hypotheses: [...GL_HYPOTHESES, ...hypotheses('public.twoTypes')],
  conclusion: 'the design LP is infeasible',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 10,
  arbitrary: () => fc.record({ grids: fc.array(gridArb(-5, 5, 2, 2), { minLength: 2, maxLength: 3 }) }),
  check: ({ grids }) =>
    impossibilityCheck(
      publicProjectFile(
        grids,
        grids.map(() => [0.5, 0.5]),
        'welfare',
        GL_CONSTRAINTS,
      ),
    ),
});

/** All integer grids of a size within [-3, 3]; which admit no efficient, DSIC, balanced mechanism. */
function search(agents: number, size: number): { total: number; infeasible: number[][]; exact: boolean } {
  const vals = [-3, -2, -1, 0, 1, 2, 3];
  const combos = (start: number, k: number): number[][] =>
    k === 0 ? [[]] : vals.slice(start).flatMap((v, j) => combos(start + j + 1, k - 1).map((c) => [v, ...c]));
  const infeasible: number[][] = [];
  let exact = true;
  const all = combos(0, size);
  for (const g of all) {
    const d = designAndCheck(
      publicProjectFile(
        Array.from({ length: agents }, () => g),
        Array.from({ length: agents }, () => g.map(() => 1 / g.length)),
        'welfare',
        GL_CONSTRAINTS,
      ),
      { exact: true },
    );
    if (d.result.status === 'optimal' && !d.mechanismPasses) throw new Error(`grid ${g}: the designed mechanism fails check`);
    if (d.result.status === 'infeasible') {
      infeasible.push(g);
      exact &&= d.result.exact?.verified === true;
    }
  }
  return { total: all.length, infeasible, exact };
}

function smallestOutput(expectedTwoAgents: string[]) {
  const comparisons = [];
  const rows: (string | number)[][] = [];
  for (const agents of [2, 3]) {
    for (const size of [2, 3]) {
      const s = search(agents, size);
      rows.push([agents, size, `${s.infeasible.length} of ${s.total}`, s.infeasible.map((g) => `{${g.join(', ')}}`).join(' ')]);
      if (size === 2)
        comparisons.push(
          claim(
            `${agents} agents, two types: every grid admits a mechanism`,
            s.infeasible.length === 0,
            `${s.infeasible.length} infeasible`,
          ),
        );
      else if (agents === 2)
        comparisons.push({
          name: '2 agents, three types: the grids with no mechanism',
          expected: expectedTwoAgents.join(' '),
          actual: s.infeasible.map((g) => `{${g.join(', ')}}`).join(' '),
          ok: s.infeasible.map((g) => `{${g.join(', ')}}`).join(' ') === expectedTwoAgents.join(' '),
        });
      if (s.infeasible.length > 0)
        comparisons.push(claim(`${agents} agents, ${size} types: every impossibility certified exactly`, s.exact));
    }
  }
  return {
    comparisons,
    tables: [
      {
        title: 'Efficient, DSIC, ex post budget-balanced public project: integer type grids in [-3, 3], the same grid for every agent',
        columns: ['agents', 'types', 'grids with no mechanism', 'which'],
        rows,
      },
    ],
  };
}

/** Catalogue entry (its id below); see the file header for what it checks. */
export const glSmallest = exampleEntry({
  id: 'classics.greenLaffont.smallestInstance',
  title: 'Green-Laffont on small grids: never with two types; with three, first for two agents with types {-2, 1, 3} or {-3, -1, 2}',
  source: source('GL77', 'the impossibility on discrete types'),
  kind: 'example',
  hypotheses: [...GL_HYPOTHESES, ...hypotheses('public.smallGrids')],
  conclusion:
    'no two-type grid is infeasible; for two agents exactly {-3, -1, 2} and {-2, 1, 3} among the 35 three-type grids (exact certificates)',
  expected: 'holds',
  evaluate: () => smallestOutput(['{-3, -1, 2}', '{-2, 1, 3}']),
  mutant: {
    description: 'the symmetric grid {-1, 0, 1} claimed infeasible too',
    evaluate: () => smallestOutput(['{-3, -1, 2}', '{-2, 1, 3}', '{-1, 0, 1}']),
  },
});

interface AgvInstance {
  grids: number[][];
  weights: number[][];
}
const agvArb = () =>
  fc.array(gridArb(-4, 4, 2, 4), { minLength: 2, maxLength: 3 }).chain((grids) =>
    fc.record({
      grids: fc.constant(grids),
      weights: fc.tuple(...grids.map((g) => fc.array(fc.integer({ min: 1, max: 5 }), { minLength: g.length, maxLength: g.length }))),
    }),
  );

function agvCheck({ grids, weights }: AgvInstance, constraints: DesignConstraint[]) {
  const d = designAndCheck(publicProjectFile(grids, weights.map(normalise), 'welfare', constraints));
  const r = d.result;
  if (r.status === 'optimal' && !d.mechanismPasses) throw new Error(`the designed mechanism fails check: ${d.failures!.join(', ')}`);
  return {
    ok: r.status === 'optimal',
    metrics: { found: r.status === 'optimal' ? 1 : 0 },
    detail:
      r.status === 'optimal'
        ? {
            status: r.status,
            welfare: r.value,
            checks: r.checks!.map((c) => `${c.constraint}: ${c.holds ? 'holds' : 'VIOLATED'} (${c.violation})`),
          }
        : { status: r.status, certificate: r.infeasibility?.summary },
  };
}

/** Catalogue entry (its id below); see the file header for what it checks. */
export const agvBudgetBalanced = propertyEntry<AgvInstance>({
  id: 'classics.dAspremontGerardVaret.budgetBalanced',
  title: "d'Aspremont-Gerard-Varet: with independent types an efficient, Bayesian IC, ex post budget-balanced mechanism exists",
  source: source('AGV79', 'the expected-externality mechanism'),
  kind: 'theorem',
  hypotheses: hypotheses(
    'public.project',
    'public.independent',
    'public.efficiency',
    'public.interimIC',
    'public.exPostBudgetBalance',
    'design.randomized',
  ),
  conclusion: "the design LP finds a mechanism, and check's concepts confirm interim IC and budget balance on it",
  expected: 'holds',
  runs: 30,
  arbitrary: agvArb,
  check: (x) => agvCheck(x, AGV_CONSTRAINTS),
  mutant: {
    description: 'Bayesian IC strengthened to dominant-strategy IC (Green-Laffont) on the symmetric grid {-2..2}',
    check: (x) => agvCheck(x, GL_CONSTRAINTS),
    arbitrary: () =>
      fc.integer({ min: 2, max: 3 }).map((n) => ({
        grids: Array.from({ length: n }, () => [-2, -1, 0, 1, 2]),
        weights: Array.from({ length: n }, () => [1, 1, 1, 1, 1]),
      })),
  },
});

/** Relaxations of Green-Laffont: one hypothesis dropped on the symmetric grids, a mechanism is found. */
function glRelaxation(oldName: string, title: string, dropped: Parameters<typeof relaxes>[0], constraints: DesignConstraint[]) {
  return propertyEntry<SymmetricInstance>({
    id: `classics.greenLaffont.${withoutVariant(dropped)}`,
    aliases: [`classics.greenLaffont.relaxation.${oldName}`],
    drops: dropped,
    title: `Green-Laffont without ${title}: a mechanism exists`,
    source: source('GL77', 'the impossibility, one hypothesis dropped'),
    kind: 'relaxation',
    relaxes: relaxes(dropped),
    hypotheses: [...GL_HYPOTHESES.filter((h) => !h.startsWith(`[${dropped}]`)), ...hypotheses('public.richGrid')],
    conclusion: 'the design LP is infeasible',
    expected: 'refuted',
    refutation: 'relaxation',
    runs: 5,
    arbitrary: symmetricArb,
    check: (x) => impossibilityCheck(symmetricFile(x, constraints)),
  });
}

/** Catalogue entries (ids below); see the file header. */
export const glRelaxations = [
  glRelaxation('noBudgetBalance', 'budget balance (the pivot mechanism runs a deficit or surplus)', 'public.exPostBudgetBalance', [
    'efficient',
    'dominantStrategyIC',
  ]),
  glRelaxation('noEfficiency', 'efficiency', 'public.efficiency', ['dominantStrategyIC', 'exPostBudgetBalance']),
  glRelaxation('bayesianIC', 'dominant-strategy IC (Bayesian IC instead, independent uniform types)', 'public.dsic', AGV_CONSTRAINTS),
];
