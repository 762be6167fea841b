/**
 * Seed 002_db415cb54f560522.txt, Proposition 4 (section 4.2.2, proof in the
 * appendix): every SLIC mechanism has a tightly SLIC version (Definition 4,
 * equation 8) with the same trade rule, the same naive ex ante utilities and
 * the same naive revenue. The proof's construction (20) shifts the interim
 * transfers: + d (1 - F_BD(k)) for every class, - d for classes m in
 * {k+1, ..., N-1}.
 *
 * The printed range {k+1, ..., N-1} omits the top class m = N: then the ex
 * ante utility changes by d P(g = N) and the step between N-1 and N is never
 * tightened. With {k+1, ..., N} the construction works (entry
 * seed002.proposition4, holds); as printed it fails
 * (seed002.proposition4.range.asStated, refuted).
 */
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { binomialTable } from '../../src/mechanisms/bilateralTrade/binomial.ts';
import { exAnteSummary, interimClassStatistics } from '../../src/mechanisms/bilateralTrade/directMechanism.ts';
import { productMechanism, slicViolation, tighten, tightnessViolation } from '../../src/mechanisms/bilateralTrade/slic.ts';
import { AGENTS, valuationGap, type Agent } from '../../src/mechanisms/bilateralTrade/model.ts';
import { F, floatParams, src } from './common.ts';
import { slicArb, slicInstance, type SlicInput } from './slicGenerator.ts';

function check(x: SlicInput, tol: number, last: 'N' | 'N-1', mutate = false): PropertyCheck {
  const inst = slicInstance(x, { monotone: false });
  const p = floatParams(x.spec);
  const tight = {} as Record<Agent, number[]>;
  let tightViol = 0;
  let slicViol = 0;
  let naiveDiff = 0;
  let steps = 0;
  for (const j of AGENTS) {
    const s = interimClassStatistics(inst.mechanism, j);
    const gap = valuationGap(F, p, j);
    const t = tighten(p, j, s.phi, s.tauBar, last);
    steps += t.steps;
    tight[j] = mutate ? t.tauBar.map((v) => v - t.tauBar[0]) : t.tauBar;
    tightViol = Math.max(tightViol, tightnessViolation(gap, s.phi, tight[j]));
    slicViol = Math.max(slicViol, slicViolation(gap, s.xi, s.phi, tight[j]));
    const f = binomialTable(F, p.objects, j === 'seller' ? p.qSeller : p.qBuyer).pmf;
    let before = 0;
    let after = 0;
    for (let m = 0; m <= p.objects; m++) {
      before += f[m] * s.tauBar[m];
      after += f[m] * tight[j][m];
    }
    naiveDiff = Math.max(naiveDiff, Math.abs(before - after));
  }
  const hat = productMechanism(p, inst.weights, tight);
  const revDiff = Math.abs(exAnteSummary(hat).revenue - exAnteSummary(inst.mechanism).revenue);
  const ok = tightViol <= tol && slicViol <= tol && naiveDiff <= tol && revDiff <= tol;
  return {
    ok,
    metrics: {
      tightnessViolation: tightViol,
      slicViolationAfter: slicViol,
      naiveUtilityChange: naiveDiff,
      revenueChange: revDiff,
      constructionSteps: steps,
    },
    detail: {
      tauBarBefore: inst.tauBar,
      tauBarAfter: tight,
      tightnessViolation: tightViol,
      naiveUtilityChange: naiveDiff,
      revenueChange: revDiff,
    },
  };
}

export const proposition4 = propertyEntry<SlicInput>({
  id: 'seed002.proposition4',
  title: 'Proposition 4: a tightly SLIC version with the same naive utilities and revenue (construction (20), corrected range)',
  source: src('Proposition 4', '4.2.2'),
  kind: 'proposition',
  hypotheses: [
    '[symmetric] symmetric mechanism',
    '[slic] SLIC',
    '[construction20] construction (20) with the classes m in {k+1, ..., N} losing d',
  ],
  scope: ['N <= 4'],
  conclusion: 'the result is tightly SLIC (equation 8), keeps the trade rule, the naive ex ante utilities and the naive revenue',
  expected: 'holds',
  runs: 60,
  arbitrary: () => slicArb(4),
  check: (x, ctx) => check(x, ctx.tolerance, 'N'),
  mutant: {
    description: 'tighten but drop the constant c^j (tau-bar(0) set to 0): the naive utility changes',
    check: (x, ctx) => check(x, ctx.tolerance, 'N', true),
  },
});

export const proposition4PrintedRange = propertyEntry<SlicInput>({
  id: 'seed002.proposition4.range.asStated',
  aliases: ['seed002.proposition4.printedRange'],
  title: "Proposition 4's construction (20) as printed (classes {k+1, ..., N-1} lose d)",
  source: src('Proposition 4, equation (20)', 'appendix'),
  kind: 'proposition',
  hypotheses: [
    '[symmetric] symmetric mechanism',
    '[slic] SLIC',
    '[construction20] construction (20) exactly as printed: m in {k+1, ..., N-1}',
  ],
  scope: ['N <= 4'],
  conclusion: 'the result is tightly SLIC and keeps the naive ex ante utilities and revenue',
  expected: 'refuted',
  refutation: 'erratum',
  runs: 100,
  arbitrary: () => slicArb(4),
  check: (x, ctx) => check(x, ctx.tolerance, 'N-1'),
  notes: [
    'As printed, the top class (m = N good valuations) does not lose d: the ex ante utility changes by d P(g = N) and the step tau(N) - tau(N-1) is never tightened. The range must be {k+1, ..., N}.',
  ],
});
