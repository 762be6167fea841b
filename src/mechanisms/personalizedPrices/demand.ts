/**
 * Many buyers and many objects (seed 003_9ea1ccbe66e932a9.txt, section 4):
 * per-object personalized prices t_i^k(s_-i), bundle values V_i^L(s), and the
 * demand mechanism, which gives every buyer a minimal element of his demand set
 * at the reported signals. Bundles are bit masks over the K objects.
 */
import { JointPrior } from '../../core/prior.ts';
import type { Environment } from '../../model/environment.ts';
import type { DirectMechanism } from '../../model/mechanism.ts';
import { exPostIC } from '../../concepts/incentiveCompatibility.ts';
import type { ConceptResult } from '../../concepts/result.ts';
import { gridPoints } from './grid.ts';
import type { SignalProfile } from './model.ts';
import { TIE_TOLERANCE } from '../../core/tolerance.ts';

/** Bundle valuations V_i^L(s) over K objects (section 4). */
export interface BundleModel {
  readonly dims: readonly number[];
  readonly objects: number;
  /** V_i^L(s) for a bundle L (bit mask); V_i^{empty} = 0 */
  bundleValue(buyer: number, bundle: number, s: SignalProfile): number;
  readonly objectNames?: readonly string[];
}

/** Per-object personalized prices t_i^k(s_-i) (11), (14). */
export interface ObjectPrices {
  price(buyer: number, object: number, s: SignalProfile): number;
}

export function bundleObjects(bundle: number, K: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < K; k++) if (bundle & (1 << k)) out.push(k);
  return out;
}

export function bundleName(bundle: number, names: readonly string[]): string {
  if (bundle === 0) return '∅';
  return bundleObjects(bundle, names.length)
    .map((k) => names[k])
    .join('');
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    c += x & 1;
    x >>= 1;
  }
  return c;
}

export interface DemandChoice {
  /** the bundle L_i allocated: a minimal element of the demand set */
  bundle: number;
  surplus: number;
  /** every bundle in the demand set (surplus within tol of the maximum) */
  demandSet: number[];
  surpluses: number[];
}

/**
 * Buyer i's choice in the demand mechanism (section 4): maximise V_i^L - sum_{k in L} t_i^k
 * over bundles (the empty bundle gives 0); among maximisers, one of least
 * cardinality, which is minimal for inclusion (ties within tol).
 */
export function demandChoice(
  model: BundleModel,
  prices: ObjectPrices,
  buyer: number,
  s: SignalProfile,
  tol = TIE_TOLERANCE,
  pick: 'minimal' | 'maximal' = 'minimal',
): DemandChoice {
  const K = model.objects;
  const t = Array.from({ length: K }, (_, k) => prices.price(buyer, k, s));
  const surpluses: number[] = [];
  let best = -Infinity;
  for (let L = 0; L < 1 << K; L++) {
    let u = L === 0 ? 0 : model.bundleValue(buyer, L, s);
    for (const k of bundleObjects(L, K)) u -= t[k];
    surpluses.push(u);
    if (u > best) best = u;
  }
  const demandSet = surpluses.flatMap((u, L) => (u >= best - tol ? [L] : []));
  let bundle = demandSet[0];
  // 'maximal' (a largest element of the demand set) is a deliberately wrong variant for the relaxation
  for (const L of demandSet) if (pick === 'minimal' ? popcount(L) < popcount(bundle) : popcount(L) > popcount(bundle)) bundle = L;
  return { bundle, surplus: surpluses[bundle], demandSet, surpluses };
}

export interface DemandOutcome {
  bundles: number[];
  feasible: boolean;
  /** objects demanded by more than one buyer */
  overDemanded: number[];
  choices: DemandChoice[];
}

/** The demand mechanism at reported signals s; feasible when no object goes to two buyers (Lemma 3). */
export function demandMechanism(
  model: BundleModel,
  prices: ObjectPrices,
  s: SignalProfile,
  tol = TIE_TOLERANCE,
  pick: 'minimal' | 'maximal' = 'minimal',
): DemandOutcome {
  const choices = model.dims.map((_, i) => demandChoice(model, prices, i, s, tol, pick));
  const bundles = choices.map((c) => c.bundle);
  const overDemanded: number[] = [];
  for (let k = 0; k < model.objects; k++) if (bundles.filter((b) => b & (1 << k)).length > 1) overDemanded.push(k);
  return { bundles, feasible: overDemanded.length === 0, overDemanded, choices };
}

/** Bundle values from single-object values: additive, unit demand, or a mix theta*additive + (1-theta)*unit demand (all subadditive, (13)). */
export function mixedBundleModel(
  dims: readonly number[],
  objects: number,
  objectValue: (i: number, k: number, s: SignalProfile) => number,
  theta: number,
  bonus = 0,
): BundleModel {
  return {
    dims,
    objects,
    bundleValue: (i, L, s) => {
      const vs = bundleObjects(L, objects).map((k) => objectValue(i, k, s));
      const sum = vs.reduce((a, b) => a + b, 0);
      const max = Math.max(...vs);
      return theta * sum + (1 - theta) * max + (vs.length > 1 ? bonus : 0);
    },
  };
}

/** Largest violation of subadditivity (13) at s: max over disjoint non-empty L, L' of V^{L u L'} - V^L - V^{L'}. */
export function subadditivityViolation(model: BundleModel, s: SignalProfile): number {
  let worst = -Infinity;
  const K = model.objects;
  for (let i = 0; i < model.dims.length; i++)
    for (let L = 1; L < 1 << K; L++)
      for (let M = 1; M < 1 << K; M++) {
        if (L & M || L > M) continue;
        const v = model.bundleValue(i, L | M, s) - model.bundleValue(i, L, s) - model.bundleValue(i, M, s);
        if (v > worst) worst = v;
      }
  return worst;
}

/**
 * Ex post IC of the demand mechanism on a signal grid, cast as a foundation
 * Environment + DirectMechanism: outcomes are assignments (owner of each object,
 * 0 = unsold, i + 1 = buyer i), buyer i's value is V_i^{L_i}(true s) and his
 * transfer minus the sum of his prices at the reports. Requires feasibility at
 * every grid profile (an infeasible allocation is not an outcome).
 */
export function demandExPostIC(
  model: BundleModel,
  prices: ObjectPrices,
  K: number,
  tolerance: number,
  pick: 'minimal' | 'maximal' = 'minimal',
  /** surpluses within this of each other (or of 0) are ties in the demand set; raise it to the prices' accuracy when they are computed numerically */
  demandTolerance = TIE_TOLERANCE,
): { ic: ConceptResult; infeasibleAt: number[][] | null; infeasibleProfiles: number; profiles: number } {
  const n = model.dims.length;
  const pts = model.dims.map((d) => gridPoints(d, K));
  const prior = JointPrior.independent(pts.map((p) => p.map(() => 1 / p.length)));
  const space = prior.profiles;
  const sig = (k: number) => space.profile(k).map((t, i) => pts[i][t]);
  const outs = new Array<DemandOutcome>(space.size);
  let infeasibleAt: number[][] | null = null;
  let infeasibleProfiles = 0;
  for (let k = 0; k < space.size; k++) {
    outs[k] = demandMechanism(model, prices, sig(k), demandTolerance, pick);
    if (!outs[k].feasible) {
      infeasibleProfiles++;
      if (!infeasibleAt) infeasibleAt = sig(k);
    }
  }
  const objects = model.objects;
  const encode = (bundles: number[]) => {
    let c = 0;
    for (let o = objects - 1; o >= 0; o--) {
      const owner = bundles.findIndex((b) => b & (1 << o));
      c = c * (n + 1) + (owner + 1);
    }
    return c;
  };
  const decodeBundle = (c: number, i: number) => {
    let L = 0;
    for (let o = 0; o < objects; o++) {
      if (c % (n + 1) === i + 1) L |= 1 << o;
      c = Math.floor(c / (n + 1));
    }
    return L;
  };
  const env: Environment = {
    prior,
    outcomes: (n + 1) ** objects,
    value: (i, c, _th, k) => {
      const L = decodeBundle(c, i);
      return L === 0 ? 0 : model.bundleValue(i, L, sig(k));
    },
  };
  const mech: DirectMechanism = {
    outcome: (k) => encode(outs[k].bundles),
    transfer: (k) => outs[k].bundles.map((L, i) => -bundleObjects(L, objects).reduce((a, o) => a + prices.price(i, o, sig(k)), 0)),
  };
  if (infeasibleAt)
    return {
      ic: { concept: 'exPostIC', holds: false, violation: NaN, worst: NaN, tolerance, witness: null, cases: 0 },
      infeasibleAt,
      infeasibleProfiles,
      profiles: space.size,
    };
  return { ic: exPostIC(env, mech, { tolerance }), infeasibleAt, infeasibleProfiles, profiles: space.size };
}
