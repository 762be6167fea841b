/**
 * `mechcheck assignment --instance FILE [--posterior p1,p2,...] [--json]`
 * (seed 000_8a10c4f2f12bc353.txt, sections 3.4 and 4.1): the efficient
 * assignment with externalities over all partial matchings and the stage-2 VCG
 * transfers, computed at a posterior (the file's "posterior", or --posterior).
 *
 * Instance file: {"n", "M", "states", "posterior"?: [..], "u": [s][i][j],
 * "v": [s][i][j], "c": [s][i][j][p][q]}, values in [0, M]; c entries with
 * p = i or q = j must be 0. Output (--json): {"matching": [seller or -1 per
 * buyer], "welfare", "payoffs": [g_i], "transfers": [x_i]} (x_i is money paid
 * TO buyer i, so x_i <= 0). Exit 0 on success, 2 on bad input.
 */
import { assertDistribution } from '../../core/distribution.ts';
import { InputError } from '../../core/errors.ts';
import { assertWorkWithinLimit, CELL_COST, maxWorkOption, StepBudget, type WorkPart } from '../../core/limits.ts';
import { assertFinite, parseDecimalOrFraction } from '../../core/numbers.ts';
import { dataAtPosterior, parseInstance } from '../../mechanisms/assignment/instance.ts';
import { efficientAssignment, vcgAssignment } from '../../mechanisms/assignment/solver.ts';
import type { Command } from '../command.ts';
import { parse, printJson, readJsonFile } from '../io.ts';

const HELP = `usage: mechcheck assignment --instance FILE [--posterior p1,p2,...] [--max-work W] [--json]
  Efficient assignment of n buyers to n sellers with externalities (all partial matchings)
  and the stage-2 VCG transfers of seed 000 (section 4.1), at a posterior on the states.
  FILE: {"n", "M", "states", "posterior": [..] (optional), "u": [s][i][j], "v": [s][i][j], "c": [s][i][j][p][q]}
    u: buyer i's valuation for seller j in state s; v: seller j's cost of serving i;
    c[s][i][j][p][q]: externality cost to buyer i (matched to j) when p is matched to q
    (entries with p = i or q = j must be 0); every value in [0, M]; n <= 10.
    Numbers: 0 < M <= 1e12, probabilities in [0, 1].
  --posterior overrides the file's posterior (comma-separated decimals or fractions a/b in [0, 1],
    summing to 1); with one state it defaults to [1].
  --max-work W  the work limit (default 1e9 units, about 10 s of CPU; README "Numbers and limits"):
    the branch and bound's nodes are counted while it runs (n + 1 searches).
  --json prints {"matching": [seller or -1 per buyer], "welfare", "payoffs": [g_i], "transfers": [x_i]}
  (transfers are paid TO the buyer: x_i <= 0). Exit 0 on success, 2 on bad input.
example:
  mechcheck assignment --instance fixtures/seed000/spectrum-3x3.json`;

function parsePosterior(text: string, states: number): number[] {
  const parts = text.split(',');
  if (parts.length !== states) throw new InputError('--posterior', `has ${parts.length} entries, expected one per state (${states})`);
  const xs = parts.map((s, k) => parseDecimalOrFraction(s, `--posterior[${k}]`, { min: 0, max: 1 }));
  return assertDistribution(xs, '--posterior') as number[];
}

/** Work units of reading and averaging an instance of n buyers and S states (the searches are counted as they run). */
export function assignmentWork(n: number, S: number): WorkPart[] {
  return [
    {
      what: `the instance data at the posterior (${S} states x n^4 = ${n ** 4} externality entries)`,
      units: S * (2 * n * n + n ** 4) * (1 + CELL_COST),
    },
  ];
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9 + 0;

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      instance: { type: 'string' },
      posterior: { type: 'string' },
      'max-work': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length > 0) throw new InputError('arguments', `unexpected argument '${positionals[0]}' (use --instance FILE)`);
    if (!values.instance) throw new InputError('--instance', 'is required (a JSON instance file; see --help)');
    const maxWork = maxWorkOption(values['max-work']);
    const { instance, posterior: filePosterior } = parseInstance(readJsonFile(io, values.instance, '--instance'));
    // the instance's arrays are in the file already; what is left is averaging them and the searches
    const work = assertWorkWithinLimit(assignmentWork(instance.n, instance.states), maxWork, 'states');
    const budget = new StepBudget(maxWork, 'n', 'the branch and bound over partial matchings');
    budget.spend(work);
    const posterior =
      values.posterior !== undefined
        ? parsePosterior(values.posterior, instance.states)
        : (filePosterior ?? (instance.states === 1 ? [1] : undefined));
    if (!posterior) throw new InputError('posterior', `missing: give "posterior" in the file or --posterior (${instance.states} states)`);
    const out = vcgAssignment(dataAtPosterior(instance, posterior), (data, exclude) => efficientAssignment(data, exclude, budget));
    assertFinite(out.welfare, 'welfare');
    out.transfers.forEach((x, i) => assertFinite(x, `transfer of buyer ${i}`));
    const result = {
      matching: out.match,
      welfare: round9(out.welfare),
      payoffs: out.payoffs.map(round9),
      transfers: out.transfers.map(round9),
    };
    if (values.json) {
      printJson(io, { ...result, posterior });
      return 0;
    }
    const lines = [
      `efficient assignment with externalities (n = ${instance.n}, ${instance.states} state${instance.states > 1 ? 's' : ''}) at posterior [${posterior.join(', ')}]`,
      `  welfare (sum of g_i): ${result.welfare}`,
      '  buyer  seller  payoff g_i  VCG transfer x_i  utility g_i + x_i',
      ...result.matching.map(
        (j, i) =>
          `  ${String(i).padStart(5)}  ${(j < 0 ? '-' : String(j)).padStart(6)}  ${String(result.payoffs[i]).padStart(10)}  ${String(result.transfers[i]).padStart(16)}  ${String(round9(result.payoffs[i] + result.transfers[i])).padStart(17)}`,
      ),
      `  VCG surplus (sum of -x_i): ${round9(-result.transfers.reduce((a, b) => a + b, 0))}`,
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
