/**
 * The size of a design LP, computed from the declared dimensions before
 * anything is allocated, and the limits beyond which `design` refuses
 * (src/core/limits.ts): HiGHS runs in WebAssembly, whose memory cannot exceed
 * 4 GB, and aborted the process (not an exception) at that size before.
 *
 * The estimate is an upper bound on the LP's nonzeros: every row counted with
 * all its possible terms (a bidder's zero values are not known yet), and
 * interim rows counted in their dense form unless every agent has private
 * values and independent types (then the auxiliary form of program.ts).
 */
import { assertWithinLimit, product } from '../core/limits.ts';
import type { LinearProgram } from '../solvers/lp/types.ts';
import type { DesignConstraint } from './constraints.ts';

/**
 * Default limits. Measured on the 2-core machine class (HiGHS 1.15 in
 * WebAssembly, interior point with crossover): its memory grows by about
 * 300 bytes per nonzero (1.57M nonzeros 0.43 GB, 4.1M 1.19 GB, 5.8M 1.79 GB)
 * and at 7.9M nonzeros it aborted ("Aborted()"; the WebAssembly memory is
 * capped near 2 GB), leaving the solver unusable for the rest of the process.
 * Revenue-optimal auctions under interim IC and IR, with independent types:
 * 10^4 profiles take about 2 s of CPU and 0.4 GB, 65,536 profiles 35 s and
 * 0.8 GB, 10^5 profiles 92 s and 1.3 GB.
 */
export const DESIGN_LIMITS = {
  /** reported profiles */
  profiles: 100_000,
  /** the environment's value table, profiles x agents x outcomes */
  tableCells: 50_000_000,
  /** the LP's nonzeros, counted while it is built (HiGHS aborts near 8M) */
  nonzeros: 4_000_000,
  /** exact certification (--exact): nonzeros of the exact LP */
  exactNonzeros: 200_000,
};

/** An LP's size. */
export interface DesignSize {
  variables: number;
  rows: number;
  nonzeros: number;
}

/** The size of a built LP. */
export function designSize(lp: LinearProgram): DesignSize {
  let nonzeros = 0;
  for (const r of lp.rows) nonzeros += r.indices.length;
  return { variables: lp.objective.length, rows: lp.rows.length, nonzeros };
}

/** An upper bound on the LP's size from the declared dimensions (no allocation). */
export function estimateDesignSize(
  counts: readonly number[],
  outcomes: number,
  constraints: readonly DesignConstraint[],
  opts: { privateIndependent?: boolean; privateValues?: boolean } = {},
): DesignSize {
  const S = product(counts);
  const n = counts.length;
  const C = outcomes;
  const has = (c: DesignConstraint) => constraints.includes(c);
  let variables = S * (C + n);
  let rows = S;
  let nonzeros = S * C;
  const lies = counts.reduce((s, t) => s + (t - 1), 0);
  if (has('noPositiveTransfers')) {
    rows += S * n;
    nonzeros += S * n;
  }
  if (has('exPostBudget')) {
    rows += S;
    nonzeros += S * n;
  }
  if (has('exPostBudgetBalance')) {
    rows += S;
    nonzeros += S * n;
  }
  if (has('exAnteBudget')) {
    rows += 1;
    nonzeros += S * n;
  }
  if (has('exPostIR')) {
    rows += S * n;
    nonzeros += S * n * (C + 1);
  }
  if (has('exPostIC')) {
    rows += S * lies;
    nonzeros += S * lies * 2 * (C + 1);
  }
  if (has('dominantStrategyIC')) {
    if (opts.privateValues) {
      rows += S * lies;
      nonzeros += S * lies * 2 * (C + 1);
    } else
      counts.forEach((t) => {
        rows += S * (S / t) * (t - 1);
        nonzeros += S * (S / t) * (t - 1) * 2 * (C + 1);
      });
  }
  if (has('interimIC') || has('interimIR')) {
    counts.forEach((t) => {
      const others = S / t;
      if (opts.privateIndependent) {
        variables += t * (C + 1);
        rows += t * (C + 1);
        nonzeros += t * (C + 1) * (others + 1);
        if (has('interimIC')) {
          rows += t * (t - 1);
          nonzeros += t * (t - 1) * 2 * (C + 1);
        }
        if (has('interimIR')) {
          rows += t;
          nonzeros += t * (C + 1);
        }
      } else {
        if (has('interimIC')) {
          rows += t * (t - 1);
          nonzeros += t * (t - 1) * 2 * others * (C + 1);
        }
        if (has('interimIR')) {
          rows += t;
          nonzeros += t * others * (C + 1);
        }
      }
    });
  }
  return { variables, rows, nonzeros };
}

/**
 * Refuse a design beyond the limits, before building anything: the number of
 * profiles, the value table, and (for --exact) the LP's nonzeros by the
 * upper bound from the dimensions. The float LP's nonzeros are counted while
 * it is built (`buildDesignProgram`'s `maxNonzeros`): the bound from the
 * dimensions overestimates sparse LPs (zero values are left out).
 */
export function assertDesignWithinLimits(
  counts: readonly number[],
  outcomes: number,
  constraints: readonly DesignConstraint[],
  opts: { privateIndependent?: boolean; privateValues?: boolean; exact?: boolean } = {},
): DesignSize {
  const S = product(counts);
  assertWithinLimit(S, DESIGN_LIMITS.profiles, 'types', 'the number of type profiles');
  assertWithinLimit(S * counts.length * outcomes, DESIGN_LIMITS.tableCells, 'outcomes', 'the value table (profiles x agents x outcomes)');
  const size = estimateDesignSize(counts, outcomes, constraints, opts);
  if (opts.exact)
    assertWithinLimit(
      size.nonzeros,
      DESIGN_LIMITS.exactNonzeros,
      '--exact',
      `the design LP's size for exact certification (nonzeros, an upper bound from the dimensions; ${size.variables} variables, ${size.rows} rows)`,
    );
  return size;
}
