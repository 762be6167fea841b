/**
 * Seed 002_db415cb54f560522.txt, Proposition 3 (section 4.2.1, proof in the
 * appendix): a monotone (Definition 3) and SLIC (Definition 2) mechanism is
 * incentive compatible. Full IC is checked by enumerating all 2^N x 2^N
 * (true type, report) pairs of each agent with the foundation's interimIC,
 * on genuine direct mechanisms over {good,bad}^N x {good,bad}^N (N <= 4).
 *
 * Relaxation: without monotonicity, SLIC alone does not give IC (section 4.2:
 * "local IC constraints do not ensure IC").
 */
import { propertyEntry, unmet, type CheckResult } from '../../src/catalogue/propertyEntry.ts';
import { interimIC } from '../../src/concepts/incentiveCompatibility.ts';
import { interimClassStatistics, toFoundation } from '../../src/mechanisms/bilateralTrade/directMechanism.ts';
import { monotonicityViolation, slicViolation } from '../../src/mechanisms/bilateralTrade/slic.ts';
import { AGENTS, valuationGap } from '../../src/mechanisms/bilateralTrade/model.ts';
import { F, floatParams, src } from './common.ts';
import { slicArb, slicInstance, type SlicInput } from './slicGenerator.ts';

function check(x: SlicInput, tol: number, opts: Parameters<typeof slicInstance>[1]): CheckResult {
  const inst = slicInstance(x, opts);
  const p = floatParams(x.spec);
  let slic = 0;
  let mono = 0;
  for (const j of AGENTS) {
    const s = interimClassStatistics(inst.mechanism, j);
    slic = Math.max(slic, slicViolation(valuationGap(F, p, j), s.xi, s.phi, s.tauBar));
    mono = Math.max(mono, monotonicityViolation(s.xi, s.phi));
  }
  const { env, mech } = toFoundation(inst.mechanism);
  const ic = interimIC(env, mech, { tolerance: tol });
  if (slic > tol) return unmet('SLIC (Definition 2)');
  if (opts.monotone && mono > tol) return unmet('[monotonicity] monotone (Definition 3)');
  return {
    ok: ic.holds,
    metrics: { largestGainFromLying: ic.violation, slicViolation: slic, monotonicityViolation: mono, casesEnumerated: ic.cases },
    detail: {
      interimIC: { violation: ic.violation, witness: ic.witness },
      xiPhiTau: AGENTS.map((j) => ({ agent: j, ...interimClassStatistics(inst.mechanism, j) })),
      slicViolation: slic,
      monotonicityViolation: mono,
    },
  };
}

export const proposition3 = propertyEntry<SlicInput>({
  id: 'seed002.proposition3',
  title: 'Proposition 3: monotone + SLIC implies full IC (all 2^N x 2^N type pairs and misreports)',
  source: src('Proposition 3', '4.2.1'),
  kind: 'proposition',
  hypotheses: ['[symmetric] symmetric direct mechanism', '[slic] SLIC (Definition 2)', '[monotonicity] monotone (Definition 3)'],
  scope: ['N <= 4'],
  conclusion: 'interim IC against every misreport (foundation interimIC by enumeration)',
  expected: 'holds',
  runs: 60,
  arbitrary: () => slicArb(4),
  check: (x, ctx) => check(x, ctx.tolerance, { monotone: true }),
  metrics: { largestGainFromLying: 'max' },
  mutant: {
    description: 'transfer steps Delta xi_{m+1} + 1 (the upward SLIC inequality fails by 1): a type claims one more good valuation',
    check: (x, ctx) => {
      const inst = slicInstance(x, { monotone: true, stepOverride: (gap, _phi, xiNext) => gap * xiNext + 1 });
      const { env, mech } = toFoundation(inst.mechanism);
      const ic = interimIC(env, mech, { tolerance: ctx.tolerance });
      return { ok: ic.holds, metrics: { largestGainFromLying: ic.violation } };
    },
  },
});

export const proposition3WithoutMonotonicity = propertyEntry<SlicInput>({
  id: 'seed002.proposition3.withoutMonotonicity',
  drops: 'monotonicity',
  title: 'Proposition 3 without monotonicity: SLIC alone does not give IC',
  source: src('Proposition 3 (relaxation; section 4.2: local IC does not ensure IC)', '4.2.1'),
  kind: 'relaxation',
  relaxes: '[monotonicity] monotone (Definition 3)',
  hypotheses: ['[symmetric] symmetric direct mechanism', '[slic] SLIC (Definition 2)'],
  scope: ['N <= 4'],
  conclusion: 'interim IC against every misreport',
  expected: 'refuted',
  refutation: 'relaxation',
  runs: 200,
  arbitrary: () => slicArb(4),
  check: (x, ctx) => check(x, ctx.tolerance, { monotone: false }),
});
