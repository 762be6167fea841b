/**
 * The constraints a design can impose: the eight concepts of `check`, with
 * exactly `check`'s meanings (src/concepts), plus two that only a designer asks for:
 * - `exPostBudgetBalance`: sum_i x_i(t) = 0 at every true profile;
 * - `efficient`: at every true profile, the lottery puts mass only on outcomes
 *   maximising sum_i vhat_i(c; t) (ties within DEFAULT_TOLERANCE in floating
 *   point, exact ties in exact arithmetic).
 * A true profile has P(t) > 0: `check`'s zero-probability policy (README
 * "Definitions"), applied to the two new constraints too.
 */
import { ALL_CONCEPTS } from '../concepts/checkAll.ts';
import type { ConceptName } from '../concepts/result.ts';
import { InputError } from '../core/errors.ts';

/** A constraint a design can impose: one of `check`'s concepts, ex post budget balance, or efficiency. */
export type DesignConstraint = ConceptName | 'exPostBudgetBalance' | 'efficient';

/** Every design constraint, in the canonical order (check's eight concepts first). */
export const DESIGN_CONSTRAINTS: readonly DesignConstraint[] = [...ALL_CONCEPTS, 'exPostBudgetBalance', 'efficient'];

/** Whether a constraint is one of `check`'s concepts. */
export function isCheckConcept(c: DesignConstraint): c is ConceptName {
  return (ALL_CONCEPTS as readonly string[]).includes(c);
}

/**
 * Validate a list of constraint names (an array from a file, or a
 * comma-separated option); an unknown name is named with the valid ones.
 * Duplicates are dropped; the order is the canonical one.
 */
export function parseConstraints(x: unknown, field: string): DesignConstraint[] {
  let names: unknown[];
  if (typeof x === 'string')
    names = x
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  else if (Array.isArray(x)) names = x;
  else throw new InputError(field, `must be a list of constraint names; valid: ${DESIGN_CONSTRAINTS.join(', ')}`);
  const seen = new Set<DesignConstraint>();
  names.forEach((n, k) => {
    if (typeof n !== 'string' || !(DESIGN_CONSTRAINTS as readonly string[]).includes(n)) {
      throw new InputError(
        Array.isArray(x) ? `${field}[${k}]` : field,
        `unknown constraint '${String(n)}'; valid: ${DESIGN_CONSTRAINTS.join(', ')}`,
      );
    }
    seen.add(n as DesignConstraint);
  });
  return DESIGN_CONSTRAINTS.filter((c) => seen.has(c));
}
