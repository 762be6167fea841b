/**
 * Where each catalogue entry is defined (file and line), for GitHub
 * annotations and JUnit failures.
 *
 * No stack traces and no change to the entry builders: the sources under
 * `properties/<paper>/` are read and each id's string literal (`'seed001.lemmaA'`
 * or `"..."`) located; an id built at run time (no literal) falls back to the
 * first line of its paper's `properties/<paper>/index.ts`, which lists the
 * paper's entries. Paths are relative to the package root, as GitHub expects
 * (`properties/seed001/lemmas.ts`). When the sources are not there (an
 * installed package ships compiled code only), entries have no location.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from '../catalogue/paths.ts';
import { paperOf } from './report.ts';

export interface SourceLocation {
  /** relative to the package root, with forward slashes */
  file: string;
  /** 1-based */
  line: number;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The locations of `ids` found in the sources under `root/properties` (default: the package root). */
export function sourceLocations(ids: readonly string[], root: string = packageRoot()): Map<string, SourceLocation> {
  const found = new Map<string, SourceLocation>();
  const dir = join(root, 'properties');
  if (!existsSync(dir)) return found;
  const files = walk(dir, []).sort();
  const texts = files.map((f) => ({ file: relative(root, f).split(sep).join('/'), lines: readFileSync(f, 'utf8').split('\n') }));
  for (const id of ids) {
    const literals = [`'${id}'`, `"${id}"`, `\`${id}\``];
    // prefer the paper's own folder, then anywhere
    const paperDir = `properties/${paperOf(id)}/`;
    const order = [...texts.filter((t) => t.file.startsWith(paperDir)), ...texts.filter((t) => !t.file.startsWith(paperDir))];
    let loc: SourceLocation | undefined;
    for (const t of order) {
      const i = t.lines.findIndex((l) => literals.some((lit) => l.includes(lit)));
      if (i >= 0) {
        loc = { file: t.file, line: i + 1 };
        break;
      }
    }
    if (!loc) {
      const index = texts.find((t) => t.file === `${paperDir}index.ts`);
      if (index) loc = { file: index.file, line: 1 };
    }
    if (loc) found.set(id, loc);
  }
  return found;
}
