/**
 * Locations inside the installed package (independent of the working
 * directory): the package root is the nearest folder above this module whose
 * package.json is mechcheck's, so the same code finds it from `src/` (tests,
 * tsx) and from the compiled `dist/src/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'mechcheck') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('mechcheck: cannot find the package root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The package's own fixtures (the papers' numbers, stored counterexamples). */
export const fixturesDir = (): string => resolve(packageRoot(), 'fixtures');

/** The package's own stored counterexamples (shipped with it, read only). */
export const packageCounterexampleDir = (): string => resolve(fixturesDir(), 'counterexamples');

/**
 * Where `verify --save-counterexamples` writes: under the user's working
 * directory, never the install folder (from a clone of the repository this is
 * the package's own fixtures/counterexamples).
 */
export const userCounterexampleDir = (cwd: string): string => resolve(cwd, 'fixtures', 'counterexamples');

/** The folders whose stored counterexamples are replayed: the package's, then the user's (when it is another folder). */
export function counterexampleDirs(cwd?: string): string[] {
  const dirs = [packageCounterexampleDir()];
  if (cwd !== undefined && !dirs.includes(userCounterexampleDir(cwd))) dirs.push(userCounterexampleDir(cwd));
  return dirs;
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
