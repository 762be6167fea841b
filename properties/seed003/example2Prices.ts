/**
 * Example 2 of seed 003_9ea1ccbe66e932a9.txt (section 4): the text claims that
 * the prices (14), t_i^k = max{p_kj + w_k c_j^2, p_kj' + w_k c_j'^2}, satisfy (12)
 * ("mimicking the steps in Example 1"), so that by Lemma 3 the demand mechanism
 * is feasible. With three buyers this is false: the argument bounds V_j^k using
 * c_i as buyer j's highest rival signal, but it can be c_j'. Counterexample
 * found and shrunk by fast-check; at such profiles the demand mechanism gives
 * one object to two buyers. Prices (11) (Theorem 1's construction per object)
 * do satisfy (12) for these valuations (which satisfy Assumptions 1* and 2*).
 */
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { exampleEntry } from '../../src/catalogue/exampleEntry.ts';
import { outcomeShares } from '../../src/mechanisms/personalizedPrices/nonTriviality.ts';
import { theorem1PriceDirect } from '../../src/mechanisms/personalizedPrices/construction.ts';
import { bundleName, demandMechanism, type ObjectPrices } from '../../src/mechanisms/personalizedPrices/demand.ts';
import {
  EXAMPLE2_WEIGHTS,
  example2Model,
  example2ObjectValue,
  example2Prices,
  OBJECT_NAMES,
} from '../../src/mechanisms/personalizedPrices/example2.ts';
import type { SignalProfile, ValuationModel } from '../../src/mechanisms/personalizedPrices/model.ts';
import { profileArb, r6, src } from './common.ts';

/** (12) at s for object k: the second largest excess V_i^k - t_i^k over buyers. */
function secondExcess(prices: ObjectPrices, s: SignalProfile, k: number): { second: number; values: number[]; prices: number[] } {
  const values = s.map((_, i) => example2ObjectValue(i, k, s));
  const ps = s.map((_, i) => prices.price(i, k, s));
  const ex = values.map((v, i) => v - ps[i]).sort((a, b) => b - a);
  return { second: ex[1], values, prices: ps };
}

function check12(prices: ObjectPrices, s: number[][], tol: number) {
  let worst = -Infinity;
  let detail: unknown = null;
  for (const k of [0, 1]) {
    const r = secondExcess(prices, s, k);
    if (r.second > worst) {
      worst = r.second;
      detail = { object: OBJECT_NAMES[k], signals: s.map((x) => x.map(r6)), values: r.values.map(r6), prices: r.prices.map(r6) };
    }
  }
  // surpluses within tol of 0 (or of each other) are ties: floating-point noise cannot create a collision
  const dm = demandMechanism(example2Model('subadditive'), prices, s, tol);
  const du = demandMechanism(example2Model('unitDemand'), prices, s, tol);
  return {
    ok: worst <= tol && dm.feasible && du.feasible,
    metrics: { largestSecondExcess: worst },
    detail: {
      condition12: detail,
      demandSubadditive: dm.bundles.map((L) => bundleName(L, OBJECT_NAMES)),
      demandUnitDemand: du.bundles.map((L) => bundleName(L, OBJECT_NAMES)),
      feasible: [dm.feasible, du.feasible],
    },
  };
}

const arb = () => profileArb([3, 3, 3]);

export const example2Prices14 = propertyEntry<number[][]>({
  id: 'seed003.example2.prices14.asStated',
  aliases: ['seed003.example2.prices14'],
  title: 'Example 2: prices (14) satisfy (12), so the demand mechanism is feasible (as stated; false with three buyers)',
  source: src('Example 2, prices (14) and condition (12)', '4'),
  kind: 'claim',
  hypotheses: [
    "[example2] three buyers, objects a and b, V_i^k = p_ki + w_k c_i max{c_j, c_j'}, w_a = 1, w_b = 1.5",
    '[prices14] prices (14)',
  ],
  conclusion:
    "for each object at most one buyer's value exceeds his price (12), and the demand mechanism (subadditive and unit-demand bundles) is feasible",
  expected: 'refuted',
  refutation: 'erratum',
  runs: 300,
  arbitrary: arb,
  check: (s, ctx) => check12(example2Prices(), s, ctx.tolerance),
  metrics: { largestSecondExcess: 'max' },
  notes: [
    "The step \"V_j^k < p_ki + w_k c_i^2 <= t_j^k\" assumes c_i is buyer j's highest rival signal. When the third buyer j' has the highest c, V_j^k = p_kj + w_k c_j c_j' can exceed t_j^k. Example: buyers 1 and 2 at (p_a, p_b, c) = (0.9, 0, 0.5), buyer 3 at (0, 0, 1): V_1^a = V_2^a = 1.4 > t_1^a = t_2^a = max(1.15, 1) = 1.15, and both buyers demand a.",
    "With two buyers (14) is Example 1's admissible price. For three buyers, prices (11) from Theorem 1's construction work (entry seed003.example2.prices11). Tables 1 and 2 are unaffected.",
  ],
});

/** Object k of Example 2 as a single-object valuation model (for Theorem 1's construction). */
const objectModel = (k: number): ValuationModel => ({ dims: [3, 3, 3], value: (i, s) => example2ObjectValue(i, k, s, EXAMPLE2_WEIGHTS) });

function prices11(): ObjectPrices {
  const models = [objectModel(0), objectModel(1)];
  const cache = new Map<string, number>();
  return {
    price: (i, k, s) => {
      const key = `${i}|${k}|${JSON.stringify(s.filter((_, j) => j !== i))}`;
      let v = cache.get(key);
      if (v === undefined) cache.set(key, (v = theorem1PriceDirect(models[k], i, s, { accuracy: 1e-6, directions: 4 }).price));
      return v;
    },
  };
}

export const example2Prices11 = propertyEntry<number[][]>({
  id: 'seed003.example2.prices11',
  title: "Example 2 with prices (11) (Theorem 1's construction per object): (12) holds and the demand mechanism is feasible",
  source: src('Example 2 with prices (11), Lemma 3', '4'),
  kind: 'claim',
  hypotheses: [
    "[example2] three buyers, objects a and b, V_i^k = p_ki + w_k c_i max{c_j, c_j'}, w_a = 1, w_b = 1.5",
    '[assumptions1And2Star] Assumptions 1*, 2* (they hold for these values)',
    '[prices11] prices (11)',
  ],
  scope: ['prices (11) computed numerically to 1e-6'],
  conclusion: "for each object at most one buyer's value exceeds his price (tolerance 1e-5), and the demand mechanism is feasible",
  expected: 'holds',
  runs: 30,
  arbitrary: arb,
  check: (s) => check12(prices11(), s, 1e-5),
  metrics: { largestSecondExcess: 'max' },
  mutant: { description: 'prices (14) instead of (11)', check: (s, ctx) => check12(example2Prices(), s, ctx.tolerance) },
});

/** Share of profiles at which the demand mechanism with prices (14) gives an object to two buyers (sampled, exact lower bound). */
export const example2Prices14Measure = exampleEntry({
  id: 'seed003.example2.prices14Measure.asStated',
  aliases: ['seed003.example2.prices14Measure'],
  title:
    'Example 2 with prices (14): the demand mechanism is feasible at almost every profile (false: infeasible on a set of positive measure)',
  source: src('Example 2, prices (14), Lemma 3', '4'),
  kind: 'claim',
  hypotheses: [
    "[example2] three buyers, V_i^k = p_ki + w_k c_i max{c_j, c_j'}, w = (1, 1.5)",
    '[prices14] prices (14)',
    '[subadditivity] subadditive and unit-demand bundle values',
  ],
  scope: ['signals uniform on [0,1]^3 each'],
  conclusion: 'the set of signal profiles at which some object is demanded by two buyers has measure 0',
  expected: 'refuted',
  refutation: 'erratum',
  evaluate: (ctx) => {
    const N = 20000;
    const delta = 1e-3;
    const prices = example2Prices();
    const rows = (['subadditive', 'unitDemand'] as const).map((kind) => {
      const model = example2Model(kind);
      const sh = outcomeShares([3, 3, 3], 2, (s) => (demandMechanism(model, prices, s).feasible ? 0 : 1), {
        samples: N,
        seed: ctx.seed,
        delta,
      });
      return { kind, share: sh.shares[1], lower: sh.lower[1] };
    });
    return {
      comparisons: rows.map((r) => ({
        name: `measure of infeasible profiles (${r.kind} bundles): 0`,
        expected: 0,
        actual: `${r.share.toFixed(4)} (lower bound ${r.lower.toFixed(4)} at ${1 - delta})`,
        ok: !(r.lower > 0),
      })),
      metrics: Object.fromEntries(
        rows.flatMap((r) => [
          [`infeasibleShare_${r.kind}`, r.share],
          [`infeasibleLowerBound_${r.kind}`, r.lower],
        ]),
      ),
      tables: [
        {
          title: 'Profiles where the demand mechanism with prices (14) is infeasible',
          columns: ['bundle values', 'sampled share', 'lower bound'],
          rows: rows.map((r) => [r.kind, r.share, +r.lower.toFixed(5)]),
        },
      ],
      notes: [
        `${N} seeded uniform profiles; Clopper-Pearson lower bound at confidence ${1 - delta}. The failure of (12) for prices (14) is not a measure-zero curiosity.`,
      ],
    };
  },
});
