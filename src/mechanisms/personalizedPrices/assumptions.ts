/**
 * Assumptions 1a and 2 of seed 003_9ea1ccbe66e932a9.txt (section 3; 1a* and 2*
 * of section 4 per object), checked by seeded sampling of pairs s <= s':
 *  - 1a: V_i(s') >= V_i(s) (values non-decreasing in all signals);
 *  - 2: for s'_i > s_i (others fixed), V_i(s'_i, s_-i) - V_i(s) >= V_j(s'_i, s_-i) - V_j(s).
 * A sampled check can refute an assumption (with a witness), not prove it.
 */
import { mulberry32, randomProfile, withSignal, type ValuationModel } from './model.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';

export interface AssumptionCheck {
  holds: boolean;
  /** the largest violation found (<= 0 when none) */
  worst: number;
  witness: { buyer: number; other?: number; s: number[][]; sPrime: number[][] } | null;
}

export function checkAssumptionsBySampling(
  model: ValuationModel,
  samples = 300,
  seed = 1,
  tol = DEFAULT_TOLERANCE,
): { assumption1: AssumptionCheck; assumption2: AssumptionCheck } {
  const rnd = mulberry32(seed);
  const n = model.dims.length;
  const a1: AssumptionCheck = { holds: true, worst: -Infinity, witness: null };
  const a2: AssumptionCheck = { holds: true, worst: -Infinity, witness: null };
  for (let t = 0; t < samples; t++) {
    const s = randomProfile(model.dims, rnd);
    const i = Math.floor(rnd() * n);
    // raise buyer i's signal coordinatewise
    const si2 = s[i].map((x) => x + (1 - x) * rnd() * (rnd() < 0.5 ? 1 : 0.1));
    const s2 = withSignal(s, i, si2);
    for (let j = 0; j < n; j++) {
      const dv = model.value(j, s) - model.value(j, s2); // > 0 violates monotonicity
      if (dv > a1.worst) {
        a1.worst = dv;
        if (dv > tol) a1.witness = { buyer: j, s: s.map((x) => [...x]), sPrime: s2 };
      }
    }
    const di = model.value(i, s2) - model.value(i, s);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const v = model.value(j, s2) - model.value(j, s) - di; // > 0 violates Assumption 2
      if (v > a2.worst) {
        a2.worst = v;
        if (v > tol) a2.witness = { buyer: i, other: j, s: s.map((x) => [...x]), sPrime: s2 };
      }
    }
  }
  a1.holds = !(a1.worst > tol);
  a2.holds = !(a2.worst > tol);
  return { assumption1: a1, assumption2: a2 };
}
