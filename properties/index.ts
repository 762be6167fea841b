/**
 * The catalogue: one source of truth for `npm test` and `mechcheck verify`.
 * Each registered paper module (properties/papers.ts) contributes its
 * manifest and its entries; ids are unique. Every entry's source is resolved
 * here to the reference it cites (`source.reference`, `source.citation`), so
 * that reports link each entry to properties/BIBLIOGRAPHY.md.
 */
import { citation, type Paper, type Reference } from '../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../src/catalogue/types.ts';
import * as registered from './papers.ts';

/**
 * The catalogue's order of the modules: the foundation first, then the seed
 * papers by number, then any other module by name (the registrations in
 * papers.ts are a module namespace, whose keys come sorted by name).
 */
export function paperOrder(a: string, b: string): number {
  const rank = (p: string) => (p === 'foundation' ? 0 : /^seed\d+$/.test(p) ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The registered paper modules, in catalogue order. */
export const papers: Paper[] = Object.entries(registered as Record<string, Paper>)
  .sort(([a], [b]) => paperOrder(a, b))
  .map(([, p]) => p);

/** Every reference of every manifest, by key. */
export const references: Map<string, Reference> = new Map(papers.flatMap((p) => p.manifest.references.map((r) => [r.key, r] as const)));

/** The reference an entry cites: its `source.reference`, else the reference read from its seed file, else its paper's own. */
function referenceOf(entry: CatalogueEntry, paper: Paper): Reference {
  const byKey = entry.source.reference !== undefined ? references.get(entry.source.reference) : undefined;
  if (entry.source.reference !== undefined && byKey === undefined)
    throw new Error(`${entry.id}: source.reference '${entry.source.reference}' is in no manifest`);
  const bySeed = [...references.values()].find((r) => r.seedFile === entry.source.seed);
  return byKey ?? bySeed ?? paper.manifest.references[0];
}

export const catalogue: CatalogueEntry[] = papers.flatMap((paper) =>
  paper.entries.map((e): CatalogueEntry => {
    const r = referenceOf(e, paper);
    return { ...e, source: { ...e.source, reference: r.key, citation: citation(r) } };
  }),
);
