/**
 * Startup (issue 10, item 8): whole-process CPU time of the compiled CLI
 * against `node -e 0`, measured side by side (alternated) in fresh processes.
 * Goal: `mechcheck check fixtures/mechanisms/second-price-auction.json` within
 * 5x of `node -e 0`. `mechcheck list` is measured the same way.
 *
 * The CPU time is the child's own (process.cpuUsage at exit, all threads),
 * printed by the preloaded src/bench/cpuReport.mjs. This measures dist/: run
 * `npm run build` after changing the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const preload = join(root, 'src', 'bench', 'cpuReport.mjs');

/** CPU ms of one `node --import cpuReport.mjs ...args` process. */
function processCpu(args: string[]): number {
  if (!existsSync(bin)) throw new Error('startup benchmark: dist/ is missing; run npm run build first');
  const r = spawnSync(process.execPath, ['--import', preload, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const m = /cpu-ms ([\d.]+)\s*$/.exec(r.stderr ?? '');
  if (!m) throw new Error(`startup benchmark: no CPU time from ${args.join(' ')} (exit ${r.status}): ${r.stderr}`);
  return Number(m[1]);
}

const nodeAlone = { label: 'node -e 0 (CPU)', fn: () => processCpu(['-e', '0']) };

export const benchmarks: Benchmark[] = [
  {
    name: 'mechcheck check fixtures/mechanisms/second-price-auction.json, whole-process CPU',
    goal: 'within 5x of node -e 0',
    subject: {
      label: 'mechcheck check second-price-auction.json (CPU)',
      fn: () => processCpu([bin, 'check', 'fixtures/mechanisms/second-price-auction.json']),
    },
    baseline: nodeAlone,
    paired: true,
    selfMeasured: true,
    maxRatio: 5,
    repeat: 9,
  },
  {
    name: 'mechcheck list, whole-process CPU',
    goal: 'within 5x of node -e 0',
    subject: { label: 'mechcheck list (CPU)', fn: () => processCpu([bin, 'list']) },
    baseline: nodeAlone,
    paired: true,
    selfMeasured: true,
    maxRatio: 5,
    repeat: 9,
  },
];
