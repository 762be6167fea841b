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
import { maxWorkOption } from '../../core/limits.ts';
import { assertFinite, MAX_ABS_PAYOFF } from '../../core/numbers.ts';
import { parseDecompositionFile } from '../../information/decompositionFile.ts';
import { informationSummary } from '../../mechanisms/twoStage/informationSummary.ts';
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

const jsonNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
const fmt = (x: number) => formatNumber(x, { exactIntegers: false });

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        decomposition: { type: 'string' },
        M: { type: 'string' },
        'max-work': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
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
    if (r.epsilon !== undefined && !(r.epsilon === Infinity && Math.min(...r.lambda) === 0))
      assertFinite(r.epsilon, 'epsilon (--M too large for this decomposition)');
    if (values.json) {
      // JSON has no Infinity: such values are the string "Infinity" (as the text output prints them), never null
      printJson(io, { ...r, lambda: r.lambda.map(jsonNumber), ...(r.epsilon !== undefined ? { epsilon: jsonNumber(r.epsilon) } : {}) });
      return 0;
    }
    const lines = [`decomposition ${values.decomposition}: ${Q.states} states, ${Q.agents} agents, signals [${Q.typeCounts.join(', ')}]`];
    lines.push('  agent  nu (informational size)  Lambda (variability of beliefs)');
    r.nu.forEach((nu, i) => lines.push(`  ${String(i + 1).padEnd(5)}  ${fmt(nu).padEnd(23)}  ${fmt(r.lambda[i])}`));
    if (r.epsilon !== undefined)
      lines.push(
        `  Theorem B(b): rewards 0 <= zeta_i <= eps suffice with eps = 12 n M sqrt|A| max nu / min Lambda = ${fmt(r.epsilon)} (M = ${M})`,
      );
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
