/**
 * The contract of a paper module: `properties/<paper>/manifest.ts` states the
 * full references the module was read from, the hypotheses its entries name by
 * id, and (in `properties/<paper>/index.ts`) its entries. The id grammar of
 * every catalogue entry is defined here too (README, "Entry ids").
 */
import type { CatalogueEntry, EntryMeta } from './types.ts';

/** A full bibliographic reference. */
export interface Reference {
  /** the key the bibliography is anchored by: the paper module's name for a seed ("seed001"), author-year otherwise ("MS83") */
  key: string;
  /** the authors, as printed; empty when the source does not state them (then `authorsNote` says so) */
  authors: readonly string[];
  /** why `authors` is empty, e.g. "authors not stated in the seed text" */
  authorsNote?: string;
  title: string;
  year: number;
  /** the journal (volume, pages) or proceedings; "working paper, <series and number>"; "slides" */
  venue: string;
  /** a public address where the document can be found */
  url?: string;
  /**
   * the seed file the module was read from: a file of the project's seed folder
   * (`/work/shared/seeds/`, OCR'd text with its own README), not in the
   * repository; the reference above is what a reader can find
   */
  seedFile?: string;
  /** anything a reader needs to know about the reference (a second version, what the seed text lacks) */
  note?: string;
}

/** The folder where the seed files named by `Reference.seedFile` live (outside the repository). */
export const SEED_FOLDER = '/work/shared/seeds/';

/** What a paper module states about itself: `properties/<paper>/manifest.ts`. */
export interface PaperManifest {
  /** the module's folder under properties/ and the first segment of every id ("seed001") */
  paper: string;
  /** one line: what the module checks */
  title: string;
  /** the references the entries cite; the first is the module's own source (the paper it was read from) */
  references: readonly Reference[];
  /** the hypotheses the entries name, by id (an entry's `hypotheses` item "[id] text", a relaxation's `drops`) */
  hypotheses: Readonly<Record<string, string>>;
}

/** A registered paper module: its manifest and its entries. */
export interface Paper {
  manifest: PaperManifest;
  entries: readonly CatalogueEntry[];
}

const surname = (a: string) => a.split(' ').slice(-1)[0];

/** "Myerson and Satterthwaite (1983)"; for unstated authors, the title's first words. */
export function shortCitation(r: Reference): string {
  const a = r.authors;
  const names =
    a.length === 0
      ? `"${r.title.split(' ').slice(0, 4).join(' ')} ..."`
      : a.length === 1
        ? surname(a[0])
        : a.length === 2
          ? `${surname(a[0])} and ${surname(a[1])}`
          : `${surname(a[0])} et al.`;
  return `${names} (${r.year})`;
}

/** 'Roger B. Myerson and Mark A. Satterthwaite (1983), "Efficient mechanisms for bilateral trading", Journal of Economic Theory 29(2), 265-281' */
export function citation(r: Reference): string {
  const a = r.authors;
  const names = a.length === 0 ? `(${r.authorsNote ?? 'authors not stated'})` : a.length === 2 ? `${a[0]} and ${a[1]}` : a.join(', ');
  return `${names} (${r.year}), "${r.title}", ${r.venue}`;
}

/** The anchor of a reference in properties/BIBLIOGRAPHY.md (GitHub's heading anchors: the key in lower case). */
export function referenceAnchor(key: string): string {
  return key.toLowerCase();
}

/** Hypotheses named by id, as an entry lists them: "[trade.overlap] overlapping supports ...". */
export function hypothesesById(manifest: Pick<PaperManifest, 'hypotheses'>, ...ids: string[]): string[] {
  return ids.map((id) => {
    const text = manifest.hypotheses[id];
    if (text === undefined) throw new Error(`no hypothesis '${id}' in the manifest`);
    return `[${id}] ${text}`;
  });
}

/** The hypothesis ids an entry names: the "[id]" prefixes of its hypotheses. */
export function namedHypotheses(hypotheses: readonly string[]): string[] {
  return hypotheses.flatMap((h) => /^\[([A-Za-z0-9.]+)\] /.exec(h)?.[1] ?? []);
}

/**
 * What is wrong with how an entry states its hypotheses and its search scope
 * (empty when nothing is): every hypothesis is "[id] text" with the id declared
 * in the paper's manifest and some text after it; a scope item (the instances
 * searched: sizes, grids, ranges) is not a hypothesis: not "[id] ...", not the
 * text of a hypothesis of the entry or of the manifest.
 */
export function hypothesisProblems(e: Pick<EntryMeta, 'hypotheses' | 'scope'>, manifest: Pick<PaperManifest, 'hypotheses'>): string[] {
  const problems: string[] = [];
  const declared = new Set(Object.keys(manifest.hypotheses));
  for (const h of e.hypotheses) {
    const m = /^\[([A-Za-z0-9.]+)\] (\S.*)$/s.exec(h);
    if (m === null) problems.push(`hypothesis '${h}' is not "[id] text"`);
    else if (!declared.has(m[1])) problems.push(`hypothesis '${h}' names '${m[1]}', not a hypothesis of the manifest`);
  }
  const hypothesisTexts = new Set(
    [...e.hypotheses.map((h) => h.replace(/^\[[A-Za-z0-9.]+\] /, '')), ...Object.values(manifest.hypotheses)].map((t) =>
      t.trim().toLowerCase(),
    ),
  );
  for (const s of e.scope ?? []) {
    if (/^\[[A-Za-z0-9.]+\]/.test(s)) problems.push(`scope item '${s}' names a hypothesis: it belongs in hypotheses`);
    else if (hypothesisTexts.has(s.trim().toLowerCase())) problems.push(`scope item '${s}' is the text of a hypothesis`);
    if (s.trim().length === 0) problems.push('scope item is empty');
  }
  return problems;
}

/**
 * The variants an id may end with (README, "Entry ids"):
 * - `asStated`: the statement as the paper prints it (an erratum, when refuted);
 * - `asProved`: the statement with what the paper's proof establishes (a constant, a range);
 * - `corrected`: mechcheck's corrected statement, where the plain id would mislead;
 * - `without<Hypothesis>`: a relaxation, dropping the hypothesis of that id (its last segment, capitalised).
 */
export const VARIANTS = ['asStated', 'asProved', 'corrected'] as const;

/** The relaxation variant of a hypothesis id: "trade.interimIR" -> "withoutInterimIR". */
export function withoutVariant(hypothesisId: string): string {
  const last = hypothesisId.slice(hypothesisId.lastIndexOf('.') + 1);
  return `without${last[0].toUpperCase()}${last.slice(1)}`;
}

const SEGMENT = /^[a-z][A-Za-z0-9]*$/;
/** words of variants spelt outside the vocabulary (the four grammars the catalogue had) */
const STRAY_VARIANT = /stated|printed|corrected|relax|proofConstant/i;

/**
 * What is wrong with an entry's id under the grammar `<paper>.<result>[.<part>...][.<variant>]`
 * (empty when nothing is): the paper is the entry's module, each segment is
 * camelCase, a variant is the last segment, an erratum ends with `asStated`, a
 * relaxation ends with `without<X>` for the hypothesis `X` it drops.
 */
export function idProblems(e: Pick<EntryMeta, 'id' | 'kind' | 'refutation' | 'drops'>, paper: string): string[] {
  const problems: string[] = [];
  const segments = e.id.split('.');
  if (segments[0] !== paper) problems.push(`starts with '${segments[0]}', not its paper '${paper}'`);
  if (segments.length < 2) problems.push('has no result after the paper');
  const rest = segments.slice(1);
  rest.forEach((s, k) => {
    if (!SEGMENT.test(s)) problems.push(`segment '${s}' is not camelCase ([a-z][A-Za-z0-9]*)`);
    const isVariant = (VARIANTS as readonly string[]).includes(s) || /^without[A-Z]/.test(s);
    if (isVariant && k !== rest.length - 1) problems.push(`variant '${s}' is not the last segment`);
    if (!isVariant && STRAY_VARIANT.test(s))
      problems.push(`segment '${s}' spells a variant outside the vocabulary (${VARIANTS.join(', ')}, without<Hypothesis>)`);
  });
  const last = segments[segments.length - 1];
  if (e.refutation === 'erratum' && last !== 'asStated') problems.push("is an erratum but does not end with '.asStated'");
  const relaxation = e.kind === 'relaxation' || e.refutation === 'relaxation';
  if (relaxation && e.drops === undefined) problems.push('is a relaxation but names no hypothesis it drops (drops)');
  if (e.drops !== undefined && last !== withoutVariant(e.drops))
    problems.push(`drops '${e.drops}' but does not end with '.${withoutVariant(e.drops)}'`);
  if (/^without[A-Z]/.test(last) && e.drops === undefined) problems.push(`ends with '${last}' but drops no hypothesis`);
  return problems;
}

/** The name an entry's seed is derived from: its first id (the oldest alias), so that renaming an entry never changes what it generates. */
export function seedName(e: Pick<EntryMeta, 'id' | 'aliases'>): string {
  return e.aliases?.[0] ?? e.id;
}
