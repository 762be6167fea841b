/**
 * Definition 3 (seed 001_e592948973ecc068.txt, section 4.2): informational
 * size nu_i^Q is the smallest eps >= 0 with Q(I_eps | a_i) <= eps. mechcheck
 * computes it exactly from the sorted distances (the mass is a step function
 * of eps); these entries compare it with bisection on random priors, and the
 * count-based (log-space) nu and Lambda of conditionally independent symmetric
 * signals with enumeration over all profiles.
 */
import fc from 'fast-check';
import { propertyEntry } from '../../src/catalogue/propertyEntry.ts';
import { priorFromSpec, priorSpecArb, type PriorSpec } from '../../src/generators/priors.ts';
import { JointPrior } from '../../src/core/prior.ts';
import {
  massAbove,
  posteriorDistances,
  smallestFixedPoint,
  smallestFixedPointByBisection,
  informationalSize,
  type WeightedDistance,
} from '../../src/information/informationalSize.ts';
import { beliefVariability } from '../../src/information/beliefVariability.ts';
import { symmetricInformation, symmetricPosteriorDistances } from '../../src/information/symmetricInformation.ts';
import { countVectors, logMultinomial } from '../../src/information/symmetricSignals.ts';
import { logSmallestFixedPoint } from '../../src/information/informationalSize.ts';
import { src } from './common.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../../src/core/tolerance.ts';

/** A deliberately wrong fixed point: the non-strict set {d >= eps} instead of {d > eps}. */
function nonStrictFixedPoint(items: readonly WeightedDistance[]): number {
  const ds = [0, ...new Set(items.map((x) => x.distance))].sort((a, b) => a - b);
  for (let j = 0; j < ds.length; j++) {
    const m = items.filter((x) => x.distance >= ds[j]).reduce((s, x) => s + x.mass, 0);
    const cand = Math.max(ds[j], m);
    if (cand <= (j + 1 < ds.length ? ds[j + 1] : Infinity)) return cand;
  }
  return ds[ds.length - 1];
}

function compare(spec: PriorSpec, tol: number, exact: (items: readonly WeightedDistance[]) => number) {
  const Q = priorFromSpec(spec);
  let worstDiff = 0;
  let maxNu = 0;
  let detail: unknown = null;
  for (let i = 0; i < Q.agents; i++) {
    for (let a = 0; a < Q.typeCounts[i]; a++)
      for (let r = 0; r < Q.typeCounts[i]; r++) {
        if (a === r) continue;
        const items = posteriorDistances(Q, i, a, r);
        const nu = exact(items);
        const bis = smallestFixedPointByBisection(items);
        // nu is feasible (Q(I_nu) <= nu) and nothing below it is
        const feasible = massAbove(items, nu) <= nu + 1e-15;
        const diff = Math.abs(nu - bis);
        maxNu = Math.max(maxNu, nu);
        if (diff > worstDiff || !feasible) {
          worstDiff = Math.max(diff, feasible ? 0 : Infinity);
          detail = { agent: i, trueSignal: a, report: r, exact: nu, bisection: bis, feasible, items };
        }
      }
  }
  return { ok: worstDiff <= TIE_TOLERANCE, metrics: { worstDifferenceToBisection: worstDiff, largestNu: maxNu }, detail };
}

export const nuExactVsBisection = propertyEntry<PriorSpec>({
  id: 'seed001.informationalSize.exactVsBisection',
  title: 'Definition 3: nu computed exactly from the sorted distances equals the bisection value',
  source: src('Definition 3', '4.2'),
  kind: 'definition',
  hypotheses: [
    '[finiteTypes] Q in Delta(Theta x A) with full support',
    '[informationalSize] distances in the 1-norm, I_eps = {a_-i : distance > eps} (strict)',
  ],
  conclusion:
    "for every agent and pair (a_i, a_i'), the exact smallest fixed point of eps -> Q(I_eps | a_i) agrees with bisection to 1e-12 and is feasible",
  expected: 'holds',
  runs: 80,
  arbitrary: () => priorSpecArb({ agents: { min: 2, max: 3 }, types: { min: 2, max: 3 }, states: { min: 2, max: 3 }, maxWeight: 5 }),
  check: (spec) => compare(spec, 0, smallestFixedPoint),
  metrics: { worstDifferenceToBisection: 'max', largestNu: 'max' },
  mutant: { description: 'the fixed point of the non-strict set {d >= eps}', check: (spec) => compare(spec, 0, nonStrictFixedPoint) },
});

interface SymSpec {
  agents: number;
  stateWeights: number[];
  likelihoodWeights: number[][];
}

const symArb = (): fc.Arbitrary<SymSpec> =>
  fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([n, m, k]) =>
    fc.record({
      agents: fc.constant(n),
      stateWeights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: m, maxLength: m }),
      likelihoodWeights: fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: k, maxLength: k }), { minLength: m, maxLength: m }),
    }),
  );

const norm = (w: number[]) => w.map((x) => x / w.reduce((a, b) => a + b, 0));

function countsVsEnumeration(spec: SymSpec, dropMultinomial: boolean) {
  const model = { statePrior: norm(spec.stateWeights), likelihood: spec.likelihoodWeights.map(norm), agents: spec.agents };
  const Q = JointPrior.conditionallyIndependent(model.statePrior, Array(spec.agents).fill(model.likelihood));
  const sym = symmetricInformation(model);
  let nuSym = sym.nu;
  if (dropMultinomial) {
    // mutant: one profile per count vector (forgets the multinomial(n-1; c) profiles sharing it)
    const k = model.likelihood[0].length;
    const counts = [...countVectors(spec.agents - 1, k)];
    let logNu = -Infinity;
    for (let s = 0; s < k; s++)
      for (let r = 0; r < k; r++) {
        if (r === s) continue;
        const items = symmetricPosteriorDistances(model, s, r).map((x, j) => ({
          logDistance: x.logDistance,
          logMass: x.logMass - logMultinomial(counts[j]),
        }));
        logNu = Math.max(logNu, logSmallestFixedPoint(items));
      }
    nuSym = Math.exp(logNu);
  }
  const nuEnum = informationalSize(Q, 0).nu;
  const lambdaEnum = beliefVariability(Q, 0).lambda;
  const dNu = Math.abs(nuSym - nuEnum);
  const dLambda = Math.abs(sym.lambda - lambdaEnum);
  return {
    ok: dNu <= DEFAULT_TOLERANCE && dLambda <= DEFAULT_TOLERANCE,
    metrics: { nuDifference: dNu, lambdaDifference: dLambda },
    detail: { nuCounts: nuSym, nuEnumeration: nuEnum, lambdaCounts: sym.lambda, lambdaEnumeration: lambdaEnum },
  };
}

export const nuCountsVsEnumeration = propertyEntry<SymSpec>({
  id: 'seed001.informationalSize.countsVsEnumeration',
  title: 'nu and Lambda through signal counts (log space) agree with enumeration over all signal profiles',
  source: src('Definition 3 and section 4.3 (for Theorem B(b))', '4.2-4.3'),
  kind: 'definition',
  hypotheses: ['[conditionallyIndependentSignals] conditionally independent signals', '[finiteTypes] full support'],
  scope: ['signals identical across agents'],
  conclusion:
    "nu_i and Lambda_i computed through the others' signal counts equal those of Definition 3 and section 4.3 computed over all profiles, to 1e-9",
  expected: 'holds',
  runs: 40,
  arbitrary: symArb,
  check: (spec) => countsVsEnumeration(spec, false),
  metrics: { nuDifference: 'max', lambdaDifference: 'max' },
  mutant: {
    description: 'count-based nu with the masses of count vectors not multiplied by the multinomial coefficient',
    check: (spec) => countsVsEnumeration(spec, true),
  },
});
