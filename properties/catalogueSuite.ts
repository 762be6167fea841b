/**
 * The catalogue's tests for one paper (a test file per paper, so that vitest
 * runs the papers in parallel): every entry reaches its expected verdict;
 * every entry expected to hold has a mutant that the same check refutes (each
 * property can fail); every refuted entry's printed replay command, run
 * through the CLI in-process, reproduces the same counterexample.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue } from './index.ts';
import { runEntry, runMutant } from '../src/catalogue/runner.ts';
import type { Counterexample } from '../src/catalogue/types.ts';
import { runCli } from '../src/cli/runCli.ts';
import type { Report } from '../src/report/report.ts';

/** The paper an entry belongs to: its id up to the first dot ("seed002", "foundation"). */
export const paperOf = (id: string): string => id.slice(0, id.indexOf('.'));

/** Split a printed command (`npx mechcheck verify --only 'ID' --seed 7 --replay '3:0'`) into mechcheck's argv. */
export function commandArgv(command: string): string[] {
  const words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
  expect(words.slice(0, 2), command).toEqual(['npx', 'mechcheck']);
  return words.slice(2);
}

/** The part of a result that a replay must reproduce: the kind of counterexample and the instance. */
export function counterexampleKey(r: { outcome: string; counterexample?: Counterexample }): unknown {
  if (r.outcome !== 'refuted' || !r.counterexample) return null;
  const c = r.counterexample;
  return c.type === 'property' ? { type: c.type, input: c.input } : { type: c.type, failed: c.failedComparisons.map((x) => x.name) };
}

/** Define the catalogue tests of one paper. */
export function catalogueTests(paper: string): void {
  const entries = catalogue.filter((e) => paperOf(e.id) === paper);
  const cwd = mkdtempSync(join(tmpdir(), `mechcheck-${paper}-`));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  describe(`catalogue: ${paper}`, () => {
    it('has entries', () => expect(entries.length).toBeGreaterThan(0));

    for (const entry of entries) {
      describe(entry.id, () => {
        it(`reaches its expected verdict (${entry.expected})${entry.expected === 'refuted' ? ', and its replay command reproduces the counterexample' : ''}`, async () => {
          const r = await runEntry(entry);
          if (r.outcome !== entry.expected) console.error(JSON.stringify(r, null, 2).slice(0, 4000));
          expect(r.outcome).toBe(entry.expected);
          if (r.outcome !== 'refuted') return;
          if (r.counterexample.type === 'comparisons') {
            expect(r.counterexample.failedComparisons.length).toBeGreaterThan(0);
            return;
          }
          // the printed replay command, run through the CLI in-process (--jobs 1: in this thread,
          // not on a worker pool), reproduces the same counterexample
          expect(r.replay, 'a refuted property entry prints a replay command').toBeDefined();
          const run = await runCli([...commandArgv(r.replay!.command), '--jobs', '1', '--out', join(cwd, entry.id), '--json'], { cwd });
          expect(run.status, run.stderr).toBe(0);
          const replayed = (JSON.parse(run.stdout) as Report).results;
          expect(replayed.map((x) => x.id)).toEqual([entry.id]);
          expect(counterexampleKey(replayed[0])).toEqual(counterexampleKey(r));
        });

        if (entry.expected === 'holds') {
          it('has a mutant that its check refutes', async () => {
            expect(entry.mutant, `${entry.id} needs a mutant`).toBeDefined();
            const r = await runMutant(entry);
            expect(r?.outcome, entry.mutant?.description).toBe('refuted');
          });
        }
      });
    }
  });
}
