/**
 * Seed 002_db415cb54f560522.txt, Proposition 1 (section 3.4, proof in the
 * appendix): for every IC mechanism there is a symmetric IC mechanism with the
 * same ex ante utilities and revenue, namely the average over all N!
 * relabellings Gamma_pi.
 *
 * Checked on arbitrary direct mechanisms over {good,bad}^N x {good,bad}^N
 * (N <= 3; random trade probabilities and transfers, and per-object posted
 * prices, which are IC but not symmetric): the average is symmetric
 * (Definition 1), has the same ex ante utilities and revenue, and its largest
 * interim gain from lying (foundation's interimIC) is at most the original's,
 * so IC is kept.
 */
import fc from 'fast-check';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { interimIC } from '../../src/concepts/incentiveCompatibility.ts';
import {
  buildMechanism,
  exAnteSummary,
  objectValue,
  symmetrize,
  symmetryViolation,
  toFoundation,
  type TradeMechanism,
} from '../../src/mechanisms/bilateralTrade/directMechanism.ts';
import { floatParams, paramSpecArb, src, type ParamSpec } from './common.ts';

interface Prop1Input {
  spec: ParamSpec;
  kind: 'random' | 'postedPrices';
  /** random: trade probabilities in quarters, one per (profile, object), cycled */
  trade: number[];
  /** random: allocation-neutral transfers, small integers, cycled */
  tau: number[];
  /** posted prices: one offset per object, price = v_l^s + offset (capped at v_h^b) */
  prices: number[];
}

const arb = () =>
  fc.record({
    spec: paramSpecArb(3, {
      maxD: 4,
      q: [
        [1, 2],
        [1, 3],
        [2, 3],
      ],
    }),
    kind: fc.constantFrom<'random' | 'postedPrices'>('random', 'postedPrices'),
    trade: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 24 }),
    tau: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 24 }),
    prices: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }),
  });

export function prop1Mechanism(x: Prop1Input): TradeMechanism {
  const p = floatParams(x.spec);
  const T = 1 << p.objects;
  if (x.kind === 'random') {
    return buildMechanism(
      p,
      (i, ws, wb) => x.trade[((ws * T + wb) * p.objects + i) % x.trade.length] / 4,
      (j, ws, wb) => x.tau[(2 * (ws * T + wb) + (j === 'seller' ? 0 : 1)) % x.tau.length],
    );
  }
  const price = (i: number) => Math.min(p.buyerHigh, p.sellerLow + x.prices[i]);
  const trades = (i: number, ws: number, wb: number) =>
    objectValue(p, 'buyer', wb, i) >= price(i) && objectValue(p, 'seller', ws, i) <= price(i) ? 1 : 0;
  return buildMechanism(p, trades, (j, ws, wb) => {
    let u = 0;
    for (let i = 0; i < p.objects; i++)
      if (trades(i, ws, wb)) u += j === 'seller' ? price(i) - objectValue(p, 'seller', ws, i) : objectValue(p, 'buyer', wb, i) - price(i);
    return u;
  });
}

function check(x: Prop1Input, tol: number, relabel: boolean): PropertyCheck {
  const g = prop1Mechanism(x);
  const h = symmetrize(g, { relabelObjects: relabel });
  const a = exAnteSummary(g);
  const b = exAnteSummary(h);
  const fg = toFoundation(g);
  const fh = toFoundation(h);
  const icG = interimIC(fg.env, fg.mech, { tolerance: tol });
  const icH = interimIC(fh.env, fh.mech, { tolerance: tol });
  const sym = symmetryViolation(h);
  const du = Math.max(Math.abs(a.utilities.seller - b.utilities.seller), Math.abs(a.utilities.buyer - b.utilities.buyer));
  const dr = Math.abs(a.revenue - b.revenue);
  const icWorse = icH.violation - icG.violation;
  const ok = sym <= tol && du <= tol && dr <= tol && icWorse <= tol;
  return {
    ok,
    metrics: {
      symmetryViolation: sym,
      utilityDifference: du,
      revenueDifference: dr,
      icGainOriginal: icG.violation,
      icGainSymmetrized: icH.violation,
      icOriginalHolds: icG.holds ? 1 : 0,
      icKeptWhenOriginalIC: icG.holds ? (icH.holds ? 1 : 0) : 1,
    },
    detail: {
      symmetryViolation: sym,
      utilities: [a.utilities, b.utilities],
      revenue: [a.revenue, b.revenue],
      icGain: [icG.violation, icH.violation],
      witness: icH.witness,
    },
  };
}

export const proposition1 = propertyEntry<Prop1Input>({
  id: 'seed002.proposition1',
  title: 'Proposition 1: symmetrization keeps IC, ex ante utilities and revenue',
  source: src('Proposition 1', '3.4'),
  kind: 'proposition',
  hypotheses: [
    '[directMechanism] a direct mechanism over {good,bad}^N x {good,bad}^N',
    '[binaryIid] valuations i.i.d. across objects',
    '[symmetrization] Gamma-hat = uniform average of Gamma_pi over the N! permutations',
  ],
  scope: ['N <= 3'],
  conclusion:
    "Gamma-hat is symmetric (Definition 1), has the same ex ante utilities and revenue, and its largest interim gain from lying is at most Gamma's (so IC is kept)",
  expected: 'holds',
  runs: 40,
  arbitrary: arb,
  check: (x, ctx) => check(x, ctx.tolerance, true),
  metrics: { icKeptWhenOriginalIC: 'min', icOriginalHolds: 'max' },
  notes: [
    "Random mechanisms (mostly not IC) and per-object posted prices (IC, not symmetric) are both drawn; the IC gain of the average never exceeds the original's (averaging is convex).",
  ],
  mutant: {
    description: 'relabel the reports but not the object index (p(i; M_pi w) instead of p(pi(i); M_pi w))',
    check: (x, ctx) => check(x, ctx.tolerance, false),
  },
});
