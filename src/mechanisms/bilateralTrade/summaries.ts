/**
 * What `mechcheck ep` computes for seed 002 (db415cb54f560522, Theorem 1 and
 * section 5): the optimal threshold mechanism and the Pareto frontier, with
 * the work each takes (the AMD LP: amdComparison.ts, loaded when used) (README "Numbers and limits"),
 * estimated before anything is allocated.
 */
import { DEFAULT_MAX_WORK, assertWorkWithinLimit, CELL_COST, type WorkPart } from '../../core/limits.ts';
import { assertFinite } from '../../core/numbers.ts';
import type { Field, Fraction } from './field.ts';
import { paretoFrontier } from './frontier.ts';
import { AGENTS, type TradeParameters } from './model.ts';
import { optimalThresholdSolution, prepareProgram, programCoefficients, thresholdForm } from './thresholdProgram.ts';

/** Bits of an exact value's numerator plus denominator (0 in float mode). */
function bitsOf<T>(F: Field<T>, x: T): number {
  if (F.name !== 'exact') return 0;
  const f = x as unknown as Fraction;
  const b = (v: bigint | number) => (typeof v === 'bigint' ? (v < 0n ? -v : v).toString(2).length : Math.ceil(Math.log2(Math.abs(v) + 1)));
  return b(f.n) + b(f.d);
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
  return [
    {
      what: `the exact threshold program for N = ${N} objects (numbers of about ${Math.round(bits)} bits)`,
      units: ops * exactOpWork(bits) + CELL_COST * 20 * N * (1 + bits / 64),
    },
  ];
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
  return [
    {
      what: `${what}, exact numbers of about ${Math.round(bits)} bits`,
      units: 1300 * bp * N * exactOpWork(bits, 1.5) + CELL_COST * bp * (1 + bits / 16),
    },
  ];
}

/** The work of `ep amd`: one certified LP with 4^N (N + 2) variables and 2 4^N + 1 rows. */
export function amdWork(N: number): WorkPart[] {
  const P = 4 ** N;
  return [
    { what: `the AMD LP for N = ${N} objects (${P * (N + 2)} variables, ${2 * P + 1} rows)`, units: 400 * P * (N + 2) * (2 * P + 1) },
  ];
}

/** Output values: numbers in float mode, "a/b" strings in exact mode. */
const out = <T>(F: Field<T>, x: T): number | string => (F.name === 'exact' ? F.show(x) : F.toNumber(x));

/** Every number of a float-mode report must be finite (an overflow is an error naming the quantity, never Infinity or null). */
function finiteOut<T>(F: Field<T>, x: T, where: string): number | string {
  if (F.name === 'float') assertFinite(F.toNumber(x), where);
  return out(F, x);
}

/**
 * The optimal mechanism of Theorem 1 for weight alpha^s, as `mechcheck ep
 * optimal` prints it: thresholds M^j and sigma^j, fixed payments c^j,
 * utilities, welfare; numbers as "a/b" strings in exact mode. The work is
 * checked against `maxWork` first (an InputError naming `field`).
 */
export function optimalSummary<T>(F: Field<T>, p: TradeParameters<T>, alpha: T, maxWork = DEFAULT_MAX_WORK, field = 'objects') {
  assertWorkWithinLimit(optimalWork(F, p), maxWork, field);
  const sol = optimalThresholdSolution(F, p, alpha);
  const form = { seller: thresholdForm(F, sol.mu.seller), buyer: thresholdForm(F, sol.mu.buyer) };
  return {
    thresholds: { seller: form.seller.threshold, buyer: form.buyer.threshold },
    sigma: { seller: finiteOut(F, form.seller.sigma, 'sigma^s'), buyer: finiteOut(F, form.buyer.sigma, 'sigma^b') },
    fixedPayments: { seller: finiteOut(F, sol.fixed.seller, 'c^s'), buyer: finiteOut(F, sol.fixed.buyer, 'c^b') },
    utilities: { seller: finiteOut(F, sol.utilities.seller, 'NU^s'), buyer: finiteOut(F, sol.utilities.buyer, 'NU^b') },
    weightedWelfare: finiteOut(F, sol.weightedWelfare, 'the weighted welfare'),
    gainsFromTrade: finiteOut(F, sol.income, 'the gains from trade NI'),
    tradeProbabilities:
      p.objects <= 64
        ? {
            seller: sol.mu.seller.map((m, k) => finiteOut(F, m, `mu_${k}^s`)),
            buyer: sol.mu.buyer.map((m, k) => finiteOut(F, m, `mu_${k}^b`)),
          }
        : undefined,
    marginalVariables: sol.marginal,
  };
}

/** The vertices of the Pareto frontier with their ranges of alpha^s, as `mechcheck ep frontier` prints them; the work is checked first. */
export function frontierSummary<T>(F: Field<T>, p: TradeParameters<T>, maxWork = DEFAULT_MAX_WORK, field = 'objects') {
  // preparing the program is O(N) (after the same check as ep optimal); its positive-cost variables give the breakpoints
  assertWorkWithinLimit(optimalWork(F, p), maxWork, field);
  const prep = prepareProgram(programCoefficients(F, p));
  let bits = 0;
  for (const j of AGENTS) for (const it of prep.sorted[j]) bits = Math.max(bits, bitsOf(F, it.gain), bitsOf(F, it.cost));
  assertWorkWithinLimit(frontierWork(F, p, prep.sorted.seller.length, prep.sorted.buyer.length, bits), maxWork, field);
  return paretoFrontier(F, p).map((v) => ({
    seller: finiteOut(F, v.seller, 'a vertex (seller)'),
    buyer: finiteOut(F, v.buyer, 'a vertex (buyer)'),
    alphaSeller: [finiteOut(F, v.alphaSeller[0], 'alpha^s'), finiteOut(F, v.alphaSeller[1], 'alpha^s')],
  }));
}
