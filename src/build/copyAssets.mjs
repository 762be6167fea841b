// Part of `npm run build`: tsc compiles the TypeScript into dist/; this copies
// the files it does not emit (JSON Schemas, the javascript-lp-solver worker)
// to the same relative place under dist/.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const assets = /\.(json|mjs)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (assets.test(name) && !p.includes(`${join('src', 'build')}`)) cpSync(p, join(root, 'dist', relative(root, p)));
  }
}
walk(join(root, 'src'));
