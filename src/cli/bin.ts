#!/usr/bin/env node
/**
 * Entry point of the `mechcheck` command (compiled to dist/src/cli/bin.js; no
 * TypeScript is compiled at run time).
 */
import { main } from './main.ts';

// `mechcheck ... | head` closes stdout early: end quietly instead of printing an EPIPE trace
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
