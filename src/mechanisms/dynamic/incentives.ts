/**
 * Periodic ex post incentive compatibility of a dynamic direct mechanism
 * {a*_t, x_t} (seed 004_9d6e3cf19fe3eb52.txt, section 2, the definition of
 * periodic ex post IC, and the one-shot deviation argument of Lemma A.3's proof).
 *
 * By the one-shot deviation principle it suffices to check, after every public
 * history and every current signal profile theta_t, for every agent i and
 * report r, the gain from reporting r in period t and truthfully afterwards,
 * given truthful others. The transfer x_t received in period t was fixed by the
 * period t-1 reports and theta_t^{-i} (sunk), the allocation rule depends only
 * on current reports and the signals are Markov, so the continuation after
 * any history depends on theta_t alone: the check runs over (t, theta_t, i, r).
 *
 * The agent's continuation values are computed here from her own payoffs and
 * the transfers (backward recursion; for T = infinity, an exact linear
 * solve), not from the social value W: the check does not presuppose the
 * lemma it tests.
 */
import { lusolve } from 'mathjs';
import { exPostIC } from '../../concepts/incentiveCompatibility.ts';
import { WorstCase, type CheckerResult } from '../../concepts/result.ts';
import { JointPrior } from '../../core/prior.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';
import type { Environment } from '../../model/environment.ts';
import type { DirectMechanism } from '../../model/mechanism.ts';
import { expectNext, ruleAt, type EfficientPlan } from './allocation.ts';
import { hasFiniteHorizon, othersNextMarginal, type DynamicEnvironment } from './environment.ts';
import { transferAt, type ContingentTransfers } from './transfers.ts';

/** A one-shot deviation: in period t at the true profile, `agent` reports `report` (truthful before and after). */
export interface DeviationWitness {
  /** period (1-based; 1 for the stationary infinite horizon) */
  t: number;
  agent: number;
  /** the true signal profile theta_t */
  profile: number[];
  /** the one-shot report r^i_t */
  report: number;
  gain: number;
}

/**
 * Periodic ex post IC as the shared checker result (src/concepts/result.ts):
 * `violation` is the largest one-shot deviation gain (0 when no deviation
 * gains), `worst` the largest gain including the slack (negative when every
 * lie loses), `witness` its deviation, `cases` the (t, profile, agent, report)
 * cases checked.
 */
export interface PeriodicICResult extends CheckerResult<'periodicExPostIC', DeviationWitness> {
  /** largest gain per period t = 1..T (one entry when stationary; 0 when no lie gains in that period) */
  gainByPeriod: number[];
}

/** E[x^i(., r; a, theta^{-i}) | a, theta] for every report r. */
function expectedTransferByReport(env: DynamicEnvironment, table: number[][][][][] | null, i: number, a: number, s: number): number[] {
  const k = env.signals[i];
  if (!table) return new Array<number>(k).fill(0);
  const mu = othersNextMarginal(env, i, a, s);
  const rows = table[i][a][env.others[i][s]];
  return rows.map((row) => row.reduce((acc, v, q) => acc + v * mu[q], 0));
}

/**
 * Y^i_t(theta): agent i's continuation payoff from period t under truthful
 * play, excluding the transfer x_t fixed by period t-1.
 * Returns cont[t-1][i][s] (one period when stationary).
 */
export function truthfulContinuation(env: DynamicEnvironment, plan: EfficientPlan, tr: ContingentTransfers | null): number[][][] {
  const S = env.space.size;
  const d = env.discount;
  if (hasFiniteHorizon(env)) {
    const T = env.horizon;
    const cont: number[][][] = new Array(T);
    for (let t = T; t >= 1; t--) {
      const rule = ruleAt(plan, t);
      const table = t < T && tr ? transferAt(tr, t) : null;
      cont[t - 1] = Array.from({ length: env.agents }, (_, i) =>
        Array.from({ length: S }, (_, s) => {
          const a = rule[s];
          let v = env.utility[i][a][s];
          if (t < T)
            v += d * (expectedTransferByReport(env, table, i, a, s)[env.space.component(s, i)] + expectNext(env, a, s, cont[t][i]));
          return v;
        }),
      );
    }
    return cont;
  }
  const rule = ruleAt(plan, 1);
  const table = tr ? transferAt(tr, 1) : null;
  const per = Array.from({ length: env.agents }, (_, i) => {
    // Y = r + d P Y with r(s) = u^i(a(s), s) + d E[x(., theta^i; a(s)) | a(s), s]
    const reward = Array.from({ length: S }, (_, s) => {
      const a = rule[s];
      return env.utility[i][a][s] + d * expectedTransferByReport(env, table, i, a, s)[env.space.component(s, i)];
    });
    const A: number[][] = Array.from({ length: S }, (_, s) => {
      const row = env.transition[rule[s]][s].map((p) => -d * p);
      row[s] += 1;
      return row;
    });
    return (lusolve(A, reward) as number[][]).map((r) => r[0]);
  });
  return [per];
}

/**
 * Periodic ex post IC by the one-shot deviation principle: the largest gain
 * over periods, profiles, agents and reports, with its witness.
 * In the last period T of a finite horizon no transfer depends on the report,
 * so the gain there is u^i(a_T(r, theta^{-i}), theta) - u^i(a_T(theta), theta)
 * (0 when a_T is constant).
 */
export function periodicExPostIC(
  env: DynamicEnvironment,
  plan: EfficientPlan,
  tr: ContingentTransfers | null,
  opts: { tolerance?: number } = {},
): PeriodicICResult {
  const cont = truthfulContinuation(env, plan, tr);
  const periods = hasFiniteHorizon(env) ? env.horizon : 1;
  const S = env.space.size;
  const d = env.discount;
  const tracker = new WorstCase<'periodicExPostIC', DeviationWitness>('periodicExPostIC');
  const gainByPeriod: number[] = [];
  for (let t = 1; t <= periods; t++) {
    const rule = ruleAt(plan, t);
    const last = hasFiniteHorizon(env) && t === env.horizon;
    const table = !last && tr ? transferAt(tr, t) : null;
    const next = last ? null : hasFiniteHorizon(env) ? cont[t] : cont[0];
    let periodMax = 0;
    for (let s = 0; s < S; s++) {
      for (let i = 0; i < env.agents; i++) {
        const own = env.space.component(s, i);
        const value = (r: number) => {
          const a = rule[env.space.replace(s, i, r)];
          let v = env.utility[i][a][s];
          if (next) v += d * (expectedTransferByReport(env, table, i, a, s)[r] + expectNext(env, a, s, next[i]));
          return v;
        };
        const truth = value(own);
        for (let r = 0; r < env.signals[i]; r++) {
          if (r === own) continue;
          const gain = value(r) - truth;
          if (gain > periodMax) periodMax = gain;
          tracker.offer(gain, () => ({ t, agent: i, profile: env.space.profile(s), report: r, gain }));
        }
      }
    }
    gainByPeriod.push(periodMax);
  }
  return { ...tracker.result(opts.tolerance ?? DEFAULT_TOLERANCE), gainByPeriod };
}

/**
 * The same one-shot check computed by enumerating whole signal paths
 * theta_{t+1}, ..., theta_T (no dynamic programming): exponential in T - t.
 * Finite horizon only; the baseline of the seed004 benchmark and a cross-check.
 */
export function periodicExPostICByPaths(
  env: DynamicEnvironment,
  plan: EfficientPlan,
  tr: ContingentTransfers | null,
  opts: { tolerance?: number } = {},
): PeriodicICResult {
  if (!hasFiniteHorizon(env)) throw new RangeError('periodicExPostICByPaths: finite horizon only');
  const T = env.horizon;
  const d = env.discount;
  const pathValue = (t: number, s: number, i: number, r: number): number => {
    const a = ruleAt(plan, t)[env.space.replace(s, i, r)];
    const v = env.utility[i][a][s];
    if (t === T) return v;
    const row = env.transition[a][s];
    const table = tr ? transferAt(tr, t) : null;
    const o = env.others[i][s];
    let e = 0;
    for (let s2 = 0; s2 < row.length; s2++) {
      if (row[s2] === 0) continue;
      const x = table ? table[i][a][o][r][env.others[i][s2]] : 0;
      e += row[s2] * (x + pathValue(t + 1, s2, i, env.space.component(s2, i)));
    }
    return v + d * e;
  };
  const tracker = new WorstCase<'periodicExPostIC', DeviationWitness>('periodicExPostIC');
  const gainByPeriod: number[] = [];
  for (let t = 1; t <= T; t++) {
    let periodMax = 0;
    for (let s = 0; s < env.space.size; s++) {
      for (let i = 0; i < env.agents; i++) {
        const own = env.space.component(s, i);
        const truth = pathValue(t, s, i, own);
        for (let r = 0; r < env.signals[i]; r++) {
          if (r === own) continue;
          const gain = pathValue(t, s, i, r) - truth;
          if (gain > periodMax) periodMax = gain;
          tracker.offer(gain, () => ({ t, agent: i, profile: env.space.profile(s), report: r, gain }));
        }
      }
    }
    gainByPeriod.push(periodMax);
  }
  return { ...tracker.result(opts.tolerance ?? DEFAULT_TOLERANCE), gainByPeriod };
}

/**
 * Assumption 4 (seed 004_9d6e3cf19fe3eb52.txt, section 3): in a finite horizon
 * the period-T allocation a_T is ex post IC. No transfer of period T depends
 * on the period-T report, so period T is the static direct mechanism
 * (a_T, no transfers) with interdependent values u^i(a, theta); its ex post IC
 * is checked with the foundation's `exPostIC`. Returns the largest gain (0 when it holds).
 */
export function lastPeriodGain(env: DynamicEnvironment, plan: EfficientPlan): number {
  if (!hasFiniteHorizon(env)) return 0;
  const rule = ruleAt(plan, env.horizon);
  const uniform = env.signals.map((k) => new Array<number>(k).fill(1 / k));
  const staticEnv: Environment = {
    prior: JointPrior.independent(uniform),
    outcomes: env.actions,
    value: (i, c, _state, k) => env.utility[i][c][k],
  };
  const zero = new Array<number>(env.agents).fill(0);
  const mech: DirectMechanism = { name: 'period-T allocation', outcome: (k) => rule[k], transfer: () => zero };
  return Math.max(0, exPostIC(staticEnv, mech, { tolerance: 0 }).worst);
}
