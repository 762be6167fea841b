/**
 * Distance to the optimum: the constraints a mechanism satisfies, its value,
 * and the certified optimum under exactly those constraints (never below the
 * mechanism's value).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../catalogue/paths.ts';
import { parseMechanism } from '../check/mechanismFile.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { againstOptimum, objectiveValue, satisfiedConstraints } from './againstOptimum.ts';

const load = (name: string) => parseMechanism(JSON.parse(readFileSync(join(fixturesDir(), 'mechanisms', name), 'utf8')));
const labels = (m: ReturnType<typeof load>) => ({ agents: m.agentNames, types: m.typeLabels, outcomes: m.outcomeLabels });

describe('against the optimum', () => {
  it('the second-price auction: every check concept and efficiency; efficient, so no welfare to gain', () => {
    const m = load('second-price-auction.json');
    const sat = satisfiedConstraints(m.env, m.mech);
    expect(sat).toEqual(expect.arrayContaining(['dominantStrategyIC', 'interimIC', 'exPostIR', 'noPositiveTransfers', 'efficient']));
    expect(sat).not.toContain('exPostBudgetBalance');
    const w = againstOptimum(m.env, m.mech, labels(m), 'welfare');
    expect(w.status).toBe('optimal');
    expect(w.gap!).toBeCloseTo(0, 9);
    // revenue: the optimum under the same constraints is at least the auction's revenue 14/9... minus nothing
    const r = againstOptimum(m.env, m.mech, labels(m), 'revenue');
    expect(r.value).toBeCloseTo(14 / 9, 12);
    expect(r.optimum!).toBeGreaterThanOrEqual(r.value - 1e-9);
  });

  it('a mechanism that ignores the reports: Ann always wins, pays 1 to Bob; the optimum under the same constraints', () => {
    const m = load('second-price-auction.json');
    const constant: DirectMechanism = { outcome: () => 0, transfer: () => [-1, 1] };
    const sat = satisfiedConstraints(m.env, constant);
    expect(sat).toEqual([
      'dominantStrategyIC',
      'exPostIC',
      'interimIC',
      'exPostIR',
      'interimIR',
      'exPostBudget',
      'exAnteBudget',
      'exPostBudgetBalance',
    ]);
    const w = againstOptimum(m.env, constant, labels(m), 'welfare');
    expect(w.value).toBeCloseTo(2, 12); // Ann's expected value; transfers cancel
    expect(w.status).toBe('optimal');
    expect(w.optimum!).toBeGreaterThan(w.value + 0.1); // efficiency is attainable in part under DSIC, ex post IR and budget balance
    expect(w.optimum!).toBeLessThanOrEqual(22 / 9 + 1e-9); // never above the first best E[max]
    expect(w.gap!).toBeCloseTo(w.optimum! - 2, 12);
    expect(objectiveValue(m.env, constant, 'revenue')).toBe(0);
  });
});
