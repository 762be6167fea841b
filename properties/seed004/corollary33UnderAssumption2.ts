/**
 * Corollary 3.3 as stated on the slides (seed 004_9d6e3cf19fe3eb52.txt,
 * section 3): "under Assumptions 1 and 2 there exist transfers
 * p-bar_{t+1}^i : Theta_{t+1}^{-i} x A_t x Theta_t^{-i} -> R" (report-independent)
 * making the mechanism with a constant last-period allocation periodic ex
 * post IC. A hand-built instance (fixtures/seed004/convex-independence-without-spanning.json)
 * satisfies Assumption 2 but not Assumption 3, and a certified LP shows that
 * no report-independent transfers make period 1 IC, while Theorem 3.1's
 * report-dependent transfers do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claim, exampleEntry, type ExampleOutput } from '../../src/catalogue/exampleEntry.ts';
import { fixturesDir } from '../../src/catalogue/paths.ts';
import { efficientPlan } from '../../src/mechanisms/dynamic/allocation.ts';
import { convexIndependence, spanning } from '../../src/mechanisms/dynamic/assumptions.ts';
import { parseDynamicEnvironment, type DynamicEnvironment } from '../../src/mechanisms/dynamic/environment.ts';
import { periodicExPostIC } from '../../src/mechanisms/dynamic/incentives.ts';
import { reportDependentTransfers, reportIndependentTwoPeriodFeasible } from '../../src/mechanisms/dynamic/transfers.ts';
import { LP_CHECK_TOLERANCE, src } from './common.ts';

const FIXTURE = 'seed004/convex-independence-without-spanning.json';

function evaluate(env: DynamicEnvironment): ExampleOutput {
  const plan = efficientPlan(env);
  const ci = convexIndependence(env);
  const sp = spanning(env);
  const ri = reportIndependentTwoPeriodFeasible(env, plan);
  const rd = reportDependentTransfers(env, plan, { lastStep: 'internalizeLastPeriod' });
  const ic = rd.transfers ? periodicExPostIC(env, plan, rd.transfers, { tolerance: LP_CHECK_TOLERANCE }) : null;
  return {
    comparisons: [
      claim('Assumption 2 (convex independence) holds', ci.holds, `min sup-distance ${ci.minDistance}`),
      claim(
        'report-independent transfers making the mechanism periodic ex post IC exist (Corollary 3.3 as stated)',
        ri.feasible,
        ri.feasible
          ? 'feasible'
          : `certified infeasible LP at agent ${ri.infeasibleAt!.agent}, theta^{-i} = [${ri.infeasibleAt!.others.join(', ')}]`,
      ),
      claim(
        'Theorem 3.1: report-dependent transfers (certified LP) make it periodic ex post IC',
        ic !== null && ic.holds,
        ic ? `max one-shot gain ${ic.violation}` : 'LP infeasible',
      ),
    ],
    metrics: {
      minConvexIndependenceDistance: ci.minDistance,
      minSingularValue: sp.minSingularValue,
      maxGainReportDependent: ic ? ic.violation : null,
    },
    notes: [
      "Instance: agent 1 has 4 signals, agent 2 has 3; transitions do not depend on the allocation; agent 2's next signal given agent 1's signal theta^1 = 0,1,2,3 is (.6,.2,.2), (.2,.6,.2), (.2,.2,.6), (.45,.45,.1): four points in convex position in the triangle (Assumption 2) with the linear dependence eta = (.625, .625, -.25, -1) (no spanning). Agent 1 gets 3 from action 0 when theta^1 <= 1 and 1 otherwise; agent 2 gets 4 from action 1 when theta^1 <= 1. So a*_1 = 1 when theta^1 <= 1 and 0 otherwise; T = 2, a-bar = 0.",
      'Report-independent transfers give agent 1 expected transfers h = f_1 - f_0 in the range of M^T = eta-orthogonal vectors; IC needs h >= 3 where eta > 0 and h <= 1 where eta < 0, so h . eta >= 3 (.625+.625) - 1 (.25+1) > 0: impossible. The statement needs Assumption 3 (as Theorem 3.2) or report-dependent transfers (as Theorem 3.1).',
    ],
  };
}

export const corollary33UnderAssumption2 = exampleEntry({
  id: 'seed004.corollary33.underAssumption2.asStated',
  aliases: ['seed004.corollary33UnderAssumption2'],
  title: 'Corollary 3.3 as stated (Assumptions 1 and 2, report-independent transfers): false',
  source: src('Corollary 3.3', '3'),
  kind: 'corollary',
  hypotheses: [
    '[assumption1] Assumption 1',
    '[assumption2] Assumption 2 (as on the slides), not Assumption 3',
    '[constantLastAllocation] constant allocation in period 2, efficient allocation in period 1',
  ],
  scope: ['T = 2', `the instance ${FIXTURE}`],
  conclusion: 'there are report-independent transfers p-bar_2^i(theta_2^{-i}; a_1, theta_1^{-i}) making the mechanism periodic ex post IC',
  expected: 'refuted',
  refutation: 'erratum',
  evaluate: () => evaluate(parseDynamicEnvironment(JSON.parse(readFileSync(join(fixturesDir(), FIXTURE), 'utf8')))),
});
