/**
 * What `mechcheck prices` computes for seed 003 (Theorem 1, rule (4), the
 * demand mechanism with prices (11)): the work it takes, the constructed
 * prices, and the checks on the given profiles and on a grid.
 */
import { CELL_COST, type WorkPart } from '../../core/limits.ts';
import { checkAssumptionsBySampling } from './assumptions.ts';
import { theorem1Price, theorem1PriceDirect } from './construction.ts';
import { bundleName, demandMechanism, type ObjectPrices } from './demand.ts';
import { checkOnGrid, profilesOnGrid } from './grid.ts';
import { admissibleAt, implementingRule, memoPrices, type PersonalizedPrices, type ValuationModel } from './model.ts';
import type { ParsedSpec } from './spec.ts';

/** Grid profiles above which ex post IC on the grid is skipped (single object). */
export const MAX_IC_GRID_PROFILES = 20_000;

/**
 * The work of `mechcheck prices` that does not go through the expressions (those
 * are counted while running): the K^D grid profiles held in memory, and ex post
 * IC on the grid (every profile, buyer and misreport) when it is checked.
 */
export function pricesWork(dims: readonly number[], K: number, objects: number): WorkPart[] {
  const D = dims.reduce((a, b) => a + b, 0);
  const G = K ** D;
  const parts: WorkPart[] = [
    {
      what: `the grid (${K}^${D} = ${G < 1e6 ? G : G.toExponential(2).replace('e+', 'e')} profiles of ${D} signals)`,
      units: G * (CELL_COST * (D + 2 * dims.length + 2) + 50 * dims.length * (1 << objects)),
    },
  ];
  if (objects === 0 && G <= MAX_IC_GRID_PROFILES)
    parts.push({ what: `ex post IC on the grid (${G} profiles x misreports)`, units: 20 * G * dims.reduce((a, d) => a + K ** d, 0) });
  return parts;
}

/** t* by the single-maximisation form when Assumption 2 holds on samples, else by the literal construction. */
export function constructedPrices(model: ValuationModel, accuracy: number) {
  const assumptions = checkAssumptionsBySampling(model, 400, 7);
  const direct = assumptions.assumption1.holds && assumptions.assumption2.holds;
  let worstError = 0;
  const prices: PersonalizedPrices = memoPrices({
    name: `t* (Theorem 1, ${direct ? 'single-maximisation form' : 'literal construction'})`,
    price: (i, s) => {
      if (direct) return theorem1PriceDirect(model, i, s, { accuracy }).price;
      const d = theorem1Price(model, i, s, { accuracy });
      worstError = Math.max(worstError, d.rootError);
      return d.price;
    },
  });
  return {
    prices,
    assumptions,
    method: direct
      ? 'single-maximisation form (Assumptions 1-2 hold on 400 samples)'
      : 'literal construction (V^m, g, lambda*): Assumption 1 or 2 fails on samples',
    worstError: () => worstError,
  };
}

/** The number of profiles of the K-point grid over every buyer's signal dimensions. */
export function gridSize(dims: readonly number[], K: number): number {
  return K ** dims.reduce((a, b) => a + b, 0);
}

/**
 * `mechcheck prices` for one object: the prices (given, or t* of Theorem 1
 * built to `accuracy`), at each profile of `at` the values, prices and the
 * allocation of rule (4), and on the K-point grid admissibility (3), ex post
 * IC of rule (4) (up to MAX_IC_GRID_PROFILES profiles) and the outcome shares.
 */
export function singleObjectSummary(
  model: ValuationModel,
  given: PersonalizedPrices | undefined,
  at: number[][][],
  K: number,
  accuracy: number,
  tol: number,
) {
  const built = given ? null : constructedPrices(model, accuracy);
  const prices = given ? memoPrices(given) : built!.prices;
  // admissibility of numerically computed prices is judged up to 10x their accuracy
  const admTol = given ? tol : 10 * accuracy;
  const outcomeName = (o: number) => (o === 0 ? 'a0 (no sale)' : `a${o} (buyer ${o})`);
  const rows = at.map((s) => {
    const a = admissibleAt(model, prices, s);
    return {
      profile: s,
      values: a.values,
      prices: a.prices,
      allocation: outcomeName(implementingRule(model, prices, s)),
      admissible: a.violation <= admTol,
    };
  });
  const icPossible = gridSize(model.dims, K) <= MAX_IC_GRID_PROFILES;
  const g = icPossible ? checkOnGrid(model, prices, K, tol) : null;
  let shares: number[];
  let firstViolation: unknown = null;
  let worstSecond: number;
  if (g) {
    shares = g.shares;
    firstViolation = g.firstViolation;
    worstSecond = g.admissibilityViolation;
  } else {
    const counts = new Array<number>(model.dims.length + 1).fill(0);
    worstSecond = -Infinity;
    const all = profilesOnGrid(model.dims, K);
    for (const s of all) {
      const a = admissibleAt(model, prices, s);
      if (a.violation > worstSecond) worstSecond = a.violation;
      if (!firstViolation && a.violation > admTol) firstViolation = { profile: s, values: a.values, prices: a.prices };
      counts[implementingRule(model, prices, s)]++;
    }
    shares = counts.map((c) => c / all.length);
  }
  const admissible = worstSecond <= admTol;
  const ic = g ? g.exPostIC.holds : null;
  const ok = admissible && ic !== false;
  const out = {
    prices: prices.name ?? 'given prices',
    ...(built
      ? {
          construction: {
            method: built.method,
            accuracy,
            assumption1: built.assumptions.assumption1,
            assumption2: built.assumptions.assumption2,
          },
        }
      : {}),
    at: rows,
    grid: {
      pointsPerDimension: K,
      profiles: gridSize(model.dims, K),
      admissible,
      largestSecondExcess: worstSecond,
      tolerance: admTol,
      firstViolation,
      exPostIC: g
        ? { holds: g.exPostIC.holds, largestGainFromLying: g.exPostIC.worst, witness: g.exPostIC.holds ? null : g.witness }
        : 'skipped (more than 20000 grid profiles)',
      outcomeShares: Object.fromEntries(shares.map((x, o) => [outcomeName(o), x])),
    },
    ok,
  };
  return { out, built, rows, g, shares, firstViolation, worstSecond, admissible, ok, outcomeName };
}

/**
 * `mechcheck prices` for several objects: the prices (11) (given, or t* per
 * object), the demand mechanism at each profile of `at`, and its feasibility
 * and allocation shares on the K-point grid.
 */
export function multiObjectSummary(spec: ParsedSpec, K: number, accuracy: number) {
  const bundles = spec.bundles!;
  const objects = spec.objects!;
  let prices: ObjectPrices;
  let method = 'given prices';
  if (spec.objectPrices) prices = spec.objectPrices;
  else {
    const built = spec.objectModels!.map((m) => constructedPrices(m, accuracy));
    method = `prices (11): t* per object (${built.map((b, k) => `${objects[k]}: ${b.method}`).join('; ')})`;
    prices = { price: (i, k, s) => built[k].prices.price(i, s) };
  }
  const cache = new Map<string, number>();
  const memo: ObjectPrices = {
    price: (i, k, s) => {
      const key = `${i}|${k}|${JSON.stringify(s.filter((_, j) => j !== i))}`;
      let v = cache.get(key);
      if (v === undefined) cache.set(key, (v = prices.price(i, k, s)));
      return v;
    },
  };
  const name = (L: number) => bundleName(L, objects);
  const rows = spec.at.map((s) => {
    const d = demandMechanism(bundles, memo, s);
    return {
      profile: s,
      buyers: d.choices.map((c, i) => ({
        prices: Object.fromEntries(objects.map((o, k) => [o, memo.price(i, k, s)])),
        bundle: name(c.bundle),
        surplus: c.surplus,
        demandSet: c.demandSet.map(name),
      })),
      feasible: d.feasible,
      overDemanded: d.overDemanded.map((k) => objects[k]),
    };
  });
  const all = profilesOnGrid(bundles.dims, K);
  let infeasible = 0;
  let first: unknown = null;
  const assignments = new Map<string, number>();
  for (const s of all) {
    const d = demandMechanism(bundles, memo, s);
    if (!d.feasible) {
      infeasible++;
      if (!first) first = { profile: s, bundles: d.bundles.map(name), overDemanded: d.overDemanded.map((k) => objects[k]) };
    }
    const key = d.bundles.map(name).join(' / ');
    assignments.set(key, (assignments.get(key) ?? 0) + 1);
  }
  const ok = infeasible === 0;
  const shares = Object.fromEntries([...assignments.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / all.length]));
  return { method, objects, rows, profiles: all.length, infeasible, first, shares, ok };
}
