/**
 * What the design LP needs from an environment, in one ordered field (floating
 * point, or exact rationals for `--exact`): the profile space, P(t), P(t_i),
 * the expected valuations vhat_i(c; t) = sum_theta P(theta, t) v_i(c, theta, t) / P(t)
 * (seed 001's hat-v, as `check` evaluates utilities, src/model/environment.ts),
 * which profiles have vhat defined (P(t) > 0, or a single state), and which
 * are true profiles in `check`'s sense (README "Definitions", the
 * zero-probability policy: P(t) > 0; no concept imposes anything at a profile
 * of probability 0 as a true profile).
 *
 * The floating-point tables are read from the very `ValueTable` and
 * `JointPrior` that `check` uses, so both evaluate the same numbers.
 */
import type { Fraction } from 'mathjs';
import { InputError } from '../core/errors.ts';
import type { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';
import { exactField, floatField, type Field } from '../mechanisms/bilateralTrade/field.ts';
import { ValueTable, type Environment } from '../model/environment.ts';

/** An environment tabulated for the design LP, over the field T. */
export interface DesignData<T> {
  F: Field<T>;
  space: ProfileSpace;
  agents: number;
  outcomes: number;
  states: number;
  /** P(t) per profile */
  profileProb: T[];
  /** P(t_i) per agent and own type */
  ownProb: T[][];
  /** vhat_i(c; t) defined at profile t */
  defined: boolean[];
  /** the true profiles of `check`: P(t) > 0 */
  supported: boolean[];
  /** vhat_i(c; t_k): flat ((i * S) + k) * C + c; F.zero where undefined */
  vhat: T[];
  /** agent i's value depends on (own type, outcome) only (checked on the table, not assumed) */
  privateValues: boolean[];
}

/** vhat_i(c; t_k) from the flat table. */
export function vhatAt<T>(d: DesignData<T>, i: number, k: number, c: number): T {
  return d.vhat[(i * d.space.size + k) * d.outcomes + c];
}

/** P(t_-i | t_i) at profile k (0 when P(t_i) = 0), as `JointPrior.othersGivenOwnAt`. */
export function othersGivenOwn<T>(d: DesignData<T>, i: number, k: number): T {
  const own = d.ownProb[i][d.space.component(k, i)];
  return d.F.cmp(own, d.F.zero) > 0 ? d.F.div(d.profileProb[k], own) : d.F.zero;
}

/** Per agent: vhat_i(c; t) is the same at every true profile with the same own type (private values, read off the table). */
function privateFlags<T>(
  F: Field<T>,
  space: ProfileSpace,
  C: number,
  supported: boolean[],
  vhat: (i: number, k: number, c: number) => T,
): boolean[] {
  return Array.from({ length: space.agents }, (_, i) => {
    const first = new Map<number, number>(); // own type -> first true profile
    for (let k = 0; k < space.size; k++) {
      if (!supported[k]) continue;
      const own = space.component(k, i);
      const f = first.get(own);
      if (f === undefined) {
        first.set(own, k);
        continue;
      }
      for (let c = 0; c < C; c++) if (F.cmp(vhat(i, k, c), vhat(i, f, c)) !== 0) return false;
    }
    return true;
  });
}

/** The floating-point tables of an environment, read from `check`'s own prior and value table. */
export function floatDesignData(env: Environment): DesignData<number> {
  const prior: JointPrior = env.prior;
  const space = prior.profiles;
  const S = space.size;
  const n = prior.agents;
  const C = env.outcomes;
  const table = new ValueTable(env);
  const defined = Array.from({ length: S }, (_, k) => table.defined[k] === 1);
  const supported = Array.from({ length: S }, (_, k) => prior.profileMarginal[k] > 0);
  const vhat = Array.from(table.data);
  return {
    F: floatField,
    space,
    agents: n,
    outcomes: C,
    states: prior.states,
    profileProb: Array.from(prior.profileMarginal),
    ownProb: prior.ownMarginal.map((m) => Array.from(m)),
    defined,
    supported,
    vhat,
    privateValues: privateFlags(floatField, space, C, supported, (i, k, c) => vhat[(i * S + k) * C + c]),
  };
}

/**
 * The rational a number's shortest decimal form denotes (0.1 -> 1/10,
 * 2.5e-7 -> 1/4000000), or a string "p/q" or decimal read exactly.
 */
export function exactNumber(x: number | string): Fraction {
  const text = typeof x === 'number' ? String(x) : x.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m && (m[2] || m[3])) {
    const digits = (m[2] ?? '') + (m[3] ?? '');
    const exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
    let num = BigInt(digits || '0');
    let den = 1n;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den = 10n ** BigInt(-exp);
    return exactField.of(`${m[1] === '-' ? '-' : ''}${num}/${den}`);
  }
  return exactField.of(text);
}

/** The raw numbers of an environment file (the `check` format), as read from JSON. */
export interface RawEnvironmentNumbers {
  prior: { independent: (number | string)[][] } | { joint: (number | string)[] };
  valuations: { private?: (number | string)[][][]; stateDependent?: (number | string)[][][][]; interdependent?: (number | string)[][][][] };
}

/**
 * Exact tables from the file's own numbers (each decimal read as the exact
 * rational it denotes: 0.1 is 1/10; a string "1/3" is 1/3). The file must have
 * passed the float parser first (dimensions are not re-checked).
 */
export function exactDesignData(
  raw: RawEnvironmentNumbers,
  counts: readonly number[],
  states: number,
  outcomes: number,
  field = 'prior',
): DesignData<Fraction> {
  const F = exactField;
  const q = (x: number | string, where: string): Fraction => {
    try {
      return exactNumber(x);
    } catch {
      throw new InputError(where, `is not an exact number: ${String(x)}`);
    }
  };
  const space = new ProfileSpace(counts);
  const S = space.size;
  const n = counts.length;
  const C = outcomes;
  const joint: Fraction[] = new Array<Fraction>(states * S);
  if ('independent' in raw.prior) {
    const marg = raw.prior.independent.map((m, i) => m.map((p, t) => q(p, `${field}.independent[${i}][${t}]`)));
    for (let k = 0; k < S; k++) {
      let p = F.one;
      for (let i = 0; i < n; i++) p = F.mul(p, marg[i][space.component(k, i)]);
      joint[k] = p;
    }
  } else raw.prior.joint.forEach((p, k) => (joint[k] = q(p, `${field}.joint[${k}]`)));
  let total = F.zero;
  for (const p of joint) total = F.add(total, p);
  // the float parser accepted sums within 1e-9 of 1: normalise exactly so that conditionals are distributions
  const prob = joint.map((p) => F.div(p, total));
  const profileProb = Array.from({ length: S }, (_, k) => {
    let p = F.zero;
    for (let th = 0; th < states; th++) p = F.add(p, prob[th * S + k]);
    return p;
  });
  const ownProb = counts.map((c) => new Array<Fraction>(c).fill(F.zero));
  for (let k = 0; k < S; k++)
    for (let i = 0; i < n; i++) ownProb[i][space.component(k, i)] = F.add(ownProb[i][space.component(k, i)], profileProb[k]);
  const v = raw.valuations;
  const value = (i: number, c: number, th: number, k: number): Fraction => {
    if (v.private) return q(v.private[i][space.component(k, i)][c], `valuations.private[${i}]`);
    if (v.stateDependent) return q(v.stateDependent[i][th][space.component(k, i)][c], `valuations.stateDependent[${i}]`);
    return q(v.interdependent![i][th][k][c], `valuations.interdependent[${i}]`);
  };
  const defined = profileProb.map((p) => F.cmp(p, F.zero) > 0 || states === 1);
  const supported = profileProb.map((p) => F.cmp(p, F.zero) > 0);
  const vhat = new Array<Fraction>(n * S * C).fill(F.zero);
  for (let k = 0; k < S; k++) {
    if (!defined[k]) continue;
    const pk = profileProb[k];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < C; c++) {
        let s = F.zero;
        if (F.cmp(pk, F.zero) > 0) {
          for (let th = 0; th < states; th++)
            if (F.cmp(prob[th * S + k], F.zero) !== 0) s = F.add(s, F.mul(prob[th * S + k], value(i, c, th, k)));
          s = F.div(s, pk);
        } else s = value(i, c, 0, k); // a single state and P(t) = 0: the posterior is the point mass (as ValueTable)
        vhat[(i * S + k) * C + c] = s;
      }
    }
  }
  return {
    F,
    space,
    agents: n,
    outcomes: C,
    states,
    profileProb,
    ownProb,
    defined,
    supported,
    vhat,
    privateValues: privateFlags(F, space, C, supported, (i, k, c) => vhat[(i * S + k) * C + c]),
  };
}
