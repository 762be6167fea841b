/**
 * `mechcheck design FILE`: the best randomized direct mechanism with free
 * transfers for a finite environment under the imposed constraints (certified
 * LP), an impossibility certificate, or the direction of unboundedness.
 * Exit 0 optimal, 1 infeasible or unbounded, 2 bad input.
 */
import { InputError } from '../../core/errors.ts';
import { DESIGN_CONSTRAINTS } from '../../design/constraints.ts';
import { designMechanism, mechanismFile, type DesignResult } from '../../design/design.ts';
import { parseDesignFile } from '../../design/designFile.ts';
import { OBJECTIVE_NAMES } from '../../design/objective.ts';
import { DESIGN_LIMITS } from '../../design/size.ts';
import { writeFileAtomic } from '../../report/atomicWrite.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile, resolvePath } from '../io.ts';
import { TIE_TOLERANCE } from '../../core/tolerance.ts';
import { formatNumber } from '../../core/format.ts';

const HELP = `usage: mechcheck design FILE [--objective O] [--constraints C1,C2,...] [--out FILE] [--exact] [--json]

FILE is an environment in the check format (agents, types, states, prior, outcomes,
valuations; see src/check/mechanism.schema.json) without outcome and transfers, plus
  "design": {"objective": O, "constraints": [C1, C2, ...]}
The design is over every randomized direct mechanism (a lottery over outcomes per
reported profile) with free transfers (money paid TO agents).

  --objective O        ${OBJECTIVE_NAMES.join(' | ')} | '{"agentWeights": [...], "revenueWeight": r}'
                       welfare: expected sum of values; revenue: expected sum of payments;
                       weights: sum_i w_i E[u_i] + r E[revenue]
  --constraints C,...  any of ${DESIGN_CONSTRAINTS.join(', ')}
                       (check's eight concepts with check's meanings; exPostBudgetBalance:
                       transfers sum to 0 at every profile; efficient: lotteries only over
                       welfare-maximising outcomes)
  --out FILE           write the optimal mechanism in the check format (mechcheck check FILE
                       then finds every imposed check concept satisfied)
  --exact              certify the value or the impossibility in exact rationals too
                       (small instances: at most ${DESIGN_LIMITS.exactNonzeros} nonzeros)
  --tolerance T        tolerance of the checks on the designed mechanism (default 1e-9)
  --max-nonzeros N     the LP size limit (default ${DESIGN_LIMITS.nonzeros}; HiGHS in WebAssembly needs about
                       300 bytes per nonzero and aborted near 8,000,000)
  --json               machine-readable output

Status: optimal (the certified value, the mechanism, and check's verdict on every imposed
constraint), infeasible (a verified Farkas certificate as a weighted sum of constraints),
unbounded (the direction). Exit 0 optimal, 1 infeasible or unbounded, 2 bad input.`;

const fmt = (x: number) => formatNumber(x, { digits: 10 });

function describeLottery(o: number | number[], outcomes: readonly string[]): string {
  if (typeof o === 'number') return outcomes[o];
  return o
    .map((p, c) => [p, c] as const)
    .filter(([p]) => p > TIE_TOLERANCE)
    .map(([p, c]) => `${fmt(p)} ${outcomes[c]}`)
    .join(' + ');
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      objective: { type: 'string' },
      constraints: { type: 'string' },
      out: { type: 'string' },
      exact: { type: 'boolean' },
      tolerance: { type: 'string' },
      'max-nonzeros': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length !== 1) throw new InputError('FILE', `expected exactly one design file, got ${positionals.length}`);
    const file = positionals[0];
    const problem = parseDesignFile(readJsonFile(io, file, file), { objective: values.objective, constraints: values.constraints });
    const tolerance = numberOption(values.tolerance, 'tolerance', { min: 0, max: 1 });
    if (tolerance !== undefined) problem.tolerance = tolerance;
    const maxNonzeros = numberOption(values['max-nonzeros'], 'max-nonzeros', { integer: true, min: 1, max: 1e9 });
    const out = values.out !== undefined ? resolvePath(io, values.out) : undefined;
    if (values.out !== undefined && values.out.trim() === '') throw new InputError('--out', 'must be a file name');

    const result: DesignResult = designMechanism(problem, { exact: values.exact === true, maxNonzeros });
    if (out && result.mechanism) writeFileAtomic(out, JSON.stringify(mechanismFile(problem, result), null, 2) + '\n');

    if (values.json) {
      printJson(io, { file, name: problem.name, ...result, ...(out && result.mechanism ? { written: values.out } : {}) });
    } else {
      const L = problem.labels;
      io.out(`${problem.name} (${file})\n`);
      io.out(`  objective: ${result.objectiveName}; constraints: ${result.constraints.join(', ') || '(none)'}\n`);
      const c = result.lp.certificate;
      io.out(
        `  LP: ${result.lp.variables} variables, ${result.lp.rows} rows, ${result.lp.nonzeros} nonzeros; ${result.lp.backend}, certified by ${c.method}${c.gap !== undefined ? ` (gap ${c.gap.toExponential(1)})` : ''}${c.farkasMargin !== undefined ? ` (margin ${c.farkasMargin.toExponential(2)})` : ''}\n`,
      );
      io.out(`  status: ${result.status}\n`);
      if (result.status === 'optimal') {
        io.out(
          `  value: ${fmt(result.value!)}${result.exact ? (result.exact.verified ? ` (exact: ${result.exact.value})` : ` (exact certification failed: ${result.exact.note})`) : ''}\n`,
        );
        for (const ch of result.checks!)
          io.out(`  check ${ch.constraint.padEnd(20)} ${ch.holds ? 'holds' : 'VIOLATED'}  worst ${fmt(ch.violation)}\n`);
        const m = result.mechanism!;
        const space = problem.env.prior.profiles;
        if (space.size <= 36) {
          io.out('  mechanism (reported profile: outcome; transfers to agents):\n');
          for (let k = 0; k < space.size; k++) {
            const prof = space.profile(k).map((t, i) => L.types[i][t]);
            io.out(`    [${prof.join(', ')}]: ${describeLottery(m.outcome[k], L.outcomes)}; ${m.transfers[k].map(fmt).join(', ')}\n`);
          }
        } else io.out(`  mechanism: ${space.size} profiles${out ? '' : ' (write it with --out FILE)'}\n`);
        if (out) io.out(`  wrote ${values.out} (mechcheck check ${values.out})\n`);
      } else if (result.status === 'infeasible') {
        io.out(`  ${result.infeasibility!.summary}\n`);
        for (const f of result.infeasibility!.families) {
          io.out(
            `    ${f.family} (${(100 * f.share).toFixed(1)}%): ${f.cases
              .slice(0, 8)
              .map((k) => `${k.label} ${k.exactWeight ?? fmt(k.weight)}`)
              .join('; ')}${f.cases.length > 8 ? `; and ${f.cases.length - 8} more` : ''}\n`,
          );
        }
        if (result.exact)
          io.out(
            `  exact: ${result.exact.verified ? `verified in rationals (0 <= ${result.infeasibility!.exactBound})` : result.exact.note}\n`,
          );
      } else io.out(`  ${result.direction!.summary}\n`);
    }
    return result.status === 'optimal' ? 0 : 1;
  },
};
