/** Unit tests of the seed 002 module (002_db415cb54f560522.txt): exact example numbers, log-space weights, LP (12), frontier, encodings. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { binomialTable, logBinomialTable, logTradeHazard } from './binomial.ts';
import { exactField as E, floatField as F } from './field.ts';
import { paretoFrontier } from './frontier.ts';
import { convertParameters, exampleParameters, goodCount, validateParameters } from './model.ts';
import {
  evaluateSolution,
  greedySolution,
  optimalThresholdSolution,
  prepareProgram,
  programCoefficients,
  theorem1Form,
  thresholdForm,
} from './thresholdProgram.ts';
import { solveProgram12 } from './program12.ts';
import {
  buildMechanism,
  checkTradeMechanism,
  exAnteSummary,
  exPostBalanced,
  permuteType,
  permutations,
  symmetrize,
  symmetryViolation,
  thresholdMechanism,
  toFoundation,
} from './directMechanism.ts';
import { solveAmd } from './amd.ts';
import { ValueTable } from '../../model/environment.ts';
import { tighten, tightnessViolation } from './slic.ts';

const exact = (N: number) => convertParameters(F, E, exampleParameters(N));

describe('binomial weights', () => {
  it('exact and log-space tables agree (N = 12, q = 1/3)', () => {
    const t = binomialTable(E, 12, E.of('1/3'));
    const l = logBinomialTable(12, 1 / 3);
    for (let m = 0; m <= 12; m++) {
      expect(Math.exp(l.logPmf[m])).toBeCloseTo(t.pmf[m].valueOf(), 14);
      if (m < 12) expect(Math.exp(l.logUpperTail[m])).toBeCloseTo(t.upperTail[m].valueOf(), 14);
    }
    expect(E.show(t.pmf.reduce((a, b) => E.add(a, b), E.zero))).toBe('1');
  });
  it('N = 1000 neither overflows nor underflows in log space, and the coefficients are finite', () => {
    const h = logTradeHazard(1000, 0.05);
    expect(h.every((x) => Number.isFinite(x))).toBe(true);
    const c = programCoefficients(F, { ...exampleParameters(1000), qSeller: 0.05, qBuyer: 0.95 });
    for (const j of ['seller', 'buyer'] as const) expect(c.agents[j].rho.every((x) => Number.isFinite(x))).toBe(true);
    const s = optimalThresholdSolution(F, { ...exampleParameters(1000), qSeller: 0.05, qBuyer: 0.95 }, 0.5);
    expect(Number.isFinite(s.weightedWelfare)).toBe(true);
    expect(Math.abs(s.budgetSlack)).toBeLessThan(1e-9 * (1 + s.income));
  });
});

describe('N = 1000 in floating point', () => {
  it('the greedy keeps the threshold form although rho rounds to 1 for most m, and matches LP (12) (HiGHS)', () => {
    const p = exampleParameters(1000);
    const g = optimalThresholdSolution(F, p, 0.5);
    expect(thresholdForm(F, g.mu.seller).ok && thresholdForm(F, g.mu.buyer).ok).toBe(true);
    expect(thresholdForm(F, g.mu.seller).threshold).toBe(181);
    const lp = solveProgram12(programCoefficients(F, p), 0.5, { backend: 'highs' });
    expect(Math.abs(lp.solution.weightedWelfare - g.weightedWelfare) / g.weightedWelfare).toBeLessThan(1e-9);
  });
});

describe('the worked example (section 2), exactly', () => {
  it('one object: 3/5 and 33/10', () => {
    const s = optimalThresholdSolution(E, exact(1), E.of('1/2'));
    expect(E.show(s.mu.seller[0])).toBe('3/5');
    expect(E.show(s.income)).toBe('33/10');
  });
  it('three objects: 26/74 each, surplus 759/74', () => {
    const s = optimalThresholdSolution(E, exact(3), E.of('1/2'));
    expect(s.mu.seller.map(E.show)).toEqual(['13/37', '1', '1']);
    expect(E.show(s.income)).toBe('759/74');
  });
  it("three objects: the frontier's breakpoints are 148/281, 22/41 (= 44/82), 11/19 and their mirror images", () => {
    const v = paretoFrontier(E, exact(3));
    const cuts = v.slice(1).map((x) => E.show(x.alphaSeller[0]));
    expect(cuts).toEqual(['8/19', '19/41', '133/281', '1/2', '148/281', '22/41', '11/19']);
  });
  it('floating point agrees with the exact computation and with LP (12)', () => {
    const f = optimalThresholdSolution(F, exampleParameters(3), 0.5);
    expect(f.income).toBeCloseTo(759 / 74, 12);
    const lp = solveProgram12(programCoefficients(F, exampleParameters(3)), 0.5);
    expect(lp.solution.weightedWelfare).toBeCloseTo(f.weightedWelfare, 6);
  });
});

describe('threshold forms', () => {
  it("reads M and sigma; Theorem 1's ranges cannot express mu = 1 everywhere", () => {
    expect(thresholdForm(F, [0, 0.5, 1])).toEqual({ threshold: 1, sigma: 0.5, ok: true });
    expect(thresholdForm(F, [0, 0, 0])).toEqual({ threshold: 3, sigma: 0, ok: true });
    expect(thresholdForm(F, [0, 0.5, 0.7]).ok).toBe(false);
    expect(theorem1Form(F, [0, 1, 1])).toEqual({ threshold: 0, sigma: 0 });
    expect(theorem1Form(F, [1, 1, 1])).toBeNull();
  });
});

describe('parameters', () => {
  it('rejects parameters outside v_h^b > v_h^s > v_l^b > v_l^s >= 0 and q outside (0, 1)', () => {
    expect(() => validateParameters(F, { ...exampleParameters(2), buyerLow: 11 })).toThrow(InputError);
    expect(() => validateParameters(F, { ...exampleParameters(2), qBuyer: 1 })).toThrow(/qBuyer: must be in \(0, 1\)/);
    expect(() => validateParameters(F, { ...exampleParameters(2), sellerLow: -1, buyerLow: 0.5 })).toThrow(/sellerLow/);
    expect(() => validateParameters(F, { ...exampleParameters(0) })).toThrow(/objects/);
  });
});

describe('direct mechanisms', () => {
  it('permutations and M_pi', () => {
    expect(permutations(3)).toHaveLength(6);
    // pi(0) = 2, pi(1) = 0, pi(2) = 1 (footnote 7's example): (M_pi w)_i = w_{pi^-1(i)}
    expect(permuteType(0b001, [2, 0, 1])).toBe(0b100);
    expect(goodCount(0b1011)).toBe(3);
  });
  it('the foundation encoding gives sum_i p(i) w_i in expectation', () => {
    const p = exampleParameters(2);
    const m = buildMechanism(
      p,
      (i, ws, wb) => ((i + ws + wb) % 3) / 2,
      () => 0,
    );
    const { env, mech } = toFoundation(m);
    const vt = new ValueTable(env);
    const k = 1 * 4 + 2; // w^s = 01, w^b = 10
    const lottery = mech.outcome(k) as number[];
    let u = 0;
    for (let c = 0; c <= 2; c++) u += lottery[c] * vt.get(1, k, c);
    const direct = m.trade[k * 2] * 1 + m.trade[k * 2 + 1] * 12; // buyer: object 0 bad (1), object 1 good (12)
    expect(u).toBeCloseTo(direct, 12);
  });
  it('symmetrizing a symmetric mechanism changes nothing', () => {
    const p = exampleParameters(3);
    const sym = thresholdMechanism(p, optimalThresholdSolution(F, p, 0.5));
    expect(symmetryViolation(sym)).toBeLessThan(1e-12);
    const twice = symmetrize(sym);
    expect(Math.max(...twice.trade.map((x, k) => Math.abs(x - sym.trade[k])))).toBeLessThan(1e-12);
  });
  it('the explicit optimal mechanism is IC, IR and ex post budget balanced (N = 3, alpha^s = 3/5)', () => {
    const p = exampleParameters(3);
    const g = optimalThresholdSolution(F, p, 0.6);
    const m = exPostBalanced(thresholdMechanism(p, g));
    const r = checkTradeMechanism(m, 1e-9);
    expect(r.interimIC.holds && r.interimIR.holds && r.exPostBudget.holds).toBe(true);
    expect(exAnteSummary(m).utilities.seller).toBeCloseTo(9.75, 12);
  });
  it('the full AMD LP matches Theorem 1 (N = 2, alpha^s = 0.3)', () => {
    const p = { ...exampleParameters(2), qSeller: 0.4, qBuyer: 0.7 };
    const a = solveAmd(p, 0.3);
    expect(a.lp.certificate.method).toContain('dual-bound');
    expect(a.weightedWelfare).toBeCloseTo(optimalThresholdSolution(F, p, 0.3).weightedWelfare, 7);
  });
});

describe('Proposition 4 construction', () => {
  it('tightening (corrected range) makes equation (8) hold', () => {
    const p = exampleParameters(3);
    const phi = [0.1, 0.2, 0.3];
    const tauBar = [0, 2, 5, 9];
    const t = tighten(p, 'seller', phi, tauBar, 'N');
    expect(tightnessViolation(11, phi, t.tauBar)).toBeLessThan(1e-12);
  });
});

describe('greedy ties (footnote 17)', () => {
  it("splits a tied budget so that tied mu's get the same sigma", () => {
    const c = programCoefficients(E, exact(3));
    const s = greedySolution(prepareProgram(c), E.of('1/2'));
    expect(E.cmp(s.mu.seller[0], s.mu.buyer[0])).toBe(0);
    const again = evaluateSolution(c, E.of('1/2'), s.mu, s.fixed);
    expect(E.show(again.budgetSlack)).toBe('0');
  });
});
