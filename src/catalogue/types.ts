/**
 * The theorem catalogue: each entry is a named, cited property with its
 * hypotheses and the verdict it is expected to reach. The catalogue drives both
 * `npm test` (properties/catalogue.test.ts) and `mechcheck verify`.
 */
export type Verdict = 'holds' | 'refuted';
export type Outcome = Verdict | 'error';

export interface Source {
  /** seed file name, e.g. "001_e592948973ecc068.txt", or "foundation" */
  seed: string;
  /** the result, e.g. "Lemma C" */
  ref: string;
  /** the section, e.g. "7.1" */
  section?: string;
}

export type EntryKind =
  | 'theorem'
  | 'lemma'
  | 'proposition'
  | 'corollary'
  | 'claim'
  | 'remark'
  | 'example'
  | 'definition'
  | 'assumption'
  | 'bound'
  | 'figure'
  | 'table'
  | 'relaxation'
  | 'sanity';

export interface RunContext {
  /** the seed for this entry (derived from the run's base seed and the entry id) */
  seed: number;
  /** the run's base seed (what `verify --seed` takes); `seed` is derived from it and the entry id */
  baseSeed: number;
  /** number of random runs (an entry's default unless overridden by --runs) */
  runs: number;
  /** tolerance for the entry's comparisons (default DEFAULT_TOLERANCE) */
  tolerance: number;
  /** fast-check replay path, when replaying a counterexample */
  path?: string;
}

export type MetricValue = number | string | boolean | null;

export interface Artifact {
  /** file name relative to the report directory, e.g. "figures/seed002-figure1.svg" */
  file: string;
  content: string;
  description?: string;
}

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface EntryResult {
  outcome: Outcome;
  runs: number;
  /** the shrunk instance as plain JSON, or null */
  counterexample: unknown | null;
  /** e.g. { worstGain: 0.3 } or { worstRatioToBound: 0.97 } */
  metrics: Record<string, MetricValue>;
  /** how to replay the counterexample */
  replay?: { seed: number; baseSeed?: number; path?: string; command: string };
  notes?: string[];
  tables?: Table[];
  artifacts?: Artifact[];
  error?: string;
}

/** What every entry states about itself (shared by the entry builders and the report). */
export interface EntryMeta {
  /** stable id, e.g. "seed001.lemmaC" */
  id: string;
  title: string;
  source: Source;
  kind: EntryKind;
  /** the hypotheses under which the conclusion is checked (for a relaxation: those kept) */
  hypotheses: string[];
  /** the conclusion checked */
  conclusion: string;
  expected: Verdict;
  /** for relaxations: the hypothesis dropped */
  relaxes?: string;
}

export interface CatalogueEntry extends EntryMeta {
  /** default number of random runs */
  runs?: number;
  run(ctx: RunContext): Promise<EntryResult> | EntryResult;
  /**
   * A deliberately broken variant (a broken mechanism, a wrong constant) that
   * the same check must refute: shows the property can fail. Required for every
   * entry expected to hold.
   */
  mutant?: { description: string; run(ctx: RunContext): Promise<EntryResult> | EntryResult };
}
