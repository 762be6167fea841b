/**
 * `npm run bench [-- --only PATTERN]`: times each benchmark's subject and its
 * baseline in the same run, prints both, their ratio, and whether the goal is met.
 */
import { parseArgs } from 'node:util';
import type { Benchmark } from './types.ts';
import { benchmarks as foundation } from './foundation.ts';
import { benchmarks as seed000 } from './seed000.ts';
import { benchmarks as seed001 } from './seed001.ts';
import { benchmarks as seed002 } from './seed002.ts';
import { benchmarks as seed003 } from './seed003.ts';
import { benchmarks as seed004 } from './seed004.ts';
import { benchmarks as check } from './check.ts';
import { benchmarks as report } from './report.ts';
import { benchmarks as startup } from './startup.ts';
import { benchmarks as design } from './design.ts';

const all: Array<[string, Benchmark[]]> = [
  ['foundation', foundation],
  ['seed000', seed000],
  ['seed001', seed001],
  ['seed002', seed002],
  ['seed003', seed003],
  ['seed004', seed004],
  ['check', check],
  ['report', report],
  ['startup', startup],
  ['design', design],
];

/** One measurement in ms: the wall time of fn, or what fn returns when it measures itself. */
function sample(fn: () => unknown, selfMeasured = false): number {
  const t0 = performance.now();
  const r = fn();
  return selfMeasured ? (r as number) : performance.now() - t0;
}

function median(ts: number[]): number {
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

function time(fn: () => unknown, repeat: number, selfMeasured = false): number {
  const ts: number[] = [];
  for (let k = 0; k < repeat; k++) ts.push(sample(fn, selfMeasured));
  return median(ts);
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
let missed = 0;
for (const [group, list] of all) {
  for (const b of list) {
    const name = `${group}: ${b.name}`;
    if (values.only && !name.includes(values.only)) continue;
    if (b.custom) {
      const r = b.custom();
      if (!r.met) missed++;
      console.log(`${name}\n${r.lines.join('\n')}\n`);
      continue;
    }
    const repeat = b.repeat ?? 3;
    b.subject.fn(); // warm-up
    let ts: number;
    let tb: number | undefined;
    if (b.paired && b.baseline) {
      // alternate, so that both see the same load on a shared machine
      b.baseline.fn();
      const ss: number[] = [];
      const bs: number[] = [];
      for (let k = 0; k < repeat; k++) {
        bs.push(sample(b.baseline.fn, b.selfMeasured));
        ss.push(sample(b.subject.fn, b.selfMeasured));
      }
      ts = median(ss);
      tb = median(bs);
    } else {
      ts = time(b.subject.fn, repeat, b.selfMeasured);
      if (b.baseline) tb = time(b.baseline.fn, Math.max(1, Math.min(repeat, 3)), b.selfMeasured);
    }
    let line = `${name}\n  ${b.subject.label}: ${fmt(ts)}`;
    if (b.baseline && tb !== undefined) {
      line += `\n  baseline ${b.baseline.label}: ${fmt(tb)}\n  ratio baseline/subject: ${(tb / ts).toFixed(2)}x`;
    }
    if (b.check) {
      const c = b.check();
      if (!c.ok) missed++;
      line += `\n  measured: ${c.value}\n  goal ${b.goal ?? ''}: ${c.ok ? 'met' : 'NOT MET'}`;
    } else if (b.maxRatio !== undefined && tb !== undefined) {
      const ok = ts <= b.maxRatio * tb;
      if (!ok) missed++;
      line += `\n  goal ${b.goal ?? `subject <= ${b.maxRatio}x baseline`} (subject/baseline ${(ts / tb).toFixed(2)}x): ${ok ? 'met' : 'NOT MET'}`;
    } else if (b.limitMs !== undefined) {
      const ok = ts <= b.limitMs;
      if (!ok) missed++;
      line += `\n  goal ${b.goal ?? `<= ${b.limitMs} ms`}: ${ok ? 'met' : 'NOT MET'}`;
    } else if (b.goal) line += `\n  goal: ${b.goal}`;
    console.log(line + '\n');
  }
}
console.log(missed === 0 ? 'all benchmark goals met' : `${missed} benchmark goal(s) not met`);
process.exitCode = missed === 0 ? 0 : 1;
