/**
 * Lemmas A, B and C (seed 001_e592948973ecc068.txt, section 7.1), each on
 * random instances, reporting the worst observed ratio to its bound:
 *  A: |F_S(pi) - F_S(pi')| <= |S| M ||pi - pi'||_1;
 *  B: [g_i(xi(pi')) . pi' + eta_i(pi')] - [g_i(xi(pi)) . pi + eta_i(pi)] <= (2n - 1) M ||pi - pi'||_1;
 *  C: sum_{a_-i} [zeta_i(a_-i, a_i) - zeta_i(a_-i, a_i')] Q(a_-i | a_i) >= eps Lambda_i / (2 sqrt|A|).
 * (Lemma B's statement reads "for each t in T" and writes g_i where the proof
 * has g_j: OCR/misprints with no effect; the inequality is checked for every agent i.)
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { distance1, norm2 } from '../../src/core/distribution.ts';
import { priorFromSpec, priorSpecArb, type PriorSpec } from '../../src/generators/priors.ts';
import { payoffTableArb } from '../../src/generators/payoffs.ts';
import { maxWelfare, vcgPayoffAtPosterior } from '../../src/mechanisms/twoStage/welfare.ts';
import { beliefVariability, beliefVariabilityPair, sphericalRewardAdvantage } from '../../src/information/beliefVariability.ts';
import { src } from './common.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../src/core/tolerance.ts';

interface WelfareSpec {
  M: number;
  /** g[i][c][theta] in {0..M} */
  g: number[][][];
  pi: number[];
  piPrime: number[];
  /** membership of S (Lemma A) */
  members: boolean[];
}

const welfareArb = (): fc.Arbitrary<WelfareSpec> =>
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([n, C, m]) =>
    fc.record({
      M: fc.constant(4),
      g: payoffTableArb([n, C, m], { M: 4 }) as fc.Arbitrary<number[][][]>,
      pi: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }).filter((w) => w.some((x) => x > 0)),
      piPrime: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }).filter((w) => w.some((x) => x > 0)),
      members: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  );

const norm = (w: number[]) => w.map((x) => x / w.reduce((a, b) => a + b, 0));

function lemmaA(spec: WelfareSpec, tol: number, constant: (s: number) => number) {
  const pi = norm(spec.pi);
  const pp = norm(spec.piPrime);
  const S = spec.members.flatMap((b, i) => (b ? [i] : []));
  const lhs = Math.abs(maxWelfare(spec.g, S, pi).value - maxWelfare(spec.g, S, pp).value);
  const d = distance1(pi, pp);
  const bound = constant(S.length) * spec.M * d;
  const ratio = bound > 0 ? lhs / bound : lhs > 0 ? Infinity : 0;
  return { ok: lhs <= bound + tol, metrics: { worstRatioToBound: ratio }, detail: { S, pi, piPrime: pp, lhs, bound } };
}

export const lemmaAEntry = propertyEntry<WelfareSpec>({
  id: 'seed001.lemmaA',
  title: "Lemma A: |F_S(pi) - F_S(pi') | <= |S| M ||pi - pi'||",
  source: src('Lemma A', '7.1'),
  kind: 'lemma',
  hypotheses: ['[lemmaABounds] g_i : C x Theta -> [0, M]', "[posteriors] pi, pi' in Delta(Theta)"],
  scope: ['S any subset of the agents'],
  conclusion: "|F_S(pi) - F_S(pi')| <= |S| M ||pi - pi'||_1",
  expected: 'holds',
  runs: 300,
  arbitrary: welfareArb,
  examples: [{ M: 4, g: [[[4, 0]]], pi: [1, 0], piPrime: [0, 1], members: [true] }],
  check: (spec, ctx) => lemmaA(spec, ctx.tolerance, (s) => s),
  metrics: { worstRatioToBound: 'max' },
  notes: [
    "The worst ratio is 1/2: for g_i in [0, M], sum_theta g(theta)(pi - pi')(theta) <= M ||pi - pi'||_1 / 2, so the sharp constant is |S| M / 2 (attained: one agent, g = (M, 0), pi = (1, 0), pi' = (0, 1)). The stated constant holds with a factor 2 to spare.",
  ],
  mutant: {
    description: 'constant |S| M / 3 (below the sharp |S| M / 2)',
    check: (spec, ctx) => lemmaA(spec, ctx.tolerance, (s) => s / 3),
  },
});

function lemmaB(spec: WelfareSpec, tol: number, constant: (n: number) => number) {
  const pi = norm(spec.pi);
  const pp = norm(spec.piPrime);
  const n = spec.g.length;
  const d = distance1(pi, pp);
  let worst = 0;
  let detail: unknown = null;
  let ok = true;
  for (let i = 0; i < n; i++) {
    const lhs = vcgPayoffAtPosterior(spec.g, i, pp) - vcgPayoffAtPosterior(spec.g, i, pi);
    const bound = constant(n) * spec.M * d;
    const ratio = bound > 0 ? lhs / bound : lhs > tol ? Infinity : 0;
    if (lhs > bound + tol) ok = false;
    if (ratio >= worst) {
      worst = ratio;
      detail = { agent: i, pi, piPrime: pp, lhs, bound };
    }
  }
  return { ok, metrics: { worstRatioToBound: worst }, detail };
}

export const lemmaBEntry = propertyEntry<WelfareSpec>({
  id: 'seed001.lemmaB',
  title: "Lemma B: the VCG payoff at pi' exceeds that at pi by at most (2n - 1) M ||pi - pi'||",
  source: src('Lemma B', '7.1'),
  kind: 'lemma',
  hypotheses: [
    '[lemmaABounds] g_i : C x Theta -> [0, M]',
    '[efficientOutcome] xi(pi) efficient at pi (ties to the lowest outcome)',
    '[gvcgTransfers] eta_i the Clarke transfer at pi',
  ],
  conclusion: "[g_i(xi(pi')) . pi' + eta_i(pi')] - [g_i(xi(pi)) . pi + eta_i(pi)] <= (2n - 1) M ||pi - pi'||_1 for every i",
  expected: 'holds',
  runs: 300,
  arbitrary: welfareArb,
  examples: [{ M: 4, g: [[[4, 0]]], pi: [0, 1], piPrime: [1, 0], members: [true] }],
  check: (spec, ctx) => lemmaB(spec, ctx.tolerance, (n) => 2 * n - 1),
  metrics: { worstRatioToBound: 'max' },
  notes: [
    'The proof applies Lemma A twice (n M + (n - 1) M); with the sharp Lemma A constant the bound is (2n - 1) M / 2, so the worst ratio to the stated bound is at most 1/2. The statement\'s "for each t in T" is vacuous and its g_i / g_j mix-up is a misprint.',
  ],
  mutant: { description: 'constant (2n - 1) M / 3', check: (spec, ctx) => lemmaB(spec, ctx.tolerance, (n) => (2 * n - 1) / 3) },
});

interface LemmaCSpec {
  prior: PriorSpec;
  scale: number;
}

function lemmaC(spec: LemmaCSpec, tol: number, denominator: (Q: ReturnType<typeof priorFromSpec>) => number) {
  const Q = priorFromSpec(spec.prior);
  const eps = spec.scale;
  let worst = 0;
  let identityGap = 0;
  let ok = true;
  let detail: unknown = null;
  for (let i = 0; i < Q.agents; i++) {
    const lambda = beliefVariability(Q, i).lambda;
    for (let a = 0; a < Q.typeCounts[i]; a++)
      for (let r = 0; r < Q.typeCounts[i]; r++) {
        if (a === r) continue;
        const lhs = sphericalRewardAdvantage(Q, i, a, r, eps);
        const bound = (eps * lambda) / denominator(Q);
        // the proof's equality: lhs = (eps / 2) ||Q(.|a)||_2 ||u(a) - u(r)||^2
        const identity = (eps / 2) * norm2(Q.othersGivenOwn(i, a)) * beliefVariabilityPair(Q, i, a, r);
        identityGap = Math.max(identityGap, Math.abs(identity - lhs));
        const ratio = lhs > TIE_TOLERANCE ? bound / lhs : bound > TIE_TOLERANCE ? Infinity : 0;
        if (lhs < bound - tol) ok = false;
        if (ratio >= worst) {
          worst = ratio;
          detail = { agent: i, trueSignal: a, report: r, lhs, bound, lambda };
        }
      }
  }
  return { ok: ok && identityGap <= DEFAULT_TOLERANCE, metrics: { worstRatioToBound: worst, proofIdentityGap: identityGap }, detail };
}

export const lemmaCEntry = propertyEntry<LemmaCSpec>({
  id: 'seed001.lemmaC',
  title: 'Lemma C: the spherical reward advantage of truth is at least eps Lambda_i / (2 sqrt|A|)',
  source: src('Lemma C', '7.1'),
  kind: 'lemma',
  hypotheses: [
    '[finiteTypes] Q in Delta(Theta x A) with full support',
    '[sphericalNormalisation] zeta_i(a_-i, a_i) = eps Q(a_-i | a_i) / ||Q(. | a_i)||_2',
  ],
  conclusion:
    "sum_{a_-i} [zeta_i(a_-i, a_i) - zeta_i(a_-i, a_i')] Q(a_-i | a_i) >= eps Lambda_i / (2 sqrt|A|) for all a_i != a_i', and equals (eps/2) ||Q(.|a_i)||_2 ||u(a_i) - u(a_i')||^2 (the proof's identity)",
  expected: 'holds',
  runs: 150,
  arbitrary: () =>
    fc.record({
      prior: priorSpecArb({ agents: { min: 2, max: 3 }, types: { min: 2, max: 3 }, states: { min: 1, max: 2 }, maxWeight: 6 }),
      scale: fc.integer({ min: 1, max: 5 }),
    }),
  check: (spec, ctx) => lemmaC(spec, ctx.tolerance, (Q) => 2 * Math.sqrt(Q.profiles.size)),
  metrics: { worstRatioToBound: 'max', proofIdentityGap: 'max' },
  notes: [
    "worstRatioToBound is bound / observed (<= 1 when the lower bound holds). The proof uses ||Q(.|a_i)||_2 >= 1/sqrt|A_-i| >= 1/sqrt|A|; the bound with |A_-i| also holds, and the factor 1/sqrt|A| is what makes the proof's reward scale grow like 2^(n/2) with n binary signals (see seed001.theoremB.manyAgents).",
  ],
  mutant: {
    description: 'the bound without the factor 1/sqrt|A| (eps Lambda_i / 2)',
    check: (spec, ctx) => lemmaC(spec, ctx.tolerance, () => 2),
  },
});

export const lemmaASharp = propertyEntry<WelfareSpec>({
  id: 'seed001.lemmaA.sharpConstant',
  title: 'Lemma A with the sharp constant |S| M / 2 (attained)',
  source: src('Lemma A', '7.1'),
  kind: 'bound',
  hypotheses: ['[lemmaABounds] g_i : C x Theta -> [0, M]', "[posteriors] pi, pi' in Delta(Theta)"],
  scope: ['S any subset of the agents'],
  conclusion: "|F_S(pi) - F_S(pi')| <= (|S| M / 2) ||pi - pi'||_1, with equality at g = (M, 0), pi = (1, 0), pi' = (0, 1)",
  expected: 'holds',
  runs: 300,
  arbitrary: welfareArb,
  examples: [{ M: 4, g: [[[4, 0]]], pi: [1, 0], piPrime: [0, 1], members: [true] }],
  check: (spec, ctx) => lemmaA(spec, ctx.tolerance, (s) => s / 2),
  metrics: { worstRatioToBound: 'max' },
  mutant: { description: 'constant 0.45 |S| M', check: (spec, ctx) => lemmaA(spec, ctx.tolerance, (s) => 0.45 * s) },
});

export const lemmaBSharp = propertyEntry<WelfareSpec>({
  id: 'seed001.lemmaB.sharpConstant',
  title: 'Lemma B with the constant (2n - 1) M / 2 that its proof gives with the sharp Lemma A',
  source: src('Lemma B', '7.1'),
  kind: 'bound',
  hypotheses: [
    '[lemmaABounds] g_i : C x Theta -> [0, M]',
    '[efficientOutcome] xi(pi) efficient at pi (ties to the lowest outcome)',
    '[gvcgTransfers] eta_i the Clarke transfer at pi',
  ],
  conclusion:
    "[g_i(xi(pi')) . pi' + eta_i(pi')] - [g_i(xi(pi)) . pi + eta_i(pi)] <= ((2n - 1) M / 2) ||pi - pi'||_1 (equality for n = 1, g = (M, 0))",
  expected: 'holds',
  runs: 300,
  arbitrary: welfareArb,
  examples: [{ M: 4, g: [[[4, 0]]], pi: [0, 1], piPrime: [1, 0], members: [true] }],
  check: (spec, ctx) => lemmaB(spec, ctx.tolerance, (n) => (2 * n - 1) / 2),
  metrics: { worstRatioToBound: 'max' },
  mutant: { description: 'constant 0.45 (2n - 1) M', check: (spec, ctx) => lemmaB(spec, ctx.tolerance, (n) => 0.45 * (2 * n - 1)) },
});
