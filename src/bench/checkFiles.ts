/**
 * Mechanism files for the `check` benchmark (src/bench/check.ts): VCG for one
 * object with private values and an independent uniform prior, written in the
 * format of src/check/mechanism.schema.json.
 */
import { writeFileSync } from 'node:fs';
import { ProfileSpace } from '../core/profiles.ts';

/** A deterministic pseudo-random value v_i(t_i) in 1..100 (an integer LCG, no clock). */
function valueOf(i: number, t: number): number {
  let s = (i * 7919 + t * 104729 + 12345) >>> 0;
  s = (Math.imul(s, 1103515245) + 12345) >>> 0;
  return 1 + (s % 100);
}

/**
 * VCG (here the second-price auction: the highest value wins, ties to the lowest
 * index, and pays the second-highest value) for `counts[i]` types per agent; the
 * outcome is the winner. Returns the number of profiles.
 */
export function writeVcgFile(path: string, counts: readonly number[]): number {
  const space = new ProfileSpace(counts);
  const n = counts.length;
  const v = counts.map((T, i) => Array.from({ length: T }, (_, t) => valueOf(i, t)));
  const outcome = new Array<number>(space.size);
  const transfers = new Array<string>(space.size);
  const d = new Array<number>(n).fill(0);
  for (let k = 0; k < space.size; k++) {
    if (k > 0)
      for (let j = n - 1; j >= 0; j--)
        if (++d[j] < counts[j]) break;
        else d[j] = 0;
    let w = 0;
    for (let i = 1; i < n; i++) if (v[i][d[i]] > v[w][d[w]]) w = i;
    let second = 0;
    for (let i = 0; i < n; i++) if (i !== w) second = Math.max(second, v[i][d[i]]);
    outcome[k] = w;
    const x = new Array<number>(n).fill(0);
    x[w] = -second;
    transfers[k] = `[${x.join(',')}]`;
  }
  const head = {
    name: `VCG, ${counts.join(' x ')} types`,
    agents: n,
    types: counts,
    prior: { independent: counts.map((T) => Array.from({ length: T }, () => 1 / T)) },
    outcomes: n,
    valuations: { private: v.map((vi, i) => vi.map((x) => Array.from({ length: n }, (_, c) => (c === i ? x : 0)))) },
  };
  const text = JSON.stringify(head).slice(0, -1) + `,"outcome":[${outcome.join(',')}],"transfers":[${transfers.join(',')}]}`;
  writeFileSync(path, text);
  return space.size;
}
