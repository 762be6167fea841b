/**
 * `mechcheck dynamic --env FILE [--json] [--last-step printed|internalize] [--tolerance T]`
 * (seed 004_9d6e3cf19fe3eb52.txt; issue 7, item 6): a finite dynamic
 * environment -> Assumptions 2 and 3, the Lemma A.4 transfers (pseudo-inverse)
 * and their residual, and the largest one-shot deviation gain (periodic ex post
 * IC) with its witness. Exit 0 when periodic ex post IC holds, 1 when a
 * deviation gains, 2 on bad input.
 */
import { InputError } from '../../core/errors.ts';
import { assertWorkWithinLimit, CELL_COST, maxWorkOption, product, StepBudget, type WorkPart } from '../../core/limits.ts';
import { assertFinite, MAX_ABS_PAYOFF } from '../../core/numbers.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';
import { efficientPlan, linearSolveWork, policyIterationWork } from '../../mechanisms/dynamic/allocation.ts';
import { convexIndependence, spanning } from '../../mechanisms/dynamic/assumptions.ts';
import {
  dynamicEnvironment,
  hasFiniteHorizon,
  parseDynamicSpec,
  type DynamicEnvironmentSpec,
} from '../../mechanisms/dynamic/environment.ts';
import { periodicExPostIC } from '../../mechanisms/dynamic/incentives.ts';
import { lemmaA4Transfers, type LastStep } from '../../mechanisms/dynamic/transfers.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile } from '../io.ts';
import { formatNumber } from '../../core/format.ts';

const HELP = `usage: mechcheck dynamic --env FILE [--json] [--last-step printed|internalize] [--tolerance T] [--max-work W]
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
  Numbers: probabilities in [0, 1], |utility| <= 1e12, discount in [1e-6, 1 - 1e-9];
  --tolerance T in [0, 1e12] (default 1e-9).
  --max-work W  the work limit (default 1e9 units, about 10 s of CPU; README "Numbers and limits"):
                the work (horizon x profiles^2, the convex-independence LPs, ...) is estimated
                before anything is built, and a larger request is refused with exit 2.
example:
  mechcheck dynamic --env fixtures/seed004/two-agents-copy.json`;

/** Work units of one certified LP with `vars` variables and `rows` rows (both backends, measured). */
const lpWork = (vars: number, rows: number) => 1.5e6 + 5e3 * vars * rows;

/**
 * The work `mechcheck dynamic` will do on a validated spec, part by part, in
 * the units of src/core/limits.ts (calibrated on this code: README "Numbers and
 * limits"). Computed from the declared sizes only, before anything is built.
 */
export function dynamicWork(spec: DynamicEnvironmentSpec, lastStep: LastStep): WorkPart[] {
  const n = spec.signals.length;
  const k = spec.signals;
  const A = spec.actions;
  const S = k.reduce((a, b) => a * b, 1);
  const m = k.map((ki) => S / ki);
  const finite = spec.horizon !== 'infinite';
  const T = finite ? (spec.horizon as number) : 1;
  const steps = !finite ? 1 : T < 2 ? 0 : lastStep === 'internalizeLastPeriod' && T > 2 ? 2 : 1;
  const sum = (f: (i: number) => number) => k.reduce((acc, _, i) => acc + f(i), 0);
  const sizes = `${n} agents, ${S} signal profiles, ${A} actions, horizon ${finite ? T : 'infinite'}`;
  return [
    {
      what: `the efficient plan (${sizes}: horizon x actions x profiles^2)`,
      units: finite ? 10 * T * S * A * (n + S) : 2 * policyIterationWork(spec),
    },
    {
      what: `the convex-independence LPs (${sum((i) => (k[i] > 1 ? A * S : 0))} certified LPs)`,
      units: sum((i) => (k[i] > 1 ? A * S * lpWork(k[i] + 1, 2 * m[i] + 1) : 0)) + 5 * n * A * S * S,
    },
    {
      what: `the spanning condition (${sum((i) => A * m[i])} eigenvalue problems)`,
      units: sum((i) => A * m[i] * (5 * k[i] * S + 2000 + 100 * k[i] ** 3 + 2 * k[i] ** 2 * m[i])),
    },
    {
      what: `the Lemma A.4 transfers (${steps} step table(s) of ${sum((i) => A * m[i] * m[i])} entries)`,
      units: steps * sum((i) => A * m[i] * (7 * k[i] * S + 2 * k[i] * n + 2000 + 300 * k[i] ** 2 * m[i])),
    },
    {
      what: `the one-shot deviations (${sizes}: horizon x profiles^2 x signals)`,
      units: 12 * T * S * S * sum((i) => k[i]) + 12 * T * n * S * S + (finite ? 0 : n * linearSolveWork(S)),
    },
    {
      what: `memory (horizon x profiles x agents and the transfer tables)`,
      units: CELL_COST * (2 * T * S + T * n * S + 2 * n * S + steps * sum((i) => A * m[i] * (m[i] + k[i]))),
    },
  ];
}

/** A number for --json: "Infinity" (a string) where the text output prints Infinity (never null). */
const jsonNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

const fmt = (x: number): string => formatNumber(x, { digits: 6 });

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      env: { type: 'string' },
      json: { type: 'boolean' },
      'last-step': { type: 'string' },
      tolerance: { type: 'string' },
      'max-work': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    const file = values.env ?? (positionals.length === 1 ? positionals[0] : undefined);
    if (!file) throw new InputError('--env', 'expected --env FILE');
    if (positionals.length > (values.env ? 0 : 1))
      throw new InputError('arguments', `unexpected argument '${positionals[values.env ? 0 : 1]}'`);
    const lastStepOpt = values['last-step'] ?? 'printed';
    if (lastStepOpt !== 'printed' && lastStepOpt !== 'internalize')
      throw new InputError('--last-step', `must be 'printed' or 'internalize', got '${lastStepOpt}'`);
    const lastStep: LastStep = lastStepOpt === 'printed' ? 'asPrinted' : 'internalizeLastPeriod';
    const tolerance = numberOption(values.tolerance, 'tolerance', { min: 0, max: MAX_ABS_PAYOFF }) ?? DEFAULT_TOLERANCE;
    const maxWork = maxWorkOption(values['max-work']);
    const spec = parseDynamicSpec(readJsonFile(io, file, '--env'));
    if (hasFiniteHorizon(spec) && spec.lastAction === undefined)
      throw new InputError('lastAction', 'is required when the horizon is finite (the constant allocation of period T)');
    // the work is estimated from the declared sizes before any table is built
    const work = assertWorkWithinLimit(
      dynamicWork(spec, lastStep),
      maxWork,
      spec.horizon !== 'infinite' && spec.horizon >= product(spec.signals) ? 'horizon' : 'signals',
    );
    const env = dynamicEnvironment(spec);
    // policy iteration (infinite horizon) takes as many steps as the data need: each is charged as it runs
    const budget = new StepBudget(maxWork, 'signals', 'policy iteration (infinite horizon)');
    budget.spend(work - 2 * (spec.horizon === 'infinite' ? policyIterationWork(spec) : 0));
    const plan = efficientPlan(env, { budget });
    const ci = convexIndependence(env);
    const sp = spanning(env);
    const a4 = lemmaA4Transfers(env, plan, { lastStep });
    assertFinite(a4.maxAbsTransfer, 'the Lemma A.4 transfers (discount or transition too close to degenerate)');
    assertFinite(a4.residual, 'the Lemma A.4 residual');
    const ic = periodicExPostIC(env, plan, a4.transfers, { tolerance });
    assertFinite(ic.violation, 'the largest one-shot deviation gain');
    // a deviation is a witness only when it gains (the worst case of a truthful mechanism is a loss)
    const witness =
      ic.witness && ic.violation > 0
        ? { t: ic.witness.t, agent: ic.witness.agent, profile: ic.witness.profile, report: ic.witness.report }
        : null;
    if (values.json) {
      printJson(io, {
        file,
        horizon: env.horizon,
        lastStep: lastStepOpt,
        tolerance,
        assumptions: {
          convexIndependence: { holds: ci.holds, minDistance: jsonNumber(ci.minDistance), witness: ci.witness },
          spanning: {
            holds: sp.holds,
            minSingularValue: jsonNumber(sp.minSingularValue),
            pseudoInverseNorm: jsonNumber(sp.maxPseudoInverseNorm),
            witness: sp.witness,
          },
        },
        residual: a4.residual,
        maxGain: ic.violation,
        witness,
        periodicExPostIC: ic.holds,
        gainByPeriod: ic.gainByPeriod,
        allocation: plan.rules,
      });
    } else {
      const out: string[] = [];
      out.push(
        `${file}: ${env.agents} agents, signals [${env.signals.join(', ')}], ${env.actions} actions, horizon ${env.horizon}, discount ${env.discount}`,
      );
      out.push(
        `  Assumption 2 (convex independence)  ${ci.holds ? 'holds' : 'FAILS'}  min sup-distance ${fmt(ci.minDistance)}${ci.witness ? `  at agent ${ci.witness.agent}, action ${ci.witness.action}, others [${ci.witness.others.join(', ')}], column ${ci.witness.column}` : ''}`,
      );
      out.push(
        `  Assumption 3 (spanning)             ${sp.holds ? 'holds' : 'FAILS'}  min singular value ${fmt(sp.minSingularValue)}, ||M^+|| ${fmt(sp.maxPseudoInverseNorm)}${sp.witness ? `  at agent ${sp.witness.agent}, action ${sp.witness.action}, others [${sp.witness.others.join(', ')}]` : ''}`,
      );
      out.push(`  Lemma A.4 transfers (${lastStepOpt} last step): residual ${fmt(a4.residual)}`);
      out.push(`  periodic ex post IC                 ${ic.holds ? 'holds' : 'VIOLATED'}  max one-shot gain ${fmt(ic.violation)}`);
      if (ic.witness && !ic.holds)
        out.push(
          `      witness: in period ${ic.witness.t}, agent ${ic.witness.agent} at profile [${ic.witness.profile.join(', ')}] gains ${fmt(ic.witness.gain)} by reporting ${ic.witness.report}`,
        );
      io.out(out.join('\n') + '\n');
    }
    return ic.holds ? 0 : 1;
  },
};
