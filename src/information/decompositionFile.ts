/**
 * The decomposition file of `mechcheck info` (seed 001_e592948973ecc068.txt,
 * sections 4.2-4.3): {"states": m, "signals": [k_1, ..., k_n], "Q": [...]}, Q
 * flat and row-major over Theta x A_1 x ... x A_n, the state slowest; its
 * validation, the work its computation takes, and the JointPrior it builds.
 */
import { assertDistribution } from '../core/distribution.ts';
import { InputError } from '../core/errors.ts';
import { validateAgainstSchema } from '../core/jsonSchema.ts';
import { assertWorkWithinLimit, CELL_COST, DEFAULT_MAX_WORK, product, type WorkPart } from '../core/limits.ts';
import { probability } from '../core/numbers.ts';
import { JointPrior } from '../core/prior.ts';

/** The decomposition file's JSON Schema (structure and types), beside this parser. */
const SCHEMA = new URL('./decomposition.schema.json', import.meta.url);

/** A decomposition file, validated but not yet built into a JointPrior. */
export interface DecompositionFile {
  states: number;
  signals: number[];
  Q: number[];
}

/**
 * Validate the decomposition file: {"states": m, "signals": [k_1..k_n], "Q": [...]},
 * first against its JSON Schema (decomposition.schema.json: keys and types),
 * then semantically. The declared sizes are checked against Q's length before anything else
 * (a file declaring 1e9 profiles with a short Q is refused at once);
 * probabilities are finite numbers in [0, 1] summing to 1. Every problem is an
 * InputError naming the field.
 */
export function readDecompositionFile(raw: unknown): DecompositionFile {
  validateAgainstSchema(raw, SCHEMA, 'decomposition file');
  // the schema guarantees the keys and the types; the bounds and sizes are checked here
  const { states, signals, Q } = raw as { states: number; signals: number[]; Q: unknown[] };
  if (!Number.isInteger(states) || states < 1) throw new InputError('states', `must be a positive integer, got ${String(states)}`);
  signals.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 1) throw new InputError(`signals[${i}]`, `must be a positive integer, got ${String(k)}`);
  });
  const size = states * product(signals);
  if (Q.length !== size)
    throw new InputError(
      'Q',
      `has ${Q.length} entries, expected ${Number.isSafeInteger(size) ? size : 'more than 2^53'} (= ${states} states x ${signals.join(' x ')} signal profiles)`,
    );
  Q.forEach((p, k) => probability(p, `Q[${k}]`));
  assertDistribution(Q, 'Q');
  return { states, signals, Q: Q as number[] };
}

/**
 * The work `mechcheck info` does on a validated file, in the units of
 * src/core/limits.ts: building Q and its marginals, then for each agent i the
 * k_i^2 pairs of signals of Definition 3, each scanning the |A| profiles and
 * computing |A| / k_i pairs of posteriors over the m states, and Lambda_i's
 * k_i conditionals (README "Numbers and limits").
 */
export function infoWork(file: Pick<DecompositionFile, 'states' | 'signals'>): WorkPart[] {
  const m = file.states;
  const k = file.signals;
  const n = k.length;
  const A = product(k);
  const nu = k.reduce((acc, ki) => acc + ki * ki * A + ki * A * (4 * m + 20 + Math.log2(A / ki + 2)), 0);
  const lambda = k.reduce((acc, ki) => acc + 3 * ki * A + ki * ki * (A / ki), 0);
  return [
    { what: `Q and its marginals (${m} states x ${A} signal profiles)`, units: m * A * (n + 2) + CELL_COST * 3 * m * A },
    {
      what: `the informational sizes nu_i (signals^2 x profiles = ${k.map((ki) => `${ki}^2`).join(' + ')} x ${A}, times the states)`,
      units: nu,
    },
    { what: `the variabilities of beliefs Lambda_i`, units: lambda + CELL_COST * A },
  ];
}

/** Validate the decomposition file and build Q; every problem is an InputError naming the field. */
export function parseDecompositionFile(raw: unknown, maxWork = DEFAULT_MAX_WORK): JointPrior {
  const file = readDecompositionFile(raw);
  assertWorkWithinLimit(infoWork(file), maxWork, 'signals');
  const { states, signals, Q } = file;
  const prior = new JointPrior(states, signals, Q, 'Q');
  for (let i = 0; i < prior.agents; i++) {
    for (let a = 0; a < prior.typeCounts[i]; a++) {
      if (!(prior.ownMarginal[i][a] > 0))
        throw new InputError(
          'Q',
          `agent ${i + 1}'s signal ${a} has probability 0, but its conditional Q(. | a_i) is needed for nu and Lambda`,
        );
    }
  }
  return prior;
}
