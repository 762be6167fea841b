/**
 * Definition 2 and the Remark (seed 001_e592948973ecc068.txt, section 4.1):
 * for P = P1 x P2 over Theta x prod_i (X_i x Y_i), both the trivial
 * decomposition (T_i, id, P) and the product decomposition ((X_i, p_{X_i}), P1)
 * satisfy conditions (ii) and (iii); the two give the same expected valuations
 * vhat_i (Remark); and, as section 4.3 says, Lambda_i^P = 0 for the trivial
 * decomposition once Y_i has two payoff types, while Lambda_i^{P1} may be positive.
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { productFromSpec, productSpecArb, type ProductSpec } from '../../src/information/decompositionArbitraries.ts';
import {
  checkDecomposition,
  expectedValuationGap,
  trivialDecomposition,
  type InformationDecomposition,
} from '../../src/information/informationDecomposition.ts';
import { beliefVariability } from '../../src/information/beliefVariability.ts';
import { src } from './common.ts';

function checkSpec(spec: ProductSpec, tol: number, broken: boolean) {
  const { structure } = productFromSpec(spec);
  const P = structure.P;
  let D: InformationDecomposition = structure.decomposition;
  if (broken) {
    // mutant: relabel agent 0's signals (f_0(x, y) = x + 1 mod |X_0|) while keeping Q = P1
    const k = D.Q.typeCounts[0];
    D = { ...D, signalOf: D.signalOf.map((f, i) => (i === 0 ? f.map((a) => (a + 1) % k) : f)) };
  }
  const trivial = trivialDecomposition(P);
  const cp = checkDecomposition(P, D, tol);
  const ct = checkDecomposition(P, trivial, tol);
  const gap = expectedValuationGap(P, D, trivial, spec.values);
  const ok = cp.holds && ct.holds && gap <= tol;
  return {
    ok,
    metrics: {
      conditionIIGap: Math.max(cp.conditionII, ct.conditionII),
      conditionIIIGap: Math.max(cp.conditionIII, ct.conditionIII),
      remarkValuationGap: gap,
    },
    detail: { product: cp, trivial: ct, remarkValuationGap: gap },
  };
}

/** Section 4.3: Lambda_i^P = 0 for the trivial decomposition when |Y_i| >= 2; Lambda_i^{P1} of the product decomposition. */
function trivialLambdaCheck(spec: ProductSpec, tol: number, independentPayoffTypes: boolean) {
  const { structure } = productFromSpec(spec, { independentPayoffTypes });
  const P = structure.P;
  let trivialLambda = 0;
  let productLambda = Infinity;
  for (let i = 0; i < P.agents; i++) {
    productLambda = Math.min(productLambda, beliefVariability(structure.decomposition.Q, i).lambda);
    if (spec.payoffTypes[i] >= 2) trivialLambda = Math.max(trivialLambda, beliefVariability(P, i).lambda);
  }
  return {
    ok: trivialLambda <= tol,
    metrics: { trivialLambda, productLambda },
    detail: { trivialLambda, productLambda, note: 'Lambda of the trivial decomposition, max over agents with two or more payoff types' },
  };
}

export const decompositionDefinition = propertyEntry<ProductSpec>({
  id: 'seed001.decomposition.productAndTrivial',
  title: 'Definition 2: the trivial and the product-structure decompositions satisfy (ii)-(iii) and give the same vhat (Remark)',
  source: src('Definition 2, Remark', '4.1'),
  kind: 'definition',
  hypotheses: [
    '[decomposition] T_i = X_i x Y_i',
    '[productPrior] P = P1 x P2 with P1 in Delta(Theta x X), P2 in Delta(Y), full support',
    '[boundedValues] v_i(c, theta, t_i) in [0, M]',
  ],
  conclusion: 'conditions (ii) and (iii) hold for (T_i, id, P) and ((X_i, p_X_i), P1); the expected valuations through both agree (Remark)',
  expected: 'holds',
  runs: 60,
  arbitrary: () =>
    productSpecArb({
      agents: { min: 2, max: 3 },
      signals: { min: 2, max: 3 },
      payoffTypes: { min: 1, max: 2 },
      states: { min: 2, max: 3 },
    }),
  check: (spec, ctx) => checkSpec(spec, ctx.tolerance, false),
  metrics: { conditionIIGap: 'max', conditionIIIGap: 'max', remarkValuationGap: 'max' },
  mutant: {
    description: "agent 0's signal map relabelled (f_0(x, y) = x + 1 mod |X_0|) with Q = P1 unchanged: (ii)/(iii) must fail",
    check: (spec, ctx) => checkSpec(spec, ctx.tolerance, true),
  },
});

const LAMBDA_CLAIM = 'Lambda_i^P = 0 for the trivial decomposition of a product structure (section 4.3)';
const lambdaArb = () =>
  productSpecArb({
    agents: { min: 2, max: 3 },
    signals: { min: 2, max: 2 },
    payoffTypes: { min: 2, max: 2 },
    states: { min: 2, max: 2 },
    outcomes: { min: 1, max: 1 },
    M: 1,
  });

export const trivialLambdaAsStated = propertyEntry<ProductSpec>({
  id: 'seed001.decomposition.trivialLambdaZero.asStated',
  title:
    'Section 4.3 as stated: the trivial decomposition of a product structure has Lambda_i^P = 0 (false when P2 correlates payoff types)',
  source: src('Section 4.3, remark on Lambda under the trivial decomposition', '4.3'),
  kind: 'remark',
  hypotheses: [
    '[decomposition] T_i = X_i x Y_i',
    '[productPrior] P = P1 x P2 with P2 any distribution on Y = prod Y_i (as in section 4.1)',
  ],
  scope: ['|Y_i| = 2'],
  conclusion: LAMBDA_CLAIM,
  expected: 'refuted',
  refutation: 'erratum',
  runs: 40,
  arbitrary: lambdaArb,
  check: (spec, ctx) => trivialLambdaCheck(spec, ctx.tolerance, false),
  metrics: { trivialLambda: 'max', productLambda: 'max' },
  notes: [
    "The text claims Lambda_i^P = 0 for the trivial decomposition whenever T_i = X_i x Y_i and P = P1 x P2. That needs y_i to carry no information about y_-i: when P2 correlates the payoff types, types (x, y) and (x, y') of agent i hold different beliefs about t_-i and Lambda_i^P > 0 (counterexample below). With P2 a product of its marginals the claim holds (seed001.decomposition.trivialLambdaZero.independentPayoffTypes).",
  ],
});

export const trivialLambdaIndependent = propertyEntry<ProductSpec>({
  id: 'seed001.decomposition.trivialLambdaZero.independentPayoffTypes',
  title: 'Section 4.3 with independent payoff types: Lambda_i^P = 0 for the trivial decomposition, while Lambda_i^{P1} > 0 is possible',
  source: src('Section 4.3, remark on Lambda under the trivial decomposition', '4.3'),
  kind: 'remark',
  hypotheses: [
    '[decomposition] T_i = X_i x Y_i',
    '[payoffTypesIndependent] P = P1 x P2 with P2 = prod_i P2_i (payoff types independent across agents)',
  ],
  scope: ['|Y_i| = 2'],
  conclusion: LAMBDA_CLAIM,
  expected: 'holds',
  runs: 40,
  arbitrary: lambdaArb,
  check: (spec, ctx) => trivialLambdaCheck(spec, ctx.tolerance, true),
  metrics: { trivialLambda: 'max', productLambda: 'max' },
  mutant: {
    description: 'P2 correlated (not replaced by the product of its marginals)',
    check: (spec, ctx) => trivialLambdaCheck(spec, ctx.tolerance, false),
  },
});
