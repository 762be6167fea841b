#!/usr/bin/env node
// Entry point of the `mechcheck` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
// `mechcheck ... | head` closes stdout early: end quietly instead of printing an EPIPE trace
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
