/**
 * `mechcheck check FILE... [--json] [--tolerance T] [--require C,...] [--max-cells N] [--max-work N]`:
 * finite mechanisms, each in JSON (src/check/mechanism.schema.json; `-` reads
 * standard input) or as a JavaScript/TypeScript module (src/check/mechanismModule.ts)
 * -> every solution concept with the size of its worst violation and a
 * witness. One result block per file; the exit code is the worst over the
 * files: 0 when every required concept holds, 1 when one is violated, 2 on a
 * malformed file or bad usage.
 *
 * Startup: this command loads the checkers and the parser only (no mathjs,
 * no fast-check, no catalogue; the schema validator is generated at build
 * time), see `npm run bench -- --only startup`.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { parseDecimal } from '../../core/numbers.ts';
import { ALL_CONCEPTS } from '../../concepts/checkAll.ts';
import type { ConceptName } from '../../concepts/result.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';
import { DEFAULT_CHECK_LIMITS, type CheckLimits } from '../../check/limits.ts';
import { parseMechanism, type LoadedMechanism } from '../../check/mechanismFile.ts';
import { isModuleFile, loadMechanismModule } from '../../check/mechanismModule.ts';
import { checkMechanism, formatReport, parseConcepts } from '../../check/report.ts';
import type { Command } from '../command.ts';
import type { CliIO } from '../io.ts';
import { parse, printJson, resolvePath } from '../io.ts';

/** The largest JSON file read (V8 cannot hold a longer string). */
export const MAX_FILE_BYTES = 2 ** 29 - 24;

const HELP = `usage: mechcheck check FILE... [--json] [--tolerance T] [--require C1,C2,...] [--max-cells N] [--max-work N] [--against-optimum [--objective O]]
  FILE  a finite mechanism in JSON (format: src/check/mechanism.schema.json; '-' reads standard input),
        or a JavaScript/TypeScript module exporting \`environment\` and \`mechanism\` (README, "Checking your own mechanism";
        a .ts module is loaded through tsx installed in your project, or by Node itself when it strips types)
  --tolerance T     violations up to T count as holding, 0 < T <= 1 (default: the file's "tolerance", else ${DEFAULT_TOLERANCE})
  --require LIST    the concepts that must hold, comma-separated (default: the file's "require", else all):
                    ${ALL_CONCEPTS.join(', ')}
  --max-cells N     refuse mechanisms whose tables hold more than N numbers (default ${DEFAULT_CHECK_LIMITS.maxCells.toExponential().replace('e+', 'e')})
  --max-work N      refuse checks of more than N utility evaluations (default ${DEFAULT_CHECK_LIMITS.maxWork.toExponential().replace('e+', 'e')})
  --against-optimum the mechanism's objective value beside the certified optimum of mechcheck design under the
                    constraints it satisfies (check's concepts, ex post budget balance, efficiency)
  --objective O     with --against-optimum: welfare (default), revenue, or '{"agentWeights": [...], "revenueWeight": r}'
  --json            print the results as JSON (one object per file; an array for several files)
  Exit 0 when every required concept holds in every file, 1 when one is violated, 2 on a malformed file or bad usage.
examples:
  mechcheck check fixtures/mechanisms/first-price-auction.json --json
  mechcheck check mechanisms/*.ts --require dominantStrategyIC,exPostIR`;

/** Read and parse a JSON mechanism file (or standard input for '-'), refusing files too large to hold. */
async function readJson(io: CliIO, file: string): Promise<unknown> {
  let text: string;
  if (file === '-') text = await io.readStdin();
  else {
    const path = resolvePath(io, file);
    try {
      const st = statSync(path);
      if (st.isDirectory()) throw new InputError(file, 'is a directory, not a mechanism file');
      if (st.size > MAX_FILE_BYTES)
        throw new InputError(
          file,
          `is ${st.size} bytes, above the limit of ${MAX_FILE_BYTES} bytes for a JSON file (the longest string Node can hold); describe the mechanism as a module instead`,
        );
      text = readFileSync(path, 'utf8');
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(file === '-' ? '(standard input)' : file, `not valid JSON: ${(e as Error).message}`);
  }
}

async function load(io: CliIO, file: string, limits: CheckLimits): Promise<LoadedMechanism> {
  if (file !== '-' && isModuleFile(file)) return loadMechanismModule(resolvePath(io, file), file, io.cwd, limits);
  const data = await readJson(io, file);
  try {
    return parseMechanism(data, { limits });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(file === '-' ? '(standard input)' : file, e.message);
    throw e;
  }
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      json: { type: 'boolean' },
      tolerance: { type: 'string' },
      require: { type: 'string' },
      'max-cells': { type: 'string' },
      'max-work': { type: 'string' },
      'against-optimum': { type: 'boolean' },
      objective: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length === 0)
      throw new InputError('FILE', 'expected at least one mechanism file (JSON, a module, or - for standard input)');
    if (positionals.filter((f) => f === '-').length > 1) throw new InputError('FILE', "standard input ('-') can be read only once");
    const tolerance =
      values.tolerance === undefined ? undefined : parseDecimal(values.tolerance, '--tolerance', { min: Number.MIN_VALUE, max: 1 });
    const require: ConceptName[] | undefined =
      values.require === undefined
        ? undefined
        : parseConcepts(
            values.require
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== ''),
            '--require',
          );
    if (require !== undefined && require.length === 0) throw new InputError('--require', 'names no concept');
    const limits: CheckLimits = {
      maxCells:
        values['max-cells'] === undefined
          ? DEFAULT_CHECK_LIMITS.maxCells
          : parseDecimal(values['max-cells'], '--max-cells', { integer: true, min: 1, max: 1e12 }),
      maxWork:
        values['max-work'] === undefined
          ? DEFAULT_CHECK_LIMITS.maxWork
          : parseDecimal(values['max-work'], '--max-work', { integer: true, min: 1, max: 1e15 }),
    };

    if (values.objective !== undefined && !values['against-optimum']) throw new InputError('--objective', 'is used with --against-optimum');
    // the design engine (and mathjs) load only when asked for: check's startup stays light
    const optimum = values['against-optimum'] ? await import('../../design/againstOptimum.ts') : undefined;

    let status = 0;
    const json: unknown[] = [];
    for (const [index, file] of positionals.entries()) {
      if (index > 0 && !values.json) io.out('\n');
      let m: LoadedMechanism;
      let report;
      let against: Awaited<ReturnType<NonNullable<typeof optimum>['againstOptimumReport']>> | undefined;
      try {
        m = await load(io, file, limits);
        report = checkMechanism(m.env, m.mech, {
          tolerance: tolerance ?? m.tolerance ?? DEFAULT_TOLERANCE,
          require: require ?? m.require ?? ALL_CONCEPTS,
          limits,
        });
        if (optimum) against = optimum.againstOptimumReport(m, values.objective, report.tolerance);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        // one file's bad input does not stop the others
        io.err(`mechcheck check: error: ${e.message}\n`);
        if (positionals.length === 1) return 2;
        json.push({ file, ok: false, error: { field: e.field, message: e.message } });
        status = 2;
        continue;
      }
      const source = file === '-' ? 'standard input' : file;
      if (values.json)
        json.push({
          mechanism: m.name,
          file,
          tolerance: report.tolerance,
          ok: report.ok,
          results: report.results,
          ...(against ? { againstOptimum: against.result } : {}),
        });
      else io.out(formatReport({ ...report, mechanism: m.name }, source) + (against ? against.text : ''));
      if (!report.ok) status = Math.max(status, 1);
    }
    if (values.json) printJson(io, json.length === 1 ? json[0] : json);
    return status;
  },
};
