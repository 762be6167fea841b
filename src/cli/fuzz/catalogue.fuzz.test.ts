/**
 * Fuzz the catalogue commands `mechcheck verify`, `mechcheck merge` and
 * `mechcheck list` (issue 15, item 6): hostile --seed, --runs, --replay,
 * --jobs, --timeout, --shard, --reporter, --only and --out values, with an
 * --only pattern that selects no entry so that no run starts; merge on missing,
 * empty and odd folders; unknown options and stray arguments. Selecting entries
 * loads the catalogue (seconds of CPU per call), so each verify command line
 * ends with an unknown reporter, the last option checked: every other option
 * is validated, and the run stops before the catalogue is loaded. Likewise
 * `list` is fuzzed with at least one argument it does not take.
 */
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.ts';
import { fuzzDir, hostileOptionString, misbehaviour } from './hostile.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = fuzzDir('verify');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz: mechcheck verify and list', () => {
  it('verify: hostile option values end with exit 2 naming the option, before any entry runs', async () => {
    const option = fc.oneof(
      fc.tuple(
        fc.constantFrom('--seed', '--runs', '--replay', '--jobs', '--timeout', '--shard', '--reporter'),
        fc.oneof(hostileOptionString, fc.constantFrom('1e308', '-1:0', '1/2', '0/2', '3/2', 'json=', 'html=/dev/full', 'nosuch')),
      ),
      fc.tuple(fc.constantFrom('--only', '--out'), fc.constantFrom('', ' ', '  \t')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(option, { maxLength: 3 }), fc.stringMatching(/^[a-z0-9.]{1,12}$/), async (opts, pattern) => {
        const argv = ['verify', '--only', `no-such-entry-${pattern}`, '--out', dir, ...opts.flat(), '--reporter', 'no-such-reporter'];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('verify', r, [2], argv)).toBeNull();
      }),
      { seed: 1515, numRuns: 100 },
    );
  });
  it('merge: missing, empty and odd folders, hostile options', async () => {
    const arg = fc.oneof(
      fc.constantFrom(dir, '/nonexistent', '', '.', 'fixtures', 'README.md', '--out', '--reporter', 'json=', '--bogus'),
      hostileOptionString,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 4 }), async (args) => {
        const argv = ['merge', ...args];
        const r = await runCli(argv, { cwd: root });
        expect(misbehaviour('merge', r, [2], argv)).toBeNull();
      }),
      { seed: 1518, numRuns: 60 },
    );
  });
  it('list and verify: unknown options and stray arguments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('list', 'verify'),
        fc.array(fc.oneof(hostileOptionString, fc.constantFrom('--bogus', '-z', '--json', '--only=no-such-entry')), { maxLength: 3 }),
        async (cmd, args) => {
          fc.pre(cmd === 'verify' || args.some((a) => !['--json', '--help', '-h'].includes(a)));
          const argv =
            cmd === 'verify' ? ['verify', '--only', 'no-such-entry', ...args, '--reporter', 'no-such-reporter'] : ['list', ...args];
          const r = await runCli(argv, { cwd: root });
          expect(misbehaviour(cmd, r, cmd === 'list' ? [0, 2] : [2], argv)).toBeNull();
        },
      ),
      { seed: 1516, numRuns: 60 },
    );
  });
});
