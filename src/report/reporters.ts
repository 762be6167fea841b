/**
 * `--reporter NAME[=PATH]`, as vitest has it: several at once, each with an
 * optional output path (`-` for standard output).
 *
 * | reporter   | default destination          |
 * | ---------- | ---------------------------- |
 * | `default`  | the terminal (stdout/stderr) |
 * | `json`     | `<out>/report.json`          |
 * | `markdown` | `<out>/report.md`            |
 * | `html`     | `<out>/report.html`          |
 * | `junit`    | `<out>/junit.xml`            |
 * | `github`   | standard output              |
 *
 * Without `--reporter`: `default`, `json`, `markdown` and `html`. Files at
 * their default destination form the report *set* of `<out>` (or of
 * `<out>/partial/` for a partial run), with the figures under `figures/`: the
 * set is replaced as a whole (any of its files that this run did not produce
 * is removed). A file given a path of its own is written there, atomically.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { InputError } from '../core/errors.ts';
import { probeWritableDir, probeWritableFile, type OutputFile, type OutputSet, type SetFile } from './atomicWrite.ts';
import { reportGithub } from './github.ts';
import { reportHtml } from './html.ts';
import { reportJunit } from './junit.ts';
import { reportMarkdown } from './markdown.ts';
import type { ReportBundle } from './report.ts';
import { sourceLocations } from './sourceLocations.ts';
import { BIBLIOGRAPHY_FILE } from '../catalogue/bibliography.ts';
import { packageRoot } from '../catalogue/paths.ts';

export const REPORTERS = ['default', 'json', 'junit', 'github', 'markdown', 'html'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface ReporterSpec {
  name: ReporterName;
  /** as given: a path, `-` (standard output), or undefined (the default destination) */
  path?: string;
}

/** The default destination of each file reporter, inside the report set. */
export const SET_FILES: Partial<Record<ReporterName, string>> = {
  json: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
  junit: 'junit.xml',
};

/** Every top-level name a report set owns. */
export const SET_MANAGED = ['report.json', 'report.md', 'report.html', 'junit.xml', 'figures'] as const;

export const DEFAULT_REPORTERS: ReporterSpec[] = [{ name: 'default' }, { name: 'json' }, { name: 'markdown' }, { name: 'html' }];

/** Parse the `--reporter` values (undefined: the defaults). */
export function parseReporters(values: readonly string[] | undefined): ReporterSpec[] {
  if (!values || values.length === 0) return DEFAULT_REPORTERS.map((r) => ({ ...r }));
  const specs: ReporterSpec[] = [];
  for (const v of values) {
    const eq = v.indexOf('=');
    const name = (eq < 0 ? v : v.slice(0, eq)).trim();
    const path = eq < 0 ? undefined : v.slice(eq + 1);
    if (!(REPORTERS as readonly string[]).includes(name))
      throw new InputError('--reporter', `unknown reporter '${name}' (one of ${REPORTERS.join(', ')})`);
    if (path !== undefined && path.trim() === '') throw new InputError('--reporter', `${name}= needs a path (or - for standard output)`);
    if (name === 'default' && path !== undefined) throw new InputError('--reporter', 'default writes to the terminal and takes no path');
    specs.push({ name: name as ReporterName, path });
  }
  const seen = new Set<string>();
  for (const s of specs) {
    const key = `${s.name}=${s.path ?? ''}`;
    if (seen.has(key)) throw new InputError('--reporter', `${s.name}${s.path ? `=${s.path}` : ''} is given twice`);
    seen.add(key);
  }
  // a machine-readable document on standard output cannot share it (GitHub's annotations can: the runner picks out their lines)
  const exclusive = specs.filter((s) => s.path === '-' && s.name !== 'github');
  const shared = specs.filter((s) => s.name === 'default' || (s.name === 'github' && (s.path === undefined || s.path === '-')));
  if (exclusive.length > 1 || (exclusive.length === 1 && shared.length > 0)) {
    throw new InputError(
      '--reporter',
      `${exclusive[0].name}=- needs standard output to itself (also given: ${[...exclusive.slice(1), ...shared].map((s) => s.name).join(', ')})`,
    );
  }
  return specs;
}

/** Where each reporter writes, resolved. */
export interface OutputTargets {
  /** the report set's folder, when a reporter writes to its default destination */
  setDir: string | null;
  setReporters: ReporterName[];
  files: Array<{ name: ReporterName; file: string; label: string }>;
  stdout: ReporterName[];
  terminal: boolean;
}

/**
 * Resolve destinations (`outDir`: the report folder, already `<out>/partial`
 * for a partial run; `cwd`: where relative paths start). A path equal to a
 * set file's default destination counts as the default.
 */
export function resolveTargets(specs: readonly ReporterSpec[], outDir: string, cwd: string): OutputTargets {
  const t: OutputTargets = { setDir: null, setReporters: [], files: [], stdout: [], terminal: false };
  for (const s of specs) {
    if (s.name === 'default') t.terminal = true;
    else if (s.path === '-' || (s.name === 'github' && s.path === undefined)) t.stdout.push(s.name);
    else if (s.path === undefined || resolve(cwd, s.path) === join(outDir, SET_FILES[s.name] ?? '\0')) {
      t.setDir = outDir;
      t.setReporters.push(s.name);
    } else t.files.push({ name: s.name, file: resolve(cwd, s.path), label: `--reporter ${s.name}=${s.path}` });
  }
  const files = t.files.map((f) => f.file);
  const dup = files.find((f, k) => files.indexOf(f) !== k);
  if (dup) throw new InputError('--reporter', `two reporters write to ${dup}`);
  return t;
}

/** Check, before a long run, that every destination can be written (throws an OutputError naming the option). */
export function probeTargets(t: OutputTargets, outLabel: string): void {
  if (t.setDir) probeWritableDir(t.setDir, outLabel);
  for (const f of t.files) probeWritableFile(f.file, f.label);
}

/** What a report's reporters produce: the set's files, single files, standard output. */
export interface RenderedOutputs {
  sets: OutputSet[];
  files: OutputFile[];
  stdout: string;
  /** paths written, for the summary line */
  written: string[];
}

/** The path from a report written in `dir` to the package's properties/BIBLIOGRAPHY.md, or null when the package has no sources (an installed package). */
export function bibliographyPath(dir: string, root: string = packageRoot()): string | null {
  const file = join(root, BIBLIOGRAPHY_FILE);
  return existsSync(file) ? relative(dir, file).split('\\').join('/') : null;
}

function render(
  name: ReporterName,
  bundle: ReportBundle,
  figurePrefix: string | null,
  locations: () => ReadonlyMap<string, { file: string; line: number }>,
  bibliography: string | null = null,
): string {
  switch (name) {
    case 'json':
      return JSON.stringify(bundle.report, null, 2) + '\n';
    case 'markdown':
      return reportMarkdown(bundle.report, { figurePrefix, bibliography });
    case 'html':
      return reportHtml(bundle, { bibliography });
    case 'junit':
      return reportJunit(bundle.report, locations());
    case 'github':
      return reportGithub(bundle.report, locations());
    default:
      return '';
  }
}

/** Render every reporter's output for `bundle` (nothing is written here). */
export function renderOutputs(t: OutputTargets, bundle: ReportBundle, cwd: string): RenderedOutputs {
  let locs: Map<string, { file: string; line: number }> | undefined;
  const locations = () => (locs ??= sourceLocations(bundle.report.results.map((r) => r.id)));
  const out: RenderedOutputs = { sets: [], files: [], stdout: '', written: [] };
  const rel = (p: string) => {
    const r = relative(cwd, p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  if (t.setDir) {
    const files: SetFile[] = t.setReporters.map((name) => ({
      path: SET_FILES[name]!,
      content: render(name, bundle, '', locations, bibliographyPath(t.setDir!)),
    }));
    for (const [file, content] of bundle.figures) files.push({ path: file, content });
    out.sets.push({ dir: t.setDir, managed: SET_MANAGED, files });
    out.written.push(...t.setReporters.map((n) => rel(join(t.setDir!, SET_FILES[n]!))));
    if (bundle.figures.size)
      out.written.push(`${bundle.figures.size} figure${bundle.figures.size === 1 ? '' : 's'} in ${rel(join(t.setDir, 'figures'))}`);
  }
  for (const f of t.files) {
    const prefix = t.setDir ? relative(dirname(f.file), t.setDir).split('\\').join('/') : null;
    out.files.push({
      file: f.file,
      content: render(f.name, bundle, prefix === null ? null : prefix ? `${prefix}/` : '', locations, bibliographyPath(dirname(f.file))),
    });
    out.written.push(rel(f.file));
  }
  for (const name of t.stdout) out.stdout += render(name, bundle, null, locations);
  return out;
}
