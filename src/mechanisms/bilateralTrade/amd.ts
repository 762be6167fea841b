/**
 * The full automated-mechanism-design LP for seed 002_db415cb54f560522.txt
 * (the model of section 3, without the paper's reductions): every trade
 * probability p(i; w^s, w^b) in [0, 1] and every money transfer t^s(w), t^b(w)
 * is a variable; constraints are interim IC and interim IR for both agents
 * (section 3.1) and ex ante budget balance (section 3.3); the objective is the
 * alpha-weighted sum of ex ante utilities (7). For N = 4: 256 profiles x 4
 * objects + 512 transfers = 1,536 variables. Solved with HiGHS and certified by
 * its dual bound (never javascript-lp-solver alone: it returns wrong optima on
 * exactly this LP).
 *
 * This is the independent check of Theorem 1: its threshold mechanism must
 * reach the AMD optimum.
 */
import { LPBuilder } from '../../solvers/lp/builder.ts';
import { solveLP, type LPSolution } from '../../solvers/lp/index.ts';
import { buildMechanism, objectValue, typeProbabilities, type TradeMechanism } from './directMechanism.ts';
import { isGood, type Agent, type TradeParameters } from './model.ts';

export interface AmdResult {
  weightedWelfare: number;
  utilities: Record<Agent, number>;
  /** the optimal mechanism, in the allocation-neutral form (tau = t + offsets) */
  mechanism: TradeMechanism;
  lp: LPSolution;
  variables: number;
  rows: number;
}

interface AmdIndex {
  p: (k: number, i: number) => number;
  ts: (k: number) => number;
  tb: (k: number) => number;
}

function buildAmd(
  params: TradeParameters<number>,
  alphaSeller: number,
): { b: LPBuilder; idx: AmdIndex; utilTerms: Record<Agent, [number, number][]> } {
  const N = params.objects;
  const T = 1 << N;
  const ps = typeProbabilities(params, 'seller');
  const pb = typeProbabilities(params, 'buyer');
  const b = new LPBuilder('max');
  const P = T * T;
  const pBase = 0;
  for (let k = 0; k < P; k++) for (let i = 0; i < N; i++) b.addVariable(`p(${i};${k})`, { upper: 1 });
  const tsBase = P * N;
  for (let k = 0; k < P; k++) b.addVariable(`ts(${k})`, { lower: -Infinity });
  const tbBase = tsBase + P;
  for (let k = 0; k < P; k++) b.addVariable(`tb(${k})`, { lower: -Infinity });
  const idx: AmdIndex = { p: (k, i) => pBase + k * N + i, ts: (k) => tsBase + k, tb: (k) => tbBase + k };
  const vs = (w: number, i: number) => objectValue(params, 'seller', w, i);
  const vb = (w: number, i: number) => objectValue(params, 'buyer', w, i);
  // utility of the seller with true type `truth` reporting `rep` against buyer report wb (linear terms)
  const sellerTerms = (truth: number, rep: number, wb: number, weight: number, out: [number, number][]) => {
    const k = rep * T + wb;
    for (let i = 0; i < N; i++) out.push([idx.p(k, i), -weight * vs(truth, i)]);
    out.push([idx.ts(k), weight]);
  };
  const buyerTerms = (truth: number, rep: number, ws: number, weight: number, out: [number, number][]) => {
    const k = ws * T + rep;
    for (let i = 0; i < N; i++) out.push([idx.p(k, i), weight * vb(truth, i)]);
    out.push([idx.tb(k), weight]);
  };
  for (let w = 0; w < T; w++) {
    for (let r = 0; r < T; r++) {
      if (r === w) continue;
      const rowS: [number, number][] = [];
      const rowB: [number, number][] = [];
      for (let o = 0; o < T; o++) {
        sellerTerms(w, r, o, pb[o], rowS);
        sellerTerms(w, w, o, -pb[o], rowS);
        buyerTerms(w, r, o, ps[o], rowB);
        buyerTerms(w, w, o, -ps[o], rowB);
      }
      b.le(rowS, 0, `IC seller ${w}->${r}`);
      b.le(rowB, 0, `IC buyer ${w}->${r}`);
    }
    const irS: [number, number][] = [];
    const irB: [number, number][] = [];
    for (let o = 0; o < T; o++) {
      sellerTerms(w, w, o, pb[o], irS);
      buyerTerms(w, w, o, ps[o], irB);
    }
    b.ge(irS, 0, `IR seller ${w}`);
    b.ge(irB, 0, `IR buyer ${w}`);
  }
  const bb: [number, number][] = [];
  const utilTerms: Record<Agent, [number, number][]> = { seller: [], buyer: [] };
  for (let ws = 0; ws < T; ws++) {
    for (let wb = 0; wb < T; wb++) {
      const k = ws * T + wb;
      const w = ps[ws] * pb[wb];
      bb.push([idx.ts(k), w], [idx.tb(k), w]);
      sellerTerms(ws, ws, wb, w, utilTerms.seller);
      buyerTerms(wb, wb, ws, w, utilTerms.buyer);
    }
  }
  b.le(bb, 0, 'ex ante budget balance');
  const objective = new Map<number, number>();
  for (const [j, a] of [
    ['seller', alphaSeller],
    ['buyer', 1 - alphaSeller],
  ] as const) {
    for (const [v, c] of utilTerms[j]) objective.set(v, (objective.get(v) ?? 0) + a * c);
  }
  for (const [v, c] of objective) b.setObjective(v, c);
  return { b, idx, utilTerms };
}

function linear(terms: [number, number][], x: number[]): number {
  let s = 0;
  for (const [j, a] of terms) s += a * x[j];
  return s;
}

/** Solve the AMD LP (HiGHS, dual-certified). */
export function solveAmd(params: TradeParameters<number>, alphaSeller: number): AmdResult {
  const { b, idx, utilTerms } = buildAmd(params, alphaSeller);
  const lp = b.build();
  const sol = solveLP(lp, { backend: 'highs' });
  const x = sol.x;
  const N = params.objects;
  const mechanism = buildMechanism(
    params,
    (i, ws, wb) => x[idx.p(ws * (1 << N) + wb, i)],
    (j, ws, wb) => {
      const k = ws * (1 << N) + wb;
      let tau = j === 'seller' ? x[idx.ts(k)] : x[idx.tb(k)];
      for (let i = 0; i < N; i++) tau += (j === 'seller' ? -1 : 1) * x[idx.p(k, i)] * objectValue(params, j, j === 'seller' ? ws : wb, i);
      return tau;
    },
  );
  return {
    weightedWelfare: sol.objective,
    utilities: { seller: linear(utilTerms.seller, x), buyer: linear(utilTerms.buyer, x) },
    mechanism,
    lp: sol,
    variables: lp.objective.length,
    rows: lp.rows.length,
  };
}

/**
 * Proposition 2 on the optimal face of the AMD LP: the largest expected
 * shortfall from "good-good trades with probability 1, bad-bad never" over all
 * alpha-optimal mechanisms: maximise
 *   sum_w P(w) sum_i [good-good: 1 - p(i; w)] + [bad-bad: p(i; w)]
 * subject to the AMD constraints and welfare >= optimum - slack. Proposition 2
 * says it is 0 (up to the slack's effect). Also returns the same for the
 * good-bad trades (a claim Proposition 2 does NOT make, for mutants).
 */
export function amdProposition2Deviation(
  params: TradeParameters<number>,
  alphaSeller: number,
  optimum: number,
  slack: number,
  which: 'goodGoodBadBad' | 'goodBad' = 'goodGoodBadBad',
): { deviation: number; lp: LPSolution } {
  const { b, idx } = buildAmd(params, alphaSeller);
  const base = b.build();
  const N = params.objects;
  const T = 1 << N;
  const ps = typeProbabilities(params, 'seller');
  const pb = typeProbabilities(params, 'buyer');
  const lp2 = new LPBuilder('max');
  base.objective.forEach((_, j) => lp2.addVariable(base.names![j], { lower: base.lower![j], upper: base.upper![j] }));
  for (const r of base.rows)
    lp2.addRow(
      r.indices.map((j, t) => [j, r.values[t]] as const),
      r.lower,
      r.upper,
      r.name,
    );
  lp2.ge(
    base.objective.map((c, j) => [j, c] as const).filter(([, c]) => c !== 0),
    optimum - slack,
    'alpha-optimal',
  );
  let constant = 0;
  for (let ws = 0; ws < T; ws++) {
    for (let wb = 0; wb < T; wb++) {
      const w = ps[ws] * pb[wb];
      const k = ws * T + wb;
      for (let i = 0; i < N; i++) {
        const sg = isGood(ws, i);
        const bg = isGood(wb, i);
        if (which === 'goodGoodBadBad') {
          if (sg && bg) {
            constant += w;
            lp2.setObjective(idx.p(k, i), -w);
          } else if (!sg && !bg) lp2.setObjective(idx.p(k, i), w);
        } else if (sg !== bg) {
          constant += w;
          lp2.setObjective(idx.p(k, i), -w);
        }
      }
    }
  }
  const sol = solveLP(lp2.build(), { backend: 'highs' });
  return { deviation: constant + sol.objective, lp: sol };
}
