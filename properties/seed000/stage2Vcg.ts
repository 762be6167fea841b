/**
 * The stage-2 VCG mechanism (seed 000_8a10c4f2f12bc353.txt, section 4.1): with
 * the efficient assignment phi(w, d) over all partial matchings and transfers
 * x_i = sum_{k != i} g_k(phi) - max_{z in Z_-i} sum_{k != i} g_k(z), it is
 * dominant-strategy IC, individually rational, and its transfers are <= 0.
 * Checked with the foundation's checkers on finite grids of reported payoff
 * data (each buyer's type is one of 1-3 random (w_i, d_i)), n <= 3.
 * Also the relaxation of section 3.1's c >= 0 (externality BENEFITS allowed).
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { dominantStrategyIC } from '../../src/concepts/incentiveCompatibility.ts';
import { exPostIR } from '../../src/concepts/individualRationality.ts';
import { noPositiveTransfers } from '../../src/concepts/budget.ts';
import { type Stage2Grid, stage2Direct } from '../../src/mechanisms/assignment/directMechanism.ts';
import { efficientAssignment } from '../../src/mechanisms/assignment/solver.ts';
import type { AssignmentData } from '../../src/mechanisms/assignment/payoff.ts';
import { src } from './common.ts';

export function gridArb(opts: { nMax: number; typesMax: number; negative?: boolean }): fc.Arbitrary<Stage2Grid & { M: number }> {
  return fc.tuple(fc.integer({ min: 1, max: opts.nMax }), fc.integer({ min: 1, max: 3 })).chain(([n, M]) => {
    const val = fc.integer({ min: 0, max: M });
    const ext = fc.integer({ min: opts.negative ? -M : 0, max: M });
    const row = <T>(a: fc.Arbitrary<T>, k: number) => fc.array(a, { minLength: k, maxLength: k });
    const type = fc.record({ w: row(val, n), d: row(row(row(ext, n), n), n) });
    return fc.record({
      n: fc.constant(n),
      M: fc.constant(M),
      kappa: row(row(val, n), n),
      types: row(
        fc.integer({ min: 1, max: opts.typesMax }).chain((K) => row(type, K)),
        n,
      ),
    });
  });
}

const describeGrid = (g: Stage2Grid & { M: number }) => ({
  n: g.n,
  M: g.M,
  kappa: g.kappa,
  types: g.types.map((ts, i) =>
    ts.map((t) => ({ w: t.w, d: t.d.map((dj, j) => dj.map((dp, p) => dp.map((x, q) => (p === i || q === j ? 0 : x)))) })),
  ),
});

/** Pivot that ignores seller scarcity and externalities: h_i = sum_{k != i} max(0, max_j w_kj - kappa_kj). */
const naivePivot = (i: number, data: AssignmentData) => {
  let h = 0;
  for (let k = 0; k < data.n; k++) {
    if (k === i) continue;
    let m = 0;
    for (let j = 0; j < data.n; j++) m = Math.max(m, data.w[k * data.n + j] - data.kappa[k * data.n + j]);
    h += m;
  }
  return h;
};

const base = {
  source: src('VCG mechanism, section 4.1', '4.1'),
  kind: 'theorem' as const,
  hypotheses: [
    '[boundedPayoffs] 0 <= w_ij, kappa_ij, d_ij^{pq} <= M',
    '[nonnegativeExternalities] externalities are costs',
    '[knownSellerCosts] seller costs kappa known',
    '[exactMaximiser] phi = exact efficient assignment',
    '[partialMatchings] over all partial matchings',
    '[stage2Vcg] VCG transfers of section 4.1',
  ],
  scope: ['n <= 3, 1-3 report types per buyer'],
  runs: 40,
  metrics: { worstGain: 'max' as const, worstShortfall: 'max' as const, largestTransfer: 'max' as const },
  describe: describeGrid,
};

export const stage2Dsic = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.dsic',
  title: 'Stage-2 VCG with externalities is dominant-strategy IC',
  conclusion: 'no buyer gains by misreporting (w_i, d_i), whatever the others report',
  expected: 'holds',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 3 }),
  check: (g, ctx) => {
    const s = stage2Direct(g);
    const r = dominantStrategyIC(s.env, s.vcg, { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
  },
  mutant: {
    description: 'transfer = -max_{Z_-i} sum_{k != i} g_k only (the Groves term sum_{k != i} g_k(phi) dropped)',
    check: (g, ctx) => {
      const s = stage2Direct(g);
      const mech = {
        outcome: s.vcg.outcome,
        transfer: (k: number) => {
          const d = s.dataAt(k);
          return Array.from({ length: g.n }, (_, i) => -efficientAssignment(d, i).welfare);
        },
      };
      const r = dominantStrategyIC(s.env, mech, { tolerance: ctx.tolerance });
      return { ok: r.holds, metrics: { worstGain: r.worst }, detail: r };
    },
  },
});

const irCheck =
  (mk: (s: ReturnType<typeof stage2Direct>) => ReturnType<typeof stage2Direct>['vcg']) =>
  (g: Stage2Grid & { M: number }, ctx: { tolerance: number }) => {
    const s = stage2Direct(g);
    const r = exPostIR(s.env, mk(s), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { worstShortfall: r.worst }, detail: r };
  };
const nptCheck =
  (mk: (s: ReturnType<typeof stage2Direct>) => ReturnType<typeof stage2Direct>['vcg']) =>
  (g: Stage2Grid & { M: number }, ctx: { tolerance: number }) => {
    const s = stage2Direct(g);
    const r = noPositiveTransfers(s.env, mk(s), { tolerance: ctx.tolerance });
    return { ok: r.holds, metrics: { largestTransfer: r.worst }, detail: r };
  };

export const stage2Ir = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.individualRationality',
  title: 'Stage-2 VCG with externalities is individually rational',
  conclusion: 'g_i(phi; w_i, d_i, kappa_i) + x_i >= 0 for every buyer at every truthful profile',
  expected: 'holds',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 2 }),
  check: irCheck((s) => s.vcg),
  mutant: {
    description: 'pivot h_i = sum_{k != i} max_j (w_kj - kappa_kj)^+ (ignores that sellers are scarce and externalities)',
    check: irCheck((s) => s.withPivot(naivePivot)),
  },
});

export const stage2NoPositiveTransfers = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.nonpositiveTransfers',
  title: 'Stage-2 VCG transfers are nonpositive (no budget deficit)',
  conclusion: 'x_i <= 0 for every buyer at every profile',
  expected: 'holds',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 2 }),
  check: nptCheck((s) => s.vcg),
  mutant: {
    description: 'sign convention flipped: x_i = max_{Z_-i} sum_{k != i} g_k - sum_{k != i} g_k(phi) (the externality paid TO i)',
    check: nptCheck((s) => {
      const m = s.vcg;
      return { outcome: m.outcome, transfer: (k: number) => m.transfer(k).map((x) => -x) };
    }),
  },
});

export const negativeExternalitiesTransfers = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.nonpositiveTransfers.withoutNonnegativeExternalities',
  aliases: ['seed000.relaxation.negativeExternalities.nonpositiveTransfers'],
  drops: 'nonnegativeExternalities',
  title: 'Relaxation: externality benefits (c < 0 allowed) break nonpositive transfers',
  kind: 'relaxation',
  relaxes: 'externality costs are nonnegative (section 3.1: 0 <= c_ij^{pq}(theta))',
  hypotheses: [
    '[boundedPayoffs] 0 <= w_ij, kappa_ij <= M',
    '[exactMaximiser] exact efficient assignment',
    '[stage2Vcg] VCG transfers of section 4.1',
  ],
  scope: ['-M <= d_ij^{pq} <= M'],
  conclusion: 'x_i <= 0 for every buyer at every profile',
  expected: 'refuted',
  refutation: 'relaxation',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 1, negative: true }),
  check: nptCheck((s) => s.vcg),
  notes: [
    'The proof that x_i <= 0 uses sum_{q != j} d_kq^{ij} z_ij >= 0: removing i can only help the others. With a benefit (d < 0) the others lose when i leaves, sum_{k != i} g_k(phi) exceeds max over Z_-i, and i is PAID.',
  ],
});

export const negativeExternalitiesIrDsic = propertyEntry({
  ...base,
  id: 'seed000.stage2Vcg.irAndDsic.withoutNonnegativeExternalities',
  aliases: ['seed000.relaxation.negativeExternalities.irAndDsic'],
  drops: 'nonnegativeExternalities',
  title: 'Relaxation: with externality benefits VCG stays IR and DSIC (the conclusion survives)',
  kind: 'relaxation',
  relaxes: 'externality costs are nonnegative (section 3.1: 0 <= c_ij^{pq}(theta))',
  hypotheses: [
    '[boundedPayoffs] 0 <= w_ij, kappa_ij <= M',
    '[exactMaximiser] exact efficient assignment (the branch and bound bound is valid for either sign)',
    '[stage2Vcg] VCG transfers of section 4.1',
  ],
  scope: ['-M <= d_ij^{pq} <= M'],
  conclusion: 'g_i + x_i >= 0 (IR) and no gain from misreporting (DSIC)',
  expected: 'holds',
  arbitrary: () => gridArb({ nMax: 3, typesMax: 2, negative: true }),
  check: (g, ctx) => {
    const s = stage2Direct(g);
    const ir = exPostIR(s.env, s.vcg, { tolerance: ctx.tolerance });
    const ds = dominantStrategyIC(s.env, s.vcg, { tolerance: ctx.tolerance });
    return { ok: ir.holds && ds.holds, metrics: { worstShortfall: ir.worst, worstGain: ds.worst }, detail: { ir, ds } };
  },
  notes: [
    'IR uses only Z_-i subset of Z (g_i + x_i = max_Z W - max_{Z_-i} W_-i >= 0 as g_i = 0 off the match) and DSIC is Groves: neither needs c >= 0. Only the sign of the transfers does.',
  ],
  mutant: { description: 'pivot h_i = sum_{k != i} max_j (w_kj - kappa_kj)^+', check: irCheck((s) => s.withPivot(naivePivot)) },
});
