/**
 * Certificates turned into statements a designer can read.
 *
 * Infeasible: a Farkas certificate is a set of nonnegative weights on the
 * constraints (with signs for equalities) whose weighted sum reads 0 <= -b
 * with b > 0. Grouped by family (which constraints carry it) and listed by
 * case (which agents and types, which profiles), with weights normalised to
 * sum to 1 over the constraints shown. The lottery rows (probabilities sum to
 * one) and nonnegativity are part of every such sum; interim definitions are
 * bookkeeping of the sparse LP and are not shown. `efficient` fixes
 * probabilities of inefficient outcomes at 0: a certificate that leans on it
 * shows as weights on those outcomes at those profiles.
 *
 * Unbounded: the ray's largest moves, in the mechanism's own variables.
 */
import type { Fraction } from 'mathjs';
import type { Field } from '../mechanisms/bilateralTrade/field.ts';
import type { LinearProgram } from '../solvers/lp/types.ts';
import type { ColumnTag, DesignProgram, GenericLP, RowTag } from './program.ts';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../core/tolerance.ts';
import { formatNumber } from '../core/format.ts';

/** Names to print: agents, each agent's types, outcomes. */
export interface Labels {
  agents: readonly string[];
  types: readonly (readonly string[])[];
  outcomes: readonly string[];
}

/** One constraint (or efficiency restriction) in a certificate, with its weight. */
export interface WeightedCase {
  /** e.g. "buyer type v=1" or "profile [c=0, v=1]" */
  label: string;
  weight: number;
  /** the exact weight, with --exact */
  exactWeight?: string;
}

/** The constraints of one family that carry a certificate. */
export interface FamilyWeight {
  family: string;
  /** share of the total weight */
  share: number;
  cases: WeightedCase[];
}

/** A Farkas certificate as a statement: the families and cases that carry it, with weights summing to 1. */
export interface InfeasibilityStatement {
  /** one paragraph */
  summary: string;
  families: FamilyWeight[];
  /** the weighted sum reads 0 <= bound (< 0), with weights normalised to sum to 1 */
  bound: number;
  /** the exact bound, with --exact */
  exactBound?: string;
}

/** An unbounded ray as the moves of the mechanism's variables. */
export interface UnboundedDirection {
  summary: string;
  /** the objective's rate of increase along the direction (per unit of its largest move) */
  rate: number;
  /** the variables that move, largest first */
  moves: Array<{ variable: string; change: number }>;
}

function profileLabel(labels: Labels, k: number, space: { profile(k: number): number[] }): string {
  return `[${space
    .profile(k)
    .map((t, i) => labels.types[i][t])
    .join(', ')}]`;
}

/** A readable name for a row of the design LP. */
export function describeRow(tag: RowTag, labels: Labels, space: { profile(k: number): number[] }): string {
  const who = tag.agent !== undefined ? labels.agents[tag.agent] : '';
  const prof = (k: number) =>
    `[${space
      .profile(k)
      .map((t, i) => labels.types[i][t])
      .join(', ')}]`;
  switch (tag.family) {
    case 'interimIC':
      return `${who} type ${labels.types[tag.agent!][tag.type!]} not reporting ${labels.types[tag.agent!][tag.report!]}`;
    case 'interimIR':
      return `${who} type ${labels.types[tag.agent!][tag.type!]}`;
    case 'exPostIC':
      return `${who} not reporting ${labels.types[tag.agent!][tag.report!]} at profile ${prof(tag.profile!)}`;
    case 'dominantStrategyIC':
      return `${who} not reporting ${labels.types[tag.agent!][tag.report!]} at reports ${prof(tag.profile!)}${tag.trueProfile !== undefined && tag.trueProfile !== tag.profile ? ` (true profile ${prof(tag.trueProfile)})` : ''}`;
    case 'exPostIR':
    case 'noPositiveTransfers':
      return `${who} at profile ${prof(tag.profile!)}`;
    case 'exPostBudget':
    case 'exPostBudgetBalance':
    case 'lottery':
      return `profile ${prof(tag.profile!)}`;
    case 'exAnteBudget':
      return 'expected budget';
    case 'interimDefinition':
      return `${who} interim ${tag.outcome !== undefined ? `probability of ${labels.outcomes[tag.outcome]}` : 'transfer'} when reporting ${labels.types[tag.agent!][tag.report!]}`;
    case 'efficient':
      return `profile ${prof(tag.profile!)}`;
  }
}

/** A readable name for a column of the design LP. */
export function describeColumn(c: ColumnTag, labels: Labels, space: { profile(k: number): number[] }): string {
  const prof = (k: number) =>
    `[${space
      .profile(k)
      .map((t, i) => labels.types[i][t])
      .join(', ')}]`;
  switch (c.kind) {
    case 'q':
      return `P(${labels.outcomes[c.outcome]} | ${prof(c.profile)})`;
    case 'x':
      return `transfer to ${labels.agents[c.agent]} at ${prof(c.profile)}`;
    case 'A':
      return `${labels.agents[c.agent]}'s interim probability of ${labels.outcomes[c.outcome]} reporting ${labels.types[c.agent][c.report]}`;
    case 'X':
      return `${labels.agents[c.agent]}'s interim transfer reporting ${labels.types[c.agent][c.report]}`;
  }
}

const FAMILY_NAMES: Record<string, string> = {
  interimIC: 'interim IC',
  interimIR: 'interim IR',
  exPostIC: 'ex post IC',
  dominantStrategyIC: 'dominant-strategy IC',
  exPostIR: 'ex post IR',
  exPostBudget: 'ex post budget',
  exPostBudgetBalance: 'ex post budget balance',
  exAnteBudget: 'ex ante budget',
  noPositiveTransfers: 'no positive transfers',
  lottery: 'lotteries (probabilities sum to 1)',
  efficient: 'efficiency (no mass on inefficient outcomes)',
};

const fmt = (x: number) => formatNumber(x, { digits: 4, exactIntegers: false });

/**
 * The Farkas multipliers y (oriented as `farkasCertificate` returns them, on
 * the float LP) as a statement. With `exact`, the exact multipliers on the
 * exact LP give exact weights and an exact bound.
 */
export function infeasibilityStatement<T>(
  program: DesignProgram<T>,
  lp: LinearProgram,
  y: readonly number[],
  labels: Labels,
  space: { profile(k: number): number[] },
  exact?: { F: Field<Fraction>; lp: GenericLP<Fraction>; y: Fraction[] },
): InfeasibilityStatement {
  // efficiency weights: reduced costs -(A^T y)_j of probabilities fixed at 0 by `efficient` that point upward
  const n = lp.objective.length;
  const d = new Float64Array(n);
  lp.rows.forEach((r, i) => {
    if (y[i] === 0) return;
    for (let k = 0; k < r.indices.length; k++) d[r.indices[k]] -= y[i] * r.values[k];
  });
  const F = exact?.F;
  const dExact = new Map<number, Fraction>();
  if (exact && F) {
    exact.lp.rows.forEach((r, i) => {
      if (F.cmp(exact.y[i], F.zero) === 0) return;
      for (let k = 0; k < r.indices.length; k++) {
        const j = r.indices[k];
        if (lp.upper![j] !== 0 || program.columns[j].kind !== 'q') continue;
        dExact.set(j, F.sub(dExact.get(j) ?? F.zero, F.mul(exact.y[i], r.values[k])));
      }
    });
  }
  const cases: Array<{ family: string; label: string; weight: number; exactWeight?: Fraction }> = [];
  program.rowTags.forEach((tag, i) => {
    if (y[i] === 0 || tag.family === 'interimDefinition') return;
    cases.push({
      family: tag.family,
      label: describeRow(tag, labels, space),
      weight: Math.abs(y[i]),
      exactWeight: exact ? exact.y[i].abs() : undefined,
    });
  });
  if (program.efficientOutcomes) {
    program.columns.forEach((c, j) => {
      if (c.kind !== 'q' || lp.upper![j] !== 0 || !(d[j] > TIE_TOLERANCE)) return;
      const e = dExact.get(j);
      cases.push({
        family: 'efficient',
        label: `${labels.outcomes[c.outcome]} excluded at ${profileLabel(labels, c.profile, space)}`,
        weight: d[j],
        exactWeight: e && F && F.cmp(e, F.zero) > 0 ? e : exact ? exact.F.zero : undefined,
      });
    });
  }
  const total = cases.reduce((s, c) => s + c.weight, 0);
  let exactTotal: Fraction | undefined;
  if (exact && F) {
    exactTotal = F.zero;
    for (const c of cases) exactTotal = F.add(exactTotal, c.exactWeight!);
  }
  const byFamily = new Map<string, typeof cases>();
  for (const c of cases) byFamily.set(c.family, [...(byFamily.get(c.family) ?? []), c]);
  const families: FamilyWeight[] = [...byFamily.entries()]
    .map(([family, cs]) => ({
      family,
      share: cs.reduce((s, c) => s + c.weight, 0) / total,
      cases: cs
        .sort((a, b) => b.weight - a.weight)
        .map((c) => ({
          label: c.label,
          weight: c.weight / total,
          ...(c.exactWeight && F && exactTotal ? { exactWeight: F.div(c.exactWeight, exactTotal).toFraction() } : {}),
        })),
    }))
    .sort((a, b) => (a.family === 'lottery' ? 1 : b.family === 'lottery' ? -1 : b.share - a.share));
  // the bound of the normalised combination: sum_i y_i (upper or lower) / total
  let bound = 0;
  lp.rows.forEach((r, i) => {
    const yi = y[i] / total;
    if (yi > 0) bound += yi * r.upper;
    else if (yi < 0) bound += yi * r.lower;
  });
  let exactBound: string | undefined;
  if (exact && F && exactTotal) {
    let b = F.zero;
    exact.lp.rows.forEach((r, i) => {
      const s = F.cmp(exact.y[i], F.zero);
      if (s !== 0) b = F.add(b, F.mul(exact.y[i], F.of(s > 0 ? r.upper : r.lower)));
    });
    exactBound = F.div(b, exactTotal).toFraction();
  }
  const shown = families.filter((f) => f.family !== 'lottery');
  const parts = shown.map((f) => {
    const list = f.cases.slice(0, 6).map((c) => `${c.label} (${c.exactWeight ?? fmt(c.weight)})`);
    const more = f.cases.length > 6 ? `, and ${f.cases.length - 6} more` : '';
    return `${FAMILY_NAMES[f.family] ?? f.family} of ${list.join(', ')}${more}`;
  });
  const summary = `No mechanism satisfies the constraints: the weighted sum of ${parts.join('; ')}${families.some((f) => f.family === 'lottery') ? ', with the lotteries summing to one,' : ''} reads 0 <= ${exactBound ?? fmt(bound)}.`;
  return { summary, families, bound, ...(exactBound ? { exactBound } : {}) };
}

/** An unbounded ray as the largest moves of the mechanism's variables. */
export function unboundedDirection<T>(
  program: DesignProgram<T>,
  ray: readonly number[],
  rate: number,
  labels: Labels,
  space: { profile(k: number): number[] },
): UnboundedDirection {
  const m = Math.max(...ray.map(Math.abs));
  const moves = program.columns
    .map((c, j) => ({ c, v: ray[j] / m }))
    .filter(({ c, v }) => Math.abs(v) > DEFAULT_TOLERANCE && (c.kind === 'q' || c.kind === 'x'))
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v))
    .map(({ c, v }) => ({ variable: describeColumn(c, labels, space), change: v }));
  const head = moves.slice(0, 6).map((mv) => `${mv.variable} ${mv.change > 0 ? '+' : ''}${fmt(mv.change)}`);
  return {
    summary: `The objective grows without bound (rate ${fmt(rate / m)} per unit) along: ${head.join(', ')}${moves.length > 6 ? `, and ${moves.length - 6} more` : ''}.`,
    rate: rate / m,
    moves,
  };
}
