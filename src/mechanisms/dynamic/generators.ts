/**
 * fast-check arbitraries for finite dynamic environments (seed
 * 004_9d6e3cf19fe3eb52.txt, section 2). Instances are plain JSON with small
 * integer weights and utilities, so that shrinking leads to few agents,
 * signals, actions and periods and to small integers.
 *
 * The transition is mu(theta' | a, theta) proportional to
 *   weights[a or 0][theta][theta'] + copy * #{j : theta'^j = theta^{j-1} mod k_j}
 * (agent j's next signal tends to copy agent j-1's current signal, cyclically):
 * `copy` > 0 correlates agent i's current signal with agent i+1's next
 * signal (the intertemporal correlation of Assumptions 2 and 3). With
 * `allocationDependent` false one weight table serves every allocation.
 */
import fc from 'fast-check';
import { dynamicEnvironment, type DynamicEnvironment, type Horizon } from './environment.ts';

export interface DynamicSpec {
  signals: number[];
  actions: number;
  horizon: Horizon;
  discount: number;
  allocationDependent: boolean;
  /** [A or 1][S][S] integer weights */
  weights: number[][][];
  /** integer weight of the copy term */
  copy: number;
  /** [N][A][S] integer utilities */
  utility: number[][][];
  lastAction?: number;
}

export interface DynamicArbOptions {
  agents?: { min: number; max: number };
  signals?: { min: number; max: number };
  actions?: { min: number; max: number };
  /** finite horizons to draw from (default 2..4) and whether 'infinite' may be drawn */
  horizons?: { min: number; max: number } | null;
  infinite?: boolean;
  /** 'both' (default), or force allocation-(in)dependent transitions */
  transitions?: 'both' | 'independent' | 'dependent';
  /** largest integer weight (default 3), smallest (default 1) */
  maxWeight?: number;
  minWeight?: number;
  /** range of the copy weight (default 1..4); {min: 0, max: 0} for no correlation */
  copy?: { min: number; max: number };
  /** utilities in [uMin, uMax] (default 0..4) */
  uMin?: number;
  uMax?: number;
  /** the next period's signals do not depend on the current ones (each row equal to row 0) */
  iid?: boolean;
  /** largest number of signal profiles (default 9) */
  maxProfiles?: number;
  /** 'constant' draws a lastAction; 'efficient' leaves it out; 'either' (default) both */
  lastPeriod?: 'constant' | 'efficient' | 'either';
  /** each agent's signal count at most the number of the others' profiles (spanning is possible) */
  spanningSizes?: boolean;
}

const DISCOUNTS = [0.5, 0.8, 0.9];

export function dynamicSpecArb(opts: DynamicArbOptions = {}): fc.Arbitrary<DynamicSpec> {
  const agents = opts.agents ?? { min: 2, max: 3 };
  const sig = opts.signals ?? { min: 2, max: 3 };
  const act = opts.actions ?? { min: 2, max: 3 };
  const maxProfiles = opts.maxProfiles ?? 9;
  const horizonArbs: fc.Arbitrary<Horizon>[] = [];
  if (opts.horizons !== null) horizonArbs.push(fc.integer(opts.horizons ?? { min: 2, max: 4 }));
  if (opts.infinite ?? true) horizonArbs.push(fc.constant<Horizon>('infinite'));
  const horizonArb = horizonArbs.length === 1 ? horizonArbs[0] : fc.oneof(...horizonArbs);
  const depArb =
    opts.transitions === 'independent' ? fc.constant(false) : opts.transitions === 'dependent' ? fc.constant(true) : fc.boolean();
  const minW = opts.minWeight ?? 1;
  const maxW = opts.maxWeight ?? 3;
  return fc
    .integer(agents)
    .chain((n) => fc.array(fc.integer(sig), { minLength: n, maxLength: n }))
    .filter((signals) => {
      const S = signals.reduce((p, k) => p * k, 1);
      if (S > maxProfiles) return false;
      if (opts.spanningSizes) return signals.every((k) => k <= S / k);
      return true;
    })
    .chain((signals) => {
      const S = signals.reduce((p, k) => p * k, 1);
      const n = signals.length;
      return fc
        .record({
          signals: fc.constant(signals),
          actions: fc.integer(act),
          horizon: horizonArb,
          discount: fc.constantFrom(...DISCOUNTS),
          allocationDependent: depArb,
          copy: fc.integer(opts.copy ?? { min: 1, max: 4 }),
        })
        .chain((head) => {
          const tables = head.allocationDependent ? head.actions : 1;
          const rowArb = fc.array(fc.integer({ min: minW, max: maxW }), { minLength: S, maxLength: S });
          const tableArb = opts.iid
            ? rowArb.map((row) => Array.from({ length: S }, () => row))
            : fc.array(rowArb, { minLength: S, maxLength: S });
          const uArb = fc.array(
            fc.array(fc.array(fc.integer({ min: opts.uMin ?? 0, max: opts.uMax ?? 4 }), { minLength: S, maxLength: S }), {
              minLength: head.actions,
              maxLength: head.actions,
            }),
            { minLength: n, maxLength: n },
          );
          const lastArb: fc.Arbitrary<number | undefined> =
            head.horizon === 'infinite' || opts.lastPeriod === 'efficient'
              ? fc.constant(undefined)
              : opts.lastPeriod === 'constant'
                ? fc.integer({ min: 0, max: head.actions - 1 })
                : fc.option(fc.integer({ min: 0, max: head.actions - 1 }), { nil: undefined });
          return fc
            .record({ weights: fc.array(tableArb, { minLength: tables, maxLength: tables }), utility: uArb, lastAction: lastArb })
            .map((tail) => {
              const spec: DynamicSpec = { ...head, weights: tail.weights, utility: tail.utility };
              if (tail.lastAction !== undefined) spec.lastAction = tail.lastAction;
              return spec;
            });
        });
    });
}

/** The transition mu(theta' | a, theta) of a spec (see the module comment). */
export function specTransition(spec: DynamicSpec): number[][][] {
  const n = spec.signals.length;
  const strides = spec.signals.map((_, i) => spec.signals.slice(i + 1).reduce((p, k) => p * k, 1));
  const S = spec.signals.reduce((p, k) => p * k, 1);
  const digit = (s: number, i: number) => Math.floor(s / strides[i]) % spec.signals[i];
  return Array.from({ length: spec.actions }, (_, a) => {
    const W = spec.weights[spec.allocationDependent ? a : 0];
    return Array.from({ length: S }, (_, s) => {
      const w = Array.from({ length: S }, (_, s2) => {
        let c = 0;
        if (!isIidRow(spec)) for (let j = 0; j < n; j++) if (digit(s2, j) === digit(s, (j + n - 1) % n) % spec.signals[j]) c++;
        return W[s][s2] + spec.copy * c;
      });
      const z = w.reduce((p, v) => p + v, 0);
      return z > 0 ? w.map((v) => v / z) : w.map(() => 1 / S);
    });
  });
}

/** A spec whose weight rows are all equal and copy is 0 has no intertemporal correlation. */
function isIidRow(spec: DynamicSpec): boolean {
  return spec.copy === 0;
}

export function environmentFromDynamicSpec(spec: DynamicSpec): DynamicEnvironment {
  return dynamicEnvironment({
    signals: spec.signals,
    actions: spec.actions,
    horizon: spec.horizon,
    discount: spec.discount,
    transition: specTransition(spec),
    utility: spec.utility,
    lastAction: spec.lastAction,
  });
}

/** The file format of `mechcheck dynamic` for a spec (plain JSON, readable). */
export function specToFile(spec: DynamicSpec): Record<string, unknown> {
  const env = environmentFromDynamicSpec(spec);
  return {
    agents: env.agents,
    signals: env.signals,
    actions: env.actions,
    horizon: env.horizon,
    discount: env.discount,
    transition: env.transition,
    utility: env.utility,
    ...(env.lastAction !== undefined ? { lastAction: env.lastAction } : {}),
  };
}
