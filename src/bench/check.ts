/**
 * `check` against a vectorized numpy check and against the reference
 * implementation (issue 16): private-values VCG with an independent uniform
 * prior at 1e5 and 1e6 profiles (316 x 316, 100 x 100 x 100, 10^6 = six agents
 * with ten types), files generated into a temporary folder at bench time.
 *
 * Measured as CPU time (user + system), paired and alternated:
 * - whole process: `node dist/src/cli/bin.js check FILE` (the compiled CLI; run
 *   `npm run build` first) against `python3 src/bench/numpy_check.py FILE`,
 *   both under /usr/bin/time; goal: mechcheck at or below numpy on every shape;
 * - the engine alone: `checkAll` on the parsed file, in this process, against
 *   numpy's checking part (its own process_time without loading) and against
 *   the reference implementation (src/concepts/reference.ts, one run);
 * - and the two programs' results compared (worst values and cases).
 * Skipped with a message when python3 with numpy or /usr/bin/time is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMechanism } from '../check/mechanismFile.ts';
import { ALL_CONCEPTS } from '../concepts/checkAll.ts';
import { Evaluation } from '../concepts/evaluation.ts';
import { referenceCheckAll } from '../concepts/reference.ts';
import type { ConceptResult } from '../concepts/result.ts';
import { writeVcgFile } from './checkFiles.ts';
import type { Benchmark } from './types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const numpyScript = join(root, 'src', 'bench', 'numpy_check.py');
const TIME = '/usr/bin/time';
const REPEAT = 3;

interface ProcessRun {
  cpu: number;
  maxRssMB: number;
  stdout: string;
}

/** CPU seconds (user + system) and peak RSS of a whole process, from /usr/bin/time. */
function timed(cmd: string, args: string[]): ProcessRun {
  const r = spawnSync(TIME, ['-f', 'CPU %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const line = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  const m = /^CPU ([\d.]+) ([\d.]+) (\d+)$/.exec(line);
  if (!m) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  return { cpu: Number(m[1]) + Number(m[2]), maxRssMB: Number(m[3]) / 1024, stdout: r.stdout };
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (x: number) => `${x.toFixed(2)} s`;

let numpyChecked: string | null | undefined;
/** null when python3 with numpy and /usr/bin/time are there, else why not. */
function numpyMissing(): string | null {
  if (numpyChecked !== undefined) return numpyChecked;
  if (!existsSync(TIME)) return (numpyChecked = `${TIME} is absent`);
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  numpyChecked = r.status === 0 ? null : 'python3 with numpy is absent';
  return numpyChecked;
}

function agree(ours: ConceptResult[], theirs: Record<string, { worst: number; cases: number }>): string[] {
  const bad: string[] = [];
  for (const r of ours) {
    const t = theirs[r.concept];
    if (!t || t.cases !== r.cases || Math.abs(t.worst - r.worst) > 1e-9 * Math.max(1, Math.abs(r.worst)))
      bad.push(`${r.concept} (mechcheck ${r.worst}/${r.cases} cases, numpy ${t?.worst}/${t?.cases})`);
  }
  return bad;
}

/**
 * One shape. The reference implementation runs once per shape, except where
 * `reference: false` (100 x 100 x 100: about 100 s of CPU; set
 * MECHCHECK_BENCH_REFERENCE=all to run it there too).
 */
function checkBenchmark(counts: number[], opts: { reference?: boolean } = {}): Benchmark {
  const label = counts.length > 3 ? `10^${counts.length}` : counts.join(' x ');
  return {
    name: `check, private-values VCG, ${label} (${counts.reduce((a, b) => a * b, 1).toExponential(0)} profiles): whole-process CPU vs numpy`,
    goal: 'mechcheck check at or below numpy CPU time',
    subject: { label: 'mechcheck check', fn: () => undefined },
    custom: () => {
      const lines: string[] = [];
      const dir = mkdtempSync(join(tmpdir(), 'mechcheck-bench-'));
      try {
        const file = join(dir, 'vcg.json');
        writeVcgFile(file, counts);
        // the engine alone, in this process
        const m = parseMechanism(JSON.parse(readFileSync(file, 'utf8')));
        const engine: number[] = [];
        let ours: ConceptResult[] = [];
        for (let k = 0; k < REPEAT; k++) {
          const t0 = cpuSeconds();
          ours = new Evaluation(m.env, m.mech, {}, ALL_CONCEPTS).results(ALL_CONCEPTS);
          engine.push(cpuSeconds() - t0);
        }
        let same = true;
        if (opts.reference !== false || process.env.MECHCHECK_BENCH_REFERENCE === 'all') {
          const t0 = cpuSeconds();
          const ref = referenceCheckAll(m.env, m.mech, {}, ALL_CONCEPTS);
          const reference = cpuSeconds() - t0;
          same = JSON.stringify(ref) === JSON.stringify(ours);
          lines.push(
            `  engine alone (checkAll, median of ${REPEAT}): ${s(median(engine))} CPU; reference implementation: ${s(reference)} CPU (ratio reference/engine ${(reference / median(engine)).toFixed(1)}x; results ${same ? 'identical' : 'DIFFER'})`,
          );
        } else
          lines.push(
            `  engine alone (checkAll, median of ${REPEAT}): ${s(median(engine))} CPU; reference implementation skipped here (about 100 s; MECHCHECK_BENCH_REFERENCE=all runs it)`,
          );
        const missing = numpyMissing();
        if (!existsSync(bin)) {
          lines.push(`  whole process: skipped, ${bin} is missing (run npm run build)`);
          return { lines, met: same };
        }
        if (missing) {
          const mc = timed(process.execPath, [bin, 'check', file]);
          lines.push(`  whole process: mechcheck check ${s(mc.cpu)} CPU, ${mc.maxRssMB.toFixed(0)} MB; numpy baseline skipped: ${missing}`);
          return { lines, met: same };
        }
        // whole processes, paired and alternated
        const mcRuns: ProcessRun[] = [];
        const npRuns: ProcessRun[] = [];
        for (let k = 0; k < REPEAT; k++) {
          mcRuns.push(timed(process.execPath, [bin, 'check', file, '--json']));
          npRuns.push(timed('python3', [numpyScript, file]));
        }
        const mc = median(mcRuns.map((r) => r.cpu));
        const np = median(npRuns.map((r) => r.cpu));
        const npOut = JSON.parse(npRuns[0].stdout) as {
          loadCpu: number;
          checkCpu: number;
          results: Record<string, { worst: number; cases: number }>;
        };
        const npCheck = median(npRuns.map((r) => (JSON.parse(r.stdout) as { checkCpu: number }).checkCpu));
        const mcOut = JSON.parse(mcRuns[0].stdout) as { results: ConceptResult[] };
        const diff = agree(mcOut.results, npOut.results);
        lines.push(
          `  whole process (median of ${REPEAT}, alternated): mechcheck check ${s(mc)} CPU (${Math.max(...mcRuns.map((r) => r.maxRssMB)).toFixed(0)} MB), numpy ${s(np)} CPU (${Math.max(...npRuns.map((r) => r.maxRssMB)).toFixed(0)} MB)`,
        );
        lines.push(
          `  ratio mechcheck/numpy, whole process: ${(mc / np).toFixed(2)}x; engine alone vs numpy's check without loading (${s(npCheck)}): ${(median(engine) / npCheck).toFixed(2)}x`,
        );
        lines.push(
          `  results: ${diff.length === 0 ? 'mechcheck and numpy agree on every concept (worst value and cases)' : `DIFFER: ${diff.join('; ')}`}`,
        );
        const met = mc <= np && diff.length === 0 && same;
        lines.push(`  goal ${'mechcheck check at or below numpy CPU time'}: ${met ? 'met' : 'NOT MET'}`);
        return { lines, met };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** 1e7 profiles (10 agents x 5 types, 2 outcomes) checked within 2 GB: peak RSS of its own process. */
const memoryBenchmark: Benchmark = {
  name: 'check, 1e7 profiles (10 agents x 5 types, 2 outcomes, mechanism as functions): peak memory',
  goal: 'checked within 2 GB (peak RSS of the whole process)',
  subject: { label: 'checkAll', fn: () => undefined },
  custom: () => {
    if (!existsSync(TIME)) return { lines: [`  skipped: ${TIME} is absent`], met: true };
    const r = timed(process.execPath, ['--import', 'tsx', join(root, 'src', 'bench', 'checkMemory.ts')]);
    const out = JSON.parse(r.stdout) as { profiles: number; checkCpu: number };
    const met = r.maxRssMB <= 2048;
    return {
      lines: [
        `  ${out.profiles} profiles: peak RSS ${r.maxRssMB.toFixed(0)} MB, whole process ${s(r.cpu)} CPU (checkAll ${s(out.checkCpu)})`,
        `  goal checked within 2 GB: ${met ? 'met' : 'NOT MET'}`,
      ],
      met,
    };
  },
};

export const benchmarks: Benchmark[] = [
  checkBenchmark([316, 316]),
  checkBenchmark([100, 100, 100], { reference: false }),
  checkBenchmark([10, 10, 10, 10, 10, 10]),
  memoryBenchmark,
];
