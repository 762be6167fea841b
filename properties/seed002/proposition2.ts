/**
 * Seed 002_db415cb54f560522.txt, Proposition 2 (section 4.1): in any
 * alpha-optimal mechanism, good-good encounters trade with probability 1 and
 * bad-bad encounters never trade.
 *
 * Checked without the paper's reductions, on the full automated-mechanism-design
 * LP (every p(i; w) and transfer a variable; interim IC and IR, ex ante budget
 * balance; HiGHS, dual-certified): over the optimal face (welfare >= optimum -
 * 1e-9 (1 + |optimum|)) the largest expected shortfall
 *   E[ sum_i 1{good-good} (1 - p(i; w)) + 1{bad-bad} p(i; w) ]
 * is 0 up to the effect of that slack (threshold 1e-6).
 */
import fc from 'fast-check';
import { propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { amdProposition2Deviation, solveAmd } from '../../src/mechanisms/bilateralTrade/amd.ts';
import { alphaArb, alphaFloat, exampleSpec, floatParams, paramSpecArb, src, type ParamSpec } from './common.ts';
import { DEFAULT_TOLERANCE } from '../../src/core/tolerance.ts';

interface In {
  spec: ParamSpec;
  alpha: number;
}

function check(x: In, which: 'goodGoodBadBad' | 'goodBad'): PropertyCheck {
  const p = floatParams(x.spec);
  const a = alphaFloat(x.alpha);
  const opt = solveAmd(p, a);
  const d = amdProposition2Deviation(p, a, opt.weightedWelfare, DEFAULT_TOLERANCE * (1 + Math.abs(opt.weightedWelfare)), which);
  return {
    ok: d.deviation <= 1e-6,
    metrics: { largestShortfallOnOptimalFace: d.deviation, amdVariables: opt.variables },
    detail: { optimum: opt.weightedWelfare, shortfall: d.deviation },
  };
}

export const proposition2 = propertyEntry<In>({
  id: 'seed002.proposition2',
  title: 'Proposition 2: good-good trades with probability 1, bad-bad never (full AMD LP, optimal face)',
  source: src('Proposition 2', '4.1'),
  kind: 'proposition',
  hypotheses: [
    '[binaryIid] v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)',
    '[interimIC] IC',
    '[interimIR] IR',
    '[budgetBalance] ex ante budget balance',
    '[welfareWeights] any weights alpha^s in [0, 1]',
  ],
  scope: ['N <= 2 random (plus the three-object example)'],
  conclusion:
    'every alpha-optimal mechanism (all of the AMD optimal face) trades good-good with probability 1 and bad-bad with probability 0',
  expected: 'holds',
  runs: 30,
  arbitrary: () => fc.record({ spec: paramSpecArb(2, { maxD: 6 }), alpha: alphaArb }),
  examples: [{ spec: exampleSpec(3), alpha: 10 }],
  check: (x) => check(x, 'goodGoodBadBad'),
  notes: ['Measured on the optimal face of the full LP, so it covers every optimal mechanism, not only the one a solver returns.'],
  mutant: {
    description: 'claim the same for good-bad encounters (trade with probability 1): the optimal face refutes it',
    check: (x) => check(x, 'goodBad'),
  },
});
