/**
 * Information decompositions (seed 001_e592948973ecc068.txt, section 4.1,
 * Definition 2): D = ((A_i, f_i)_i, Q) for a prior P in Delta(Theta x T), with
 *  (ii)  P_Theta(theta | t) = Q_Theta(theta | f(t))                     for every t,
 *  (iii) sum_{t_-i : f_-i(t_-i) = a_-i} P_{T_-i}(t_-i | t_i) = Q_{A_-i}(a_-i | f_i(t_i)).
 * The trivial decomposition (A_i = T_i, f_i = id, Q = P), the product-structure
 * decomposition (T_i = X_i x Y_i, P = P1 x P2, D = ((X_i, p_{X_i}), P1)) and the
 * Remark (any two decompositions give the same expected valuations vhat_i).
 */
import { InputError } from '../core/errors.ts';
import { JointPrior } from '../core/prior.ts';
import { ProfileSpace } from '../core/profiles.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';

export interface InformationDecomposition {
  /** f_i : T_i -> A_i as signalOf[i][t_i] (the "informationally relevant component" of t_i) */
  signalOf: number[][];
  /** Q in Delta(Theta x A_1 x ... x A_n), state slowest */
  Q: JointPrior;
}

/** f(t) as a signal-profile index of Q.profiles, for the type profile with index k of P. */
export function signalProfileIndex(P: JointPrior, D: InformationDecomposition, k: number): number {
  const t = P.profiles.profile(k);
  return D.Q.profiles.index(t.map((ti, i) => D.signalOf[i][ti]));
}

/** The trivial decomposition: A_i = T_i, f_i = id, Q = P (section 4.1). */
export function trivialDecomposition(P: JointPrior): InformationDecomposition {
  return { signalOf: P.typeCounts.map((k) => Array.from({ length: k }, (_, t) => t)), Q: P };
}

export interface ProductStructure {
  /** P(theta, (x_1, y_1), ..., (x_n, y_n)) = P1(theta, x) P2(y) */
  P: JointPrior;
  /** D = ((X_i, p_{X_i})_i, P1) */
  decomposition: InformationDecomposition;
  /** t_i = x_i * |Y_i| + y_i */
  typeIndex(agent: number, x: number, y: number): number;
}

/**
 * The product-structure example of section 4.1: T_i = X_i x Y_i (type t_i =
 * x_i * |Y_i| + y_i), P = P1 x P2 with P1 in Delta(Theta x X) and P2 in
 * Delta(Y) (a one-state prior over the Y profiles). Returns P and the
 * decomposition ((X_i, p_{X_i}), P1).
 */
export function productStructure(P1: JointPrior, P2: JointPrior): ProductStructure {
  if (P2.states !== 1) throw new InputError('P2', `must have a single state, got ${P2.states}`);
  const n = P1.agents;
  if (P2.agents !== n) throw new InputError('P2', `has ${P2.agents} agents, P1 has ${n}`);
  const X = P1.typeCounts;
  const Y = P2.typeCounts;
  const T = X.map((x, i) => x * Y[i]);
  const space = new ProfileSpace(T);
  const table = new Float64Array(P1.states * space.size);
  for (let th = 0; th < P1.states; th++) {
    for (let k = 0; k < space.size; k++) {
      const t = space.profile(k);
      const x = t.map((ti, i) => Math.floor(ti / Y[i]));
      const y = t.map((ti, i) => ti % Y[i]);
      table[th * space.size + k] = P1.prob(th, P1.profiles.index(x)) * P2.prob(0, P2.profiles.index(y));
    }
  }
  const P = new JointPrior(P1.states, T, table, 'P');
  const signalOf = T.map((ti, i) => Array.from({ length: ti }, (_, t) => Math.floor(t / Y[i])));
  return { P, decomposition: { signalOf, Q: P1 }, typeIndex: (i, x, y) => x * Y[i] + y };
}

export interface DecompositionCheck {
  /** max over t with P(t) > 0 of || P_Theta(. | t) - Q_Theta(. | f(t)) ||_1 (condition (ii)) */
  conditionII: number;
  /** max over i, t_i, a_-i of | sum_{f_-i(t_-i) = a_-i} P(t_-i | t_i) - Q(a_-i | f_i(t_i)) | (condition (iii)) */
  conditionIII: number;
  holds: boolean;
  /** where the largest gap of a failing condition occurs */
  witness: string | null;
}

/**
 * Check conditions (i)-(iii) of Definition 2 (seed 001, section 4.1), each as
 * the largest gap; the decomposition is accepted when both gaps are within `tolerance`.
 */
export function checkDecomposition(P: JointPrior, D: InformationDecomposition, tolerance = DEFAULT_TOLERANCE): DecompositionCheck {
  const n = P.agents;
  if (D.Q.agents !== n) throw new InputError('decomposition.Q', `has ${D.Q.agents} agents, P has ${n}`);
  if (D.Q.states !== P.states) throw new InputError('decomposition.Q', `has ${D.Q.states} states, P has ${P.states}`);
  D.signalOf.forEach((f, i) => {
    if (f.length !== P.typeCounts[i])
      throw new InputError(`decomposition.signalOf[${i}]`, `has ${f.length} entries, agent ${i} has ${P.typeCounts[i]} types`);
    f.forEach((a, t) => {
      if (!Number.isInteger(a) || a < 0 || a >= D.Q.typeCounts[i])
        throw new InputError(`decomposition.signalOf[${i}][${t}]`, `is ${a}, not a signal in 0..${D.Q.typeCounts[i] - 1}`);
    });
  });
  let gapII = 0;
  let gapIII = 0;
  let witness: string | null = null;
  let witnessGap = 0;
  for (let k = 0; k < P.profiles.size; k++) {
    if (!(P.profileMarginal[k] > 0)) continue;
    const a = signalProfileIndex(P, D, k);
    if (!(D.Q.profileMarginal[a] > 0)) {
      gapII = Math.max(gapII, 2);
      if (2 > witnessGap) {
        witnessGap = 2;
        witness = `(ii): Q(f(t)) = 0 at t = [${P.profiles.profile(k)}]`;
      }
      continue;
    }
    const p = P.stateGivenProfile(k);
    const q = D.Q.stateGivenProfile(a);
    let g = 0;
    for (let th = 0; th < p.length; th++) g += Math.abs(p[th] - q[th]);
    if (g > gapII) gapII = g;
    if (g > tolerance && g > witnessGap) {
      witnessGap = g;
      witness = `(ii): ||P(.|t) - Q(.|f(t))||_1 = ${g} at t = [${P.profiles.profile(k)}]`;
    }
  }
  for (let i = 0; i < n; i++) {
    const othersQ = D.Q.profiles.without(i);
    const othersP = P.profiles.without(i);
    for (let ti = 0; ti < P.typeCounts[i]; ti++) {
      if (!(P.ownMarginal[i][ti] > 0)) continue;
      const ai = D.signalOf[i][ti];
      const pushed = new Array<number>(othersQ.size).fill(0);
      const belief = P.othersGivenOwn(i, ti);
      for (let o = 0; o < othersP.size; o++) {
        const tOthers = othersP.profile(o);
        const aOthers = n === 1 ? [0] : tOthers.map((tj, idx) => D.signalOf[idx < i ? idx : idx + 1][tj]);
        pushed[othersQ.index(aOthers)] += belief[o];
      }
      const q = D.Q.ownMarginal[i][ai] > 0 ? D.Q.othersGivenOwn(i, ai) : null;
      for (let o = 0; o < othersQ.size; o++) {
        const g = Math.abs(pushed[o] - (q ? q[o] : 0));
        if (g > gapIII) gapIII = g;
        if (g > tolerance && g > witnessGap) {
          witnessGap = g;
          witness = `(iii): agent ${i}, type ${ti}, others' signals [${othersQ.profile(o)}]: P-sum ${pushed[o]} vs Q ${q ? q[o] : 'undefined'}`;
        }
      }
    }
  }
  return { conditionII: gapII, conditionIII: gapIII, holds: gapII <= tolerance && gapIII <= tolerance, witness };
}

/** v_i(c, theta, t_i) as values[i][theta][t_i][c] (the layout of the generators). */
export type StateDependentValues = readonly (readonly (readonly (readonly number[])[])[])[];

/**
 * The expected valuations of the Remark in section 4.1:
 * vhat_i(c; t) = sum_theta v_i(c, theta, t_i) Q_Theta(theta | f(t)), as [k][i][c].
 */
export function expectedValuationsVia(P: JointPrior, D: InformationDecomposition, values: StateDependentValues): number[][][] {
  const out: number[][][] = [];
  for (let k = 0; k < P.profiles.size; k++) {
    const a = signalProfileIndex(P, D, k);
    const post = D.Q.stateGivenProfile(a);
    const t = P.profiles.profile(k);
    out.push(values.map((vi, i) => vi[0][t[i]].map((_, c) => post.reduce((s, p, th) => s + p * vi[th][t[i]][c], 0))));
  }
  return out;
}

/** Largest gap between the expected valuations computed through two decompositions (the Remark: 0). */
export function expectedValuationGap(
  P: JointPrior,
  D1: InformationDecomposition,
  D2: InformationDecomposition,
  values: StateDependentValues,
): number {
  const a = expectedValuationsVia(P, D1, values);
  const b = expectedValuationsVia(P, D2, values);
  let g = 0;
  a.forEach((ak, k) => ak.forEach((aki, i) => aki.forEach((x, c) => (g = Math.max(g, Math.abs(x - b[k][i][c]))))));
  return g;
}
