/**
 * Shared CLI plumbing: the I/O a command runs against (standard streams, the
 * working directory, the environment), argument parsing with clear errors,
 * JSON files, output.
 *
 * Every command takes a `CliIO` instead of touching `process` directly, so the
 * whole CLI runs in-process in tests (`captureIO`) exactly as it does from a
 * terminal (`processIO`).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/errors.ts';
import { parseDecimal } from '../core/numbers.ts';

/** What a command reads from and writes to. */
export interface CliIO {
  /** Write to standard output (results, summaries, JSON). */
  out(text: string): void;
  /** Write to standard error (progress, warnings, error messages). */
  err(text: string): void;
  /** The directory relative paths are resolved against, and where outputs go by default. */
  readonly cwd: string;
  /** Environment variables (NO_COLOR, FORCE_COLOR, CI, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output / standard error are terminals. */
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The whole of standard input (for `-` as a file name). */
  readStdin(): Promise<string>;
}

/** The real process: its streams, working directory and environment. */
export function processIO(): CliIO {
  return {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin: () =>
      new Promise<string>((res, rej) => {
        let text = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (d: string) => (text += d));
        process.stdin.on('end', () => res(text));
        process.stdin.on('error', rej);
      }),
  };
}

/** An in-memory `CliIO` for tests and embedding: output is collected in `stdout` and `stderr`. */
export interface CapturedIO extends CliIO {
  stdout: string;
  stderr: string;
}

export function captureIO(
  opts: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string; tty?: boolean } = {},
): CapturedIO {
  const io: CapturedIO = {
    stdout: '',
    stderr: '',
    out: (s) => void (io.stdout += s),
    err: (s) => void (io.stderr += s),
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
    stdoutIsTTY: opts.tty === true,
    stderrIsTTY: opts.tty === true,
    readStdin: async () => opts.stdin ?? '',
  };
  return io;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed value of one option: booleans for flags, strings (or lists of strings with `multiple`) otherwise. */
export type OptionValue<T> = T extends { type: 'boolean' }
  ? boolean | undefined
  : T extends { multiple: true }
    ? string[] | undefined
    : string | undefined;

export interface ParsedArgs<O extends Options> {
  values: { [K in keyof O]: OptionValue<O[K]> };
  positionals: string[];
}

/** node:util's parseArgs, strict; an unknown or malformed option is an InputError naming it. */
export function parse<const O extends Options>(argv: string[], options: O, allowPositionals = true): ParsedArgs<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true }) as unknown as ParsedArgs<O>;
  } catch (e) {
    throw new InputError('arguments', (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** A user's path, resolved against the command's working directory. */
export function resolvePath(io: CliIO, file: string): string {
  return isAbsolute(file) ? file : resolve(io.cwd, file);
}

/** Read and parse a JSON file; a missing file or a syntax error is an InputError naming the file. */
export function readJsonFile(io: CliIO, file: string, field = 'file'): unknown {
  let text: string;
  try {
    text = readFileSync(resolvePath(io, file), 'utf8');
  } catch (e) {
    throw new InputError(field, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(field, `not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Parse a number option as a decimal (no hex, octal, `Infinity` or empty
 * strings; src/core/numbers.ts `parseDecimal`), finite and within the bounds;
 * the error names the option (`--name`).
 */
export function numberOption(
  value: string | undefined,
  name: string,
  opts: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  return parseDecimal(value, `--${name}`, opts);
}

/**
 * Print `x` as JSON on standard output. JSON has no Infinity or NaN: such
 * numbers are written as the strings "Infinity", "-Infinity" and "NaN" (as the
 * text output prints them), never as `null`, which would read as "absent".
 */
export function printJson(io: CliIO, x: unknown): void {
  io.out(JSON.stringify(x, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n');
}
