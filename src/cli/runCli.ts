/**
 * Run the `mechcheck` CLI in-process and collect what it prints: how the test
 * suite exercises every command (no subprocess, so no verdict depends on how
 * long a process takes to start on a loaded machine).
 *
 * @example
 *   const r = await runCli(['check', 'fixtures/mechanisms/second-price-auction.json']);
 *   r.status; // 0
 *   r.stdout; // the report
 */
import { main } from './main.ts';
import { captureIO } from './io.ts';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string; tty?: boolean } = {},
): Promise<CliRun> {
  const io = captureIO(opts);
  const status = await main(argv, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
}
