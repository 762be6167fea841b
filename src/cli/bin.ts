#!/usr/bin/env node
/**
 * Entry point of the `mechcheck` command (compiled to dist/src/cli/bin.js; no
 * TypeScript is compiled at run time).
 *
 * Standard output is written synchronously, so that a failed write (a closed
 * pipe: EPIPE; a full disk or /dev/full: ENOSPC) surfaces where it happens as
 * an OutputError: one line on standard error and exit 2, with the outputs
 * that were being replaced left whole and no temporary file behind.
 */
import { writeSync } from 'node:fs';
import { OutputError } from '../report/atomicWrite.ts';
import { processIO, type CliIO } from './io.ts';
import { main } from './main.ts';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Write all of `text` to file descriptor `fd`, waiting while a non-blocking pipe is full. */
function writeAll(fd: number, text: string): void {
  let buf = Buffer.from(text, 'utf8');
  let waited = 0;
  while (buf.length > 0) {
    try {
      const n = writeSync(fd, buf);
      buf = buf.subarray(n);
      waited = 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' && waited < 60_000) {
        Atomics.wait(pause, 0, 0, 5);
        waited += 5;
        continue;
      }
      throw new OutputError('standard output', code ?? (e as Error).message);
    }
  }
}

const io: CliIO = {
  ...processIO(),
  out: (s) => writeAll(1, s),
  err: (s) => {
    try {
      writeAll(2, s);
    } catch {
      // standard error is gone: nowhere left to say so
    }
  },
};

// anything else that writes to process.stdout: the same one-line message and exit 2
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  io.err(`mechcheck: error: cannot write standard output: ${e.code ?? e.message}\n`);
  process.exit(2);
});
process.stderr.on('error', () => {});

process.exitCode = await main(process.argv.slice(2), io);
