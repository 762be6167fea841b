/**
 * Loading a mechanism written as code: a JavaScript or TypeScript module that
 * exports `environment` and `mechanism` (from `defineEnvironment` and
 * `defineMechanism`, or any `Environment` and `DirectMechanism`), either as
 * named exports or as the properties of its default export, and optionally
 * `require` (the concepts that must hold) and `tolerance`.
 *
 * How a module is loaded:
 * - `.js`, `.mjs`, `.cjs`: by Node's own `import()`;
 * - `.ts`, `.mts`, `.cts`: by Node itself when it strips types
 *   (`process.features.typescript`, Node 22.18+ / 23.6+); otherwise through
 *   tsx's programmatic API (`tsx/esm/api`, `tsImport`), resolved from the
 *   module's folder and then from the working directory, i.e. tsx installed
 *   in the user's project (`npm install --save-dev tsx`). Without either, the
 *   module is refused with a message saying so (exit 2); mechcheck itself
 *   compiles no TypeScript at run time.
 *
 * Loading a module runs its code: check only modules you would run yourself.
 * An error thrown while loading it, or a bad value from one of its functions,
 * is an InputError naming the file (and the agent, profile and field).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { ConceptName } from '../concepts/result.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { asFiniteEnvironment } from '../api/environment.ts';
import { asFiniteMechanism, FiniteMechanism } from '../api/mechanism.ts';
import { parseConcepts } from './report.ts';
import type { LoadedMechanism } from './mechanismFile.ts';
import type { CheckLimits } from './limits.ts';
import { readNumber } from './literals.ts';

/** File extensions read as modules (everything else is read as JSON). */
export const MODULE_EXTENSIONS: readonly string[] = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const TYPESCRIPT = ['.ts', '.mts', '.cts'];

/** Whether `file` names a module rather than a JSON file. */
export function isModuleFile(file: string): boolean {
  return MODULE_EXTENSIONS.includes(extname(file).toLowerCase());
}

type Importer = (url: string) => Promise<Record<string, unknown>>;

/** The ES module of tsx's programmatic API (`tsx/esm/api`, its "import" condition) as seen from `from`, or null. */
function tsxApi(from: string): string | null {
  let manifest: string;
  try {
    manifest = createRequire(from).resolve('tsx/package.json');
  } catch {
    return null;
  }
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports?.['./esm/api'] as
    { import?: string | { default?: string } } | undefined;
  const target = typeof exports?.import === 'string' ? exports.import : exports?.import?.default;
  if (!target) return null;
  const file = join(dirname(manifest), target);
  return existsSync(file) ? file : null;
}

/** How a TypeScript module is imported here: Node's own type stripping, or tsx from the user's project, or null. */
function typeScriptImporter(path: string, cwd: string): Importer | null {
  if ((process.features as { typescript?: unknown }).typescript) return (url) => import(url);
  for (const from of [join(dirname(path), 'noop.js'), join(cwd, 'noop.js')]) {
    const api = tsxApi(from);
    if (!api) continue;
    return async (url) => {
      const { tsImport } = (await import(pathToFileURL(api).href)) as {
        tsImport: (specifier: string, parent: string) => Promise<Record<string, unknown>>;
      };
      return tsImport(url, import.meta.url);
    };
  }
  return null;
}

/** An error's name and message without a stack trace (at most a few lines). */
function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s+at /.test(l));
  const kept = lines.slice(0, 4).join(' / ');
  return kept.length > 600 ? kept.slice(0, 600) + '...' : kept;
}

function isEnvironment(x: unknown): x is Environment {
  const e = x as Environment;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.value === 'function' &&
    typeof e.outcomes === 'number' &&
    typeof e.prior === 'object' &&
    e.prior !== null &&
    typeof e.prior.profiles === 'object'
  );
}

function isMechanism(x: unknown): x is DirectMechanism {
  const m = x as DirectMechanism;
  return typeof m === 'object' && m !== null && typeof m.outcome === 'function' && typeof m.transfer === 'function';
}

/**
 * Import a mechanism module at the absolute `path` and validate its exports.
 * `file` is the name the user gave (for messages); `cwd` is where tsx is
 * looked for besides the module's folder.
 */
export async function loadMechanismModule(path: string, file: string, cwd: string, limits?: CheckLimits): Promise<LoadedMechanism> {
  if (!existsSync(path)) throw new InputError(file, 'cannot read: ENOENT (no such file)');
  if (statSync(path).isDirectory()) throw new InputError(file, 'is a directory, not a mechanism module');
  const url = pathToFileURL(path).href;
  let importer: Importer = (u) => import(u);
  if (TYPESCRIPT.includes(extname(path).toLowerCase())) {
    const ts = typeScriptImporter(path, cwd);
    if (!ts) {
      throw new InputError(
        file,
        `is a TypeScript module, and Node ${process.versions.node} cannot load TypeScript by itself: install tsx in your project (npm install --save-dev tsx), which mechcheck then uses to load it, or compile the module to JavaScript`,
      );
    }
    importer = ts;
  }
  let ns: Record<string, unknown>;
  try {
    ns = await importer(url);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(file, e.message);
    throw new InputError(file, `the module failed to load: ${describeError(e)}`);
  }
  const def = ns.default;
  const exp = (typeof def === 'object' && def !== null && 'mechanism' in def ? def : ns) as Record<string, unknown>;
  const mech = exp.mechanism;
  if (mech === undefined)
    throw new InputError(file, 'exports no `mechanism` (export const mechanism = defineMechanism(environment, { outcome, transfers }))');
  if (!isMechanism(mech))
    throw new InputError(
      `${file}: mechanism`,
      'is not a mechanism (expected the result of defineMechanism, or an object with outcome(k) and transfer(k))',
    );
  const envExport = exp.environment ?? (mech instanceof FiniteMechanism ? mech.environment : undefined);
  if (envExport === undefined)
    throw new InputError(file, 'exports no `environment` (export const environment = defineEnvironment({ ... }))');
  if (!isEnvironment(envExport))
    throw new InputError(`${file}: environment`, 'is not an environment (expected the result of defineEnvironment)');
  let require: ConceptName[] | undefined;
  if (exp.require !== undefined) {
    if (!Array.isArray(exp.require) || !exp.require.every((c) => typeof c === 'string'))
      throw new InputError(`${file}: require`, 'must be an array of concept names');
    require = parseConcepts(exp.require, `${file}: require`);
  }
  const tolerance =
    exp.tolerance === undefined ? undefined : readNumber(exp.tolerance, `${file}: tolerance`, { min: Number.MIN_VALUE, max: 1 });
  try {
    const env = asFiniteEnvironment(envExport, limits);
    const finite = asFiniteMechanism(env, mech);
    const name = finite.name ?? env.name ?? file;
    return {
      name,
      env,
      mech: finite,
      agentNames: env.agentNames,
      typeLabels: env.typeLabels,
      outcomeLabels: env.outcomeLabels,
      tolerance,
      require,
    };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(file, e.message);
    throw e;
  }
}
