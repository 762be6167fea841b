/**
 * `mechcheck prices --spec FILE [--grid K] [--accuracy A] [--json]` (seed
 * 003_9ea1ccbe66e932a9.txt, Bikhchandani 2005): personalized prices, condition
 * (3), rule (4) and, for K objects, the demand mechanism of section 4.
 *
 * Single object: valuations (and optionally prices) as mathjs expressions in the
 * buyers' signal variables; without "prices", Theorem 1's t* ((8), (10)) is
 * computed. Prints, per profile in "at", the values, prices and allocation; over
 * the K-per-dimension grid, admissibility (first violation), ex post IC (the
 * foundation's exPostIC) and the share of each outcome. K objects: per-bundle
 * values, per-object prices (given, or (11)), the demand mechanism's bundles and
 * feasibility. Exit 0 when admissible/feasible (and IC), 1 otherwise, 2 on bad input.
 */
import { InputError } from '../../core/errors.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../core/tolerance.ts';
import { checkAssumptionsBySampling } from '../../mechanisms/personalizedPrices/assumptions.ts';
import { theorem1PriceDirect, theorem1Price } from '../../mechanisms/personalizedPrices/construction.ts';
import { bundleName, demandMechanism, type ObjectPrices } from '../../mechanisms/personalizedPrices/demand.ts';
import { checkOnGrid, profilesOnGrid } from '../../mechanisms/personalizedPrices/grid.ts';
import { admissibleAt, implementingRule, memoPrices, type PersonalizedPrices, type ValuationModel } from '../../mechanisms/personalizedPrices/model.ts';
import { parsePricesSpec } from '../../mechanisms/personalizedPrices/spec.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile, type CliIO } from '../io.ts';
import { assertWorkWithinLimit, CELL_COST, maxWorkOption, StepBudget, type WorkPart } from '../../core/limits.ts';
import { formatNumber } from '../../core/format.ts';

const HELP = `usage: mechcheck prices --spec FILE [--grid K] [--accuracy A] [--max-work W] [--json]
  Personalized prices (Bikhchandani 2005, seed 003): condition (3), rule (4), Theorem 1's t*, the demand mechanism.
  FILE (JSON), one object:
    {"buyers": [{"signals": ["p1", "c1"], "value": "p1 + c1*c2"},
                {"signals": ["p2", "c2"], "value": "p2 + c1*c2"}],
     "prices": ["p2 + c2^2", "p1 + c1^2"],          (optional: Theorem 1's t* otherwise)
     "at": [[[0.9, 0.5], [0.4, 0.4]]]}              (profiles to report; signals in [0,1])
  K objects: "objects": ["a", "b"], each buyer "values": {"a": ..., "b": ..., "ab": ...},
    optional "prices": [{"a": ..., "b": ...}, ...] (prices (11) from Theorem 1's construction otherwise).
  Expressions: mathjs syntax in a sandbox: numbers, the signals, pi and e, + - * / ^ %, comparisons,
    c ? a : b, and the functions abs, sqrt, exp, log, pow, min, max, floor, ... (README, "Numbers
    and limits"); no strings, matrices, assignments or other functions; at most 2000 characters.
    Values and prices must evaluate to finite numbers with |x| <= 1e12. At most 32 buyers,
    16 signals each, 1000 profiles in "at".
  --grid K      points per signal dimension for the grid checks (default 5, 2..50)
  --accuracy A  accuracy of the numerical construction of t* (default 1e-6, 1e-12..0.1)
  --max-work W  the work limit (default 1e9 units, about 10 s of CPU; README "Numbers and limits"):
                the grid (K^dimensions profiles) is sized first, and every expression evaluation
                (Theorem 1's construction, the grid checks) is counted while it runs
  Exit 0: prices admissible (3) and rule (4) ex post IC on the grid / demand mechanism feasible;
  1: a violation (the first one is printed); 2: bad input (the field is named).
example:
  mechcheck prices --spec fixtures/seed003/example1.json --grid 9`;

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
  const parts: WorkPart[] = [{ what: `the grid (${K}^${D} = ${G < 1e6 ? G : G.toExponential(2).replace('e+', 'e')} profiles of ${D} signals)`, units: G * (CELL_COST * (D + 2 * dims.length + 2) + 50 * dims.length * (1 << objects)) }];
  if (objects === 0 && G <= MAX_IC_GRID_PROFILES) parts.push({ what: `ex post IC on the grid (${G} profiles x misreports)`, units: 20 * G * dims.reduce((a, d) => a + K ** d, 0) });
  return parts;
}

const fmt = (x: number) => formatNumber(x);

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { spec: { type: 'string' }, grid: { type: 'string' }, accuracy: { type: 'string' }, 'max-work': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    void positionals;
    if (!values.spec) throw new InputError('--spec', 'is required (a JSON file; see --help)');
    const K = numberOption(values.grid, 'grid', { integer: true, min: 2, max: 50 }) ?? 5;
    const accuracyOption = numberOption(values.accuracy, 'accuracy', { min: TIE_TOLERANCE, max: 0.1 });
    const maxWork = maxWorkOption(values['max-work']);
    // every expression evaluation is charged to this budget while the command runs
    const budget = new StepBudget(maxWork, 'spec', "evaluating the spec's expressions (Theorem 1's construction and the grid checks)");
    const spec = parsePricesSpec(readJsonFile(io, values.spec, '--spec'), { budget });
    const accuracy = accuracyOption ?? spec.accuracy ?? 1e-6;
    budget.spend(assertWorkWithinLimit(pricesWork(spec.dims, K, spec.objects?.length ?? 0), maxWork, '--grid'));
    const tol = DEFAULT_TOLERANCE;

    if (spec.model) return singleObject(io, spec.model, spec.prices, spec.at, K, accuracy, tol, values.json === true, spec.names);
    return multiObject(io, spec, K, accuracy, values.json === true);
  },
};

/** t* by the single-maximisation form when Assumption 2 holds on samples, else by the literal construction. */
function constructedPrices(model: ValuationModel, accuracy: number) {
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
  return { prices, assumptions, method: direct ? 'single-maximisation form (Assumptions 1-2 hold on 400 samples)' : 'literal construction (V^m, g, lambda*): Assumption 1 or 2 fails on samples', worstError: () => worstError };
}

function singleObject(io: CliIO, model: ValuationModel, given: PersonalizedPrices | undefined, at: number[][][], K: number, accuracy: number, tol: number, json: boolean, names: string[][]): number {
  const built = given ? null : constructedPrices(model, accuracy);
  const prices = given ? memoPrices(given) : built!.prices;
  // admissibility of numerically computed prices is judged up to 10x their accuracy
  const admTol = given ? tol : 10 * accuracy;
  const outcomeName = (o: number) => (o === 0 ? 'a0 (no sale)' : `a${o} (buyer ${o})`);
  const rows = at.map((s) => {
    const a = admissibleAt(model, prices, s);
    return { profile: s, values: a.values, prices: a.prices, allocation: outcomeName(implementingRule(model, prices, s)), admissible: a.violation <= admTol };
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
    ...(built ? { construction: { method: built.method, accuracy, assumption1: built.assumptions.assumption1, assumption2: built.assumptions.assumption2 } } : {}),
    at: rows,
    grid: {
      pointsPerDimension: K,
      profiles: gridSize(model.dims, K),
      admissible,
      largestSecondExcess: worstSecond,
      tolerance: admTol,
      firstViolation,
      exPostIC: g ? { holds: g.exPostIC.holds, largestGainFromLying: g.exPostIC.worst, witness: g.exPostIC.holds ? null : g.witness } : 'skipped (more than 20000 grid profiles)',
      outcomeShares: Object.fromEntries(shares.map((x, o) => [outcomeName(o), x])),
    },
    ok,
  };
  if (json) printJson(io, out);
  else {
    const w = { write: io.out };
    w.write(`prices: ${out.prices}\n`);
    if (built) {
      w.write(`  construction: ${built.method}, accuracy ${accuracy}\n`);
      if (!built.assumptions.assumption1.holds) w.write(`  warning: Assumption 1 fails on samples (values decrease): ${JSON.stringify(built.assumptions.assumption1.witness)}\n`);
      if (!built.assumptions.assumption2.holds) w.write(`  warning: Assumption 2 fails on samples: ${JSON.stringify(built.assumptions.assumption2.witness)}\n`);
    }
    const sig = (s: number[][]) => s.map((si, i) => si.map((x, k) => `${names[i][k]}=${fmt(x)}`).join(' ')).join(' | ');
    for (const r of rows) {
      w.write(`at ${sig(r.profile)}\n`);
      r.values.forEach((v, i) => w.write(`  buyer ${i + 1}: value ${fmt(v)}, price ${fmt(r.prices[i])}${v > r.prices[i] ? '  (value exceeds price)' : ''}\n`));
      w.write(`  allocation: ${r.allocation}${r.admissible ? '' : '  [condition (3) fails here]'}\n`);
    }
    w.write(`grid ${K} points per dimension (${out.grid.profiles} profiles):\n`);
    w.write(`  admissibility (3): ${admissible ? 'holds' : 'VIOLATED'} (largest second excess ${fmt(worstSecond)})\n`);
    if (firstViolation) w.write(`    first violation: ${JSON.stringify(firstViolation)}\n`);
    if (g) w.write(`  ex post IC of rule (4): ${g.exPostIC.holds ? 'holds' : 'VIOLATED'} (largest gain from lying ${fmt(g.exPostIC.worst)})${g.exPostIC.holds ? '' : `\n    witness: ${JSON.stringify(g.witness)}`}\n`);
    else w.write('  ex post IC: skipped (more than 20000 grid profiles)\n');
    w.write(`  outcome shares: ${shares.map((x, o) => `${outcomeName(o)} ${fmt(x)}`).join(', ')}\n`);
  }
  return ok ? 0 : 1;
}

function gridSize(dims: readonly number[], K: number): number {
  return K ** dims.reduce((a, b) => a + b, 0);
}

function multiObject(io: CliIO, spec: ReturnType<typeof parsePricesSpec>, K: number, accuracy: number, json: boolean): number {
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
      buyers: d.choices.map((c, i) => ({ prices: Object.fromEntries(objects.map((o, k) => [o, memo.price(i, k, s)])), bundle: name(c.bundle), surplus: c.surplus, demandSet: c.demandSet.map(name) })),
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
  if (json) printJson(io, { prices: method, objects, at: rows, grid: { pointsPerDimension: K, profiles: all.length, feasible: ok, infeasibleShare: infeasible / all.length, firstInfeasible: first, allocationShares: shares }, ok });
  else {
    const w = { write: io.out };
    w.write(`demand mechanism, objects ${objects.join(', ')}; ${method}\n`);
    for (const r of rows) {
      w.write(`at ${JSON.stringify(r.profile)}\n`);
      r.buyers.forEach((b, i) => w.write(`  buyer ${i + 1}: prices ${objects.map((o) => `${o} ${fmt(b.prices[o])}`).join(', ')}; gets ${b.bundle} (surplus ${fmt(b.surplus)})\n`));
      w.write(`  feasible: ${r.feasible ? 'yes' : `NO (${r.overDemanded.join(', ')} demanded twice)`}\n`);
    }
    w.write(`grid ${K} points per dimension (${all.length} profiles): ${ok ? 'feasible everywhere' : `INFEASIBLE at ${infeasible} profiles; first ${JSON.stringify(first)}`}\n`);
    w.write(`  allocations (buyers 1..n): ${Object.entries(shares).slice(0, 8).map(([k, v]) => `${k}: ${fmt(v)}`).join('; ')}\n`);
  }
  return ok ? 0 : 1;
}
