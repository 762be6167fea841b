/**
 * What `mechcheck ep amd` computes for seed 002 (db415cb54f560522, section 5):
 * the full AMD LP, certified, against the threshold mechanism of Theorem 1.
 * Apart from summaries.ts so that the LP solvers load only when used.
 */
import { assertFinite } from '../../core/numbers.ts';
import { LP_TOLERANCE } from '../../core/tolerance.ts';
import { solveAmd } from './amd.ts';
import { floatField } from './field.ts';
import type { TradeParameters } from './model.ts';
import { optimalThresholdSolution } from './thresholdProgram.ts';

/**
 * The full AMD LP (certified) against the threshold mechanism of Theorem 1 at
 * weight alpha^s: they agree when the welfares differ by at most LP_TOLERANCE
 * relative to 1 + |welfare|.
 */
export function amdAgainstThreshold(p: TradeParameters<number>, alpha: number) {
  const amd = solveAmd(p, alpha);
  assertFinite(amd.weightedWelfare, 'the AMD LP welfare');
  const threshold = optimalThresholdSolution(floatField, p, alpha);
  const gap = Math.abs(amd.weightedWelfare - threshold.weightedWelfare) / (1 + Math.abs(amd.weightedWelfare));
  const report = {
    weightedWelfare: amd.weightedWelfare,
    utilities: amd.utilities,
    certified: true,
    certificate: amd.lp.certificate,
    backend: amd.lp.backend,
    variables: amd.variables,
    rows: amd.rows,
    solveMs: amd.lp.ms,
    thresholdMechanismWelfare: threshold.weightedWelfare,
    relativeGap: gap,
    agrees: gap <= LP_TOLERANCE,
  };
  return { amd, threshold, report };
}
