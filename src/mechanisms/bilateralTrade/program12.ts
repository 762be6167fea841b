/**
 * LP (12) of seed 002_db415cb54f560522.txt (section 4.2.3) solved through the
 * certified LP layer; kept apart from thresholdProgram.ts so that the closed
 * form does not load the LP backends.
 */
import { LPBuilder } from '../../solvers/lp/builder.ts';
import { solveLP, type LPSolution } from '../../solvers/lp/index.ts';
import { AGENTS, type Agent } from './model.ts';
import { evaluateSolution, type ProgramCoefficients, type ThresholdSolution } from './thresholdProgram.ts';

/**
 * LP (12) solved through the certified LP layer (floats). Variables in the
 * order c^s, mu_0^s..mu_{N-1}^s, c^b, mu_0^b..mu_{N-1}^b.
 */
export function solveProgram12(
  coef: ProgramCoefficients<number>,
  alphaSeller: number,
  opts: {
    extraRows?: (b: LPBuilder, idx: Record<Agent, { c: number; mu: number[] }>) => void;
    objective?: 'welfare' | { minimiseUtilityOf: Agent };
    backend?: 'highs' | 'jsLpSolver' | 'auto';
  } = {},
): { solution: ThresholdSolution<number>; lp: LPSolution } {
  const alpha: Record<Agent, number> = { seller: alphaSeller, buyer: 1 - alphaSeller };
  const b = new LPBuilder(opts.objective && opts.objective !== 'welfare' ? 'min' : 'max');
  const idx = {} as Record<Agent, { c: number; mu: number[] }>;
  const target = opts.objective && opts.objective !== 'welfare' ? opts.objective.minimiseUtilityOf : null;
  for (const j of AGENTS) {
    const w = target ? (j === target ? 1 : 0) : alpha[j];
    const c = b.addVariable(`c^${j}`, { objective: w });
    const mu = coef.agents[j].rent.map((r, m) => b.addVariable(`mu_${m}^${j}`, { objective: w * r, upper: 1 }));
    idx[j] = { c, mu };
  }
  const terms: [number, number][] = [];
  for (const j of AGENTS) {
    terms.push([idx[j].c, 1]);
    coef.agents[j].netCost.forEach((v, m) => terms.push([idx[j].mu[m], v]));
  }
  b.le(terms, coef.baseIncome, 'budget balance: NU^s + NU^b - NI <= 0');
  opts.extraRows?.(b, idx);
  const lp = solveLP(b.build(), { backend: opts.backend ?? 'auto' });
  const mu = { seller: idx.seller.mu.map((k) => lp.x[k]), buyer: idx.buyer.mu.map((k) => lp.x[k]) };
  const fixed = { seller: lp.x[idx.seller.c], buyer: lp.x[idx.buyer.c] };
  return { solution: evaluateSolution(coef, alphaSeller, mu, fixed), lp };
}
