/**
 * `mechcheck ep optimal | frontier | amd` (seed 002_db415cb54f560522.txt,
 * Eilat and Paunzer 2008): the optimal bilateral-trade mechanism for N objects
 * with binary i.i.d. valuations (Theorem 1, Remark 2), the Pareto frontier
 * (section 4, "Construction of the Pareto frontier") and the full
 * automated-mechanism-design LP as an independent, certified check.
 */
import { fraction } from 'mathjs';
import { InputError } from '../../core/errors.ts';
import { assertWorkWithinLimit, CELL_COST, DEFAULT_MAX_WORK, maxWorkOption, type WorkPart } from '../../core/limits.ts';
import { assertFinite, MAX_ABS_PAYOFF, parseDecimal, parseDecimalOrFraction, parseRational } from '../../core/numbers.ts';
import { prepareProgram, programCoefficients } from '../../mechanisms/bilateralTrade/thresholdProgram.ts';
import { exactField, floatField, type Field, type Fraction } from '../../mechanisms/bilateralTrade/field.ts';
import { paretoFrontier } from '../../mechanisms/bilateralTrade/frontier.ts';
import { AGENTS, validateParameters, type TradeParameters } from '../../mechanisms/bilateralTrade/model.ts';
import { optimalThresholdSolution, thresholdForm } from '../../mechanisms/bilateralTrade/thresholdProgram.ts';
import type { Command } from '../command.ts';
import { parse, printJson } from '../io.ts';

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
export const MAX_OBJECTS = { optimal: { float: 100000, exact: 1000 }, frontier: { float: 10000, exact: 200 }, amd: { float: 4, exact: 0 } } as const;

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

/** Bits of an exact value's numerator plus denominator (0 in float mode). */
function bitsOf<T>(F: Field<T>, x: T): number {
  if (F.name !== 'exact') return 0;
  const f = x as unknown as Fraction;
  const b = (v: bigint | number) => (typeof v === 'bigint' ? (v < 0n ? -v : v).toString(2).length : Math.ceil(Math.log2(Math.abs(v) + 1)));
  return b(f.n) + b(f.d);
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

/**
 * Size in bits of the exact numbers of LP (12) for N objects: the binomial
 * weights have denominators den(q)^N, the coefficients multiply them by the
 * valuations (README "Numbers and limits").
 */
function exactBits<T>(F: Field<T>, p: TradeParameters<T>): number {
  const vals = [p.buyerHigh, p.buyerLow, p.sellerHigh, p.sellerLow].reduce((acc, x) => acc + bitsOf(F, x), 0);
  return p.objects * (bitsOf(F, p.qBuyer) + bitsOf(F, p.qSeller) + 2) + vals;
}

/**
 * Work units of one exact operation on numbers of `bits` bits, measured on
 * this code: the binomial weights of ep optimal cost quadratically in their
 * length, the frontier's breakpoints about as length^1.5.
 */
const exactOpWork = (bits: number, power = 2) => 3 * (1 + bits / 64) ** power;

/** The work of `ep optimal`: the coefficients, the sort and the greedy, O(N log N) operations. */
export function optimalWork<T>(F: Field<T>, p: TradeParameters<T>): WorkPart[] {
  const N = p.objects;
  const ops = 25 * N + 2 * N * Math.log2(N + 1);
  if (F.name === 'float') return [{ what: `the threshold program for N = ${N} objects`, units: 20 * ops + CELL_COST * 20 * N }];
  const bits = exactBits(F, p);
  return [{ what: `the exact threshold program for N = ${N} objects (numbers of about ${Math.round(bits)} bits)`, units: ops * exactOpWork(bits) + CELL_COST * 20 * N * (1 + bits / 64) }];
}

/**
 * The work of `ep frontier` once the program is prepared (a small O(N)
 * computation): one greedy solution for each interval between the s x b
 * breakpoints of the positive-cost variables, O(N) operations each.
 */
export function frontierWork<T>(F: Field<T>, p: TradeParameters<T>, sellerItems: number, buyerItems: number, bits: number): WorkPart[] {
  const N = p.objects;
  const bp = sellerItems * buyerItems;
  const what = `the Pareto frontier for N = ${N} objects: ${sellerItems} x ${buyerItems} breakpoints x N`;
  if (F.name === 'float') return [{ what, units: 1.5 * bp * N + CELL_COST * 2 * bp }];
  return [{ what: `${what}, exact numbers of about ${Math.round(bits)} bits`, units: 1300 * bp * N * exactOpWork(bits, 1.5) + CELL_COST * bp * (1 + bits / 16) }];
}

/** The work of `ep amd`: one certified LP with 4^N (N + 2) variables and 2 4^N + 1 rows. */
export function amdWork(N: number): WorkPart[] {
  const P = 4 ** N;
  return [{ what: `the AMD LP for N = ${N} objects (${P * (N + 2)} variables, ${2 * P + 1} rows)`, units: 400 * P * (N + 2) * (2 * P + 1) }];
}

/** Output values: numbers in float mode, "a/b" strings in exact mode. */
const out = <T>(F: Field<T>, x: T): number | string => (F.name === 'exact' ? F.show(x) : F.toNumber(x));

/** Every number of a float-mode report must be finite (an overflow is an error naming the quantity, never Infinity or null). */
function finiteOut<T>(F: Field<T>, x: T, where: string): number | string {
  if (F.name === 'float') assertFinite(F.toNumber(x), where);
  return out(F, x);
}

export function optimalReport<T>(F: Field<T>, p: TradeParameters<T>, alpha: T, maxWork = DEFAULT_MAX_WORK) {
  assertWorkWithinLimit(optimalWork(F, p), maxWork, '--objects');
  const sol = optimalThresholdSolution(F, p, alpha);
  const form = { seller: thresholdForm(F, sol.mu.seller), buyer: thresholdForm(F, sol.mu.buyer) };
  return {
    thresholds: { seller: form.seller.threshold, buyer: form.buyer.threshold },
    sigma: { seller: finiteOut(F, form.seller.sigma, 'sigma^s'), buyer: finiteOut(F, form.buyer.sigma, 'sigma^b') },
    fixedPayments: { seller: finiteOut(F, sol.fixed.seller, 'c^s'), buyer: finiteOut(F, sol.fixed.buyer, 'c^b') },
    utilities: { seller: finiteOut(F, sol.utilities.seller, 'NU^s'), buyer: finiteOut(F, sol.utilities.buyer, 'NU^b') },
    weightedWelfare: finiteOut(F, sol.weightedWelfare, 'the weighted welfare'),
    gainsFromTrade: finiteOut(F, sol.income, 'the gains from trade NI'),
    tradeProbabilities: p.objects <= 64 ? { seller: sol.mu.seller.map((m, k) => finiteOut(F, m, `mu_${k}^s`)), buyer: sol.mu.buyer.map((m, k) => finiteOut(F, m, `mu_${k}^b`)) } : undefined,
    marginalVariables: sol.marginal,
  };
}

export function frontierReport<T>(F: Field<T>, p: TradeParameters<T>, maxWork = DEFAULT_MAX_WORK) {
  // preparing the program is O(N) (after the same check as ep optimal); its positive-cost variables give the breakpoints
  assertWorkWithinLimit(optimalWork(F, p), maxWork, '--objects');
  const prep = prepareProgram(programCoefficients(F, p));
  let bits = 0;
  for (const j of AGENTS) for (const it of prep.sorted[j]) bits = Math.max(bits, bitsOf(F, it.gain), bitsOf(F, it.cost));
  assertWorkWithinLimit(frontierWork(F, p, prep.sorted.seller.length, prep.sorted.buyer.length, bits), maxWork, '--objects');
  return paretoFrontier(F, p).map((v) => ({
    seller: finiteOut(F, v.seller, 'a vertex (seller)'),
    buyer: finiteOut(F, v.buyer, 'a vertex (buyer)'),
    alphaSeller: [finiteOut(F, v.alphaSeller[0], 'alpha^s'), finiteOut(F, v.alphaSeller[1], 'alpha^s')],
  }));
}

function show(x: number | string): string {
  return typeof x === 'number' ? String(+x.toPrecision(10)) : x;
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS);
    if (values.help || positionals.length === 0) {
      io.out(HELP + '\n');
      return values.help ? 0 : 2;
    }
    if (positionals.length !== 1) throw new InputError('subcommand', `expected one of optimal, frontier, amd; got '${positionals.join(' ')}'`);
    const sub = positionals[0];
    if (sub !== 'optimal' && sub !== 'frontier' && sub !== 'amd') throw new InputError('subcommand', `unknown '${sub}': expected optimal, frontier or amd`);
    const exact = values.exact === true;
    const maxWork = maxWorkOption(values['max-work']);
    if (sub === 'optimal') {
      const report = exact ? optimalReport(exactField, readParameters(exactField, values, sub), readAlpha(exactField, values), maxWork) : optimalReport(floatField, readParameters(floatField, values, sub), readAlpha(floatField, values), maxWork);
      if (values.json) printJson(io, report);
      else {
        const lines = [
          `optimal mechanism (${exact ? 'exact' : 'floating point'})`,
          ...AGENTS.map((j) => `  ${j.padEnd(6)}  threshold ${report.thresholds[j]}, sigma ${show(report.sigma[j])}, fixed payment ${show(report.fixedPayments[j])}, utility ${show(report.utilities[j])}`),
          `  weighted welfare ${show(report.weightedWelfare)}, gains from trade ${show(report.gainsFromTrade)}`,
        ];
        io.out(lines.join('\n') + '\n');
      }
      return 0;
    }
    if (sub === 'frontier') {
      if (values['alpha-seller'] !== undefined) throw new InputError('--alpha-seller', 'is not an option of ep frontier (the frontier spans every weight)');
      const vertices = exact ? frontierReport(exactField, readParameters(exactField, values, sub), maxWork) : frontierReport(floatField, readParameters(floatField, values, sub), maxWork);
      if (values.json) printJson(io, vertices);
      else {
        io.out(`Pareto frontier: ${vertices.length} vertices (seller utility, buyer utility) for alpha^s in [from, to]\n`);
        for (const v of vertices) io.out(`  (${show(v.seller)}, ${show(v.buyer)})  alpha^s in [${show(v.alphaSeller[0])}, ${show(v.alphaSeller[1])}]\n`);
      }
      return 0;
    }
    {
      if (exact) throw new InputError('--exact', 'ep amd solves a floating-point LP (certified by its dual bound); drop --exact');
      const p = readParameters(floatField, values, sub);
      const alpha = readAlpha(floatField, values);
      assertWorkWithinLimit(amdWork(p.objects), maxWork, '--objects');
      const { solveAmd } = await import('../../mechanisms/bilateralTrade/amd.ts');
      const amd = solveAmd(p, alpha);
      assertFinite(amd.weightedWelfare, 'the AMD LP welfare');
      const threshold = optimalThresholdSolution(floatField, p, alpha);
      const gap = Math.abs(amd.weightedWelfare - threshold.weightedWelfare) / (1 + Math.abs(amd.weightedWelfare));
      const report = {
        weightedWelfare: amd.weightedWelfare,
        utilities: amd.utilities,
        certified: true,
        certificate: amd.lp.certificate,
        backend: amd.lp.backend,
        variables: amd.variables,
        rows: amd.rows,
        solveMs: amd.lp.ms,
        thresholdMechanismWelfare: threshold.weightedWelfare,
        relativeGap: gap,
        agrees: gap <= 1e-7,
      };
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
