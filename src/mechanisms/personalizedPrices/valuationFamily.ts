/**
 * A family of interdependent valuations for seed 003_9ea1ccbe66e932a9.txt
 * (Assumptions 1-3, section 3), as plain JSON with small integers that shrink:
 *
 *   V_i(s) = sum_m sum_k W[i][m][k] * s_mk^E[i][m][k]  +  gamma * prod_m ( w_m . s_m / |w_m|_1 )
 *
 * (a common-value term as in Example 1's c_1 c_2). With non-negative weights the
 * values are non-decreasing and continuous (Assumption 1). The common term
 * cancels in V_i - V_j, so Assumption 2 (V_m - V_i non-decreasing in s_m) holds
 * iff, for every coordinate s_mk and i != m, a x^ea - b x^eb is non-decreasing on
 * [0,1], where (a, ea) = (W[m][m][k], E[m][m][k]) and (b, eb) = (W[i][m][k], E[i][m][k]):
 * a >= b when ea = eb; a >= 2b when ea = 1, eb = 2; b = 0 when ea = 2, eb = 1.
 */
import fc from 'fast-check';
import type { ValuationModel } from './model.ts';
import { mulberry32, randomProfile } from './model.ts';
import { TIE_TOLERANCE } from '../../core/tolerance.ts';

export interface FamilySpec {
  /** signal dimension of each buyer */
  d: number[];
  /** W[i][m][k]: weight of s_mk in V_i */
  W: number[][][];
  /** E[i][m][k] in {1, 2}: exponent of s_mk in V_i */
  E: number[][][];
  /** weight of the common term */
  gamma: number;
  /** w[m][k]: weights of buyer m's signal in the common term */
  w: number[][];
}

export function familyModel(spec: FamilySpec): ValuationModel {
  const n = spec.d.length;
  const wsum = spec.w.map((wm) => wm.reduce((a, b) => a + b, 0));
  return {
    name: 'generated valuations',
    dims: spec.d,
    value: (i, s) => {
      let v = 0;
      const Wi = spec.W[i];
      const Ei = spec.E[i];
      for (let m = 0; m < n; m++) {
        const sm = s[m];
        for (let k = 0; k < sm.length; k++) {
          const a = Wi[m][k];
          if (a !== 0) v += Ei[m][k] === 2 ? a * sm[k] * sm[k] : a * sm[k];
        }
      }
      if (spec.gamma !== 0) {
        let c = spec.gamma;
        for (let m = 0; m < n; m++) {
          let x = 0;
          for (let k = 0; k < s[m].length; k++) x += spec.w[m][k] * s[m][k];
          c *= wsum[m] > 0 ? x / wsum[m] : 1;
        }
        v += c;
      }
      return v;
    },
  };
}

/** The largest cross weight b allowed by Assumption 2 for an own term (a, ea) and cross exponent eb. */
function maxCross(a: number, ea: number, eb: number): number {
  if (ea === eb) return a;
  if (ea === 1 && eb === 2) return Math.floor(a / 2);
  return 0;
}

/** Whether a spec satisfies Assumption 2 exactly (coefficient conditions above). */
export function satisfiesAssumption2(spec: FamilySpec): boolean {
  const n = spec.d.length;
  for (let m = 0; m < n; m++)
    for (let i = 0; i < n; i++) {
      if (i === m) continue;
      for (let k = 0; k < spec.d[m]; k++) if (spec.W[i][m][k] > maxCross(spec.W[m][m][k], spec.E[m][m][k], spec.E[i][m][k])) return false;
    }
  return true;
}

/**
 * Assumption 3 checked by sampling: each buyer's value is strictly the highest
 * at some sampled profile (continuity then gives a set of positive measure).
 */
export function assumption3BySampling(model: ValuationModel, samples = 400, seed = 1): { holds: boolean; strictlyHighestShare: number[] } {
  const rnd = mulberry32(seed);
  const n = model.dims.length;
  const counts = new Array<number>(n).fill(0);
  for (let t = 0; t < samples; t++) {
    const s = randomProfile(model.dims, rnd);
    const v = model.dims.map((_, i) => model.value(i, s));
    for (let i = 0; i < n; i++) if (v.every((x, j) => j === i || v[i] > x + TIE_TOLERANCE)) counts[i]++;
  }
  return { holds: counts.every((c) => c > 0), strictlyHighestShare: counts.map((c) => c / samples) };
}

const int = (max: number) => fc.integer({ min: 0, max });

/**
 * Generated valuations. `assumption2`: cross weights are clamped so that
 * Assumption 2 holds; otherwise they are free (the relaxation).
 */
export function familySpecArb(
  opts: { n?: number; minN?: number; maxN?: number; maxD?: number; assumption2?: boolean; maxWeight?: number } = {},
): fc.Arbitrary<FamilySpec> {
  const minN = opts.n ?? opts.minN ?? 2;
  const maxN = opts.n ?? opts.maxN ?? 2;
  const maxD = opts.maxD ?? 2;
  const M = opts.maxWeight ?? 3;
  return fc
    .integer({ min: minN, max: maxN })
    .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 2, max: maxD }), { minLength: n, maxLength: n })))
    .chain(([n, d]) => {
      const cube = <T>(arb: fc.Arbitrary<T>) =>
        fc.tuple(...Array.from({ length: n }, () => fc.tuple(...d.map((dm) => fc.array(arb, { minLength: dm, maxLength: dm })))));
      return fc.record({
        d: fc.constant(d),
        W: cube(int(M)),
        E: cube(fc.integer({ min: 1, max: 2 })),
        gamma: int(M),
        w: fc.tuple(...d.map((dm) => fc.array(int(2), { minLength: dm, maxLength: dm }))),
      });
    })
    .map((raw) => {
      const spec = raw;
      const s: FamilySpec = {
        d: [...spec.d],
        W: spec.W.map((x) => x.map((y) => [...y])),
        E: spec.E.map((x) => x.map((y) => [...y])),
        gamma: spec.gamma,
        w: spec.w.map((x) => [...x]),
      };
      if (opts.assumption2 !== false) {
        const n = s.d.length;
        for (let m = 0; m < n; m++)
          for (let i = 0; i < n; i++) {
            if (i === m) continue;
            for (let k = 0; k < s.d[m]; k++) s.W[i][m][k] = Math.min(s.W[i][m][k], maxCross(s.W[m][m][k], s.E[m][m][k], s.E[i][m][k]));
          }
      }
      return s;
    });
}

/** A readable formula of V_i for reports. */
export function describeFamily(spec: FamilySpec): string[] {
  const n = spec.d.length;
  const common = spec.gamma
    ? `${spec.gamma}*` +
      spec.w
        .map(
          (wm, m) =>
            `(${
              wm
                .map((x, k) => (x ? `${x}*s${m + 1}${k + 1}` : ''))
                .filter(Boolean)
                .join('+') || '1'
            })/${wm.reduce((a, b) => a + b, 0) || 1}`,
        )
        .join('*')
    : '';
  return Array.from({ length: n }, (_, i) => {
    const terms: string[] = [];
    for (let m = 0; m < n; m++)
      for (let k = 0; k < spec.d[m]; k++)
        if (spec.W[i][m][k]) terms.push(`${spec.W[i][m][k]}*s${m + 1}${k + 1}${spec.E[i][m][k] === 2 ? '^2' : ''}`);
    if (common) terms.push(common);
    return `V${i + 1} = ${terms.join(' + ') || '0'}`;
  });
}
