/** The worker pool: killable entries (--timeout), stopping early (--bail), and results identical to in-process ones. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inProcessExecutor, workerExecutor } from './pool.ts';
import type { ResultRecord } from './runner.ts';

const fixture = pathToFileURL(resolve(import.meta.dirname, '..', '..', 'fixtures', 'catalogues', 'stoppable.ts')).href;
const QUICK = 0;
const UNEXPECTED = 1;
const FOREVER = 2;
const QUICK2 = 3;

async function collect(executor: ReturnType<typeof workerExecutor>, positions: number[], stopOnUnexpected = false) {
  const got = new Map<number, ResultRecord>();
  let stop = false;
  try {
    await executor.run(
      positions,
      { seed: 5 },
      { onResult: (p, r) => (got.set(p, r), (stop ||= stopOnUnexpected && !r.asExpected)) },
      () => stop,
    );
  } finally {
    await executor.close();
  }
  return got;
}

describe('worker pool', () => {
  it('stops an entry over its time budget (an error naming --timeout) and goes on with the others on a new worker', async () => {
    // the budget only ever stops the entry that never returns; the others take microseconds
    const got = await collect(workerExecutor(1, { catalogueUrl: fixture, timeoutMs: 5_000 }), [QUICK, FOREVER, QUICK2]);
    expect(got.get(FOREVER)).toMatchObject({ id: 'test.forever', outcome: 'error', asExpected: false });
    expect((got.get(FOREVER) as { error: string }).error).toMatch(/timed out: still running after the time budget of 5 s \(--timeout\)/);
    expect(got.get(QUICK)).toMatchObject({ outcome: 'holds', metrics: { value: 1 } });
    expect(got.get(QUICK2)).toMatchObject({ outcome: 'holds', metrics: { value: 2 } });
  });

  it('stops dispatching at the first unexpected result (--bail)', async () => {
    const got = await collect(inProcessExecutor(fixture), [QUICK, UNEXPECTED, QUICK2], true);
    expect([...got.keys()]).toEqual([QUICK, UNEXPECTED]);
    const pooled = await collect(workerExecutor(1, { catalogueUrl: fixture }), [QUICK, UNEXPECTED, QUICK2], true);
    expect([...pooled.keys()]).toEqual([QUICK, UNEXPECTED]);
  });

  it('gives the same records as a run in this process (timing aside)', async () => {
    const a = await collect(workerExecutor(2, { catalogueUrl: fixture }), [QUICK, UNEXPECTED, QUICK2]);
    const b = await collect(inProcessExecutor(fixture), [QUICK, UNEXPECTED, QUICK2]);
    const strip = (m: Map<number, ResultRecord>) => [...m].sort((x, y) => x[0] - y[0]).map(([p, r]) => [p, { ...r, durationMs: 0 }]);
    expect(strip(a)).toEqual(strip(b));
  });

  it('a catalogue that cannot be loaded is an error, not a hang', async () => {
    const executor = workerExecutor(2, { catalogueUrl: pathToFileURL('/nonexistent/catalogue.js').href });
    await expect(executor.entries()).rejects.toThrow(/could not load the catalogue/);
    await executor.close();
  });
});
