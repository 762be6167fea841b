/**
 * Atomic file output: write to a temporary file in the same directory, then
 * rename over the target, so a reader never sees a half-written report.
 * `writeFilesAtomically` stages every file before renaming any of them.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  writeFilesAtomically([{ file, content }]);
}

export function writeFilesAtomically(files: ReadonlyArray<{ file: string; content: string }>): void {
  const staged: Array<{ tmp: string; file: string }> = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.file), { recursive: true });
      const tmp = join(dirname(f.file), `.${basename(f.file)}.tmp-${process.pid}-${staged.length}`);
      writeFileSync(tmp, f.content);
      staged.push({ tmp, file: f.file });
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw e;
  }
  for (const s of staged) renameSync(s.tmp, s.file);
}
