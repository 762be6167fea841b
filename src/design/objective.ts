/**
 * The designer's objective, in expectation over the prior:
 * - `welfare`: the expected sum of values, E[sum_i vhat_i(q(t); t)];
 * - `revenue`: the expected sum of payments, E[-sum_i x_i(t)] (transfers are paid TO agents);
 * - `{ agentWeights: [w_0, ...], revenueWeight: r }`: sum_i w_i E[u_i] + r E[revenue], where
 *   u_i = vhat_i + x_i. Welfare is weights 1 and revenue weight 1 (transfers cancel);
 *   revenue is weights 0 and revenue weight 1.
 */
import { InputError } from '../core/errors.ts';
import { finiteNumber } from '../core/numbers.ts';

/** An objective as the user names it. */
export type DesignObjective = 'welfare' | 'revenue' | { agentWeights: number[]; revenueWeight: number };

/** The objectives with a name. */
export const OBJECTIVE_NAMES = ['welfare', 'revenue'] as const;

/** The largest magnitude accepted for an objective weight. */
export const MAX_ABS_WEIGHT = 1e6;

/** Agent weights and revenue weight of any objective. */
export function objectiveWeights(o: DesignObjective, agents: number): { agentWeights: number[]; revenueWeight: number } {
  if (o === 'welfare') return { agentWeights: new Array<number>(agents).fill(1), revenueWeight: 1 };
  if (o === 'revenue') return { agentWeights: new Array<number>(agents).fill(0), revenueWeight: 1 };
  return o;
}

/** A readable name: "welfare", "revenue", or "weights [1, 0] + 0.5 revenue". */
export function describeObjective(o: DesignObjective): string {
  if (typeof o === 'string') return o;
  return `weights [${o.agentWeights.join(', ')}] + ${o.revenueWeight} revenue`;
}

/**
 * Validate an objective from a file or an option (a name, or a JSON object
 * string for an option): names the field, and lists the valid names.
 */
export function parseObjective(x: unknown, agents: number, field: string): DesignObjective {
  if (typeof x === 'string') {
    const t = x.trim();
    if (t.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(t);
      } catch (e) {
        throw new InputError(field, `is not valid JSON: ${(e as Error).message}`);
      }
      return parseObjective(parsed, agents, field);
    }
    if ((OBJECTIVE_NAMES as readonly string[]).includes(t)) return t as DesignObjective;
    throw new InputError(
      field,
      `unknown objective '${t}'; valid: ${OBJECTIVE_NAMES.join(', ')}, or {"agentWeights": [...], "revenueWeight": r}`,
    );
  }
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (k !== 'agentWeights' && k !== 'revenueWeight')
        throw new InputError(`${field}.${k}`, 'is not a known field (agentWeights, revenueWeight)');
    if (!Array.isArray(o.agentWeights)) throw new InputError(`${field}.agentWeights`, 'is required: one weight per agent');
    if (o.agentWeights.length !== agents)
      throw new InputError(`${field}.agentWeights`, `has ${o.agentWeights.length} entries, expected ${agents} (one per agent)`);
    const agentWeights = o.agentWeights.map((w, i) =>
      finiteNumber(w, `${field}.agentWeights[${i}]`, { min: -MAX_ABS_WEIGHT, max: MAX_ABS_WEIGHT }),
    );
    const revenueWeight =
      o.revenueWeight === undefined
        ? 0
        : finiteNumber(o.revenueWeight, `${field}.revenueWeight`, { min: -MAX_ABS_WEIGHT, max: MAX_ABS_WEIGHT });
    return { agentWeights, revenueWeight };
  }
  throw new InputError(
    field,
    `must be ${OBJECTIVE_NAMES.map((n) => `"${n}"`).join(' or ')} or {"agentWeights": [...], "revenueWeight": r}`,
  );
}
