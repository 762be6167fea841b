/**
 * Assumptions 2 and 3 (seed 004_9d6e3cf19fe3eb52.txt, section 3): the slides
 * call spanning (Assumption 3, used by Theorem 3.2) "slightly stronger" than
 * convex independence (Assumption 2, used by Theorem 3.1). Checked: every
 * environment satisfying Assumption 3 satisfies Assumption 2 (linear
 * independence of the columns of M^{-i} rules out a column in the convex hull
 * of the others).
 */
import { given, propertyEntry, unmet, type CheckResult } from '../../src/catalogue/propertyEntry.ts';
import { convexIndependence, spanning } from '../../src/mechanisms/dynamic/assumptions.ts';
import { dynamicSpecArb, type DynamicSpec } from '../../src/mechanisms/dynamic/generators.ts';
import { build, describeSpec, spanningHolds, src } from './common.ts';

const anyArb = (spanningSizes = false) =>
  dynamicSpecArb({
    agents: { min: 2, max: 2 },
    signals: { min: 2, max: 4 },
    actions: { min: 1, max: 2 },
    maxProfiles: 12,
    horizons: null,
    infinite: true,
    copy: { min: 0, max: 3 },
    spanningSizes,
  });
/**
 * Convex independence without spanning (4 own signals, 3 of the other), the
 * shrunk counterexample of seed004.theorem32.convexIndependenceOnly.withoutAssumption3: the mutant's
 * example (a counterexample to the converse); outside the entry's hypotheses.
 */
const CI_WITHOUT_SPANNING: DynamicSpec = {
  signals: [4, 3],
  actions: 1,
  horizon: 'infinite',
  discount: 0.5,
  allocationDependent: false,
  copy: 1,
  weights: [
    [
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1],
      [1, 1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 2],
      [1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [3, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    ],
  ],
  utility: [[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]]],
};

/**
 * Instances satisfying Assumption 3 (the filter keeps the hypothesis while
 * shrinking), drawn among the signal counts where it can hold (k_i at most the
 * number of the other's signals): about 85% of them span.
 */
const arb = () => given(anyArb(true), 'Assumption 3 (spanning)', spanningHolds);

export const spanningImpliesConvexIndependence = propertyEntry({
  id: 'seed004.spanningImpliesConvexIndependence',
  title: 'Assumption 3 (spanning) implies Assumption 2 (convex independence)',
  source: src('Assumptions 2 and 3', '3'),
  kind: 'assumption',
  scope: [
    '2 agents with 2-4 signals each, at most as many as the other has (else spanning cannot hold), 1-2 actions, random integer transition weights (correlated or not)',
  ],
  hypotheses: [
    '[markovSignals] Markov transitions',
    '[assumption3] Assumption 3 (spanning), computed: smallest singular value of M^{-i} > 1e-6 (generated instances are filtered on it)',
  ],
  conclusion:
    'Assumption 2 holds: the sup-norm distance of each column of M^{-i} to the convex hull of the others is > 1e-9 (certified LPs)',
  expected: 'holds',
  runs: 30,
  arbitrary: arb,
  check: (spec): CheckResult => {
    const { env } = build(spec);
    const sp = spanning(env);
    if (!sp.holds) return unmet('Assumption 3 (spanning)');
    const ci = convexIndependence(env);
    return {
      ok: ci.holds,
      metrics: { minConvexIndependenceDistance: ci.minDistance, minSingularValue: sp.minSingularValue },
      detail: { spanning: sp, convexIndependence: ci },
    };
  },
  metrics: { minConvexIndependenceDistance: 'min', minSingularValue: 'min' },
  describe: describeSpec,
  notes: [
    'The converse fails (see seed004.theorem32.convexIndependenceOnly.withoutAssumption3): with more own signals than the others have next profiles, convex independence can hold while spanning cannot.',
  ],
  mutant: {
    description: 'the converse: convex independence implies spanning (unfiltered instances, and the fixed example with 4 vs 3 signals)',
    arbitrary: () => anyArb(),
    examples: [CI_WITHOUT_SPANNING],
    check: (spec): CheckResult => {
      const { env } = build(spec);
      const ci = convexIndependence(env);
      if (!ci.holds) return unmet('Assumption 2 (convex independence)');
      return { ok: spanning(env).holds };
    },
  },
});
