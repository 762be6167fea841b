// `npm run build` (also run by `prepare`, so `npm ci` and `npm pack` build):
// a clean dist/, the TypeScript compiled by tsc (JavaScript + .d.ts, `.ts`
// import specifiers rewritten to `.js`), then the files tsc does not emit.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
await import('./copyAssets.mjs');
await import('./generateValidator.mjs');
await import('./catalogueListing.mjs');
