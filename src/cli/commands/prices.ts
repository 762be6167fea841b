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
import type { PersonalizedPrices, ValuationModel } from '../../mechanisms/personalizedPrices/model.ts';
import { parsePricesSpec, type ParsedSpec } from '../../mechanisms/personalizedPrices/spec.ts';
import { multiObjectSummary, pricesWork, singleObjectSummary } from '../../mechanisms/personalizedPrices/summaries.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile, type CliIO } from '../io.ts';
import { assertWorkWithinLimit, maxWorkOption, StepBudget } from '../../core/limits.ts';
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

const fmt = (x: number) => formatNumber(x);

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        spec: { type: 'string' },
        grid: { type: 'string' },
        accuracy: { type: 'string' },
        'max-work': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
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

function singleObject(
  io: CliIO,
  model: ValuationModel,
  given: PersonalizedPrices | undefined,
  at: number[][][],
  K: number,
  accuracy: number,
  tol: number,
  json: boolean,
  names: string[][],
): number {
  const { out, built, rows, g, shares, firstViolation, worstSecond, admissible, ok, outcomeName } = singleObjectSummary(
    model,
    given,
    at,
    K,
    accuracy,
    tol,
  );
  if (json) printJson(io, out);
  else {
    const w = { write: io.out };
    w.write(`prices: ${out.prices}\n`);
    if (built) {
      w.write(`  construction: ${built.method}, accuracy ${accuracy}\n`);
      if (!built.assumptions.assumption1.holds)
        w.write(`  warning: Assumption 1 fails on samples (values decrease): ${JSON.stringify(built.assumptions.assumption1.witness)}\n`);
      if (!built.assumptions.assumption2.holds)
        w.write(`  warning: Assumption 2 fails on samples: ${JSON.stringify(built.assumptions.assumption2.witness)}\n`);
    }
    const sig = (s: number[][]) => s.map((si, i) => si.map((x, k) => `${names[i][k]}=${fmt(x)}`).join(' ')).join(' | ');
    for (const r of rows) {
      w.write(`at ${sig(r.profile)}\n`);
      r.values.forEach((v, i) =>
        w.write(`  buyer ${i + 1}: value ${fmt(v)}, price ${fmt(r.prices[i])}${v > r.prices[i] ? '  (value exceeds price)' : ''}\n`),
      );
      w.write(`  allocation: ${r.allocation}${r.admissible ? '' : '  [condition (3) fails here]'}\n`);
    }
    w.write(`grid ${K} points per dimension (${out.grid.profiles} profiles):\n`);
    w.write(`  admissibility (3): ${admissible ? 'holds' : 'VIOLATED'} (largest second excess ${fmt(worstSecond)})\n`);
    if (firstViolation) w.write(`    first violation: ${JSON.stringify(firstViolation)}\n`);
    if (g)
      w.write(
        `  ex post IC of rule (4): ${g.exPostIC.holds ? 'holds' : 'VIOLATED'} (largest gain from lying ${fmt(g.exPostIC.worst)})${g.exPostIC.holds ? '' : `\n    witness: ${JSON.stringify(g.witness)}`}\n`,
      );
    else w.write('  ex post IC: skipped (more than 20000 grid profiles)\n');
    w.write(`  outcome shares: ${shares.map((x, o) => `${outcomeName(o)} ${fmt(x)}`).join(', ')}\n`);
  }
  return ok ? 0 : 1;
}

function multiObject(io: CliIO, spec: ParsedSpec, K: number, accuracy: number, json: boolean): number {
  const { method, objects, rows, profiles, infeasible, first, shares, ok } = multiObjectSummary(spec, K, accuracy);
  if (json)
    printJson(io, {
      prices: method,
      objects,
      at: rows,
      grid: {
        pointsPerDimension: K,
        profiles: profiles,
        feasible: ok,
        infeasibleShare: infeasible / profiles,
        firstInfeasible: first,
        allocationShares: shares,
      },
      ok,
    });
  else {
    const w = { write: io.out };
    w.write(`demand mechanism, objects ${objects.join(', ')}; ${method}\n`);
    for (const r of rows) {
      w.write(`at ${JSON.stringify(r.profile)}\n`);
      r.buyers.forEach((b, i) =>
        w.write(
          `  buyer ${i + 1}: prices ${objects.map((o) => `${o} ${fmt(b.prices[o])}`).join(', ')}; gets ${b.bundle} (surplus ${fmt(b.surplus)})\n`,
        ),
      );
      w.write(`  feasible: ${r.feasible ? 'yes' : `NO (${r.overDemanded.join(', ')} demanded twice)`}\n`);
    }
    w.write(
      `grid ${K} points per dimension (${profiles} profiles): ${ok ? 'feasible everywhere' : `INFEASIBLE at ${infeasible} profiles; first ${JSON.stringify(first)}`}\n`,
    );
    w.write(
      `  allocations (buyers 1..n): ${Object.entries(shares)
        .slice(0, 8)
        .map(([k, v]) => `${k}: ${fmt(v)}`)
        .join('; ')}\n`,
    );
  }
  return ok ? 0 : 1;
}
