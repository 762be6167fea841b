/**
 * `mechcheck ep optimal | frontier | amd` (seed 002_db415cb54f560522.txt,
 * Eilat and Paunzer 2008): the optimal bilateral-trade mechanism for N objects
 * with binary i.i.d. valuations (Theorem 1, Remark 2), the Pareto frontier
 * (section 4, "Construction of the Pareto frontier") and the full
 * automated-mechanism-design LP as an independent, certified check.
 */
import { fraction } from 'mathjs';
import { InputError } from '../../core/errors.ts';
import { exactField, floatField, type Field, type Fraction } from '../../mechanisms/bilateralTrade/field.ts';
import { paretoFrontier } from '../../mechanisms/bilateralTrade/frontier.ts';
import { AGENTS, validateParameters, type TradeParameters } from '../../mechanisms/bilateralTrade/model.ts';
import { optimalThresholdSolution, thresholdForm } from '../../mechanisms/bilateralTrade/thresholdProgram.ts';
import type { Command } from '../command.ts';
import { parse, printJson } from '../io.ts';

const PARAMS = `  --objects N          number of objects (N >= 1)
  --buyer-high X       v_h^b, the buyer's good (high) valuation
  --buyer-low X        v_l^b, the buyer's bad (low) valuation
  --seller-high X      v_h^s, the seller's bad (high) valuation
  --seller-low X       v_l^s, the seller's good (low) valuation
                       (the model needs v_h^b > v_h^s > v_l^b > v_l^s >= 0)
  --q-buyer Q          probability that the buyer's value of an object is high, in (0, 1)
  --q-seller Q         probability that the seller's value of an object is low, in (0, 1)
  Numbers may be decimals or fractions a/b.`;

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
  --exact              exact rational arithmetic (results as fractions "a/b"; N <= 200)
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

/** A decimal or a fraction a/b, in the chosen field. */
function parseValue<T>(F: Field<T>, raw: string | undefined, name: string): T {
  if (raw === undefined) throw new InputError(name, 'is required');
  const s = raw.trim();
  const frac = /^(-?\d+)\s*\/\s*(\d+)$/.exec(s);
  if (frac) {
    if (Number(frac[2]) === 0) throw new InputError(name, `has a zero denominator: '${raw}'`);
    return F.name === 'exact' ? (fraction(`${frac[1]}/${frac[2]}`) as T) : F.of(Number(frac[1]) / Number(frac[2]));
  }
  if (s === '' || !/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) || !Number.isFinite(Number(s))) throw new InputError(name, `must be a number or a fraction a/b, got '${raw}'`);
  return F.of(F.name === 'exact' ? s : Number(s));
}

function readParameters<T>(F: Field<T>, v: Record<string, unknown>, maxObjects: number): TradeParameters<T> {
  const rawN = v.objects as string | undefined;
  if (rawN === undefined) throw new InputError('--objects', 'is required');
  const N = Number(rawN);
  if (!/^\d+$/.test(rawN.trim()) || !Number.isInteger(N) || N < 1) throw new InputError('--objects', `must be a positive integer, got '${rawN}'`);
  if (N > maxObjects) throw new InputError('--objects', `must be at most ${maxObjects} here, got ${N}`);
  const p: TradeParameters<T> = {
    objects: N,
    buyerHigh: parseValue(F, v['buyer-high'] as string | undefined, '--buyer-high'),
    buyerLow: parseValue(F, v['buyer-low'] as string | undefined, '--buyer-low'),
    sellerHigh: parseValue(F, v['seller-high'] as string | undefined, '--seller-high'),
    sellerLow: parseValue(F, v['seller-low'] as string | undefined, '--seller-low'),
    qBuyer: parseValue(F, v['q-buyer'] as string | undefined, '--q-buyer'),
    qSeller: parseValue(F, v['q-seller'] as string | undefined, '--q-seller'),
  };
  validateParameters(F, p, NAMES);
  return p;
}

function readAlpha<T>(F: Field<T>, v: Record<string, unknown>): T {
  const a = parseValue(F, v['alpha-seller'] as string | undefined, '--alpha-seller');
  if (F.cmp(a, F.zero) < 0 || F.cmp(a, F.one) > 0) throw new InputError('--alpha-seller', `must be in [0, 1], got ${F.show(a)}`);
  return a;
}

/** Output values: numbers in float mode, "a/b" strings in exact mode. */
const out = <T>(F: Field<T>, x: T): number | string => (F.name === 'exact' ? F.show(x) : F.toNumber(x));

export function optimalReport<T>(F: Field<T>, p: TradeParameters<T>, alpha: T) {
  const sol = optimalThresholdSolution(F, p, alpha);
  const form = { seller: thresholdForm(F, sol.mu.seller), buyer: thresholdForm(F, sol.mu.buyer) };
  return {
    thresholds: { seller: form.seller.threshold, buyer: form.buyer.threshold },
    sigma: { seller: out(F, form.seller.sigma), buyer: out(F, form.buyer.sigma) },
    fixedPayments: { seller: out(F, sol.fixed.seller), buyer: out(F, sol.fixed.buyer) },
    utilities: { seller: out(F, sol.utilities.seller), buyer: out(F, sol.utilities.buyer) },
    weightedWelfare: out(F, sol.weightedWelfare),
    gainsFromTrade: out(F, sol.income),
    tradeProbabilities: p.objects <= 64 ? { seller: sol.mu.seller.map((m) => out(F, m)), buyer: sol.mu.buyer.map((m) => out(F, m)) } : undefined,
    marginalVariables: sol.marginal,
  };
}

export function frontierReport<T>(F: Field<T>, p: TradeParameters<T>) {
  return paretoFrontier(F, p).map((v) => ({ seller: out(F, v.seller), buyer: out(F, v.buyer), alphaSeller: [out(F, v.alphaSeller[0]), out(F, v.alphaSeller[1])] }));
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
    const exact = values.exact === true;
    if (sub === 'optimal') {
      const report = exact ? optimalReport(exactField, readParameters(exactField, values, 200), readAlpha(exactField, values)) : optimalReport(floatField, readParameters(floatField, values, 100000), readAlpha(floatField, values));
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
      const vertices = exact ? frontierReport(exactField, readParameters(exactField, values, 200)) : frontierReport(floatField, readParameters(floatField, values, 2000));
      if (values.json) printJson(io, vertices);
      else {
        io.out(`Pareto frontier: ${vertices.length} vertices (seller utility, buyer utility) for alpha^s in [from, to]\n`);
        for (const v of vertices) io.out(`  (${show(v.seller)}, ${show(v.buyer)})  alpha^s in [${show(v.alphaSeller[0])}, ${show(v.alphaSeller[1])}]\n`);
      }
      return 0;
    }
    if (sub === 'amd') {
      if (exact) throw new InputError('--exact', 'ep amd solves a floating-point LP (certified by its dual bound); drop --exact');
      const p = readParameters(floatField, values, 4);
      const alpha = readAlpha(floatField, values);
      const { solveAmd } = await import('../../mechanisms/bilateralTrade/amd.ts');
      const amd = solveAmd(p, alpha);
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
    throw new InputError('subcommand', `unknown '${sub}': expected optimal, frontier or amd`);
  },
};
