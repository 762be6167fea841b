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

const all: Array<[string, Benchmark[]]> = [
  ['foundation', foundation],
  ['seed000', seed000],
  ['seed001', seed001],
  ['seed002', seed002],
  ['seed003', seed003],
  ['seed004', seed004],
  ['check', check],
  ['report', report],
];

function time(fn: () => unknown, repeat: number): number {
  const ts: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
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
    const ts = time(b.subject.fn, repeat);
    let line = `${name}\n  ${b.subject.label}: ${fmt(ts)}`;
    let tb: number | undefined;
    if (b.baseline) {
      tb = time(b.baseline.fn, Math.max(1, Math.min(repeat, 3)));
      line += `\n  baseline ${b.baseline.label}: ${fmt(tb)}\n  ratio baseline/subject: ${(tb / ts).toFixed(2)}x`;
    }
    if (b.check) {
      const c = b.check();
      if (!c.ok) missed++;
      line += `\n  measured: ${c.value}\n  goal ${b.goal ?? ''}: ${c.ok ? 'met' : 'NOT MET'}`;
    } else if (b.maxRatio !== undefined && tb !== undefined) {
      const ok = ts / tb <= b.maxRatio;
      if (!ok) missed++;
      line += `\n  subject/baseline: ${(ts / tb).toFixed(2)}\n  goal ${b.goal ?? `<= ${b.maxRatio}x`}: ${ok ? 'met' : 'NOT MET'}`;
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
