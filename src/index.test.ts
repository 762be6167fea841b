/**
 * mechcheck as a user gets it: the packed tarball installed into a fresh
 * project, imported from plain Node ESM (no tsx) and from TypeScript
 * type-checked with moduleResolution NodeNext and strict, `npx mechcheck`
 * run from there, and the miniature user repository's tests
 * (fixtures/user-project) run against it.
 *
 * This is the one test that spawns processes (npm pack, npm install, node,
 * npx): it has to. Its timeouts are hang guards only; no verdict depends on
 * time. The tarball is built from a copy of the sources (so the repository's
 * own dist/ is not rebuilt under the other tests' feet), and installed with
 * --prefer-offline: its dependencies are in the npm cache after `npm ci`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli/runCli.ts';

const root = resolve(import.meta.dirname, '..');
const HANG_GUARD_MS = 20 * 60_000;
const work = mkdtempSync(join(tmpdir(), 'mechcheck-package-'));
const project = join(work, 'project');

function sh(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: HANG_GUARD_MS,
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')} in ${cwd}: ${r.error.message}`);
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r.stdout;
}

/** Every file under a folder with its size (to see that nothing was written there). */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${st.size}`);
    }
  };
  walk(dir);
  return out.sort();
}

let installed: string;

beforeAll(() => {
  // 1. the tarball, built by `npm pack` (prepare -> build) from a copy of the sources
  const copy = join(work, 'source');
  cpSync(root, copy, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|reports|\.git)$/.test(src) && !src.endsWith('.tgz') });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const packed = JSON.parse(ok(sh('npm', ['pack', '--json', '--pack-destination', work], copy), 'npm pack')) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  expect(files).toContain('dist/src/index.js');
  expect(files).toContain('dist/src/index.d.ts');
  expect(files).toContain('dist/src/cli/bin.js');
  // every input file's validator, generated at build time beside its schema (src/core/jsonSchema.ts)
  for (const v of [
    'check/mechanism',
    'design/design',
    'information/decomposition',
    'mechanisms/assignment/instance',
    'mechanisms/dynamic/environment',
    'mechanisms/personalizedPrices/spec',
  ]) {
    expect(files).toContain(`dist/src/${v}Validator.cjs`);
    expect(files).toContain(`dist/src/${v}.schema.json`);
  }
  expect(files).toContain('dist/properties/listing.json');
  expect(files).toContain('LICENSE');
  expect(files.filter((f) => /\.test\.|^src\/|src\/bench|user-project|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);

  // 2. a fresh project: the miniature user repository, depending on the tarball
  cpSync(join(root, 'fixtures', 'user-project'), project, { recursive: true, filter: (src) => !/[/\\]node_modules$/.test(src) });
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  manifest.devDependencies.mechcheck = `file:${tarball}`;
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  ok(sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], project), 'npm install');
  installed = join(project, 'node_modules', 'mechcheck');
  expect(existsSync(join(installed, 'dist', 'src', 'index.js'))).toBe(true);
}, HANG_GUARD_MS);

// the installed project weighs a few hundred MB: remove it (MECHCHECK_KEEP_PACKAGE_TEST=1 keeps it for a look)
afterAll(() => {
  if (!process.env.MECHCHECK_KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
});

describe('the installed package', { timeout: HANG_GUARD_MS }, () => {
  it('imports from plain Node ESM (no tsx): ".", "./arbitraries", and checks a mechanism written as code', () => {
    writeFileSync(
      join(project, 'plain.mjs'),
      `import { defineEnvironment, defineMechanism, checkMechanism, vcgMechanism, solveLP, JointPrior, parseMechanism } from 'mechcheck';
import { auctionEnvironmentArb, priorSpecArb } from 'mechcheck/arbitraries';
const env = defineEnvironment({ agents: ['Ann', 'Bob'], types: [[1, 2, 3], [1, 2, 3]], outcomes: ['Ann', 'Bob'],
  valuation: { private: (i, w, v) => (w === ['Ann', 'Bob'][i] ? v : 0) } });
const fp = defineMechanism(env, { name: 'first price', outcome: ([a, b]) => (a >= b ? 'Ann' : 'Bob'), transfers: ([a, b]) => (a >= b ? [-a, 0] : [0, -b]) });
const r = checkMechanism(env, fp, { require: ['dominantStrategyIC'] });
console.log(JSON.stringify({ ok: r.ok, why: r.results[0].explanation, vcg: typeof vcgMechanism, lp: typeof solveLP, prior: typeof JointPrior, parse: typeof parseMechanism, arbs: typeof auctionEnvironmentArb + typeof priorSpecArb }));
`,
    );
    const out = JSON.parse(ok(sh(process.execPath, ['plain.mjs'], project), 'node plain.mjs'));
    expect(out).toEqual({
      ok: false,
      why: 'Ann with type 3 gains 2 by reporting 1 when the reports are [3, 1]',
      vcg: 'function',
      lp: 'function',
      prior: 'function',
      parse: 'function',
      arbs: 'functionfunction',
    });
  });
  it('type-checks a strict NodeNext TypeScript project using ".", "./arbitraries" and "./vitest" (the miniature repository)', () => {
    writeFileSync(
      join(project, 'src', 'consumer.ts'),
      `import { defineEnvironment, defineMechanism, checkMechanism, lottery, type CheckReport, type ConceptName } from 'mechcheck';
import { finiteEnvironmentArb } from 'mechcheck/arbitraries';
import { expect } from 'vitest';
import 'mechcheck/vitest';
const env = defineEnvironment({ types: [['lo', 'hi'], ['lo', 'hi']], outcomes: ['keep', 'trade'], valuation: { private: (_i, o, t) => (o === 'trade' ? (t === 'hi' ? 2 : 1) : 0) } });
const m = defineMechanism(env, { outcome: ([a, b]) => (a === b ? 'keep' : lottery([['keep', '1/2'], ['trade', '1/2']])), transfers: () => [0, 0] });
const concepts: ConceptName[] = ['exPostIR'];
export const report: CheckReport = checkMechanism(env, m, { require: concepts });
export const arb = finiteEnvironmentArb({ agents: { min: 1, max: 2 } });
export const assertion = () => expect(m).toBeExPostIR();
`,
    );
    ok(sh('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'tsconfig.json'], project), 'tsc --noEmit (strict, NodeNext)');
  });
  it("runs `npx mechcheck check` from the project: TypeScript modules through the project's tsx, JSON from the package; writes nothing into the install folder", () => {
    const before = snapshot(installed);
    const good = sh(
      'npx',
      ['--no-install', 'mechcheck', 'check', 'mechanisms/reserve-auction.ts', 'mechanisms/myerson.ts', 'mechanisms/combinatorial-vcg.ts'],
      project,
    );
    expect(good.stderr).toBe('');
    expect(good.stdout.match(/all required properties hold/g)).toHaveLength(3);
    expect(good.status).toBe(0);
    const bad = sh(
      'npx',
      ['--no-install', 'mechcheck', 'check', join(installed, 'fixtures', 'mechanisms', 'first-price-auction.json')],
      project,
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/witness: Ann with type v=3 gains 2 by reporting v=1 when the reports are \[v=3, v=1\]/);
    const malformed = sh('npx', ['--no-install', 'mechcheck', 'check', '-'], project);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/^mechcheck check: error: \(standard input\): not valid JSON/);
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(installed)).toEqual(before);
  });
  it('`mechcheck verify` from the project writes its report under ./reports there, nothing into the install folder', () => {
    const before = snapshot(installed);
    const r = sh(
      'npx',
      ['--no-install', 'mechcheck', 'verify', '--only', 'foundation.auction.firstPrice.dsic.withoutSecondPricePayment'],
      project,
    );
    expect(r.status).toBe(0);
    // a subset of the catalogue may be reported apart from the full run (reports/partial/)
    const report = ['report.json', join('partial', 'report.json')].map((f) => join(project, 'reports', f)).find((f) => existsSync(f));
    expect(report).toBeDefined();
    expect(JSON.parse(readFileSync(report!, 'utf8')).summary.unexpected).toBe(0);
    expect(snapshot(installed)).toEqual(before);
  });
  it('`mechcheck list --json` from the stored listing equals the catalogue read from the sources', async () => {
    const listed = JSON.parse(ok(sh('npx', ['--no-install', 'mechcheck', 'list', '--json'], project), 'mechcheck list'));
    const fromSources = JSON.parse((await runCli(['list', '--json'], { cwd: root })).stdout);
    expect(listed).toEqual(fromSources);
  });
  it("runs the miniature repository's vitest properties against the installed package", () => {
    const r = sh('npx', ['--no-install', 'vitest', 'run'], project);
    if (r.status !== 0) throw new Error(`vitest in the user project exited ${r.status}\n${r.stdout}\n${r.stderr}`);
    expect(r.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(r.stdout).not.toMatch(/failed/);
  });
});
