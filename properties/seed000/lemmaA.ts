/**
 * Lemma A (seed 000_8a10c4f2f12bc353.txt, section 6.1): F(pi) = max_z sum_i
 * g_i(z; w_i(pi), d_i(pi), v_i(pi)) is Lipschitz in the posterior. The statement
 * writes |F(pi) - F(pi')| <= 2nM ||pi - pi'||; the proof ends with
 * (2 + n) n M ||pi - pi'|| (from |sum_i g_i| <= n(2+n)M). Two entries.
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { lemmaAConstantProof, lemmaAConstantStated, maximalSurplus } from '../../src/mechanisms/assignment/lipschitz.ts';
import { src } from './common.ts';
import { describeLipschitz, lipschitzArb, lipschitzCheck, type LipschitzInput } from './lipschitzCommon.ts';

const hypotheses = [
  '[boundedPayoffs] 0 <= w_ij(theta), v_ij(theta), d_ij^{pq}(theta) <= M',
  "[posteriors] pi, pi' in Delta(Theta), ||.|| the 1-norm (section 3.1)",
];
const scope = ['n <= 4 buyers, 2-3 states'];

export const lemmaAStated = propertyEntry<LipschitzInput>({
  id: 'seed000.lemmaA.asStated',
  aliases: ['seed000.lemmaA.statedConstant'],
  title: "Lemma A with the constant of its statement: |F(pi) - F(pi')| <= 2nM ||pi - pi'||",
  source: src('Lemma A (statement)', '6.1'),
  kind: 'lemma',
  hypotheses,
  scope,
  conclusion: "|F(pi) - F(pi')| <= 2 n M ||pi - pi'||_1",
  expected: 'refuted',
  refutation: 'erratum',
  runs: 1000,
  arbitrary: lipschitzArb(4),
  check: (x, ctx) => lipschitzCheck(x, maximalSurplus, lemmaAConstantStated, ctx.tolerance),
  metrics: { worstRatioToBound: 'max' },
  describe: describeLipschitz,
  notes: [
    'The constant 2nM in the statement is too small for n >= 4. F is the maximum of linear functions of pi; near a state where the full matching is optimal its slope is half the spread of the total surplus across states, up to (nM - (-n^2 M))/2 = n(n+1)M/2 per unit of ||.||_1, which exceeds 2nM when n >= 4.',
    "Counterexample shape: n = 4, one state with every u = M, v = 0, c = 0 (surplus 4M), another with every u = 0, v = M, c = M (full matching surplus -16M); pi the point mass on the good state and pi' = (7/8, 1/8): F(pi) = 4M, F(pi') = 1.5M, ||pi - pi'|| = 1/4, ratio 10M > 8M.",
    'The proof establishes (2+n)nM (see seed000.lemmaA.asProved), which holds; n(n+1)M/2 is the sharp order.',
    'Also a stale cross-reference in the seed: Lemmas A and B define w_i(pi), v_i(pi), d_i(pi) "as in Section 1.1"; the definitions are in section 3.1.',
  ],
});

export const lemmaAProof = propertyEntry<LipschitzInput>({
  id: 'seed000.lemmaA.asProved',
  aliases: ['seed000.lemmaA.proofConstant'],
  title: 'Lemma A with the constant its proof establishes: (2+n)nM',
  source: src('Lemma A (proof)', '6.1'),
  kind: 'lemma',
  hypotheses,
  scope,
  conclusion: "|F(pi) - F(pi')| <= (2 + n) n M ||pi - pi'||_1",
  expected: 'holds',
  runs: 400,
  arbitrary: lipschitzArb(4),
  check: (x, ctx) => lipschitzCheck(x, maximalSurplus, lemmaAConstantProof, ctx.tolerance),
  metrics: { worstRatioToBound: 'max' },
  describe: describeLipschitz,
  notes: [
    'The sharp constant is at most n(n+1)M/2 (half the spread of the total surplus of one matching across states), so the ratio to (2+n)nM stays below (n+1)/(2(n+2)) < 1/2.',
  ],
  mutant: {
    description: 'the constant nM/2 (below the slope n(n+1)M/2 reached near a vertex)',
    check: (x, ctx) => lipschitzCheck(x, maximalSurplus, (n, M) => (n * M) / 2, ctx.tolerance),
  },
});
