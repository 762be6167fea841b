/**
 * Relaxations of the assignment rule of the stage-2 VCG mechanism (seed
 * 000_8a10c4f2f12bc353.txt, section 4.1): phi must maximise total surplus over
 * ALL PARTIAL matchings Z.
 *  - perfect matchings only (every buyer must be served): the IR argument
 *    (g_i = 0 at a matching without i, which lies in Z) breaks;
 *  - a greedy assignment (add the match with the largest marginal surplus while
 *    positive) instead of the exact optimum: the Groves argument for DSIC breaks.
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { dominantStrategyIC } from '../../src/concepts/incentiveCompatibility.ts';
import { exPostIR } from '../../src/concepts/individualRationality.ts';
import { stage2Direct } from '../../src/mechanisms/assignment/directMechanism.ts';
import { type AssignmentData, allMatchings, welfare } from '../../src/mechanisms/assignment/payoff.ts';
import type { AssignmentSolution } from '../../src/mechanisms/assignment/solver.ts';
import { src } from './common.ts';
import { gridArb } from './stage2Vcg.ts';
import { TIE_TOLERANCE } from '../../src/core/tolerance.ts';

/** Best matching in which every buyer except `exclude` is matched. */
export function perfectMatchingSolver(data: AssignmentData, exclude = -1): AssignmentSolution {
  let best: AssignmentSolution | null = null;
  for (const z of allMatchings(data.n, exclude)) {
    if (z.some((j, i) => i !== exclude && j < 0)) continue;
    const v = welfare(data, z, exclude);
    if (!best || v > best.welfare + TIE_TOLERANCE) best = { match: z, welfare: v };
  }
  return best!;
}

/** Greedy: repeatedly add the (buyer, seller) pair with the largest positive increase of total surplus. */
export function greedySolver(data: AssignmentData, exclude = -1): AssignmentSolution {
  const n = data.n;
  const match = new Array<number>(n).fill(-1);
  let value = 0;
  for (;;) {
    let bestGain = TIE_TOLERANCE;
    let pick: [number, number] | null = null;
    for (let i = 0; i < n; i++) {
      if (i === exclude || match[i] >= 0) continue;
      for (let j = 0; j < n; j++) {
        if (match.includes(j)) continue;
        match[i] = j;
        const g = welfare(data, match, exclude) - value;
        match[i] = -1;
        if (g > bestGain) {
          bestGain = g;
          pick = [i, j];
        }
      }
    }
    if (!pick) break;
    match[pick[0]] = pick[1];
    value += bestGain;
  }
  return { match, welfare: welfare(data, match, exclude) };
}

const base = {
  source: src('VCG mechanism, section 4.1 (phi over all partial matchings)', '4.1'),
  kind: 'relaxation' as const,
  runs: 60,
};

export const perfectMatchingsIr = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.individualRationality.withoutPartialMatchings',
  aliases: ['seed000.relaxation.perfectMatchingsOnly.individualRationality'],
  drops: 'partialMatchings',
  title: 'Relaxation: restricting to perfect matchings breaks individual rationality',
  relaxes: 'phi and the pivot maximise over all partial matchings Z (a buyer may stay unmatched)',
  hypotheses: ['[boundedPayoffs] 0 <= w, kappa, d <= M', '[stage2Vcg] VCG transfers otherwise as in section 4.1'],
  scope: ['n <= 3', 'phi over perfect matchings, pivot over matchings of the others that serve all of them'],
  conclusion: 'g_i(phi) + x_i >= 0 for every buyer',
  expected: 'refuted',
  refutation: 'relaxation',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 1 }),
  check: (g, ctx) => {
    const s = stage2Direct(g, perfectMatchingSolver);
    const r = exPostIR(s.env, s.vcg, { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstShortfall: r.worst }, detail: r };
  },
  metrics: { worstShortfall: 'max' },
  notes: [
    "With every buyer forced into a match, a buyer whose value is below its seller's cost is served at a loss that the pivot does not cover: the IR proof needs the matching without i to be feasible for the full problem.",
  ],
});

export const greedyDsic = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.dsic.withoutExactMaximiser',
  aliases: ['seed000.relaxation.greedyAssignment.dsic'],
  drops: 'exactMaximiser',
  title: 'Relaxation: a greedy (inexact) assignment breaks dominant-strategy IC',
  relaxes: 'phi is an exact maximiser of total surplus (the quadratic assignment problem of section 3.4)',
  hypotheses: ['[boundedPayoffs] 0 <= w, kappa, d <= M', '[stage2Vcg] VCG transfer formula of section 4.1'],
  scope: ['n <= 3, 1-3 report types per buyer', 'phi and the pivot computed greedily'],
  conclusion: 'no buyer gains by misreporting',
  expected: 'refuted',
  refutation: 'relaxation',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 3 }),
  check: (g, ctx) => {
    const s = stage2Direct(g, greedySolver);
    const r = dominantStrategyIC(s.env, s.vcg, { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
  },
  runs: 300,
  metrics: { worstGain: 'max' },
  notes: [
    'Groves transfers align each buyer with total surplus only if the mechanism then maximises it; with a greedy rule a buyer can misreport to steer the greedy choice to a matching that is better for the true total surplus (hence for itself).',
  ],
});
