/**
 * The classics module's manifest (src/catalogue/manifest.ts): the references
 * its entries cite and the hypotheses they name by id (a relaxation names the
 * id it drops), with the helpers the entry files use to cite and name them.
 */
import { hypothesesById, shortCitation as shortCite, type PaperManifest, type Reference } from '../../src/catalogue/manifest.ts';
import type { Source } from '../../src/catalogue/types.ts';

/** The classics' references, by key. */
export const REFERENCES = {
  MS83: {
    key: 'MS83',
    authors: ['Roger B. Myerson', 'Mark A. Satterthwaite'],
    title: 'Efficient mechanisms for bilateral trading',
    year: 1983,
    venue: 'Journal of Economic Theory 29(2), 265-281',
  },
  GL77: {
    key: 'GL77',
    authors: ['Jerry Green', 'Jean-Jacques Laffont'],
    title: 'Characterization of satisfactory mechanisms for the revelation of preferences for public goods',
    year: 1977,
    venue: 'Econometrica 45(2), 427-438',
  },
  AGV79: {
    key: 'AGV79',
    authors: ["Claude d'Aspremont", 'Louis-Andre Gerard-Varet'],
    title: 'Incentives and incomplete information',
    year: 1979,
    venue: 'Journal of Public Economics 11(1), 25-45',
  },
  M81: {
    key: 'M81',
    authors: ['Roger B. Myerson'],
    title: 'Optimal auction design',
    year: 1981,
    venue: 'Mathematics of Operations Research 6(1), 58-73',
  },
  E07: {
    key: 'E07',
    authors: ['Edith Elkind'],
    title: 'Designing and learning optimal finite support auctions',
    year: 2007,
    venue: 'Proceedings of the 18th ACM-SIAM Symposium on Discrete Algorithms (SODA), 736-745',
  },
  CM88: {
    key: 'CM88',
    authors: ['Jacques Cremer', 'Richard P. McLean'],
    title: 'Full extraction of the surplus in Bayesian and dominant strategy auctions',
    year: 1988,
    venue: 'Econometrica 56(6), 1247-1257',
  },
  CS02: {
    key: 'CS02',
    authors: ['Vincent Conitzer', 'Tuomas Sandholm'],
    title: 'Complexity of mechanism design',
    year: 2002,
    venue: 'Proceedings of the 18th Conference on Uncertainty in Artificial Intelligence (UAI), 103-110',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceKey = keyof typeof REFERENCES;

/** The hypotheses the entries name, by id. */
export const HYPOTHESES = {
  'trade.bilateral': 'one seller (cost c) and one buyer (value v), one indivisible object; trade or not',
  'trade.independentPrivate': 'independent private values',
  'trade.overlap': "overlapping supports: the seller's costs and the buyer's values lie on the same grid",
  'trade.continuum': 'a continuum of types (the theorem is stated for densities on intervals)',
  'trade.uniformGrid': 'both uniform on the integer grid {0, ..., k-1} scaled by a step s > 0',
  'trade.richGrid': 'k >= 6 types each',
  'trade.efficiency': 'efficient trade (trade whenever v > c; either at a tie)',
  'trade.interimIC': 'Bayesian (interim) IC',
  'trade.interimIR': 'interim IR for both',
  'trade.exPostBudgetBalance': 'ex post budget balance (transfers sum to 0 at every profile)',
  'public.project': 'a public project: build or not; agent i values building at its type theta_i (positive or negative), not building at 0',
  'public.richGrid': "each agent's types: the symmetric grid s {-m, ..., m} with m >= 2",
  'public.smallGrids': 'every integer grid of 2 or 3 types in [-3, 3], the same for each of 2 or 3 agents',
  'public.twoTypes': 'two types per agent',
  'public.efficiency': 'efficient: build iff sum_i theta_i >= 0 (either at 0)',
  'public.dsic': 'dominant-strategy IC',
  'public.interimIC': 'Bayesian (interim) IC',
  'public.independent': 'independent types',
  'public.exPostBudgetBalance': 'ex post budget balance',
  'auction.singleItem': 'one object, outcomes: no sale or bidder i wins',
  'auction.independentPrivate': 'independent private values on finite grids (positive probabilities)',
  'auction.correlated': "a joint prior over the bidders' values",
  'auction.fullRank': "each bidder's conditional beliefs P(t_-i | t_i) have full row rank (the joint matrix of two bidders is nonsingular)",
  'auction.interimIC': 'Bayesian (interim) IC',
  'auction.interimIR': 'interim IR',
  'auction.dsic': 'dominant-strategy IC and ex post IR',
  'seed002.model': "seed 002's model: N objects, binary i.i.d. valuations with v_h^b > v_h^s > v_l^b > v_l^s >= 0, q in (0, 1)",
  'seed002.constraints': 'interim IC and interim IR for both, ex ante budget balance; objective alpha E[u_seller] + (1 - alpha) E[u_buyer]',
  'design.randomized': 'randomized direct mechanisms (a lottery over outcomes per reported profile) with free transfers',
} as const;

export type HypothesisId = keyof typeof HYPOTHESES;

/** The classics module's manifest. */
export const manifest: PaperManifest = {
  paper: 'classics',
  title:
    'Classics of mechanism design (Myerson-Satterthwaite, Green-Laffont, Myerson, Cremer-McLean) on discrete instances, with the automated-mechanism-design engine',
  references: Object.values(REFERENCES),
  hypotheses: HYPOTHESES,
};

/** The hypotheses' texts, each prefixed by its id: "[trade.overlap] overlapping supports ...". */
export function hypotheses(...ids: HypothesisId[]): string[] {
  return hypothesesById(manifest, ...ids);
}

/** What a relaxation drops, in words (its `drops` is the id). */
export function relaxes(id: HypothesisId): string {
  return hypothesesById(manifest, id)[0];
}

/** "Myerson and Satterthwaite (1983)" */
export function shortCitation(key: ReferenceKey): string {
  return shortCite(REFERENCES[key]);
}

/** The catalogue source of an entry: the module "classics", the reference (by key, for the bibliography) and the result. */
export function source(key: ReferenceKey, result: string): Source {
  return { seed: 'classics', reference: key, ref: `${shortCitation(key)}, "${REFERENCES[key].title}": ${result}` };
}
