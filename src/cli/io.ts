/** Shared CLI plumbing: argument parsing with clear errors, JSON files, output. */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/errors.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<const O extends Options>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new InputError('arguments', (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Read and parse a JSON file; a missing file or a syntax error is an InputError naming the file. */
export function readJsonFile(file: string, field = 'file'): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(field, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(field, `not valid JSON: ${(e as Error).message}`);
  }
}

/** Parse a number option; names the option when it is not a finite number. */
export function numberOption(value: string | undefined, name: string, opts: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x)) throw new InputError(`--${name}`, `must be a number, got '${value}'`);
  if (opts.integer && !Number.isInteger(x)) throw new InputError(`--${name}`, `must be an integer, got '${value}'`);
  if (opts.min !== undefined && x < opts.min) throw new InputError(`--${name}`, `must be >= ${opts.min}, got ${x}`);
  if (opts.max !== undefined && x > opts.max) throw new InputError(`--${name}`, `must be <= ${opts.max}, got ${x}`);
  return x;
}

export function printJson(x: unknown): void {
  process.stdout.write(JSON.stringify(x, null, 2) + '\n');
}
