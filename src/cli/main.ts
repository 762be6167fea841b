/**
 * `mechcheck` command-line interface. Exit codes: 0 success / everything as
 * expected, 1 a property failed or a result differs from its expectation,
 * 2 bad usage or bad input (with a message naming the field, no stack trace).
 */
import { InputError } from '../core/errors.ts';
import type { Command } from './command.ts';
import { processIO, type CliIO } from './io.ts';

/** Commands are loaded lazily so that one command's dependencies do not slow the others. */
const commands: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  verify: { summary: 'run the theorem catalogue and write reports/report.{json,md}', load: () => import('./commands/verify.ts') },
  list: { summary: 'list the catalogue (source and expected verdict per entry)', load: () => import('./commands/list.ts') },
  check: { summary: 'check a finite mechanism described in JSON against every incentive property', load: () => import('./commands/check.ts') },
  assignment: { summary: 'efficient assignment with externalities and VCG transfers (seed 000)', load: () => import('./commands/assignment.ts') },
  info: { summary: 'informational size and variability of beliefs of a decomposition (seed 001)', load: () => import('./commands/info.ts') },
  ep: { summary: 'optimal bilateral trade of multiple objects: optimal | frontier | amd (seed 002)', load: () => import('./commands/ep.ts') },
  prices: { summary: 'admissible personalized prices and the implementing rule (seed 003)', load: () => import('./commands/prices.ts') },
  dynamic: { summary: 'dynamic environments: assumptions, contingent transfers, periodic ex post IC (seed 004)', load: () => import('./commands/dynamic.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'usage: mechcheck <command> [options]   (every command accepts --json)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'mechcheck <command> --help' for a command's options.",
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    io.err(`mechcheck: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`mechcheck ${name}: error: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.err(`mechcheck ${name}: internal error: ${err.name}: ${err.message}\n`);
    if (io.env.MECHCHECK_DEBUG) io.err(`${err.stack}\n`);
    return 2;
  }
}
