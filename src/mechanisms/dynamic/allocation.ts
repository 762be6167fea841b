/**
 * The socially efficient allocation of a dynamic environment (seed
 * 004_9d6e3cf19fe3eb52.txt, section 2, the recursion
 * W_t(theta) = max_a sum_i u^i(a, theta) + delta E[W_{t+1}(theta') | a, theta]):
 * backward induction for a finite horizon, policy iteration (exact policy
 * evaluation) for the stationary infinite horizon. Ties go to the lowest
 * action index (issue 7, item 6).
 *
 * Finite horizon: W_T(theta) = sum_j u^j(a_T(theta), theta) where a_T is the
 * constant `lastAction` (Corollary 3.3) or, when absent, the static efficient
 * allocation argmax_a sum_j u^j(a, theta) (the slides' W_{T+1} = 0).
 */
import { lusolve } from 'mathjs';
import type { StepBudget } from '../../core/limits.ts';
import { PLAN_TIE_TOLERANCE } from '../../core/tolerance.ts';
import { hasFiniteHorizon, type DynamicEnvironment } from './environment.ts';

export interface EfficientPlan {
  /** true for the infinite horizon: one stationary rule and value */
  stationary: boolean;
  /** a*_t(theta): rules[t-1][profile], t = 1..T (one rule when stationary) */
  rules: number[][];
  /** W_t(theta): values[t-1][profile] (one value when stationary) */
  values: number[][];
}

export function ruleAt(plan: EfficientPlan, t: number): number[] {
  return plan.stationary ? plan.rules[0] : plan.rules[t - 1];
}

/** Social flow surplus sum_j u^j(a, theta). */
export function socialFlow(env: DynamicEnvironment, a: number, s: number): number {
  let v = 0;
  for (let j = 0; j < env.agents; j++) v += env.utility[j][a][s];
  return v;
}

/** E[f(theta') | a, theta]. */
export function expectNext(env: DynamicEnvironment, a: number, s: number, f: ArrayLike<number>): number {
  const row = env.transition[a][s];
  let v = 0;
  for (let k = 0; k < row.length; k++) if (row[k] !== 0) v += row[k] * f[k];
  return v;
}

function argmaxLowest(q: number[]): number {
  let best = -Infinity;
  for (const v of q) if (v > best) best = v;
  const tol = PLAN_TIE_TOLERANCE * (1 + Math.abs(best));
  return q.findIndex((v) => v >= best - tol);
}

/** Q_t(a, theta) = sum_j u^j(a, theta) + delta E[W_{t+1} | a, theta]. */
function actionValues(env: DynamicEnvironment, s: number, next: ArrayLike<number> | null): number[] {
  return Array.from({ length: env.actions }, (_, a) => socialFlow(env, a, s) + (next ? env.discount * expectNext(env, a, s, next) : 0));
}

/** Solve (I - delta P) x = r for the transition P of a stationary rule (exact policy evaluation). */
export function evaluateStationary(env: DynamicEnvironment, rule: number[], reward: number[]): number[] {
  const S = env.space.size;
  const A: number[][] = Array.from({ length: S }, (_, s) => {
    const row = env.transition[rule[s]][s].map((p) => -env.discount * p);
    row[s] += 1;
    return row;
  });
  const x = lusolve(A, reward) as number[][];
  return x.map((r) => r[0]);
}

/**
 * Work units of one dense linear solve of size S with mathjs `lusolve`
 * (measured: about 2 S^3 flops' worth plus a per-entry overhead; README "Numbers and limits").
 */
export function linearSolveWork(S: number): number {
  return 2 * S ** 3 + 100 * S ** 2;
}

/** Work units of one policy-iteration step (a linear solve and an improvement pass). */
export function policyIterationWork(env: Pick<DynamicEnvironment, 'signals' | 'actions'>): number {
  const S = env.signals.reduce((a, b) => a * b, 1);
  return linearSolveWork(S) + 5 * S * env.actions * (env.signals.length + S);
}

/**
 * The efficient plan {a*_t, W_t}. With a `budget`, each policy-iteration step
 * of the infinite horizon is charged to it (the number of steps depends on the
 * data), so a run that would exceed the work limit stops with a LimitError.
 */
export function efficientPlan(env: DynamicEnvironment, opts: { budget?: StepBudget } = {}): EfficientPlan {
  const S = env.space.size;
  if (hasFiniteHorizon(env)) {
    const T = env.horizon;
    const rules: number[][] = new Array(T);
    const values: number[][] = new Array(T);
    for (let t = T; t >= 1; t--) {
      const next = t === T ? null : values[t];
      const rule = new Array<number>(S);
      const value = new Array<number>(S);
      for (let s = 0; s < S; s++) {
        const q = actionValues(env, s, next);
        const a = t === T && env.lastAction !== undefined ? env.lastAction : argmaxLowest(q);
        rule[s] = a;
        value[s] = q[a];
      }
      rules[t - 1] = rule;
      values[t - 1] = value;
    }
    return { stationary: false, rules, values };
  }
  // policy iteration from the myopic rule
  let rule = Array.from({ length: S }, (_, s) => argmaxLowest(actionValues(env, s, null)));
  let value: number[] = [];
  const stepWork = opts.budget ? policyIterationWork(env) : 0;
  for (let iter = 0; iter < 1000; iter++) {
    opts.budget?.spend(stepWork);
    value = evaluateStationary(
      env,
      rule,
      rule.map((a, s) => socialFlow(env, a, s)),
    );
    let changed = false;
    const next = rule.map((a, s) => {
      const q = actionValues(env, s, value);
      const b = argmaxLowest(q);
      // switch only on a strict improvement beyond the tie tolerance (termination)
      if (q[b] > q[a] + PLAN_TIE_TOLERANCE * (1 + Math.abs(q[a]))) {
        changed = true;
        return b;
      }
      return a;
    });
    rule = next;
    if (!changed) break;
  }
  // final rule: lowest index among the maximisers of Q under the optimal value
  rule = Array.from({ length: S }, (_, s) => argmaxLowest(actionValues(env, s, value)));
  value = evaluateStationary(
    env,
    rule,
    rule.map((a, s) => socialFlow(env, a, s)),
  );
  return { stationary: true, rules: [rule], values: [value] };
}
