/**
 * `mechcheck verify` replays and saved counterexamples, through the CLI in-process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';
import { packageCounterexampleDir } from './paths.ts';
import type { Report } from '../report/report.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mechcheck-replay-'));
  dirs.push(d);
  return d;
};

describe('verify --replay', () => {
  it('a replay that finds no counterexample is an error that says so (exit 1)', async () => {
    const cwd = temp();
    const r = await runCli(['verify', '--jobs', '1', '--only', 'foundation.vcg.dsic', '--seed', '3', '--replay', '5', '--json'], { cwd });
    expect(r.status).toBe(1);
    const res = (JSON.parse(r.stdout) as Report).results[0];
    expect(res.outcome).toBe('error');
    expect(res.outcome === 'error' && res.error).toMatch(/^did not reproduce: no counterexample at seed 3 \(entry seed \d+\), path '5'/);
    // the terminal reporter lists it again at the end, with the error
    const t = await runCli(
      ['verify', '--jobs', '1', '--only', 'foundation.vcg.dsic', '--seed', '3', '--replay', '5', '--reporter', 'default'],
      { cwd },
    );
    expect(t.status).toBe(1);
    expect(t.stdout).toMatch(/did not reproduce/);
  });

  it('an exact id selects that entry alone, although other ids extend it', async () => {
    const cwd = temp();
    const r = await runCli(['verify', '--jobs', '1', '--only', 'seed002.proposition3', '--runs', '5', '--json'], { cwd });
    expect((JSON.parse(r.stdout) as Report).results.map((x) => x.id)).toEqual(['seed002.proposition3']);
  });
});

describe('verify --save-counterexamples', () => {
  const id = 'seed003.example1.lowerPrices.withoutAdmissibility';

  it('writes a counterexample found by the search under the working directory, once', async () => {
    const cwd = temp();
    const first = await runCli(['verify', '--jobs', '1', '--only', id, '--save-counterexamples', '--json'], { cwd });
    expect(first.status).toBe(0);
    const file = join(cwd, 'fixtures', 'counterexamples', `${id}.json`);
    expect(first.stderr).toContain(`saved ${file}`);
    expect(existsSync(join(packageCounterexampleDir(), `${id}.json`)), 'never into the install folder').toBe(false);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const res = (JSON.parse(first.stdout) as Report).results[0];
    if (res.outcome !== 'refuted') throw new Error('expected refuted');
    expect(stored).toEqual({
      id,
      provenance: { kind: 'generated', baseSeed: 20261124, seed: res.seed, path: res.replay!.path },
      input: res.counterexample.type === 'property' ? res.counterexample.input : null,
    });
    const mtime = statSync(file).mtimeMs;

    // the next run replays it first (from the working directory) and leaves the file alone
    const second = await runCli(['verify', '--jobs', '1', '--only', id, '--save-counterexamples', '--json'], { cwd });
    expect(second.status).toBe(0);
    expect(second.stderr).not.toContain('saved');
    const again = (JSON.parse(second.stdout) as Report).results[0];
    expect(again.outcome === 'refuted' && again.counterexample.type === 'property' && again.counterexample.origin).toBe('stored');
    expect(again.evidence.replayed).toBe(1);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });
});
