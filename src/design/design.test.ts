/**
 * The design engine: known optima (Myerson's revenue on a uniform grid),
 * Myerson-Satterthwaite's impossibility as a certificate, and, on random
 * environments (several states, zero-probability profiles, interdependent
 * values), that the designed mechanism passes `check` on every imposed
 * constraint and that the LP is not stricter than `check` (a mechanism that
 * `check` accepts is feasible for the LP and no better than its optimum).
 */
import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../concepts/checkAll.ts';
import type { EnvironmentSpec } from '../generators/environments.ts';
import { environmentSpecArb } from '../generators/environments.ts';
import { vcgMechanism } from '../mechanisms/groves.ts';
import { MechanismTable } from '../model/mechanism.ts';
import { DESIGN_CONSTRAINTS, type DesignConstraint } from './constraints.ts';
import { asDirectMechanism, designMechanism, mechanismFile } from './design.ts';
import { parseDesignFile } from './designFile.ts';
import { parseMechanism } from '../check/mechanismFile.ts';

/** Bilateral trade on the grid {0, ..., k-1} for both (uniform). */
export function tradeGrid(k: number, constraints: DesignConstraint[], objective: unknown = 'welfare') {
  const grid = Array.from({ length: k }, (_, j) => j);
  const p = grid.map(() => 1 / k);
  return {
    agents: ['seller', 'buyer'],
    types: [grid.map((c) => `c=${c}`), grid.map((v) => `v=${v}`)],
    prior: { independent: [p, p] },
    outcomes: ['no trade', 'trade'],
    valuations: { private: [grid.map((c) => [0, -c]), grid.map((v) => [0, v])] },
    design: { objective, constraints },
  };
}

/** A single-item auction with bidders' values 1..T (uniform). */
function auction(n: number, T: number, constraints: DesignConstraint[]) {
  const vals = Array.from({ length: T }, (_, k) => k + 1);
  return {
    agents: n,
    types: Array.from({ length: n }, () => vals.map((v) => `v=${v}`)),
    prior: { independent: Array.from({ length: n }, () => vals.map(() => 1 / T)) },
    outcomes: ['no sale', ...Array.from({ length: n }, (_, i) => `${i} wins`)],
    valuations: {
      private: Array.from({ length: n }, (_, i) => vals.map((v) => Array.from({ length: n + 1 }, (_, c) => (c === i + 1 ? v : 0)))),
    },
    design: { objective: 'revenue', constraints },
  };
}

/** A design file from a generated environment spec (joint prior over states x profiles, state-dependent values). */
function fileFromSpec(spec: EnvironmentSpec, constraints: DesignConstraint[], objective: unknown) {
  const total = spec.prior.weights.reduce((a, b) => a + b, 0);
  return {
    agents: spec.prior.typeCounts.length,
    types: spec.prior.typeCounts,
    states: spec.prior.states,
    prior: { joint: spec.prior.weights.map((w) => w / total) },
    outcomes: spec.outcomes,
    valuations: { stateDependent: spec.values },
    design: { objective, constraints },
  };
}

describe('known optima', () => {
  it("Myerson's revenue on values 1..6: 29/9 with two bidders, 4 with three (exact)", () => {
    const two = designMechanism(parseDesignFile(auction(2, 6, ['interimIC', 'interimIR'])), { exact: true });
    expect(two.status).toBe('optimal');
    expect(two.exact).toEqual({ verified: true, value: '29/9' });
    const three = designMechanism(parseDesignFile(auction(3, 6, ['interimIC', 'interimIR'])), { exact: true });
    expect(three.value).toBeCloseTo(4, 9);
    expect(three.exact?.value).toBe('4');
    for (const c of three.checks!) expect(c.holds, c.constraint).toBe(true);
  });

  it('objectives: welfare is weights 1 plus revenue weight 1; revenue is weights 0 plus revenue weight 1', () => {
    const base = tradeGrid(3, ['interimIC', 'interimIR', 'exAnteBudget']);
    const w = designMechanism(parseDesignFile(base));
    const w2 = designMechanism(
      parseDesignFile({ ...base, design: { ...base.design, objective: { agentWeights: [1, 1], revenueWeight: 1 } } }),
    );
    expect(w2.value).toBeCloseTo(w.value!, 9);
    const r = designMechanism(parseDesignFile({ ...base, design: { ...base.design, objective: 'revenue' } }));
    const r2 = designMechanism(
      parseDesignFile({ ...base, design: { ...base.design, objective: { agentWeights: [0, 0], revenueWeight: 1 } } }),
    );
    expect(r2.value).toBeCloseTo(r.value!, 9);
    // welfare with free transfers under ex ante budget: the efficient welfare E[(v - c)+] = 4/9 on {0, 1, 2}
    expect(w.value).toBeCloseTo(4 / 9, 9);
  });
});

describe('impossibility as a certificate', () => {
  it('Myerson-Satterthwaite on the grid {0..5}: infeasible, carried by interim IR, budget balance and efficiency; feasible on {0..4}', () => {
    const cons: DesignConstraint[] = ['efficient', 'interimIC', 'interimIR', 'exPostBudgetBalance'];
    const five = designMechanism(parseDesignFile(tradeGrid(5, cons)));
    expect(five.status).toBe('optimal');
    const six = designMechanism(parseDesignFile(tradeGrid(6, cons)), { exact: true });
    expect(six.status).toBe('infeasible');
    expect(six.exact?.verified).toBe(true);
    const fams = six.infeasibility!.families.map((f) => f.family);
    expect(fams).toEqual(expect.arrayContaining(['interimIR', 'exPostBudgetBalance']));
    const ir = six.infeasibility!.families.find((f) => f.family === 'interimIR')!;
    // the binding participation constraints are the worst types: the seller with the highest cost, the buyer with the lowest value
    expect(ir.cases.map((c) => c.label)).toEqual(expect.arrayContaining(['seller type c=5', 'buyer type v=0']));
    const total = six.infeasibility!.families.reduce((s, f) => s + f.share, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(six.infeasibility!.bound).toBeLessThan(0);
    expect(six.infeasibility!.summary).toMatch(/interim IR of .*seller type c=5/);
  });

  it('unbounded revenue without participation constraints: the direction charges everyone', () => {
    const r = designMechanism(parseDesignFile(tradeGrid(3, ['interimIC'], 'revenue')));
    expect(r.status).toBe('unbounded');
    expect(r.direction!.rate).toBeGreaterThan(0);
    expect(r.direction!.moves.every((m) => m.variable.startsWith('transfer') && m.change < 0)).toBe(true);
  });
});

describe('the LP means what check means', () => {
  const subsetArb = fc.subarray([...DESIGN_CONSTRAINTS], { minLength: 1 });
  let optimal = 0;
  let infeasible = 0;
  fcTest.prop(
    [
      environmentSpecArb({
        agents: { min: 1, max: 2 },
        types: { min: 1, max: 3 },
        states: { min: 1, max: 2 },
        maxWeight: 3,
        fullSupport: false,
      }),
      subsetArb,
      fc.constantFrom('welfare', 'revenue'),
    ],
    { numRuns: 60, seed: 21 },
  )(
    'a designed mechanism passes check on every imposed constraint (several states, zero-probability profiles)',
    (spec, constraints, objective) => {
      const withIR =
        constraints.includes('interimIR') || constraints.includes('exPostIR') || objective === 'welfare'
          ? constraints
          : [...constraints, 'interimIR' as const];
      const problem = parseDesignFile(fileFromSpec(spec, withIR, objective));
      const r = designMechanism(problem);
      if (r.status === 'optimal') {
        optimal++;
        for (const c of r.checks!) expect(c.holds, `${c.constraint} ${c.violation}`).toBe(true);
        // the same mechanism through the check file format
        const loaded = parseMechanism(mechanismFile(problem, r));
        const again = checkAll(loaded.env, loaded.mech, {}, loaded.require);
        for (const a of again) expect(a.holds, a.concept).toBe(true);
      } else if (r.status === 'infeasible') {
        infeasible++;
        expect(r.infeasibility!.bound).toBeLessThan(0);
      } else expect(r.direction!.rate).toBeGreaterThan(0);
    },
  );
  it('the property met a substantial number of optimal designs (infeasible ones: the certificate tests above)', () => {
    expect(optimal).toBeGreaterThan(20);
    expect(optimal + infeasible).toBeLessThanOrEqual(60);
  });

  fcTest.prop([environmentSpecArb({ agents: { min: 1, max: 3 }, types: { min: 1, max: 3 }, states: { min: 1, max: 1 }, maxWeight: 3 })], {
    numRuns: 40,
    seed: 22,
  })('not stricter than check: VCG (which check accepts) is feasible, and the welfare optimum is its welfare', (spec) => {
    const cons: DesignConstraint[] = [
      'dominantStrategyIC',
      'exPostIC',
      'interimIC',
      'exPostIR',
      'interimIR',
      'noPositiveTransfers',
      'exPostBudget',
      'exAnteBudget',
      'efficient',
    ];
    const problem = parseDesignFile(fileFromSpec(spec, cons, 'welfare'));
    const vcg = vcgMechanism(problem.env);
    const held = checkAll(problem.env, vcg).filter((c) => !c.holds);
    expect(held).toEqual([]); // Clarke's VCG with values in [0, M]: every concept of check
    const r = designMechanism(problem);
    expect(r.status).toBe('optimal');
    const table = new MechanismTable(problem.env, vcg);
    let welfare = 0;
    const S = problem.env.prior.profiles.size;
    for (let k = 0; k < S; k++)
      for (let c = 0; c < problem.env.outcomes; c++)
        for (let i = 0; i < problem.env.prior.agents; i++)
          welfare += problem.env.prior.profileMarginal[k] * table.outcomeProbability(k, c) * problem.env.value(i, c, 0, k);
    expect(r.value!).toBeCloseTo(welfare, 7);
    void asDirectMechanism;
  });
});

describe("check's zero-probability policy", () => {
  it('no row treats a profile of probability 0 as a true profile; reports still range over every type', async () => {
    const { buildDesignProgram } = await import('./program.ts');
    const { floatDesignData } = await import('./designData.ts');
    // two agents with two types; the profile (1, 1) has probability 0, every own type has positive probability
    const file = {
      agents: 2,
      types: [2, 2],
      prior: { joint: [0.25, 0.25, 0.5, 0] },
      outcomes: 2,
      valuations: {
        private: [
          [
            [0, 1],
            [0, 2],
          ],
          [
            [0, 1],
            [0, 3],
          ],
        ],
      },
      design: {
        objective: 'welfare',
        constraints: [
          'dominantStrategyIC',
          'exPostIC',
          'exPostIR',
          'exPostBudget',
          'exPostBudgetBalance',
          'noPositiveTransfers',
          'efficient',
        ],
      },
    };
    const problem = parseDesignFile(file);
    const p = buildDesignProgram(floatDesignData(problem.env), problem.spec);
    const count = (f: string) => p.rowTags.filter((t) => t.family === f).length;
    expect(count('exPostBudget')).toBe(3);
    expect(count('exPostBudgetBalance')).toBe(3);
    expect(count('noPositiveTransfers')).toBe(6);
    expect(count('exPostIR')).toBe(6);
    // DSIC with private values: every reported profile whose own type has positive probability, including (1, 1)
    expect(count('dominantStrategyIC')).toBe(8);
    expect(count('exPostIC')).toBe(0); // among DSIC's rows
    expect(p.efficientOutcomes![3]).toBeNull();
    // and the designed mechanism passes check (which applies the same policy)
    const r = designMechanism(problem);
    expect(r.status).toBe('optimal');
    for (const c of r.checks!) expect(c.holds, c.constraint).toBe(true);
  });
});
