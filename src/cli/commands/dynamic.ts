/**
 * `mechcheck dynamic --env FILE [--json] [--last-step printed|internalize] [--tolerance T]`
 * (seed 004_9d6e3cf19fe3eb52.txt; issue 7, item 6): a finite dynamic
 * environment -> Assumptions 2 and 3, the Lemma A.4 transfers (pseudo-inverse)
 * and their residual, and the largest one-shot deviation gain (periodic ex post
 * IC) with its witness. Exit 0 when periodic ex post IC holds, 1 when a
 * deviation gains, 2 on bad input.
 */
import { InputError } from '../../core/errors.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';
import { efficientPlan } from '../../mechanisms/dynamic/allocation.ts';
import { convexIndependence, spanning } from '../../mechanisms/dynamic/assumptions.ts';
import { hasFiniteHorizon, parseDynamicEnvironment } from '../../mechanisms/dynamic/environment.ts';
import { periodicExPostIC } from '../../mechanisms/dynamic/incentives.ts';
import { lemmaA4Transfers, type LastStep } from '../../mechanisms/dynamic/transfers.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile } from '../io.ts';

const HELP = `usage: mechcheck dynamic --env FILE [--json] [--last-step printed|internalize] [--tolerance T]
  FILE: {"agents": N, "signals": [k_1..k_N], "actions": A, "horizon": T | "infinite",
         "discount": d in (0,1), "transition": [A][S][S], "utility": [N][A][S], "lastAction": a}
  S runs over signal profiles in row-major order (agent 1's signal the slowest index);
  transition[a][s] is the distribution of the next profile given allocation a and profile s;
  lastAction (required when T is finite) is the constant allocation of period T.
  For t < T the allocation maximises sum_j u^j(a, theta) + d E[W_{t+1}] (ties to the lowest action).
  Transfers: Lemma A.4 (pseudo-inverse). --last-step internalize adds the others' period-T
  utility to the transfer of the step T-1 -> T (see seed004.corollary33); default: as printed.
  Output: assumptions (convexIndependence, spanning), residual, maxGain and its witness
  (t, agent, profile, report; agents and signals 0-based). Exit 0 when periodic ex post IC
  holds, 1 when some one-shot deviation gains more than the tolerance, 2 on bad input.
example:
  mechcheck dynamic --env fixtures/seed004/two-agents-copy.json`;

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(6));
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      env: { type: 'string' },
      json: { type: 'boolean' },
      'last-step': { type: 'string' },
      tolerance: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    const file = values.env ?? (positionals.length === 1 ? positionals[0] : undefined);
    if (!file) throw new InputError('--env', 'expected --env FILE');
    if (positionals.length > (values.env ? 0 : 1)) throw new InputError('arguments', `unexpected argument '${positionals[values.env ? 0 : 1]}'`);
    const lastStepOpt = values['last-step'] ?? 'printed';
    if (lastStepOpt !== 'printed' && lastStepOpt !== 'internalize') throw new InputError('--last-step', `must be 'printed' or 'internalize', got '${lastStepOpt}'`);
    const lastStep: LastStep = lastStepOpt === 'printed' ? 'asPrinted' : 'internalizeLastPeriod';
    const tolerance = numberOption(values.tolerance, 'tolerance', { min: 0 }) ?? DEFAULT_TOLERANCE;
    const env = parseDynamicEnvironment(readJsonFile(io, file, file));
    if (hasFiniteHorizon(env) && env.lastAction === undefined) throw new InputError('lastAction', 'is required when the horizon is finite (the constant allocation of period T)');

    const plan = efficientPlan(env);
    const ci = convexIndependence(env);
    const sp = spanning(env);
    const a4 = lemmaA4Transfers(env, plan, { lastStep });
    const ic = periodicExPostIC(env, plan, a4.transfers, { tolerance });
    const witness = ic.witness ? { t: ic.witness.t, agent: ic.witness.agent, profile: ic.witness.profile, report: ic.witness.report } : null;
    if (values.json) {
      printJson(io, {
        file,
        horizon: env.horizon,
        lastStep: lastStepOpt,
        tolerance,
        assumptions: {
          convexIndependence: { holds: ci.holds, minDistance: Number.isFinite(ci.minDistance) ? ci.minDistance : null, witness: ci.witness },
          spanning: { holds: sp.holds, minSingularValue: sp.minSingularValue, pseudoInverseNorm: Number.isFinite(sp.maxPseudoInverseNorm) ? sp.maxPseudoInverseNorm : null, witness: sp.witness },
        },
        residual: a4.residual,
        maxGain: ic.maxGain,
        witness,
        periodicExPostIC: ic.holds,
        gainByPeriod: ic.gainByPeriod,
        allocation: plan.rules,
      });
    } else {
      const out: string[] = [];
      out.push(`${file}: ${env.agents} agents, signals [${env.signals.join(', ')}], ${env.actions} actions, horizon ${env.horizon}, discount ${env.discount}`);
      out.push(`  Assumption 2 (convex independence)  ${ci.holds ? 'holds' : 'FAILS'}  min sup-distance ${fmt(ci.minDistance)}${ci.witness ? `  at agent ${ci.witness.agent}, action ${ci.witness.action}, others [${ci.witness.others.join(', ')}], column ${ci.witness.column}` : ''}`);
      out.push(`  Assumption 3 (spanning)             ${sp.holds ? 'holds' : 'FAILS'}  min singular value ${fmt(sp.minSingularValue)}, ||M^+|| ${fmt(sp.maxPseudoInverseNorm)}${sp.witness ? `  at agent ${sp.witness.agent}, action ${sp.witness.action}, others [${sp.witness.others.join(', ')}]` : ''}`);
      out.push(`  Lemma A.4 transfers (${lastStepOpt} last step): residual ${fmt(a4.residual)}`);
      out.push(`  periodic ex post IC                 ${ic.holds ? 'holds' : 'VIOLATED'}  max one-shot gain ${fmt(ic.maxGain)}`);
      if (ic.witness && !ic.holds) out.push(`      witness: in period ${ic.witness.t}, agent ${ic.witness.agent} at profile [${ic.witness.profile.join(', ')}] gains ${fmt(ic.witness.gain)} by reporting ${ic.witness.report}`);
      io.out(out.join('\n') + '\n');
    }
    return ic.holds ? 0 : 1;
  },
};
