/** Report sets replaced together; failures replace nothing; interruptions leave no temporary file. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitOutputs, OutputError, probeWritableDir, probeWritableFile, recoverInterrupted } from './atomicWrite.ts';

const managed = ['report.json', 'report.md', 'figures'];
const tmp = () => mkdtempSync(join(tmpdir(), 'mechcheck-atomic-'));
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

describe('commitOutputs', () => {
  it('replaces a set whole: new files in, managed names it did not produce (old figures) out, others kept', () => {
    const dir = tmp();
    commitOutputs({
      sets: [
        {
          dir,
          managed,
          files: [
            { path: 'report.json', content: '1' },
            { path: 'report.md', content: 'one' },
            { path: 'figures/a.svg', content: '<svg/>' },
          ],
        },
      ],
    });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    commitOutputs({ sets: [{ dir, managed, files: [{ path: 'report.json', content: '2' }] }] });
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('2');
    expect(existsSync(join(dir, 'report.md'))).toBe(false);
    expect(existsSync(join(dir, 'figures'))).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a write that fails replaces nothing and leaves nothing behind', () => {
    const dir = tmp();
    commitOutputs({ sets: [{ dir, managed, files: [{ path: 'report.json', content: 'old' }] }] });
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where a folder is needed');
    expect(() =>
      commitOutputs({
        sets: [{ dir, managed, files: [{ path: 'report.json', content: 'new' }] }],
        files: [{ file: join(blocked, 'junit.xml'), content: '<x/>' }],
      }),
    ).toThrow(OutputError);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('old');
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a target that is not a regular file (a device such as /dev/full is never renamed over)', () => {
    expect(() => probeWritableFile('/dev/full')).toThrow(/not a regular file/);
    expect(() => commitOutputs({ files: [{ file: '/dev/full', content: 'x' }] })).toThrow(OutputError);
    expect(existsSync('/dev/full')).toBe(true);
  });

  it('probes a folder before a run: one that cannot be created is an OutputError naming the option', () => {
    expect(() => probeWritableDir('/dev/null/reports', '--out')).toThrow(/--out: ENOTDIR/);
    const dir = tmp();
    probeWritableDir(join(dir, 'new', 'reports'));
    // nothing is created that stays
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('interruptions', () => {
  const deadPid = () => {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(r.stdout);
  };

  it('a complete staging folder left by a killed process is swapped in; an incomplete one is deleted', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.json'), 'old');
    mkdirSync(join(dir, 'figures'));
    writeFileSync(join(dir, 'figures', 'stale.svg'), '<svg/>');
    const pid = deadPid();
    const complete = join(dir, `.mechcheck-stage-${pid}-abc`);
    mkdirSync(complete);
    writeFileSync(join(complete, 'report.json'), 'new');
    writeFileSync(join(complete, '.complete'), JSON.stringify({ managed }));
    const incomplete = join(dir, `.mechcheck-stage-${pid}-def`);
    mkdirSync(incomplete);
    writeFileSync(join(incomplete, 'report.json'), 'half');
    recoverInterrupted(dir);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'figures'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while a report is written: the process ends with the new set in place and no temporary file',
    (signal) => {
      const dir = tmp();
      writeFileSync(join(dir, 'report.json'), 'old');
      writeFileSync(join(dir, 'report.md'), 'old');
      const script = join(dir, '..', `${dir.split('/').pop()}-child.ts`);
      const moduleUrl = pathToFileURL(resolve(import.meta.dirname, 'atomicWrite.ts')).href;
      writeFileSync(
        script,
        `import { commitOutputs } from ${JSON.stringify(moduleUrl)};
       commitOutputs({ sets: [{ dir: ${JSON.stringify(dir)}, managed: ${JSON.stringify(managed)}, files: [{ path: 'report.json', content: 'new' }, { path: 'report.md', content: 'new' }] }] },
         { afterStaging: () => process.kill(process.pid, ${JSON.stringify(signal)}) });
       setTimeout(() => { process.stdout.write('not stopped'); }, 2000);`,
      );
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
        encoding: 'utf8',
        cwd: resolve(import.meta.dirname, '..', '..'),
      });
      expect(r.signal).toBe(signal);
      expect(r.stdout).toBe('');
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('new');
      expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('new');
      expect(leftovers(dir)).toEqual([]);
    },
  );
});
