/**
 * `mechcheck` command-line interface. Exit codes: 0 success / everything as
 * expected, 1 a property failed or a result differs from its expectation,
 * 2 bad usage, bad input (a message naming the field, no stack trace) or an
 * output that cannot be written. `internal error` is kept for bugs: it says
 * so, and how to report one.
 */
import { InputError } from '../core/errors.ts';
import { packageVersion } from '../catalogue/paths.ts';
import { DEFAULT_SEED } from '../catalogue/runner.ts';
import { OutputError } from '../report/atomicWrite.ts';
import type { Command } from './command.ts';
import { processIO, type CliIO } from './io.ts';
import { sanitizeForTerminal } from './terminal.ts';

/** Commands are loaded lazily so that one command's dependencies do not slow the others. */
const commands: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  verify: {
    summary: 'run the theorem catalogue and write the reports (reports/report.{json,md,html})',
    load: () => import('./commands/verify.ts'),
  },
  merge: { summary: "merge the reports of 'verify --shard K/N' runs into one report", load: () => import('./commands/merge.ts') },
  list: { summary: 'list the catalogue (source and expected verdict per entry)', load: () => import('./commands/list.ts') },
  check: {
    summary: 'check a finite mechanism described in JSON against every incentive property',
    load: () => import('./commands/check.ts'),
  },
  design: {
    summary: 'the best mechanism for a finite environment under given constraints, or a certificate that none exists',
    load: () => import('./commands/design.ts'),
  },
  assignment: {
    summary: 'efficient assignment with externalities and VCG transfers (seed 000)',
    load: () => import('./commands/assignment.ts'),
  },
  info: {
    summary: 'informational size and variability of beliefs of a decomposition (seed 001)',
    load: () => import('./commands/info.ts'),
  },
  ep: {
    summary: 'optimal bilateral trade of multiple objects: optimal | frontier | amd (seed 002)',
    load: () => import('./commands/ep.ts'),
  },
  prices: { summary: 'admissible personalized prices and the implementing rule (seed 003)', load: () => import('./commands/prices.ts') },
  dynamic: {
    summary: 'dynamic environments: assumptions, contingent transfers, periodic ex post IC (seed 004)',
    load: () => import('./commands/dynamic.ts'),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'usage: mechcheck <command> [options]   (every command accepts --json)',
    '       mechcheck help <command>         (the same as mechcheck <command> --help)',
    '       mechcheck --version',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'mechcheck help <command>' for a command's options and an example.",
  ].join('\n');
}

/** The base seed of a command line (`--seed N`, `--seed=N`), or verify's default. */
function seedOf(name: string, argv: string[]): string | undefined {
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--seed' && argv[k + 1] !== undefined) return argv[k + 1];
    if (argv[k].startsWith('--seed=')) return argv[k].slice('--seed='.length);
  }
  return name === 'verify' ? String(DEFAULT_SEED) : undefined;
}

function quoteArg(a: string): string {
  return /^[A-Za-z0-9._\-/:=@%+,]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...args] = argv;
  // `mechcheck help CMD` is `mechcheck CMD --help`
  const name = first === 'help' && args.length > 0 ? args[0] : first;
  const rest = first === 'help' && args.length > 0 ? ['--help'] : args;
  const label = name && commands[name] ? `mechcheck ${name}` : 'mechcheck';
  try {
    if (name === '--version' || name === '-V' || name === 'version') {
      io.out(`mechcheck ${packageVersion()}\n`);
      return 0;
    }
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      if (name) io.out(usage() + '\n');
      else io.err(usage() + '\n');
      return name ? 0 : 2;
    }
    const entry = commands[name];
    if (!entry) {
      io.err(`mechcheck: unknown command '${sanitizeForTerminal(name, { singleLine: true })}'\n\n${usage()}\n`);
      return 2;
    }
    const { command } = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError || e instanceof OutputError) {
      io.err(`${label}: error: ${sanitizeForTerminal(e.message, { singleLine: true })}\n`);
      return 2;
    }
    const err = e as Error;
    const seed = seedOf(name ?? '', rest);
    io.err(
      `${label}: internal error: ${sanitizeForTerminal(`${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`, { singleLine: true })}\n` +
        `This is a bug in mechcheck ${packageVersion()}, not a problem with your input. Please report it to the mechcheck maintainers with this command line` +
        `${seed !== undefined ? ` (base seed ${sanitizeForTerminal(seed, { singleLine: true })})` : ''} and the stack trace that MECHCHECK_DEBUG=1 prints:\n` +
        `  mechcheck ${sanitizeForTerminal(argv.map(quoteArg).join(' '), { singleLine: true })}\n`,
    );
    if (io.env.MECHCHECK_DEBUG) io.err(`${sanitizeForTerminal(String(err?.stack ?? e))}\n`);
    return 2;
  }
}
