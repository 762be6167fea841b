/**
 * Seed 002_db415cb54f560522.txt: every sentence that states the direction in
 * which the thresholds (or the quantities that drive them) move with the
 * weights, each checked as written (abstract, introduction, Remark 2, Theorem
 * 1, section 5 on Figure 3). One entry per sentence, quoting it.
 *
 * Thresholds are read off the exact optimum (Remark 2's greedy in rationals)
 * as M^j with mu_m^j = 0 for m < M^j, sigma^j in (0, 1] at M^j and 1 above
 * (M^j = N when j never trades a bad object); two weights alpha^s < alpha^s'
 * from {0, 1/20, ..., 1} are compared.
 */
import fc from 'fast-check';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import {
  optimalThresholdSolution,
  programCoefficients,
  thresholdForm,
  type ThresholdSolution,
} from '../../src/mechanisms/bilateralTrade/thresholdProgram.ts';
import type { Fraction } from '../../src/mechanisms/bilateralTrade/field.ts';
import { alphaExact, E, exactParams, exampleSpec, paramSpecArb, src, type ParamSpec } from './common.ts';

interface Pair {
  spec: ParamSpec;
  /** weights k/20 (sorted: a < b) */
  a: number;
  b: number;
}

const pairArb = (maxN: number, minAlpha = 0) =>
  fc
    .record({ spec: paramSpecArb(maxN), a: fc.integer({ min: minAlpha, max: 20 }), b: fc.integer({ min: minAlpha, max: 20 }) })
    .map((x) => ({ ...x, a: Math.min(x.a, x.b), b: Math.max(x.a, x.b) }));

function solve(x: Pair): {
  lo: ThresholdSolution<Fraction>;
  hi: ThresholdSolution<Fraction>;
  M: { lo: { s: number; b: number }; hi: { s: number; b: number } };
} {
  const p = exactParams(x.spec);
  const lo = optimalThresholdSolution(E, p, alphaExact(x.a));
  const hi = optimalThresholdSolution(E, p, alphaExact(x.b));
  const th = (s: ThresholdSolution<Fraction>) => ({
    s: thresholdForm(E, s.mu.seller).threshold,
    b: thresholdForm(E, s.mu.buyer).threshold,
  });
  return { lo, hi, M: { lo: th(lo), hi: th(hi) } };
}

/** The favoured agent's threshold weakly decreases and the rival's weakly increases (reversed: the opposite). */
function thresholdDirection(x: Pair, reversed = false): PropertyCheck {
  const r = solve(x);
  const sellerDown = r.M.hi.s <= r.M.lo.s;
  const buyerUp = r.M.hi.b >= r.M.lo.b;
  const sellerUp = r.M.hi.s >= r.M.lo.s;
  const buyerDown = r.M.hi.b <= r.M.lo.b;
  const ok = reversed ? sellerUp && buyerDown : sellerDown && buyerUp;
  return {
    ok,
    metrics: { sellerThresholdChange: r.M.hi.s - r.M.lo.s, buyerThresholdChange: r.M.hi.b - r.M.lo.b },
    detail: {
      alphaSeller: [`${x.a}/20`, `${x.b}/20`],
      thresholds: r.M,
      muSeller: [r.lo.mu.seller.map(E.show), r.hi.mu.seller.map(E.show)],
      muBuyer: [r.lo.mu.buyer.map(E.show), r.hi.mu.buyer.map(E.show)],
    },
  };
}

const common = {
  kind: 'remark' as const,
  hypotheses: [
    '[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)',
    "[welfareWeights] two weights alpha^s < alpha^s'",
    '[thresholdMechanism] the alpha-optimal threshold mechanism (exact)',
  ],
  scope: ['N <= 10', "alpha^s, alpha^s' in {0, 1/20, ..., 1}"],
  runs: 40,
  metrics: { sellerThresholdChange: 'max', buyerThresholdChange: 'min' } as Record<string, 'max' | 'min'>,
};

export const directionAbstract = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.abstract',
  title:
    'Abstract: "as she leans more towards one of the agents, his trading threshold weakly decreases, and the rival\'s weakly increases"',
  source: src('Abstract', 'abstract'),
  conclusion: 'as alpha^s increases, M^s weakly decreases and M^b weakly increases',
  expected: 'holds',
  arbitrary: () => pairArb(10),
  examples: [{ spec: exampleSpec(8), a: 8, b: 10 }],
  check: (x) => thresholdDirection(x),
  mutant: { description: 'the opposite direction', check: (x) => thresholdDirection(x, true) },
});

export const directionIntroduction = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.introduction',
  title: 'Introduction: "The higher an agent\'s weight, the lower his threshold."',
  source: src('Introduction', '1'),
  conclusion:
    "each agent's threshold is weakly decreasing in his own weight (read weakly: thresholds are integers, constant between breakpoints)",
  expected: 'holds',
  arbitrary: () => pairArb(10),
  examples: [{ spec: exampleSpec(8), a: 8, b: 10 }],
  check: (x) => thresholdDirection(x),
  notes: [
    'Read strictly ("lower" for every higher weight) the sentence fails trivially: thresholds are integers and constant between breakpoints (e.g. M^s = 0 for every alpha^s >= 1/2 in the three-object example).',
  ],
  mutant: { description: 'the opposite direction', check: (x) => thresholdDirection(x, true) },
});

export const directionExtremes = propertyEntry<{ spec: ParamSpec; favoured: 'seller' | 'buyer'; rival: boolean }>({
  ...common,
  id: 'seed002.direction.introductionExtremes',
  title:
    'Introduction: "when the mechanism strongly prefers one agent (...), that agent\'s threshold is 0. This means that the mechanism allows him to trade whatever his announcement."',
  source: src('Introduction', '1'),
  hypotheses: [
    '[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)',
    '[welfareWeights] alpha^j = 1 (the monopoly / monopsony weight)',
  ],
  scope: ['N <= 10'],
  conclusion: 'at alpha^j = 1, mu_m^j = 1 for every m: j trades every bad object whatever he announces',
  expected: 'holds',
  arbitrary: () =>
    fc.record({ spec: paramSpecArb(10), favoured: fc.constantFrom<'seller' | 'buyer'>('seller', 'buyer'), rival: fc.constant(false) }),
  check: (x) => {
    const p = exactParams(x.spec);
    const sol = optimalThresholdSolution(E, p, x.favoured === 'seller' ? E.one : E.zero);
    const who = x.rival ? (x.favoured === 'seller' ? 'buyer' : 'seller') : x.favoured;
    const ok = sol.mu[who].every((m) => E.cmp(m, E.one) === 0);
    const lowest = Math.min(...sol.mu[who].map((m) => m.valueOf()));
    return { ok, metrics: { lowestTradeProbability: lowest }, detail: { mu: sol.mu[who].map(E.show) } };
  },
  metrics: { lowestTradeProbability: 'min' },
  notes: [
    'Always true: at alpha^j = 1 the cost of letting all of j\'s bad objects trade, N q^{-j}[Delta^j q^j - S^j (1 - q^j)], never exceeds the good-good income N q^s q^b (v_h^b - v_l^s). Under Theorem 1\'s own ranges (sigma < 1) this "threshold 0" is not expressible (see seed002.theorem1.asStated).',
  ],
  mutant: {
    description: 'the same claim for the disfavoured agent',
    check: (x) => {
      const p = exactParams(x.spec);
      const sol = optimalThresholdSolution(E, p, x.favoured === 'seller' ? E.one : E.zero);
      const who = x.favoured === 'seller' ? 'buyer' : 'seller';
      return { ok: sol.mu[who].every((m) => E.cmp(m, E.one) === 0) };
    },
  },
});

export const directionRemark2Ratios = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.remark2Ratios.asStated',
  aliases: ['seed002.direction.remark2Ratios'],
  title: 'Remark 2: "the cost-to-benefit ratios of the mu_m^j\'s and c^j decrease with alpha^j (see the proof of Lemma 1)"',
  source: src('Remark 2', '4.2.3'),
  hypotheses: ['[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)', "[welfareWeights] 0 < alpha^s < alpha^s'"],
  scope: ['N <= 14'],
  conclusion: 'every r(mu_m^s) = rho_m^s / alpha^s and r(c^s) = 1/alpha^s is weakly smaller at the larger alpha^s',
  expected: 'refuted',
  refutation: 'erratum',
  arbitrary: () => pairArb(14, 1),
  examples: [{ spec: exampleSpec(12), a: 10, b: 11 }],
  check: (x) => {
    const p = exactParams(x.spec);
    const coef = programCoefficients(E, p);
    const lo = alphaExact(x.a);
    const hi = alphaExact(x.b);
    const bad: string[] = [];
    coef.agents.seller.rho.forEach((rho, m) => {
      if (E.cmp(E.div(rho, hi), E.div(rho, lo)) > 0)
        bad.push(`mu_${m}^s: rho = ${E.show(rho)}, r goes from ${E.show(E.div(rho, lo))} to ${E.show(E.div(rho, hi))}`);
    });
    return { ok: bad.length === 0, detail: { increasingRatios: bad } };
  },
  notes: [
    "A variable whose trade generates more surplus than rent has a negative ratio rho/alpha^j, which INCREASES (towards 0) with alpha^j. Harmless for the argument (such variables are set to 1 at every weight), but the sentence as written is false, e.g. with the example's valuations and N = 12, mu_11^s has rho = -1/11.",
  ],
});

export const directionRemark2Probabilities = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.remark2Probabilities.asStated',
  aliases: ['seed002.direction.remark2Probabilities'],
  title: "Remark 2: \"then as alpha^j increases, the mu_m^j's all decrease and the rival's mu_m^{-j}'s all increase\"",
  source: src('Remark 2', '4.2.3'),
  conclusion:
    'as written, of the trade probabilities: every mu_m^s weakly decreases and every mu_m^b weakly increases when alpha^s increases',
  expected: 'refuted',
  refutation: 'erratum',
  arbitrary: () => pairArb(10),
  examples: [{ spec: exampleSpec(3), a: 10, b: 11 }],
  check: (x) => {
    const r = solve(x);
    const sDown = r.hi.mu.seller.every((m, k) => E.cmp(m, r.lo.mu.seller[k]) <= 0);
    const bUp = r.hi.mu.buyer.every((m, k) => E.cmp(m, r.lo.mu.buyer[k]) >= 0);
    return {
      ok: sDown && bUp,
      detail: {
        muSeller: [r.lo.mu.seller.map(E.show), r.hi.mu.seller.map(E.show)],
        muBuyer: [r.lo.mu.buyer.map(E.show), r.hi.mu.buyer.map(E.show)],
      },
    };
  },
  notes: [
    "Read literally (the mu's are trade probabilities) it is the opposite of what happens: in the three-object example, raising alpha^s from 1/2 to 11/20 raises mu_0^s from 13/37 to 26/37 and lowers mu_0^b from 13/37 to 0. Meant are the ratios r(mu), and then the first half is seed002.direction.remark2Ratios.asStated.",
  ],
});

export const directionRemark2Threshold = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.remark2Threshold',
  title:
    'Remark 2: "more of the mu_m^j\'s may make it before the budget is exhausted, implying that the threshold m above which j can trade his bad objects decreases"',
  source: src('Remark 2', '4.2.3'),
  conclusion: "as alpha^j increases, j's threshold weakly decreases (and the rival's weakly increases)",
  expected: 'holds',
  arbitrary: () => pairArb(10),
  examples: [{ spec: exampleSpec(8), a: 8, b: 10 }],
  check: (x) => thresholdDirection(x),
  mutant: { description: 'the opposite direction', check: (x) => thresholdDirection(x, true) },
});

export const directionTheorem1 = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.theorem1.asStated',
  aliases: ['seed002.direction.theorem1'],
  title: 'Theorem 1: "Moreover, each M^j weakly increases in alpha^j."',
  source: src('Theorem 1', '4.2.3'),
  conclusion: 'as alpha^s increases, M^s weakly increases (and so does M^b in alpha^b)',
  expected: 'refuted',
  refutation: 'erratum',
  arbitrary: () => pairArb(10),
  examples: [{ spec: exampleSpec(8), a: 8, b: 10 }],
  check: (x) => {
    const r = solve(x);
    return { ok: r.M.hi.s >= r.M.lo.s && r.M.hi.b <= r.M.lo.b, detail: { alphaSeller: [`${x.a}/20`, `${x.b}/20`], thresholds: r.M } };
  },
  notes: [
    "The direction is reversed: every other statement of the paper (abstract, introduction, Remark 2, Figure 3) and the computation say M^j weakly DEcreases in alpha^j. Example: the example's valuations with N = 8, M^s = 5 at alpha^s = 2/5 and M^s = 1 at alpha^s = 1/2.",
  ],
});

export const directionFigure3 = propertyEntry<Pair>({
  ...common,
  id: 'seed002.direction.figure3',
  title:
    'Section 5 (Figure 3): "if the mechanism leans sufficiently towards one of them, his threshold becomes 0, while the threshold of the less favored agent increases gradually as his alpha decreases"',
  source: src('Figure 3 (text)', '5'),
  conclusion: "at alpha^j = 1 the favoured threshold is 0; the rival's threshold weakly increases as his weight decreases",
  expected: 'holds',
  arbitrary: () => pairArb(10),
  examples: [{ spec: exampleSpec(8), a: 8, b: 20 }],
  check: (x) => {
    const d = thresholdDirection(x);
    const p = exactParams(x.spec);
    const top = thresholdForm(E, optimalThresholdSolution(E, p, E.one).mu.seller).threshold;
    const bottom = thresholdForm(E, optimalThresholdSolution(E, p, E.zero).mu.buyer).threshold;
    return { ...d, ok: d.ok && top === 0 && bottom === 0 };
  },
  notes: [
    '"(but never reaches 8)" is a statement about the figure\'s unprinted parameters; with the example\'s valuations it is false (seed002.figures.exampleValuations.asStated).',
  ],
  mutant: { description: 'the opposite direction', check: (x) => thresholdDirection(x, true) },
});
