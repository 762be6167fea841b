/**
 * Theorem 2 of seed 000_8a10c4f2f12bc353.txt (sections 5 and 7): conditionally
 * independent sequences P^n(theta, b) = lambda(theta) prod_i Q(b_i | theta) and
 * the first-stage rewards of section 7,
 *   xi_i(b) = n^-(k+2) P(b_{i+1} | b_i) / ||P(. | b_i)||_2   (buyer n uses b_1),
 * where P(x | y) is the common pairwise conditional (another buyer's signal x
 * given one's own y). With conditionally independent signals the posterior
 * depends on the counts of each signal only, so every quantity here is a sum
 * over count vectors (log space, src/information/symmetricSignals.ts):
 *  - the expected posterior shift of one lie,
 *      shift_n(b, r) = sum_{b_-i} ||p^n(b) - p^n(b_-i, r)||_1 P^n(b_-i | b);
 *  - the expected reward gap sum_{b_-i} [xi_i(b) - xi_i(b_-i, r)] P^n(b_-i | b)
 *      = n^-(k+2) (||P(.|b)|| - <P(.|b), P(.|r)> / ||P(.|r)||);
 *  - the margin of the inequality at the end of section 7,
 *      gap - (2+n)(2n+1) M shift_n(b, r), and n-bar, the smallest n beyond which
 *      it is positive for every b != r (up to the largest n scanned);
 *  - max_b n^k sum_i xi_i(b) (a max-plus cycle over signals).
 * The `*ByEnumeration` functions compute the same from a JointPrior over all
 * profiles (n <= 10) and must agree to 1e-9.
 */
import { distance1, norm2 } from '../../core/distribution.ts';
import { JointPrior } from '../../core/prior.ts';
import { lgamma } from 'mathjs';
import { type SymmetricSignalModel, SymmetricSignals, logSumExp, validateSymmetricModel } from '../../information/symmetricSignals.ts';

/**
 * Calls f on every count vector of length X summing to total (the same set as
 * symmetricSignals' countVectors, without allocating one array per vector).
 */
export function forEachCountVector(total: number, X: number, f: (c: Int32Array) => void): void {
  const c = new Int32Array(X);
  const rec = (pos: number, left: number) => {
    if (pos === X - 1) {
      c[pos] = left;
      f(c);
      return;
    }
    for (let v = left; v >= 0; v--) {
      c[pos] = v;
      rec(pos + 1, left - v);
    }
  };
  rec(0, total);
}
import { part2ConstantStated } from './lipschitz.ts';

/** P(x | y): another buyer's signal given one's own, [y][x] (the common pairwise marginal of Definition 3 (ii)). */
export function pairwiseConditional(model: Pick<SymmetricSignalModel, 'statePrior' | 'likelihood'>): number[][] {
  const sym = new SymmetricSignals({ ...model, agents: 2 });
  const X = model.likelihood[0].length;
  return Array.from({ length: X }, (_, y) => {
    const post = sym.posteriorGivenOwn(y);
    return Array.from({ length: X }, (_, x) => post.reduce((s, p, th) => s + p * model.likelihood[th][x], 0));
  });
}

/** Scoring rules for the section-7 rewards: the spherical rule of the paper, or (for a mutant) the improper linear rule. */
export type ScoringRule = 'spherical' | 'linear';

/** score(x | y) = P(x|y)/||P(.|y)||_2 (spherical) or P(x|y) (linear). */
export function pairwiseScores(pairwise: number[][], rule: ScoringRule = 'spherical'): number[][] {
  return pairwise.map((row) => {
    const nrm = rule === 'spherical' ? norm2(row) : 1;
    return row.map((p) => p / nrm);
  });
}

/** n^-(k+2) * sum_x P(x|b) [score(x|b) - score(x|r)]: the expected reward gap of the lie b -> r (section 7). */
export function expectedRewardGap(
  pairwise: number[][],
  n: number,
  k: number,
  b: number,
  r: number,
  rule: ScoringRule = 'spherical',
): number {
  const sc = pairwiseScores(pairwise, rule);
  let s = 0;
  for (let x = 0; x < pairwise.length; x++) s += pairwise[b][x] * (sc[b][x] - sc[r][x]);
  return s / n ** (k + 2);
}

/**
 * All shift_n(b, r) in one pass over the others' count vectors (sum c = n - 1):
 * for each c, the posteriors p(c + e_x) for every own signal x and the
 * probabilities P(c | b) = multinomial(c) sum_theta P(theta | b) prod_x Q(x|theta)^c_x,
 * all in log space.
 */
export function expectedPosteriorShifts(model: SymmetricSignalModel, variant: 'exact' | 'withoutMultinomial' = 'exact'): number[][] {
  validateSymmetricModel(model);
  const m = model.statePrior.length;
  const X = model.likelihood[0].length;
  const logL = model.likelihood.map((row) => row.map(Math.log));
  const logPi = model.statePrior.map(Math.log);
  const sym = new SymmetricSignals(model);
  const logPostOwn = Array.from({ length: X }, (_, b) => sym.posteriorGivenOwn(b).map(Math.log));
  const out = Array.from({ length: X }, () => new Array<number>(X).fill(0));
  const base = new Float64Array(m);
  const tmp = new Array<number>(m);
  const post = Array.from({ length: X }, () => new Float64Array(m));
  // log k! for k <= n - 1 (the multinomial coefficients of the count vectors)
  const logFact = Array.from({ length: model.agents }, (_, k) => lgamma<number>(k + 1));
  forEachCountVector(model.agents - 1, X, (c) => {
    for (let th = 0; th < m; th++) {
      let v = 0;
      for (let x = 0; x < X; x++) if (c[x] > 0) v += c[x] * logL[th][x];
      base[th] = v;
    }
    // variant 'withoutMultinomial' (a deliberately broken version for the catalogue's mutant) weighs each count vector as one profile
    let lm = variant === 'exact' ? logFact[model.agents - 1] : 0;
    if (variant === 'exact') for (let x = 0; x < X; x++) lm -= logFact[c[x]];
    for (let x = 0; x < X; x++) {
      for (let th = 0; th < m; th++) tmp[th] = logPi[th] + base[th] + logL[th][x];
      const z = logSumExp(tmp);
      for (let th = 0; th < m; th++) post[x][th] = Math.exp(tmp[th] - z);
    }
    for (let b = 0; b < X; b++) {
      for (let th = 0; th < m; th++) tmp[th] = base[th] + logPostOwn[b][th];
      const pc = Math.exp(lm + logSumExp(tmp));
      if (pc === 0) continue;
      for (let r = 0; r < X; r++) {
        if (r === b) continue;
        let d = 0;
        for (let th = 0; th < m; th++) d += Math.abs(post[b][th] - post[r][th]);
        out[b][r] += pc * d;
      }
    }
  });
  return out;
}

export interface Theorem2Config {
  name: string;
  k: number;
  M: number;
  /** lambda */
  statePrior: number[];
  /** Q[theta][x] */
  likelihood: number[][];
}

export interface MarginAtN {
  n: number;
  /** min over b != r of gap - (2+n)(2n+1)M shift */
  margin: number;
  /** at the minimising (b, r) */
  gap: number;
  shift: number;
  b: number;
  r: number;
}

/** The margin of the section-7 inequality at n (minimum over lies b -> r). */
export function marginAt(cfg: Theorem2Config, n: number, rule: ScoringRule = 'spherical', constant = part2ConstantStated): MarginAtN {
  const pw = pairwiseConditional(cfg);
  const X = cfg.likelihood[0].length;
  const shifts = expectedPosteriorShifts({ statePrior: cfg.statePrior, likelihood: cfg.likelihood, agents: n });
  let best: MarginAtN | null = null;
  for (let b = 0; b < X; b++)
    for (let r = 0; r < X; r++) {
      if (r === b) continue;
      const gap = expectedRewardGap(pw, n, cfg.k, b, r, rule);
      const shift = shifts[b][r];
      const margin = gap - constant(n, cfg.M) * shift;
      if (!best || margin < best.margin) best = { n, margin, gap, shift, b, r };
    }
  return best!;
}

/**
 * n-bar: the smallest n0 >= 2 such that the margin is > 0 for every n in
 * [n0, nMax] (scanning every n when `step` is 1). null when the margin is not
 * positive at nMax.
 */
export function nBar(
  cfg: Theorem2Config,
  nMax: number,
  rule: ScoringRule = 'spherical',
  step = 1,
): { nBar: number | null; margins: MarginAtN[] } {
  const margins: MarginAtN[] = [];
  let lastBad = 1;
  for (let n = 2; n <= nMax; n += step) {
    const m = marginAt(cfg, n, rule);
    margins.push(m);
    if (!(m.margin > 0)) lastBad = n;
  }
  if (margins.length === 0 || !(margins[margins.length - 1].margin > 0)) return { nBar: null, margins };
  return { nBar: lastBad + (step === 1 ? 1 : step), margins };
}

/**
 * max_b n^k sum_i xi_i(b) = n^-2 max over cyclic sequences (b_1..b_n) of
 * sum_i score(b_{i+1} | b_i): a max-plus trace of the n-th power of the score matrix.
 */
export function maxScaledRewardSum(pairwise: number[][], n: number, rule: ScoringRule = 'spherical', kShift = 2): number {
  const sc = pairwiseScores(pairwise, rule);
  const X = sc.length;
  let best = -Infinity;
  for (let start = 0; start < X; start++) {
    let cur = new Array<number>(X).fill(-Infinity);
    cur[start] = 0;
    for (let step = 0; step < n; step++) {
      const next = new Array<number>(X).fill(-Infinity);
      for (let y = 0; y < X; y++) {
        if (cur[y] === -Infinity) continue;
        for (let x = 0; x < X; x++) next[x] = Math.max(next[x], cur[y] + sc[y][x]);
      }
      cur = next;
    }
    best = Math.max(best, cur[start]);
  }
  return best / n ** kShift;
}

/** The joint prior of n buyers (all profiles), for the enumeration baseline (n <= 10). */
export function enumerationPrior(model: SymmetricSignalModel): JointPrior {
  return JointPrior.conditionallyIndependent(
    model.statePrior,
    Array.from({ length: model.agents }, () => model.likelihood),
  );
}

/** shift_n(b, r) for buyer 0 by enumerating all profiles of a JointPrior. */
export function expectedPosteriorShiftByEnumeration(P: JointPrior, b: number, r: number): number {
  const sp = P.profiles;
  let s = 0;
  for (let k = 0; k < sp.size; k++) {
    if (sp.component(k, 0) !== b) continue;
    s += P.othersGivenOwnAt(0, k) * distance1(P.stateGivenProfile(k), P.stateGivenProfile(sp.replace(k, 0, r)));
  }
  return s;
}

/** The pairwise conditional P(b_1 = x | b_0 = y) marginalised from a JointPrior (n >= 2). */
export function pairwiseByEnumeration(P: JointPrior): number[][] {
  const sp = P.profiles;
  const X = sp.counts[0];
  const joint = Array.from({ length: X }, () => new Array<number>(X).fill(0));
  for (let k = 0; k < sp.size; k++) joint[sp.component(k, 0)][sp.component(k, 1)] += P.profileMarginal[k];
  return joint.map((row) => {
    const s = row.reduce((a, b) => a + b, 0);
    return row.map((v) => v / s);
  });
}

/** Section-7 reward of buyer i at profile k (cyclic neighbour i+1), from an enumerated prior. */
export function section7Reward(
  P: JointPrior,
  pairwise: number[][],
  k: number,
  i: number,
  kExp: number,
  rule: ScoringRule = 'spherical',
): number {
  const sp = P.profiles;
  const n = sp.agents;
  const sc = pairwiseScores(pairwise, rule);
  return sc[sp.component(k, i)][sp.component(k, (i + 1) % n)] / n ** (kExp + 2);
}

/** The expected reward gap of buyer 0's lie b -> r by enumeration. */
export function expectedRewardGapByEnumeration(P: JointPrior, kExp: number, b: number, r: number, rule: ScoringRule = 'spherical'): number {
  const pw = pairwiseByEnumeration(P);
  const sp = P.profiles;
  let s = 0;
  for (let k = 0; k < sp.size; k++) {
    if (sp.component(k, 0) !== b) continue;
    s += P.othersGivenOwnAt(0, k) * (section7Reward(P, pw, k, 0, kExp, rule) - section7Reward(P, pw, sp.replace(k, 0, r), 0, kExp, rule));
  }
  return s;
}

/** max over profiles of n^k sum_i xi_i(b), by enumeration. */
export function maxScaledRewardSumByEnumeration(P: JointPrior, kExp: number, rule: ScoringRule = 'spherical'): number {
  const pw = pairwiseByEnumeration(P);
  const n = P.profiles.agents;
  let best = -Infinity;
  for (let k = 0; k < P.profiles.size; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += section7Reward(P, pw, k, i, kExp, rule);
    best = Math.max(best, n ** kExp * s);
  }
  return best;
}
