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
import { JointPrior } from '../../core/prior.ts';
import { assertDistribution } from '../../core/distribution.ts';
import { informationalSize } from '../../information/informationalSize.ts';
import { beliefVariability } from '../../information/beliefVariability.ts';
import { theoremBRewardScale } from '../../mechanisms/twoStage/rewardScales.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile } from '../io.ts';

const HELP = `usage: mechcheck info --decomposition FILE [--M m] [--json]
  Informational size nu_i (Definition 3) and variability of beliefs Lambda_i
  (section 4.3) of McLean and Postlewaite (2015) for each agent.
  FILE: {"states": m, "signals": [k_1, ..., k_n], "Q": [...]} with Q a flat
  array over Theta x A_1 x ... x A_n (row-major, the state slowest, agent 1
  the slowest signal), nonnegative and summing to 1.
  --M m   payoff bound; also print eps = 12 n M sqrt|A| max nu / min Lambda,
          the reward scale the proof of Theorem B(b) shows sufficient.
  --json  {"nu": [...], "lambda": [...], "epsilon": ...}
  Exit 0 on success, 2 on a malformed file.
example:
  mechcheck info --decomposition fixtures/seed001/section2-rho0.8.json --M 1`;

const FIELDS = new Set(['states', 'signals', 'Q']);

/** Validate the decomposition file and build Q; every problem is an InputError naming the field. */
export function parseDecompositionFile(raw: unknown): JointPrior {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError('file', 'must be a JSON object {"states", "signals", "Q"}');
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!FIELDS.has(k)) throw new InputError(k, 'is not a known field (expected states, signals, Q)');
  const { states, signals, Q } = obj;
  if (typeof states !== 'number' || !Number.isInteger(states) || states < 1) throw new InputError('states', `must be a positive integer, got ${JSON.stringify(states)}`);
  if (!Array.isArray(signals) || signals.length === 0) throw new InputError('signals', 'must be a nonempty array of signal counts');
  signals.forEach((k, i) => {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new InputError(`signals[${i}]`, `must be a positive integer, got ${JSON.stringify(k)}`);
  });
  if (!Array.isArray(Q)) throw new InputError('Q', 'must be an array of probabilities');
  const size = states * (signals as number[]).reduce((a, b) => a * b, 1);
  if (Q.length !== size) throw new InputError('Q', `has ${Q.length} entries, expected ${size} (= ${states} states x ${(signals as number[]).join(' x ')} signal profiles)`);
  Q.forEach((p, k) => {
    if (typeof p !== 'number' || !Number.isFinite(p)) throw new InputError(`Q[${k}]`, `must be a finite number, got ${JSON.stringify(p)}`);
    if (p < 0) throw new InputError(`Q[${k}]`, `is negative (${p})`);
  });
  assertDistribution(Q, 'Q');
  const prior = new JointPrior(states, signals as number[], Q as number[], 'Q');
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

const fmt = (x: number) => (Number.isFinite(x) ? String(+x.toPrecision(8)) : String(x));

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { decomposition: { type: 'string' }, M: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length) throw new InputError('arguments', `unexpected ${positionals.join(' ')} (the file goes after --decomposition)`);
    if (!values.decomposition) throw new InputError('--decomposition', 'a decomposition file is required');
    const M = numberOption(values.M, 'M', { min: 0 });
    const Q = parseDecompositionFile(readJsonFile(io, values.decomposition, values.decomposition));
    const r = informationSummary(Q, M);
    if (values.json) {
      printJson(io, r);
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
