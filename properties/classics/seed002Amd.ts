/**
 * Seed 002's automated-mechanism-design LP (Eilat and Paunzer 2008; the LP of
 * src/mechanisms/bilateralTrade/amd.ts, per-object trade probabilities,
 * interim IC and IR, ex ante budget balance, alpha-weighted utilities) rebuilt
 * on the general design engine: the same model as a finite environment
 * (types = sets of good valuations, outcomes = sets of objects traded, a
 * lottery per reported profile), solved through the certified layer. The two
 * optima agree.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import type { DesignConstraint } from '../../src/design/constraints.ts';
import { designMechanism } from '../../src/design/design.ts';
import { parseDesignFile } from '../../src/design/designFile.ts';
import { solveAmd } from '../../src/mechanisms/bilateralTrade/amd.ts';
import type { TradeParameters } from '../../src/mechanisms/bilateralTrade/model.ts';
import { seed002File } from './environments.ts';
import { hypotheses, source } from './manifest.ts';

interface Seed002Instance {
  objects: number;
  low: number;
  d1: number;
  d2: number;
  d3: number;
  qs: number;
  qb: number;
  /** alpha^s = alpha / 10 */
  alpha: number;
}

const arb = () =>
  fc.record({
    objects: fc.integer({ min: 1, max: 3 }),
    low: fc.integer({ min: 0, max: 3 }),
    d1: fc.integer({ min: 1, max: 5 }),
    d2: fc.integer({ min: 1, max: 5 }),
    d3: fc.integer({ min: 1, max: 5 }),
    qs: fc.constantFrom(0.25, 0.5, 0.75),
    qb: fc.constantFrom(0.25, 0.5, 0.75),
    alpha: fc.integer({ min: 0, max: 10 }),
  });

function params(x: Seed002Instance): TradeParameters<number> {
  const sellerLow = x.low;
  const buyerLow = sellerLow + x.d1;
  const sellerHigh = buyerLow + x.d2;
  const buyerHigh = sellerHigh + x.d3;
  return { objects: x.objects, sellerLow, buyerLow, sellerHigh, buyerHigh, qSeller: x.qs, qBuyer: x.qb };
}

function agreementCheck(x: Seed002Instance, constraints: DesignConstraint[]) {
  const p = params(x);
  const alpha = x.alpha / 10;
  const amd = solveAmd(p, alpha);
  const r = designMechanism(parseDesignFile(seed002File(p, alpha, constraints)));
  const engine = r.status === 'optimal' ? r.value! : r.status === 'unbounded' ? Infinity : -Infinity;
  const gap = Math.abs(engine - amd.weightedWelfare) / (1 + Math.abs(amd.weightedWelfare));
  return {
    ok: gap <= 1e-7,
    metrics: { relativeGap: Number.isFinite(gap) ? gap : 1e308, engineVariables: r.lp.variables },
    detail: {
      seed002Amd: amd.weightedWelfare,
      engine,
      engineStatus: r.status,
      engineLP: `${r.lp.variables} variables, ${r.lp.rows} rows`,
      seed002LP: `${amd.variables} variables, ${amd.rows} rows`,
    },
  };
}

/** Catalogue entry (its id below); see the file header for what it checks. */
export const seed002Agreement = propertyEntry<Seed002Instance>({
  id: 'classics.automatedMechanismDesign.seed002',
  title: "Seed 002's bilateral-trade AMD LP rebuilt on the general design engine: the optima agree",
  source: source('CS02', "the automated-mechanism-design LP, applied to seed 002's model (Eilat and Paunzer 2008, section 3)"),
  kind: 'sanity',
  hypotheses: hypotheses('seed002.model', 'seed002.constraints', 'design.randomized'),
  conclusion: "the engine's certified optimum (lotteries over sets of objects) equals solveAmd's (per-object probabilities), relative 1e-7",
  expected: 'holds',
  runs: 30,
  arbitrary: arb,
  examples: [{ objects: 2, low: 0, d1: 1, d2: 10, d3: 1, qs: 0.5, qb: 0.5, alpha: 5 }],
  check: (x) => agreementCheck(x, ['interimIC', 'interimIR', 'exAnteBudget']),
  metrics: { relativeGap: 'max' },
  notes: ["The example is seed 002's worked example with two objects (seller 11/0, buyer 12/1, probabilities 1/2), alpha = 1/2."],
  mutant: {
    description: "interim IR dropped from the engine's LP (the first best, or unbounded, instead of the second best)",
    check: (x) => agreementCheck(x, ['interimIC', 'exAnteBudget']),
  },
});
