/**
 * `mechcheck ep optimal | frontier | amd` (seed 002_db415cb54f560522.txt,
 * Eilat and Paunzer 2008): the optimal bilateral-trade mechanism for N objects
 * with binary i.i.d. valuations (Theorem 1, Remark 2), the Pareto frontier
 * (section 4, "Construction of the Pareto frontier") and the full
 * automated-mechanism-design LP as an independent, certified check.
 */
import { fraction } from 'mathjs';
import { InputError } from '../../core/errors.ts';
import { assertWorkWithinLimit, maxWorkOption } from '../../core/limits.ts';
import { MAX_ABS_PAYOFF, parseDecimal, parseDecimalOrFraction, parseRational } from '../../core/numbers.ts';
import { exactField, floatField, type Field } from '../../mechanisms/bilateralTrade/field.ts';
import { AGENTS, validateParameters, type TradeParameters } from '../../mechanisms/bilateralTrade/model.ts';
import { amdWork, frontierSummary, optimalSummary } from '../../mechanisms/bilateralTrade/summaries.ts';
import type { Command } from '../command.ts';
import { parse, printJson } from '../io.ts';
import { formatNumber } from '../../core/format.ts';

const PARAMS = `  --objects N          number of objects: optimal N <= 100000 (exact: 1000), frontier N <= 10000
                       (exact: 200), amd N <= 4; the work limit may refuse less (--max-work)
  --buyer-high X       v_h^b, the buyer's good (high) valuation
  --buyer-low X        v_l^b, the buyer's bad (low) valuation
  --seller-high X      v_h^s, the seller's bad (high) valuation
  --seller-low X       v_l^s, the seller's good (low) valuation
                       (the model needs v_h^b > v_h^s > v_l^b > v_l^s >= 0)
  --q-buyer Q          probability that the buyer's value of an object is high, in (0, 1)
  --q-seller Q         probability that the seller's value of an object is low, in (0, 1)
  Numbers are decimals (12, 0.25, 1e3) or fractions a/b; valuations in [0, 1e12]; no hex,
  Infinity or empty values. With --exact they are read exactly (at most 60 digits in the
  reduced numerator and denominator).`;

const HELP = `usage: mechcheck ep optimal  [parameters] --alpha-seller A [--exact] [--json]
       mechcheck ep frontier [parameters] [--exact] [--json]
       mechcheck ep amd      [parameters] --alpha-seller A [--json]

Optimal bilateral trade of N objects with binary i.i.d. valuations (Eilat and
Paunzer 2008; seed 002). A seller (good = low valuation) and a buyer (good =
high valuation); a bad-good encounter trades with probability mu_m^j, where m is
the number of good valuations in the bad agent j's report.

  optimal   the alpha-optimal mechanism (Theorem 1, by Remark 2's greedy):
            {"thresholds", "sigma", "fixedPayments", "utilities", "weightedWelfare",
             "gainsFromTrade", "tradeProbabilities" (N <= 64), "marginalVariables"}.
            Threshold M^j and sigma^j mean
            mu_m^j = 0 for m < M^j, sigma^j (in (0, 1]) at M^j, 1 above; M^j = N
            (sigma 0) when j never trades a bad object. Fixed payments c^j go to
            j's worst type on top of the information rents.
  frontier  the Pareto frontier's vertices [{"seller", "buyer", "alphaSeller": [from, to]}],
            from alpha^s = 0 to 1 (consecutive vertices span its edges).
  amd       the full automated-mechanism-design LP over ALL direct mechanisms
            (interim IC and IR, ex ante budget balance), N <= 4, solved by HiGHS and
            certified by its dual bound; compared with the threshold mechanism.

Parameters:
${PARAMS}
  --alpha-seller A     weight alpha^s in [0, 1] on the seller (alpha^b = 1 - alpha^s)
  --exact              exact rational arithmetic (results as fractions "a/b")
  --max-work W         the work limit (default 1e9 units, about 10 s of CPU; README "Numbers and
                       limits"): the work (breakpoints x N for the frontier, with the size of the
                       exact numbers; the LP size for amd) is estimated first; more is refused
  --json               machine-readable output
Exit 0 on success, 2 on bad input (the message names the option).
example:
  mechcheck ep optimal --objects 3 --buyer-high 12 --buyer-low 1 --seller-high 11 --seller-low 0 --q-buyer 0.5 --q-seller 0.5 --alpha-seller 0.5 --exact`;

const OPTIONS = {
  objects: { type: 'string' },
  'buyer-high': { type: 'string' },
  'buyer-low': { type: 'string' },
  'seller-high': { type: 'string' },
  'seller-low': { type: 'string' },
  'q-buyer': { type: 'string' },
  'q-seller': { type: 'string' },
  'alpha-seller': { type: 'string' },
  'max-work': { type: 'string' },
  exact: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAMES = {
  objects: '--objects',
  buyerHigh: '--buyer-high',
  buyerLow: '--buyer-low',
  sellerHigh: '--seller-high',
  sellerLow: '--seller-low',
  qBuyer: '--q-buyer',
  qSeller: '--q-seller',
} as const;

/** Bounds of the parameters: valuations are payoffs (|x| <= MAX_ABS_PAYOFF), probabilities in (0, 1), weights in [0, 1]. */
const VALUE_BOUNDS = { min: 0, max: MAX_ABS_PAYOFF };
const UNIT_BOUNDS = { min: 0, max: 1 };

/** Largest --objects per subcommand and arithmetic (the work limit may refuse less). */
export const MAX_OBJECTS = {
  optimal: { float: 100000, exact: 1000 },
  frontier: { float: 10000, exact: 200 },
  amd: { float: 4, exact: 0 },
} as const;

/**
 * A decimal (`12`, `0.25`, `1e3`) or a fraction a/b, in the chosen field: exact
 * mode reads it exactly (src/core/numbers.ts parseRational: at most 60 digits
 * in the reduced numerator and denominator). No hex, Infinity or empty strings.
 */
function parseValue<T>(F: Field<T>, raw: string | undefined, name: string, bounds: { min: number; max: number }): T {
  if (raw === undefined) throw new InputError(name, 'is required');
  if (F.name === 'exact') {
    const r = parseRational(raw, name, bounds);
    return fraction(`${r.numerator}/${r.denominator}`) as T;
  }
  return F.of(parseDecimalOrFraction(raw, name, bounds));
}

function readParameters<T>(F: Field<T>, v: Record<string, unknown>, sub: keyof typeof MAX_OBJECTS): TradeParameters<T> {
  const rawN = v.objects as string | undefined;
  if (rawN === undefined) throw new InputError('--objects', 'is required');
  const maxObjects = MAX_OBJECTS[sub][F.name];
  const N = parseDecimal(rawN, '--objects', { integer: true, min: 1, max: maxObjects });
  const p: TradeParameters<T> = {
    objects: N,
    buyerHigh: parseValue(F, v['buyer-high'] as string | undefined, '--buyer-high', VALUE_BOUNDS),
    buyerLow: parseValue(F, v['buyer-low'] as string | undefined, '--buyer-low', VALUE_BOUNDS),
    sellerHigh: parseValue(F, v['seller-high'] as string | undefined, '--seller-high', VALUE_BOUNDS),
    sellerLow: parseValue(F, v['seller-low'] as string | undefined, '--seller-low', VALUE_BOUNDS),
    qBuyer: parseValue(F, v['q-buyer'] as string | undefined, '--q-buyer', UNIT_BOUNDS),
    qSeller: parseValue(F, v['q-seller'] as string | undefined, '--q-seller', UNIT_BOUNDS),
  };
  validateParameters(F, p, NAMES);
  return p;
}

function readAlpha<T>(F: Field<T>, v: Record<string, unknown>): T {
  return parseValue(F, v['alpha-seller'] as string | undefined, '--alpha-seller', UNIT_BOUNDS);
}

function show(x: number | string): string {
  return typeof x === 'number' ? formatNumber(x, { digits: 10, exactIntegers: false }) : x;
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS);
    if (values.help || positionals.length === 0) {
      io.out(HELP + '\n');
      return values.help ? 0 : 2;
    }
    if (positionals.length !== 1)
      throw new InputError('subcommand', `expected one of optimal, frontier, amd; got '${positionals.join(' ')}'`);
    const sub = positionals[0];
    if (sub !== 'optimal' && sub !== 'frontier' && sub !== 'amd')
      throw new InputError('subcommand', `unknown '${sub}': expected optimal, frontier or amd`);
    const exact = values.exact === true;
    const maxWork = maxWorkOption(values['max-work']);
    if (sub === 'optimal') {
      const report = exact
        ? optimalSummary(exactField, readParameters(exactField, values, sub), readAlpha(exactField, values), maxWork, '--objects')
        : optimalSummary(floatField, readParameters(floatField, values, sub), readAlpha(floatField, values), maxWork, '--objects');
      if (values.json) printJson(io, report);
      else {
        const lines = [
          `optimal mechanism (${exact ? 'exact' : 'floating point'})`,
          ...AGENTS.map(
            (j) =>
              `  ${j.padEnd(6)}  threshold ${report.thresholds[j]}, sigma ${show(report.sigma[j])}, fixed payment ${show(report.fixedPayments[j])}, utility ${show(report.utilities[j])}`,
          ),
          `  weighted welfare ${show(report.weightedWelfare)}, gains from trade ${show(report.gainsFromTrade)}`,
        ];
        io.out(lines.join('\n') + '\n');
      }
      return 0;
    }
    if (sub === 'frontier') {
      if (values['alpha-seller'] !== undefined)
        throw new InputError('--alpha-seller', 'is not an option of ep frontier (the frontier spans every weight)');
      const vertices = exact
        ? frontierSummary(exactField, readParameters(exactField, values, sub), maxWork, '--objects')
        : frontierSummary(floatField, readParameters(floatField, values, sub), maxWork, '--objects');
      if (values.json) printJson(io, vertices);
      else {
        io.out(`Pareto frontier: ${vertices.length} vertices (seller utility, buyer utility) for alpha^s in [from, to]\n`);
        for (const v of vertices)
          io.out(`  (${show(v.seller)}, ${show(v.buyer)})  alpha^s in [${show(v.alphaSeller[0])}, ${show(v.alphaSeller[1])}]\n`);
      }
      return 0;
    }
    {
      if (exact) throw new InputError('--exact', 'ep amd solves a floating-point LP (certified by its dual bound); drop --exact');
      const p = readParameters(floatField, values, sub);
      const alpha = readAlpha(floatField, values);
      assertWorkWithinLimit(amdWork(p.objects), maxWork, '--objects');
      const { amdAgainstThreshold } = await import('../../mechanisms/bilateralTrade/amdComparison.ts');
      const { amd, threshold, report } = amdAgainstThreshold(p, alpha);
      const gap = report.relativeGap;
      if (values.json) printJson(io, report);
      else {
        io.out(
          [
            `full AMD LP: ${amd.variables} variables, ${amd.rows} rows, ${amd.lp.backend} (certified: ${amd.lp.certificate.method}, gap ${amd.lp.certificate.gap ?? 0})`,
            `  weighted welfare ${show(amd.weightedWelfare)}; utilities seller ${show(amd.utilities.seller)}, buyer ${show(amd.utilities.buyer)}`,
            `  threshold mechanism (Theorem 1) ${show(threshold.weightedWelfare)}: ${report.agrees ? 'agrees' : 'DISAGREES'} (relative gap ${gap.toExponential(2)})`,
          ].join('\n') + '\n',
        );
      }
      return report.agrees ? 0 : 1;
    }
  },
};
