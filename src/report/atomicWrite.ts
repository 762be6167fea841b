/**
 * Output files that are replaced whole, and together.
 *
 * - A report is a *set* of files in one directory (report.json, report.md,
 *   report.html, junit.xml, figures/). `commitOutputs` writes the new set into
 *   a fresh staging folder inside that directory, marks it complete, then
 *   swaps it in: every managed name of the old set is moved aside and every
 *   new file moved in by renames, and the old set deleted. A managed name that
 *   the new set does not produce is removed, so figures of an earlier run never
 *   survive beside a report that did not produce them.
 * - Single files (`--reporter junit=path`) are written to a temporary file in
 *   the same directory and renamed over the target.
 * - Everything is staged before anything is replaced: a failed write (ENOSPC,
 *   EACCES) removes what was staged and replaces nothing (`OutputError`).
 * - SIGINT/SIGTERM arriving while outputs are committed are held until the
 *   commit is complete, then delivered: the process ends with the new set in
 *   place and no temporary file behind. If the process is killed outright
 *   (SIGKILL, power loss) in the middle of a swap, the next commit into the
 *   same directory finishes it from the staging folder's completion marker
 *   (or deletes an incomplete staging folder).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A write that failed (the target, the system's error code): the CLI prints one line and exits 2. */
export class OutputError extends Error {
  readonly target: string;
  readonly code: string;
  constructor(target: string, code: string, detail?: string) {
    super(`cannot write ${target}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'OutputError';
    this.target = target;
    this.code = code;
  }
}

const STAGE_PREFIX = '.mechcheck-stage-';
const OLD_PREFIX = '.mechcheck-old-';
const COMPLETE = '.complete';

/** One file of a set, by its path relative to the set's directory (e.g. "figures/a.svg"). */
export interface SetFile {
  path: string;
  content: string | Uint8Array;
}

/** A report set: the directory, the top-level names it owns, and the new files. */
export interface OutputSet {
  dir: string;
  /** top-level names owned by the set (files or folders); any of them not in `files` is removed */
  managed: readonly string[];
  files: readonly SetFile[];
}

/** A single file written by temporary file and rename. */
export interface OutputFile {
  file: string;
  content: string | Uint8Array;
}

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Check before a long run that `dir` can receive outputs, creating nothing
 * that stays: its nearest existing ancestor must be a directory in which a
 * probe file can be created (and is removed again). Throws an OutputError
 * naming `label` (an option such as `--out`).
 */
export function probeWritableDir(dir: string, label = dir): void {
  let existing = dir;
  while (!existsSync(existing)) {
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  let st;
  try {
    st = statSync(existing);
  } catch (e) {
    throw new OutputError(label, codeOf(e));
  }
  if (!st.isDirectory()) throw new OutputError(label, 'ENOTDIR');
  const probe = join(existing, `${STAGE_PREFIX}probe-${process.pid}`);
  try {
    writeFileSync(probe, 'probe');
  } catch (e) {
    throw new OutputError(label, codeOf(e));
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * Check before a long run that `file` can be written: an existing target must
 * be a regular file (never a device such as /dev/full, which a rename would
 * replace), and its directory must take a probe file.
 */
export function probeWritableFile(file: string, label = file): void {
  if (existsSync(file)) {
    const st = lstatSync(file);
    if (!st.isFile()) throw new OutputError(label, 'not a regular file', 'give a file path, or - for standard output');
  }
  probeWritableDir(dirname(file), label);
}

/**
 * Finish or discard what an interrupted commit left in `dir`: a complete
 * staging folder (with its marker) is swapped in, an incomplete one deleted,
 * a folder of old files deleted. Folders of a process still running are left alone.
 */
export function recoverInterrupted(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.mechcheck-(stage|old)-(?:probe-)?(\d+)/.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && pidAlive(pid)) continue;
    const p = join(dir, name);
    if (m[1] === 'stage' && existsSync(join(p, COMPLETE))) {
      const marker = JSON.parse(readFileSync(join(p, COMPLETE), 'utf8')) as { managed: string[] };
      swapIn(dir, p, marker.managed);
    } else {
      rmSync(p, { recursive: true, force: true });
    }
  }
}

/** Move the managed names of `dir` aside, move the staged ones in, delete the old ones and the staging folder. */
function swapIn(dir: string, stage: string, managed: readonly string[]): void {
  const old = join(dir, `${OLD_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(old, { recursive: true });
  for (const name of managed) {
    const target = join(dir, name);
    if (existsSync(join(stage, name))) {
      if (existsSync(target)) renameSync(target, join(old, name));
      renameSync(join(stage, name), target);
    } else if (existsSync(target)) {
      renameSync(target, join(old, name));
    }
  }
  rmSync(old, { recursive: true, force: true });
  rmSync(stage, { recursive: true, force: true });
}

function writeDurably(file: string, content: string | Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A hook for tests: called after everything is staged and before anything is replaced. */
export interface CommitHooks {
  afterStaging?: () => void;
}

/**
 * Write report sets and single files: everything is staged first, then
 * swapped in (see the module comment). Throws an OutputError (and replaces
 * nothing) when a write fails.
 */
export function commitOutputs(outputs: { sets?: readonly OutputSet[]; files?: readonly OutputFile[] }, hooks: CommitHooks = {}): void {
  const sets = outputs.sets ?? [];
  const files = outputs.files ?? [];
  return withSignalsHeld(() => {
    const stagedSets: Array<{ set: OutputSet; stage: string }> = [];
    const stagedFiles: Array<{ tmp: string; file: string }> = [];
    const cleanup = () => {
      for (const s of stagedSets) rmSync(s.stage, { recursive: true, force: true });
      for (const f of stagedFiles) rmSync(f.tmp, { force: true });
    };
    let current = '';
    try {
      for (const set of sets) {
        current = set.dir;
        mkdirSync(set.dir, { recursive: true });
        recoverInterrupted(set.dir);
        const stage = mkdtempSync(join(set.dir, `${STAGE_PREFIX}${process.pid}-`));
        stagedSets.push({ set, stage });
        for (const f of set.files) {
          const top = f.path.split('/')[0];
          if (!set.managed.includes(top)) throw new Error(`internal: ${f.path} is not a managed name of the report set`);
          current = join(set.dir, f.path);
          mkdirSync(dirname(join(stage, f.path)), { recursive: true });
          writeDurably(join(stage, f.path), f.content);
        }
        current = set.dir;
        writeDurably(join(stage, COMPLETE), JSON.stringify({ managed: set.managed }));
      }
      for (const f of files) {
        current = f.file;
        if (existsSync(f.file) && !lstatSync(f.file).isFile())
          throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
        mkdirSync(dirname(f.file), { recursive: true });
        const tmp = join(dirname(f.file), `.${basename(f.file)}.tmp-${process.pid}-${stagedFiles.length}`);
        stagedFiles.push({ tmp, file: f.file });
        writeDurably(tmp, f.content);
      }
    } catch (e) {
      cleanup();
      if (e instanceof Error && e.message.startsWith('internal:')) throw e;
      throw new OutputError(current, codeOf(e));
    }
    hooks.afterStaging?.();
    try {
      for (const f of stagedFiles) renameSync(f.tmp, f.file);
      for (const s of stagedSets) swapIn(s.set.dir, s.stage, s.set.managed);
    } catch (e) {
      cleanup();
      throw new OutputError(current, codeOf(e));
    }
  });
}

/** Write one file by temporary file and rename. */
export function writeFileAtomic(file: string, content: string): void {
  commitOutputs({ files: [{ file, content }] });
}

/** Several single files, all staged before any is renamed into place. */
export function writeFilesAtomically(files: ReadonlyArray<{ file: string; content: string }>): void {
  commitOutputs({ files });
}

const held = new Set<NodeJS.Signals>();

/**
 * Run synchronous `fn` with SIGINT and SIGTERM held until it returns.
 *
 * Node runs a signal's listeners only when the event loop is free, so a
 * listener cannot interrupt synchronous code; without any listener, though,
 * the signal's default action ends the process in the middle of `fn`. The
 * listeners installed here (once, and kept) therefore only remove themselves
 * and raise the signal again when they run, i.e. after `fn`: its default
 * action then ends the process, with the outputs complete.
 */
function withSignalsHeld<T>(fn: () => T): T {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    if (held.has(sig)) continue;
    held.add(sig);
    const again = () => {
      process.removeListener(sig, again);
      held.delete(sig);
      // other listeners (a test runner's, say) have had the signal already
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, again);
  }
  return fn();
}
