/** What every `mechcheck` subcommand exports: `run` parses its arguments, does the work and returns the exit code. */
import type { CliIO } from './io.ts';

export interface Command {
  run(argv: string[], io: CliIO): Promise<number>;
}
