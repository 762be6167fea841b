/**
 * Checking a finite mechanism against every solution concept and reporting
 * the results in the user's labels: what `mechcheck check` prints, what the
 * vitest matchers and property builders show on failure.
 */
import { ALL_CONCEPTS, checkAll } from '../concepts/checkAll.ts';
import type { ConceptName, ConceptResult, Witness } from '../concepts/result.ts';
import { InputError } from '../core/errors.ts';
import { DEFAULT_TOLERANCE } from '../core/tolerance.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { FiniteEnvironment } from '../api/environment.ts';
import { asFiniteMechanism } from '../api/mechanism.ts';
import {
  assertWorkWithinLimit,
  DEFAULT_CHECK_LIMITS,
  type CheckLimits,
  type LimitOptionNames,
  type MechanismDimensions,
} from './limits.ts';
import { formatNumber } from '../core/format.ts';

/** How agents, types and outcomes are printed. */
export interface Labels {
  readonly agentNames: readonly string[];
  readonly typeLabels: readonly (readonly string[])[];
  readonly outcomeLabels: readonly string[];
}

/** The labels of an environment: the user's (FiniteEnvironment, or `typeLabels`/`outcomeLabels`), else `agent i`, `t_i=k`, `outcome c`. */
export function labelsOf(env: Environment): Labels {
  if (env instanceof FiniteEnvironment) return env;
  const counts = env.prior.typeCounts;
  return {
    agentNames: counts.map((_, i) => `agent ${i}`),
    typeLabels: counts.map((T, i) => Array.from({ length: T }, (_, k) => env.typeLabels?.[i]?.[k] ?? `t${i}=${k}`)),
    outcomeLabels: Array.from({ length: env.outcomes }, (_, c) => env.outcomeLabels?.[c] ?? `outcome ${c}`),
  };
}

/** A witness with the labels of its agent, types and profiles added. */
export interface LabelledWitness extends Witness {
  agentName?: string;
  trueTypeLabel?: string;
  reportLabel?: string;
  trueProfileLabels?: string[];
  reportedProfileLabels?: string[];
  profileLabels?: string[];
}

/** One concept's result in a check: the checker's result, whether it is required, the witness in labels and a sentence. */
export interface CheckedConcept extends Omit<ConceptResult, 'witness'> {
  /** whether the concept must hold for the check to pass */
  required: boolean;
  witness: LabelledWitness | null;
  /** the violation in words (empty when the concept holds) */
  explanation: string;
}

/** The result of `checkMechanism`. */
export interface CheckReport {
  mechanism: string;
  tolerance: number;
  /** every required concept holds */
  ok: boolean;
  /** the required concepts that are violated */
  failed: ConceptName[];
  results: CheckedConcept[];
}

/** Options of `checkMechanism`. */
export interface CheckMechanismOptions {
  /** violations up to this size count as holding (default 1e-9) */
  tolerance?: number;
  /** the concepts computed (default: all eight) */
  concepts?: readonly ConceptName[];
  /** the concepts that must hold for `ok` (default: every concept computed) */
  require?: readonly ConceptName[];
  /** limits on the work (default DEFAULT_CHECK_LIMITS) */
  limits?: CheckLimits;
  /** how the limits are raised, for the message (default: the CLI's --max-cells / --max-work) */
  limitNames?: LimitOptionNames;
}

/** The dimensions of a mechanism's environment, for the limits. */
export function dimensionsOf(env: Environment): MechanismDimensions {
  return {
    typeCounts: env.prior.typeCounts,
    states: env.prior.states,
    outcomes: env.outcomes,
    interdependent: env instanceof FiniteEnvironment ? env.valuationKind === 'interdependent' : env.privateValues !== true,
    privateValues: env.privateValues === true,
  };
}

/** Whether every name is a concept; otherwise an InputError naming `field` and the known concepts. */
export function parseConcepts(names: readonly string[], field: string): ConceptName[] {
  for (const c of names)
    if (!(ALL_CONCEPTS as readonly string[]).includes(c))
      throw new InputError(field, `unknown concept '${c}' (known: ${ALL_CONCEPTS.join(', ')})`);
  return [...new Set(names)] as ConceptName[];
}

/**
 * Check a mechanism against the solution concepts, with witnesses in the
 * user's labels. The mechanism is validated (tabulated) first, and the work is
 * checked against `limits.maxWork` before the checkers run.
 *
 * @example
 *   const report = checkMechanism(env, mechanism, { require: ['dominantStrategyIC', 'exPostIR'] });
 *   report.ok;                 // true when both hold
 *   report.results[0].explanation; // e.g. 'Ann with type 3 gains 2 by reporting 1 when the reports are [3, 1]'
 */
export function checkMechanism(env: Environment, mech: DirectMechanism, opts: CheckMechanismOptions = {}): CheckReport {
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const concepts = opts.concepts ?? ALL_CONCEPTS;
  const required = new Set(opts.require ?? concepts);
  const limits = opts.limits ?? DEFAULT_CHECK_LIMITS;
  assertWorkWithinLimit(dimensionsOf(env), limits, 'types', opts.limitNames);
  const finite = asFiniteMechanism(env, mech);
  const labels = labelsOf(env);
  // the engine guards the same quantities with the same defaults: pass the (possibly raised) limits on
  const results = checkAll(env, finite, { tolerance, maxWork: limits.maxWork, maxTableCells: limits.maxCells }, concepts).map((r) => ({
    ...r,
    required: required.has(r.concept),
    witness: labelWitness(labels, r.witness),
    explanation: explainViolation(labels, r),
  }));
  const failed = results.filter((r) => r.required && !r.holds).map((r) => r.concept);
  return { mechanism: mech.name ?? 'mechanism', tolerance, ok: failed.length === 0, failed, results };
}

/** Add the labels of the agent, types and profiles to a witness. */
export function labelWitness(labels: Labels, w: Witness | null): LabelledWitness | null {
  if (!w) return null;
  const out: LabelledWitness = { ...w };
  const prof = (p: number[]) => p.map((t, i) => labels.typeLabels[i][t]);
  if (w.agent !== undefined) out.agentName = labels.agentNames[w.agent];
  if (w.agent !== undefined && w.trueType !== undefined) out.trueTypeLabel = labels.typeLabels[w.agent][w.trueType];
  if (w.agent !== undefined && w.report !== undefined) out.reportLabel = labels.typeLabels[w.agent][w.report];
  if (w.trueProfile) out.trueProfileLabels = prof(w.trueProfile);
  if (w.reportedProfile) out.reportedProfileLabels = prof(w.reportedProfile);
  if (w.profile) out.profileLabels = prof(w.profile);
  return out;
}

/** The violation of a concept in words, in the user's labels ('' when it holds). */
export function explainViolation(labels: Labels, r: ConceptResult): string {
  const w: Witness | null = r.witness;
  if (!w || r.holds) return '';
  const fmt = formatNumber;
  const who = w.agent !== undefined ? labels.agentNames[w.agent] : '';
  const type = (t: number | undefined) => (w.agent !== undefined && t !== undefined ? labels.typeLabels[w.agent][t] : '?');
  const prof = (p: number[]) => `[${p.map((t, i) => labels.typeLabels[i][t]).join(', ')}]`;
  switch (r.concept) {
    case 'dominantStrategyIC':
    case 'exPostIC':
      return (
        `${who} with type ${type(w.trueType)} gains ${fmt(r.violation)} by reporting ${type(w.report)}` +
        (w.reportedProfile && r.concept === 'dominantStrategyIC'
          ? ` when the reports are ${prof(w.reportedProfile)}` +
            (w.trueProfile && w.trueProfile.some((t, i) => t !== w.reportedProfile![i] && i !== w.agent)
              ? ` and the true types ${prof(w.trueProfile)}`
              : '')
          : w.trueProfile
            ? ` at the profile ${prof(w.trueProfile)}`
            : '')
      );
    case 'interimIC':
      return `${who} with type ${type(w.trueType)} gains ${fmt(r.violation)} in expectation by reporting ${type(w.report)}`;
    case 'exPostIR':
      return `${who} gets ${fmt(-r.violation)} at the profile ${w.profile ? prof(w.profile) : '?'}`;
    case 'interimIR':
      return `${who} with type ${type(w.trueType)} expects ${fmt(-r.violation)}`;
    case 'exPostBudget':
      return `the designer pays out ${fmt(r.violation)} net at the profile ${w.profile ? prof(w.profile) : '?'}`;
    case 'exAnteBudget':
      return `the expected deficit is ${fmt(r.violation)}`;
    case 'noPositiveTransfers':
      return `${who} receives ${fmt(r.violation)} at the profile ${w.profile ? prof(w.profile) : '?'}`;
  }
  return '';
}

/** The text block `mechcheck check` prints for one mechanism. */
export function formatReport(report: CheckReport, source?: string): string {
  const lines = [`${report.mechanism}${source ? ` (${source})` : ''}, tolerance ${report.tolerance}`];
  for (const r of report.results) {
    const verdict = r.holds ? 'holds' : 'VIOLATED';
    lines.push(`  ${r.concept.padEnd(20)} ${verdict.padEnd(9)} worst ${formatNumber(r.worst)}${r.required ? '' : ' (not required)'}`);
    if (!r.holds) lines.push(`      witness: ${r.explanation}`);
  }
  const k = report.failed.length;
  lines.push(k === 0 ? 'all required properties hold' : `${k} required propert${k === 1 ? 'y' : 'ies'} violated`);
  return lines.join('\n') + '\n';
}
