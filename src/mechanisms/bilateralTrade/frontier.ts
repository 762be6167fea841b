/**
 * The Pareto frontier of seed 002_db415cb54f560522.txt, section 4,
 * "Construction of the Pareto frontier": for all but finitely many weights one
 * variable exhausts the budget and the optimum is a vertex; at the finitely
 * many weights where a seller variable and a buyer variable have the same
 * cost-to-benefit ratio, splitting the budget between them traces an edge.
 *
 * Breakpoints: r(z^s) = r(z^b) with r = rho / alpha^j gives
 * alpha^s = rho^s / (rho^s + rho^b) for each pair of positive-cost variables
 * (c^j has rho = 1). Between consecutive breakpoints the greedy optimum is
 * constant; each vertex carries the closed interval of alpha^s where it is optimal.
 */
import type { Field } from './field.ts';
import type { TradeParameters } from './model.ts';
import { greedySolution, prepareProgram, programCoefficients, type ThresholdSolution } from './thresholdProgram.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';

export interface FrontierVertex<T> {
  seller: T;
  buyer: T;
  /** [from, to]: the weights alpha^s at which this vertex is optimal */
  alphaSeller: [T, T];
  solution: ThresholdSolution<T>;
}

/** Candidate breakpoints in (0, 1), sorted and distinct. */
export function frontierBreakpoints<T>(F: Field<T>, p: TradeParameters<T>): T[] {
  const prep = prepareProgram(programCoefficients(F, p));
  const out: T[] = [];
  const rs = prep.sorted.seller.map((it) => it.rho).filter((r) => F.cmp(r, F.zero) > 0);
  const rb = prep.sorted.buyer.map((it) => it.rho).filter((r) => F.cmp(r, F.zero) > 0);
  for (const a of rs) for (const b of rb) out.push(F.div(a, F.add(a, b)));
  out.sort((x, y) => F.cmp(x, y));
  const uniq: T[] = [];
  for (const x of out) if (uniq.length === 0 || F.cmp(uniq[uniq.length - 1], x) !== 0) uniq.push(x);
  return uniq;
}

/** The frontier's vertices, ordered from alpha^s = 0 (the buyer's best) to alpha^s = 1. */
export function paretoFrontier<T>(F: Field<T>, p: TradeParameters<T>): FrontierVertex<T>[] {
  const prep = prepareProgram(programCoefficients(F, p));
  const cuts = [F.zero, ...frontierBreakpoints(F, p), F.one];
  const two = F.of(2);
  const same = (a: ThresholdSolution<T>, b: ThresholdSolution<T>) => {
    if (F.name === 'exact') return F.cmp(a.utilities.seller, b.utilities.seller) === 0 && F.cmp(a.utilities.buyer, b.utilities.buyer) === 0;
    const close = (x: T, y: T) => Math.abs(F.toNumber(x) - F.toNumber(y)) <= DEFAULT_TOLERANCE * (1 + Math.abs(F.toNumber(x)));
    return close(a.utilities.seller, b.utilities.seller) && close(a.utilities.buyer, b.utilities.buyer);
  };
  const vertices: FrontierVertex<T>[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const mid = F.div(F.add(cuts[k], cuts[k + 1]), two);
    const sol = greedySolution(prep, mid);
    const last = vertices[vertices.length - 1];
    if (last && same(last.solution, sol)) last.alphaSeller[1] = cuts[k + 1];
    else vertices.push({ seller: sol.utilities.seller, buyer: sol.utilities.buyer, alphaSeller: [cuts[k], cuts[k + 1]], solution: sol });
  }
  return vertices;
}
