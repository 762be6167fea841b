/**
 * `mechcheck info --decomposition FILE [--M m] [--json]` (seed 001_e592948973ecc068.txt,
 * sections 4.2-4.3 and the proof of Theorem B(b) in 7.2): the informational
 * size nu_i^Q (Definition 3, computed exactly) and the variability of beliefs
 * Lambda_i^Q of every agent for a distribution Q over states x signal
 * profiles; with --M, the reward scale eps = 12 n M sqrt|A| max_i nu_i / min_i
 * Lambda_i that the proof of Theorem B(b) shows sufficient (rewards 0 <= zeta_i <= eps).
 *
 * File: {"states": m, "signals": [k_1, ..., k_n], "Q": [...]}, Q flat and
 * row-major over Theta x A_1 x ... x A_n, the state slowest.
 */
import { InputError } from '../../core/errors.ts';
import { assertWorkWithinLimit, CELL_COST, DEFAULT_MAX_WORK, maxWorkOption, product, type WorkPart } from '../../core/limits.ts';
import { assertFinite, MAX_ABS_PAYOFF, probability } from '../../core/numbers.ts';
import { JointPrior } from '../../core/prior.ts';
import { assertDistribution } from '../../core/distribution.ts';
import { informationalSize } from '../../information/informationalSize.ts';
import { beliefVariability } from '../../information/beliefVariability.ts';
import { theoremBRewardScale } from '../../mechanisms/twoStage/rewardScales.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile } from '../io.ts';
import { formatNumber } from '../../core/format.ts';

const HELP = `usage: mechcheck info --decomposition FILE [--M m] [--max-work W] [--json]
  Informational size nu_i (Definition 3) and variability of beliefs Lambda_i
  (section 4.3) of McLean and Postlewaite (2015) for each agent.
  FILE: {"states": m, "signals": [k_1, ..., k_n], "Q": [...]} with Q a flat
  array over Theta x A_1 x ... x A_n (row-major, the state slowest, agent 1
  the slowest signal), nonnegative and summing to 1.
  --M m   payoff bound; also print eps = 12 n M sqrt|A| max nu / min Lambda,
          the reward scale the proof of Theorem B(b) shows sufficient.
          (a decimal in [0, 1e12])
  --max-work W  the work limit (default 1e9 units, about 10 s of CPU; README "Numbers and limits"):
          the work (signals^2 x profiles x states per agent) is estimated before Q is built
  --json  {"nu": [...], "lambda": [...], "epsilon": ...} ("Infinity" as a string where infinite:
          Lambda of an agent with one signal, eps when some Lambda is 0)
  Exit 0 on success, 2 on a malformed file.
example:
  mechcheck info --decomposition fixtures/seed001/section2-rho0.8.json --M 1`;

const FIELDS = new Set(['states', 'signals', 'Q']);

/** A decomposition file, validated but not yet built into a JointPrior. */
export interface DecompositionFile {
  states: number;
  signals: number[];
  Q: number[];
}

/**
 * Validate the decomposition file: {"states": m, "signals": [k_1..k_n], "Q": [...]}.
 * The declared sizes are checked against Q's length before anything else
 * (a file declaring 1e9 profiles with a short Q is refused at once);
 * probabilities are finite numbers in [0, 1] summing to 1. Every problem is an
 * InputError naming the field.
 */
export function readDecompositionFile(raw: unknown): DecompositionFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError('file', 'must be a JSON object {"states", "signals", "Q"}');
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!FIELDS.has(k)) throw new InputError(k, 'is not a known field (expected states, signals, Q)');
  const { states, signals, Q } = obj;
  if (typeof states !== 'number' || !Number.isInteger(states) || states < 1) throw new InputError('states', `must be a positive integer, got ${JSON.stringify(states) ?? String(states)}`);
  if (!Array.isArray(signals) || signals.length === 0) throw new InputError('signals', 'must be a nonempty array of signal counts');
  signals.forEach((k, i) => {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new InputError(`signals[${i}]`, `must be a positive integer, got ${JSON.stringify(k) ?? String(k)}`);
  });
  if (!Array.isArray(Q)) throw new InputError('Q', 'must be an array of probabilities');
  const size = states * product(signals as number[]);
  if (Q.length !== size) throw new InputError('Q', `has ${Q.length} entries, expected ${Number.isSafeInteger(size) ? size : 'more than 2^53'} (= ${states} states x ${(signals as number[]).join(' x ')} signal profiles)`);
  Q.forEach((p, k) => probability(p, `Q[${k}]`));
  assertDistribution(Q, 'Q');
  return { states, signals: signals as number[], Q: Q as number[] };
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
    { what: `the informational sizes nu_i (signals^2 x profiles = ${k.map((ki) => `${ki}^2`).join(' + ')} x ${A}, times the states)`, units: nu },
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
      if (!(prior.ownMarginal[i][a] > 0)) throw new InputError('Q', `agent ${i + 1}'s signal ${a} has probability 0, but its conditional Q(. | a_i) is needed for nu and Lambda`);
    }
  }
  return prior;
}

export interface InfoResult {
  nu: number[];
  lambda: number[];
  epsilon?: number;
  M?: number;
}

export function informationSummary(Q: JointPrior, M?: number): InfoResult {
  const nu = Array.from({ length: Q.agents }, (_, i) => informationalSize(Q, i).nu);
  const lambda = Array.from({ length: Q.agents }, (_, i) => beliefVariability(Q, i).lambda);
  const out: InfoResult = { nu, lambda };
  if (M !== undefined) {
    out.M = M;
    out.epsilon = theoremBRewardScale({ nu, lambda, profileCount: Q.profiles.size, agents: Q.agents }, M);
  }
  return out;
}

const jsonNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
const fmt = (x: number) => formatNumber(x, { exactIntegers: false });

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { decomposition: { type: 'string' }, M: { type: 'string' }, 'max-work': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length) throw new InputError('arguments', `unexpected ${positionals.join(' ')} (the file goes after --decomposition)`);
    if (!values.decomposition) throw new InputError('--decomposition', 'a decomposition file is required');
    const M = numberOption(values.M, 'M', { min: 0, max: MAX_ABS_PAYOFF });
    const maxWork = maxWorkOption(values['max-work']);
    const Q = parseDecompositionFile(readJsonFile(io, values.decomposition, '--decomposition'), maxWork);
    const r = informationSummary(Q, M);
    r.nu.forEach((x, i) => assertFinite(x, `nu of agent ${i + 1}`));
    r.lambda.forEach((x, i) => {
      // Lambda_i is +Infinity exactly when agent i has one signal (no pair to compare); NaN never
      if (!(x === Infinity && Q.typeCounts[i] === 1)) assertFinite(x, `Lambda of agent ${i + 1}`);
    });
    // eps is +Infinity exactly when some Lambda is 0 while some nu > 0 (no reward scale suffices); otherwise finite
    if (r.epsilon !== undefined && !(r.epsilon === Infinity && Math.min(...r.lambda) === 0)) assertFinite(r.epsilon, 'epsilon (--M too large for this decomposition)');
    if (values.json) {
      // JSON has no Infinity: such values are the string "Infinity" (as the text output prints them), never null
      printJson(io, { ...r, lambda: r.lambda.map(jsonNumber), ...(r.epsilon !== undefined ? { epsilon: jsonNumber(r.epsilon) } : {}) });
      return 0;
    }
    const lines = [`decomposition ${values.decomposition}: ${Q.states} states, ${Q.agents} agents, signals [${Q.typeCounts.join(', ')}]`];
    lines.push('  agent  nu (informational size)  Lambda (variability of beliefs)');
    r.nu.forEach((nu, i) => lines.push(`  ${String(i + 1).padEnd(5)}  ${fmt(nu).padEnd(23)}  ${fmt(r.lambda[i])}`));
    if (r.epsilon !== undefined) lines.push(`  Theorem B(b): rewards 0 <= zeta_i <= eps suffice with eps = 12 n M sqrt|A| max nu / min Lambda = ${fmt(r.epsilon)} (M = ${M})`);
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
