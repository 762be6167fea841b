/**
 * Lemma A.4 (seed 004_9d6e3cf19fe3eb52.txt, appendix, Lemma A.4 and its proof):
 * under Assumptions 1 and 3 (spanning), for each i and t < T there are
 * report-independent transfers solving
 *   delta sum_{theta'^{-i}} x(theta'^{-i}; a, theta^{-i}) mu^{-i}(theta'^{-i} | a, theta) = sum_{j!=i} u^j(a, theta)
 * for every a, theta^{-i} and theta^i, given by a pseudo-inverse.
 */
import { given, propertyEntry, type PropertyCheck } from '../../src/catalogue/propertyEntry.ts';
import { spanning } from '../../src/mechanisms/dynamic/assumptions.ts';
import { dynamicSpecArb } from '../../src/mechanisms/dynamic/generators.ts';
import { lemmaA4Transfers } from '../../src/mechanisms/dynamic/transfers.ts';
import { build, describeSpec, spanningHolds, src } from './common.ts';

/** instances satisfying Assumption 3 (the filter keeps the hypothesis while shrinking) */
const arb = () => given(dynamicSpecArb({ spanningSizes: true, maxProfiles: 12 }), 'Assumption 3 (spanning)', spanningHolds);

export const lemmaA4 = propertyEntry({
  id: 'seed004.lemmaA4',
  title: 'Lemma A.4: the pseudo-inverse transfers solve the contingent-transfer system under spanning',
  source: src('Lemma A.4', 'Appendix (proof of Theorem 3.2)'),
  kind: 'lemma',
  hypotheses: [
    '[assumption1] Assumption 1 (bounded payoffs: finite signals and actions)',
    '[assumption3] Assumption 3 (spanning: the columns of M^{-i}(a, theta^{-i}) are linearly independent; generated instances are filtered on it)',
    '[markovSignals] stationary transitions, allocation-dependent or not',
  ],
  scope: ['T in {2,3,4} or infinite; 2-3 agents with 2-3 signals each'],
  conclusion:
    'x = (1/delta) ((M^{-i})^T)^+ u^{-i} satisfies delta (M^{-i})^T x = u^{-i} (largest residual <= 1e-9 (1 + max |x|): rows of M^T are distributions, so |delta M^T x| <= max |x| sets the scale of rounding errors)',
  expected: 'holds',
  runs: 40,
  arbitrary: arb,
  check: (spec, ctx): PropertyCheck => {
    const { env, plan } = build(spec);
    const sp = spanning(env);
    const r = lemmaA4Transfers(env, plan);
    const relative = r.residual / (1 + r.maxAbsTransfer);
    return {
      ok: relative <= ctx.tolerance,
      metrics: {
        maxRelativeResidual: relative,
        maxResidual: r.residual,
        maxPseudoInverseNorm: sp.maxPseudoInverseNorm,
        maxAbsTransfer: r.maxAbsTransfer,
      },
      detail: { residual: r.residual, relativeResidual: relative },
    };
  },
  metrics: { maxRelativeResidual: 'max', maxResidual: 'max', maxPseudoInverseNorm: 'max', maxAbsTransfer: 'max' },
  describe: describeSpec,
  notes: [
    'The slides print p = (1/delta) (M^{-i})^+ u^{-i}: M^+ is |Theta^i| x |Theta^{-i}_{t+1}| and u^{-i} has |Theta^i| entries, so the product is not defined unless M is square. The well-defined reading (used here) is the pseudo-inverse of the transpose, x = (1/delta) ((M^{-i})^T)^+ u^{-i}: the minimum-norm solution, exact when M has linearly independent columns.',
    'The slides type the transfer as p_{t+1}^i : Theta_{t-1}^{-i} x A_t x Theta_t^{-i} -> R_+; it depends on Theta_{t+1}^{-i} (the next reports) and takes any sign (R, as in Theorem 3.2).',
    'Tolerance: the residual is compared with ctx.tolerance times 1 + max |x| (a relative residual): with ||M^+|| up to ~140 the transfers reach the hundreds and an absolute 1e-9 is below their rounding error (verify --seed 3 and --seed 6 found residuals of 1.02e-9 and 1.10e-9).',
    'Sign convention: transfers are paid TO the agent (x = -p); the system reads delta E[x] = sum_{j != i} u^j.',
    'mathjs 15.2.0 pinv throws "determinant is zero" on some full-rank matrices (e.g. [[4/21,6/21,6/21,5/21],[4/21,6/21,4/21,7/21]]); its answer is checked against A X A = A and replaced by a spectral pseudo-inverse when needed (src/solvers/pseudoInverse.ts).',
  ],
  mutant: {
    description: 'transfers without the factor 1/delta (x = ((M^{-i})^T)^+ u^{-i})',
    check: (spec, ctx): PropertyCheck => {
      const { env, plan } = build(spec);
      const r = lemmaA4Transfers(env, plan, { scale: 1 });
      const relative = r.residual / (1 + r.maxAbsTransfer);
      return { ok: relative <= ctx.tolerance, metrics: { maxRelativeResidual: relative, maxResidual: r.residual } };
    },
  },
});
