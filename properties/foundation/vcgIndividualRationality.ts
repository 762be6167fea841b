/**
 * VCG is ex post individually rational when values are nonnegative, and its
 * transfers are never positive (seed 001_e592948973ecc068.txt, section 5.1:
 * alpha_i^q(t) <= 0; seed 000 requires the same of its stage-2 VCG).
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { exPostIR } from '../../src/concepts/individualRationality.ts';
import { noPositiveTransfers } from '../../src/concepts/budget.ts';
import { environmentFromSpec, privateValuesSpecArb } from '../../src/generators/environments.ts';
import { vcgMechanism } from '../../src/mechanisms/groves.ts';
import { GVCG_SOURCE } from './common.ts';

const arb = () => privateValuesSpecArb({ agents: { min: 1, max: 3 }, types: { min: 1, max: 3 }, outcomes: { min: 2, max: 4 }, M: 5 });

export const vcgExPostIR = propertyEntry({
  id: 'foundation.vcg.expostIR',
  title: 'VCG is ex post individually rational with nonnegative values',
  source: { ...GVCG_SOURCE, ref: 'VCG, section 5.1' },
  kind: 'theorem',
  hypotheses: [
    '[privateValues] private values',
    '[nonnegativeValues] values v_i >= 0',
    '[efficientClarke] efficient outcome rule, Clarke pivot transfers',
  ],
  conclusion: 'v_i(q(t), t_i) + x_i(t) >= 0 for every agent and profile',
  expected: 'holds',
  runs: 100,
  arbitrary: arb,
  check: (spec, ctx) => {
    const env = environmentFromSpec(spec);
    const r = exPostIR(env, vcgMechanism(env), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstShortfall: r.worst }, detail: r };
  },
  metrics: { worstShortfall: 'max' },
  mutant: {
    description: 'VCG with an extra participation fee of 1 charged to every agent',
    check: (spec, ctx) => {
      const env = environmentFromSpec(spec);
      const v = vcgMechanism(env);
      const r = exPostIR(
        env,
        { outcome: v.outcome, transfer: (k: number) => v.transfer(k).map((x) => x - 1) },
        { tolerance: ctx.tolerance },
      );
      return { ok: r.holds, metrics: { worstShortfall: r.worst }, detail: r };
    },
  },
});

export const vcgNoPositiveTransfers = propertyEntry({
  id: 'foundation.vcg.noPositiveTransfers',
  title: 'VCG (Clarke pivot) never pays an agent',
  source: { ...GVCG_SOURCE, ref: 'VCG / GVCG transfers alpha_i^q <= 0, section 5.1' },
  kind: 'theorem',
  hypotheses: ['[privateValues] private values', '[efficientClarke] efficient outcome rule, Clarke pivot transfers'],
  conclusion: 'x_i(t) <= 0 for every agent and profile',
  expected: 'holds',
  runs: 100,
  arbitrary: arb,
  check: (spec, ctx) => {
    const env = environmentFromSpec(spec);
    const r = noPositiveTransfers(env, vcgMechanism(env), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { largestTransfer: r.worst }, detail: r };
  },
  metrics: { largestTransfer: 'max' },
  mutant: {
    description: 'VCG plus a subsidy of 1 to every agent',
    check: (spec, ctx) => {
      const env = environmentFromSpec(spec);
      const v = vcgMechanism(env);
      const r = noPositiveTransfers(
        env,
        { outcome: v.outcome, transfer: (k: number) => v.transfer(k).map((x) => x + 1) },
        { tolerance: ctx.tolerance },
      );
      return { ok: r.holds, metrics: { largestTransfer: r.worst }, detail: r };
    },
  },
});
