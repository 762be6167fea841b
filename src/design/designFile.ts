/**
 * The `design` file: an environment in the `check` format (agents, types,
 * states, prior, outcomes, valuations; src/check/mechanism.schema.json) without
 * `outcome` and `transfers`, plus
 *   "design": { "objective": "welfare" | "revenue" | {"agentWeights": [...], "revenueWeight": r},
 *               "constraints": ["interimIC", "interimIR", ...] }
 * The environment goes through `check`'s own parser (with a placeholder
 * mechanism), so both commands read and validate it identically.
 */
import { parseMechanism } from '../check/mechanismFile.ts';
import { InputError } from '../core/errors.ts';
import { validateAgainstSchema } from '../core/jsonSchema.ts';
import { assertWithinLimit, product } from '../core/limits.ts';
import { parseConstraints, type DesignConstraint } from './constraints.ts';
import type { DesignProblem } from './design.ts';
import type { RawEnvironmentNumbers } from './designData.ts';
import { parseObjective } from './objective.ts';
import { DESIGN_LIMITS } from './size.ts';

/** The design file's JSON Schema (its keys, and the structure of "design"), beside this parser; the environment's own schema is check's. */
const SCHEMA = new URL('./design.schema.json', import.meta.url);

/** The fields of a design file besides the environment. */
const ENVIRONMENT_FIELDS = ['name', 'description', 'agents', 'types', 'states', 'prior', 'outcomes', 'valuations', 'tolerance'] as const;

/** Overrides from the command line (`--objective`, `--constraints`). */
export interface DesignOverrides {
  objective?: string;
  constraints?: string;
}

/** The declared profile count, from `types` alone (before anything is allocated); null when `types` is malformed (the parser then names the field). */
function declaredCounts(types: unknown): number[] | null {
  if (!Array.isArray(types) || types.length === 0) return null;
  const counts: number[] = [];
  for (const t of types) {
    if (typeof t === 'number' && Number.isInteger(t) && t >= 1) counts.push(t);
    else if (Array.isArray(t) && t.length >= 1) counts.push(t.length);
    else return null;
  }
  return counts;
}

/**
 * Parse a design file (already read as JSON): a mechanism given where design
 * finds one is refused with a hint, then the file's keys and "design" go
 * through its JSON Schema (design.schema.json) and the environment through
 * check's parser; every problem is an InputError naming the field.
 */
export function parseDesignFile(data: unknown, overrides: DesignOverrides = {}): DesignProblem {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new InputError('(top level)', 'must be a JSON object (an environment in the check format plus "design")');
  const f = data as Record<string, unknown>;
  for (const k of ['outcome', 'transfers'] as const) {
    if (k in f)
      throw new InputError(
        k,
        'a design file describes no mechanism (design finds one): remove it, or use mechcheck check --against-optimum',
      );
  }
  if ('require' in f) throw new InputError('require', 'a design file imposes its constraints in design.constraints');
  validateAgainstSchema(data, SCHEMA, 'design file');
  const d = (f.design ?? {}) as { objective?: unknown; constraints?: unknown };

  // the environment, through check's parser with a placeholder mechanism (sizes first)
  const counts = declaredCounts(f.types);
  const env: Record<string, unknown> = {};
  for (const k of ENVIRONMENT_FIELDS) if (k in f && k !== 'tolerance') env[k] = f[k];
  let outcome: unknown[] = [];
  let transfers: unknown[] = [];
  if (counts) {
    assertWithinLimit(product(counts), DESIGN_LIMITS.profiles, 'types', 'the number of type profiles');
    const S = product(counts);
    outcome = new Array<number>(S).fill(0);
    transfers = Array.from({ length: S }, () => new Array<number>(counts.length).fill(0));
  }
  const loaded = parseMechanism({ ...env, outcome, transfers, ...('tolerance' in f ? { tolerance: f.tolerance } : {}) });

  const objectiveSource = overrides.objective ?? d.objective;
  if (objectiveSource === undefined)
    throw new InputError(
      'design.objective',
      'is required (or give --objective): welfare, revenue, or {"agentWeights": [...], "revenueWeight": r}',
    );
  const objective = parseObjective(
    objectiveSource,
    loaded.agentNames.length,
    overrides.objective !== undefined ? '--objective' : 'design.objective',
  );
  const constraintsSource = overrides.constraints ?? d.constraints ?? [];
  const constraints: DesignConstraint[] = parseConstraints(
    constraintsSource,
    overrides.constraints !== undefined ? '--constraints' : 'design.constraints',
  );

  const environmentFile: Record<string, unknown> = {};
  for (const k of ['agents', 'types', 'states', 'prior', 'outcomes', 'valuations'] as const) if (k in f) environmentFile[k] = f[k];
  return {
    name: loaded.name === 'mechanism' ? 'design' : loaded.name,
    env: loaded.env,
    labels: { agents: loaded.agentNames, types: loaded.typeLabels, outcomes: loaded.outcomeLabels },
    environmentFile,
    raw: { prior: f.prior as RawEnvironmentNumbers['prior'], valuations: f.valuations as RawEnvironmentNumbers['valuations'] },
    spec: { objective, constraints },
    tolerance: loaded.tolerance,
  };
}
