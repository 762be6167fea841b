/**
 * Seed 002_db415cb54f560522.txt, section 5 (Numerical simulations), Figures
 * 1-5 and the sentences that describe them, plus the Pareto frontier of the
 * worked example (section 4, "Construction of the Pareto frontier").
 *
 * The paper does not print the figures' parameters. Figures 1-3 use the worked
 * example's valuations (seller 0/11, buyer 1/12, q = 1/2); Figures 4-5 a set
 * where the first best is attainable (seller 0/2, buyer 1/4, q = 1/2: for one
 * object the first best needs 2 (v_h^s - v_l^b) <= v_h^b - v_l^s at q = 1/2).
 * Each figure states its parameters.
 *
 * seed002.figures (holds): renders the figures and checks the claims that hold
 * with these parameters. seed002.figures.exampleValuations.asStated (refuted): the
 * claims that depend on Proposition 5's condition fail with the example's
 * valuations - and no single parameter set can satisfy the texts of Figures 1
 * and 2 together.
 */
import { exampleEntry, type Comparison } from '../../src/catalogue/exampleEntry.ts';
import type { FigureSpec } from '../../src/catalogue/types.ts';
import { describeParameters, frontierFigure, thresholdFigure } from '../../src/mechanisms/bilateralTrade/figures.ts';
import { paretoFrontier } from '../../src/mechanisms/bilateralTrade/frontier.ts';
import { exampleParameters, type TradeParameters } from '../../src/mechanisms/bilateralTrade/model.ts';
import { optimalThresholdSolution, thresholdForm } from '../../src/mechanisms/bilateralTrade/thresholdProgram.ts';
import { E, F, src } from './common.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../src/core/tolerance.ts';

export const FIRST_BEST: TradeParameters<number> = {
  objects: 8,
  sellerLow: 0,
  sellerHigh: 2,
  buyerLow: 1,
  buyerHigh: 4,
  qSeller: 0.5,
  qBuyer: 0.5,
};
const EX = exampleParameters;
const claim = (name: string, ok: boolean, actual: unknown, note?: string): Comparison => ({ name, expected: true, actual, ok, note });
const perObjectWelfare = (p: TradeParameters<number>, a: number) => optimalThresholdSolution(F, p, a).weightedWelfare / p.objects;
const th = (p: TradeParameters<number>, a: number, j: 'seller' | 'buyer') =>
  thresholdForm(F, optimalThresholdSolution(F, p, a).mu[j], TIE_TOLERANCE);

/** The figures of section 5 as Vega-Lite specifications. */
export function figureSpecs(): FigureSpec[] {
  const ex = describeParameters(EX(8));
  const fb = describeParameters(FIRST_BEST);
  const files: [string, Record<string, unknown>, string][] = [
    [
      'figures/seed002-figure1.svg',
      frontierFigure('Figure 1: Pareto frontier, eight objects', ex, [{ label: 'N = 8', params: EX(8) }]),
      'Pareto frontier, N = 8, example valuations',
    ],
    [
      'figures/seed002-figure2.svg',
      frontierFigure('Figure 2: per-object Pareto frontiers, 1 vs 15 objects', ex, [
        { label: 'N = 1', params: EX(1), perObject: true },
        { label: 'N = 15', params: EX(15), perObject: true },
      ]),
      'per-object frontiers, N = 1 and 15',
    ],
    [
      'figures/seed002-figure3.svg',
      thresholdFigure('Figure 3: thresholds M^s, M^b against alpha^s, eight objects', ex, EX(8)),
      'thresholds against the weight, N = 8',
    ],
    [
      'figures/seed002-figure4.svg',
      frontierFigure('Figure 4: per-object frontiers when the first best is attainable', fb, [
        { label: 'N = 1', params: { ...FIRST_BEST, objects: 1 }, perObject: true },
        { label: 'N = 8', params: FIRST_BEST, perObject: true },
      ]),
      'first best attainable: per-object frontiers',
    ],
    [
      'figures/seed002-figure5.svg',
      thresholdFigure('Figure 5: thresholds when the first best is attainable, eight objects', fb, FIRST_BEST),
      'first best attainable: thresholds',
    ],
    [
      'figures/seed002-frontier-example.svg',
      frontierFigure('Pareto frontier of the three-object example (section 2)', describeParameters(EX(3)), [
        { label: 'N = 3', params: EX(3) },
      ]),
      "the worked example's frontier: vertices and edges",
    ],
  ];
  return files.map(([file, vegaLite, description]) => ({ file, vegaLite, description }));
}

export function holdingClaims(fb: TradeParameters<number>): Comparison[] {
  const f8 = paretoFrontier(F, EX(8));
  const sellerAlongCurve = f8.every((v, k) => k === 0 || v.seller >= f8[k - 1].seller);
  const grid = Array.from({ length: 21 }, (_, k) => k / 20);
  const linkingNeverHurts = grid.every((a) => perObjectWelfare(EX(15), a) >= perObjectWelfare(EX(1), a) - TIE_TOLERANCE);
  const fb1 = { ...fb, objects: 1 };
  const gainAtHalf = perObjectWelfare(fb, 0.5) - perObjectWelfare(fb1, 0.5);
  const gainAway = perObjectWelfare(fb, 0.8) - perObjectWelfare(fb1, 0.8);
  const favouredFree = grid
    .filter((a) => a !== 0.5)
    .every((a) => {
      const s = optimalThresholdSolution(F, fb, a);
      const fav = a > 0.5 ? 'seller' : 'buyer';
      return s.mu[fav].every((m) => Math.abs(m - 1) <= TIE_TOLERANCE);
    });
  const restricted = grid
    .filter((a) => a !== 0.5)
    .some((a) => {
      const s = optimalThresholdSolution(F, fb, a);
      const weak = a > 0.5 ? 'buyer' : 'seller';
      return s.mu[weak].some((m) => m < 1 - TIE_TOLERANCE);
    });
  const half = optimalThresholdSolution(F, fb, 0.5);
  return [
    claim(
      "Figure 1: the seller's utility is maximal at alpha^s = 1 and decreases along the curve towards the buyer",
      sellerAlongCurve && f8[f8.length - 1].alphaSeller[1] === 1,
      `${f8.length} vertices`,
    ),
    claim(
      'Figure 2: at alpha^s = alpha^b = 1/2, fifteen linked objects beat the one-object mechanism per object',
      perObjectWelfare(EX(15), 0.5) > perObjectWelfare(EX(1), 0.5),
      `${perObjectWelfare(EX(15), 0.5).toFixed(4)} vs ${perObjectWelfare(EX(1), 0.5).toFixed(4)}`,
    ),
    claim('Figure 2: linking never hurts (per-object weighted welfare, 21 weights)', linkingNeverHurts, linkingNeverHurts),
    claim(
      'Figure 3: with equal weights both thresholds are 1 (N = 8)',
      th(EX(8), 0.5, 'seller').threshold === 1 && th(EX(8), 0.5, 'buyer').threshold === 1,
      `M^s = ${th(EX(8), 0.5, 'seller').threshold}, M^b = ${th(EX(8), 0.5, 'buyer').threshold}`,
    ),
    claim(
      'Figure 3: leaning sufficiently towards an agent makes his threshold 0',
      th(EX(8), 1, 'seller').threshold === 0 && th(EX(8), 0, 'buyer').threshold === 0,
      true,
    ),
    claim('Figure 4: at alpha^s = alpha^b there is no gain in linking', Math.abs(gainAtHalf) <= TIE_TOLERANCE, gainAtHalf),
    claim('Figure 4: away from equal treatment linking expands the frontier (alpha^s = 0.8)', gainAway > DEFAULT_TOLERANCE, gainAway),
    claim(
      'Figure 5: at equal weights no trade limitations on either agent',
      [...half.mu.seller, ...half.mu.buyer].every((m) => Math.abs(m - 1) <= TIE_TOLERANCE),
      true,
    ),
    claim('Figure 5: away from equal weights only the agent with the lesser weight is restricted', favouredFree && restricted, {
      favouredFree,
      lesserRestrictedSomewhere: restricted,
    }),
  ];
}

export const figures = exampleEntry({
  id: 'seed002.figures',
  title: 'Figures 1-5 (section 5) and the claims made about them',
  source: src('Figures 1-5 and the Pareto frontier', '5'),
  kind: 'figure',
  hypotheses: [
    "[example] Figures 1-3: the example's valuations (seller 0/11, buyer 1/12, q = 1/2)",
    '[binaryIid] Figures 4-5: seller 0/2, buyer 1/4, q = 1/2 (first best attainable)',
  ],
  scope: ['Figures 1-3: N = 8 (and 1, 15); Figures 4-5: N = 8 (and 1)'],
  conclusion: 'the figures are rendered and the claims of section 5 that do not depend on the unprinted parameters hold',
  expected: 'holds',
  evaluate: async () => ({ comparisons: holdingClaims(FIRST_BEST), artifacts: figureSpecs() }),
  mutant: {
    description: "Figures 4-5 with the example's valuations (first best not attainable): linking gains at equal weights",
    evaluate: () => ({ comparisons: holdingClaims(EX(8)) }),
  },
});

export function parameterDependentClaims(p8: TradeParameters<number>, p15: TradeParameters<number>): Comparison[] {
  const s1 = optimalThresholdSolution(F, p8, 1);
  const s0 = optimalThresholdSolution(F, p8, 0);
  const meet = optimalThresholdSolution(F, p15, 1).utilities.buyer / p15.objects;
  const one = optimalThresholdSolution(F, { ...p15, objects: 1 }, 1).utilities.buyer;
  let maxM = 0;
  for (let k = 0; k <= 20; k++) for (const j of ['seller', 'buyer'] as const) maxM = Math.max(maxM, th(p8, k / 20, j).threshold);
  return [
    claim(
      "Figure 1: at alpha^s = 1 the buyer's utility is non-zero",
      s1.utilities.buyer > TIE_TOLERANCE,
      s1.utilities.buyer,
      'Proposition 5 needs N >= q/(1-q) Delta/(v_h^b - v_l^s - Delta) = 11 here',
    ),
    claim("Figure 1: at alpha^b = 1 the seller's utility is non-zero", s0.utilities.seller > TIE_TOLERANCE, s0.utilities.seller),
    claim(
      'Figure 2: at alpha^s = 1 the 1-object and 15-object curves meet',
      Math.abs(meet - one) <= TIE_TOLERANCE,
      `buyer per object: ${meet.toFixed(6)} (N = 15) vs ${one} (N = 1)`,
      '15 >= 11: the buyer keeps a rent at alpha^b = 0',
    ),
    claim(
      "Figure 3: the less favoured agent's threshold never reaches 8",
      maxM < 8,
      `largest threshold ${maxM}`,
      'threshold 8 = the agent never trades a bad object',
    ),
  ];
}

export const figuresExampleValuations = exampleEntry({
  id: 'seed002.figures.exampleValuations.asStated',
  aliases: ['seed002.figures.exampleValuations'],
  title: "Section 5's parameter-dependent claims (Figures 1-3) with the example's valuations",
  source: src('Figures 1-3 (text)', '5'),
  kind: 'figure',
  hypotheses: ["[example] the example's valuations (seller 0/11, buyer 1/12, q = 1/2)"],
  scope: ['N = 8 (Figures 1, 3) and N = 15 (Figure 2)'],
  conclusion:
    'rival utility non-zero at alpha^j = 1 (Figure 1), curves meet at the extremes (Figure 2), the threshold never reaches 8 (Figure 3)',
  expected: 'refuted',
  refutation: 'erratum',
  evaluate: () => {
    const alt = (q: number, N: number) => ({ ...EX(N), qSeller: q, qBuyer: q });
    const fig1At = parameterDependentClaims(alt(0.4, 8), alt(0.4, 15))
      .slice(0, 2)
      .concat(parameterDependentClaims(alt(0.4, 8), alt(0.4, 15)).slice(3));
    const fig2At = parameterDependentClaims(alt(0.6, 8), alt(0.6, 15))[2];
    const bound = (q: string) => E.show(E.mul(E.div(E.of(q), E.sub(E.one, E.of(q))), E.of(11)));
    return {
      comparisons: parameterDependentClaims(EX(8), EX(15)),
      notes: [
        `By Proposition 5 (strict form) the rival keeps a positive utility at alpha^j = 0 iff N > q/(1-q) * 11 with these valuations: the bound is ${bound('1/2')} at q = 1/2. Figure 1 (N = 8, positive rival utility) needs the bound below 8; Figure 2 (N = 15, curves meet) needs it at least 15. The bound does not depend on N, so no parameter set satisfies both texts: the paper's Figures 1 and 2 used different parameters.`,
        `With the same valuations and q = 2/5 (bound ${bound('2/5')}) Figure 1's and Figure 3's claims hold: ${fig1At.map((c) => `${c.name}: ${c.ok ? 'yes' : 'no'}`).join('; ')}.`,
        `With q = 3/5 (bound ${bound('3/5')}) Figure 2's claim holds: ${fig2At.ok ? 'yes' : 'no'} (${String(fig2At.actual)}).`,
      ],
    };
  },
});
