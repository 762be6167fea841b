/**
 * The classic environments as design files (the `check` format plus
 * "design"), and running a design the way `mechcheck design` does, with the
 * designed mechanism checked by `check`'s concepts through the check file
 * format.
 */
import fc from 'fast-check';
import { checkAll } from '../../src/concepts/checkAll.ts';
import { parseMechanism } from '../../src/check/mechanismFile.ts';
import type { DesignConstraint } from '../../src/design/constraints.ts';
import { designMechanism, mechanismFile, type DesignResult } from '../../src/design/design.ts';
import { parseDesignFile } from '../../src/design/designFile.ts';
import type { DesignObjective } from '../../src/design/objective.ts';
import { objectValue, typeProbabilities } from '../../src/mechanisms/bilateralTrade/directMechanism.ts';
import type { TradeParameters } from '../../src/mechanisms/bilateralTrade/model.ts';

/** A design file: an environment in the check format with its "design" section. */
export type DesignFile = Record<string, unknown> & { design: { objective: DesignObjective; constraints: DesignConstraint[] } };

/** Bilateral trade: seller costs and buyer values (each with probabilities). The seller's value of trading is -c. */
export function tradeFile(
  costs: number[],
  values: number[],
  pc: number[],
  pv: number[],
  objective: DesignObjective,
  constraints: DesignConstraint[],
): DesignFile {
  return {
    name: `bilateral trade, costs {${costs.join(', ')}}, values {${values.join(', ')}}`,
    agents: ['seller', 'buyer'],
    types: [costs.map((c) => `c=${c}`), values.map((v) => `v=${v}`)],
    prior: { independent: [pc, pv] },
    outcomes: ['no trade', 'trade'],
    valuations: { private: [costs.map((c) => [0, -c]), values.map((v) => [0, v])] },
    design: { objective, constraints },
  };
}

/** Both uniform on s {0, ..., k-1}. */
export function tradeGrid(k: number, step: number, objective: DesignObjective, constraints: DesignConstraint[]): DesignFile {
  const grid = Array.from({ length: k }, (_, j) => j * step);
  const p = grid.map(() => 1 / k);
  return tradeFile(grid, grid, p, p, objective, constraints);
}

/** A public project: agent i's net value of building is its type. */
export function publicProjectFile(
  grids: number[][],
  probs: number[][],
  objective: DesignObjective,
  constraints: DesignConstraint[],
): DesignFile {
  return {
    name: `public project, types ${grids.map((g) => `{${g.join(', ')}}`).join(' x ')}`,
    agents: grids.length,
    types: grids.map((g) => g.map((t) => `${t}`)),
    prior: { independent: probs },
    outcomes: ['no project', 'project'],
    valuations: { private: grids.map((g) => g.map((t) => [0, t])) },
    design: { objective, constraints },
  };
}

/** A single-item auction with independent values (outcome 0: no sale; i + 1: bidder i wins). */
export function auctionFile(
  values: number[][],
  probs: number[][],
  objective: DesignObjective,
  constraints: DesignConstraint[],
): DesignFile {
  const n = values.length;
  return {
    name: `single-item auction, values ${values.map((v) => `{${v.join(', ')}}`).join(' x ')}`,
    agents: n,
    types: values.map((v) => v.map((x) => `v=${x}`)),
    prior: { independent: probs },
    outcomes: ['no sale', ...values.map((_, i) => `${i} wins`)],
    valuations: { private: values.map((v, i) => v.map((x) => Array.from({ length: n + 1 }, (_, c) => (c === i + 1 ? x : 0)))) },
    design: { objective, constraints },
  };
}

/** A two-bidder single-item auction with a joint prior over the value profiles (row-major: bidder 0 slowest). */
export function correlatedAuctionFile(
  values: number[][],
  joint: number[],
  objective: DesignObjective,
  constraints: DesignConstraint[],
): DesignFile {
  const f = auctionFile(
    values,
    values.map((v) => v.map(() => 1 / v.length)),
    objective,
    constraints,
  );
  return { ...f, name: `${String(f.name)} (correlated)`, prior: { joint } };
}

/**
 * Seed 002's bilateral trade of N objects as a finite environment: types are
 * bit masks (good valuations), outcomes the sets of objects traded (a lottery
 * over sets gives any per-object trade probabilities, so the optimum is that of
 * the per-object LP of src/mechanisms/bilateralTrade/amd.ts); the seller's
 * value of an outcome is minus its valuations of the objects traded.
 */
export function seed002File(p: TradeParameters<number>, alphaSeller: number, constraints: DesignConstraint[]): DesignFile {
  const N = p.objects;
  const T = 1 << N;
  const sets = Array.from({ length: T }, (_, s) => s);
  const value = (j: 'seller' | 'buyer', w: number, set: number) => {
    let v = 0;
    for (let i = 0; i < N; i++) if ((set >> i) & 1) v += objectValue(p, j, w, i);
    return j === 'seller' ? -v : v;
  };
  return {
    name: `seed 002, N = ${N}`,
    agents: ['seller', 'buyer'],
    types: [sets.map((w) => `s${w.toString(2).padStart(N, '0')}`), sets.map((w) => `b${w.toString(2).padStart(N, '0')}`)],
    prior: { independent: [Array.from(typeProbabilities(p, 'seller')), Array.from(typeProbabilities(p, 'buyer'))] },
    outcomes: sets.map(
      (s) =>
        `trade {${Array.from({ length: N }, (_, i) => i)
          .filter((i) => (s >> i) & 1)
          .join(',')}}`,
    ),
    valuations: {
      private: [sets.map((w) => sets.map((s) => value('seller', w, s))), sets.map((w) => sets.map((s) => value('buyer', w, s)))],
    },
    design: { objective: { agentWeights: [alphaSeller, 1 - alphaSeller], revenueWeight: 0 }, constraints },
  };
}

/** A design and, when optimal, `check`'s verdict on the designed mechanism read back from its check file (every required concept must hold). */
export interface CheckedDesign {
  result: DesignResult;
  /** optimal: every imposed constraint holds on the mechanism (check's concepts through the file, and the two design-only checkers) */
  mechanismPasses?: boolean;
  /** the failures, if any */
  failures?: string[];
}

/** Design, and read an optimal mechanism back through the check file format and `check`'s concepts. */
export function designAndCheck(file: DesignFile, opts: { exact?: boolean } = {}): CheckedDesign {
  const problem = parseDesignFile(file);
  const result = designMechanism(problem, opts);
  if (result.status !== 'optimal') return { result };
  const loaded = parseMechanism(mechanismFile(problem, result));
  const viaCheck = checkAll(loaded.env, loaded.mech, { tolerance: problem.tolerance }, loaded.require);
  const failures = [
    ...viaCheck.filter((c) => !c.holds).map((c) => `${c.concept} (${c.violation})`),
    ...result.checks!.filter((c) => !c.holds).map((c) => `${c.constraint} (${c.violation})`),
  ];
  return { result, mechanismPasses: failures.length === 0, failures };
}

/**
 * The check of an impossibility on one instance: holds when the LP is
 * infeasible (with a verified Farkas certificate); when a mechanism is found,
 * it must pass `check` (else the entry errs: the engine would be wrong).
 */
export function impossibilityCheck(file: DesignFile): { ok: boolean; metrics: Record<string, number>; detail: unknown } {
  const d = designAndCheck(file);
  const r = d.result;
  if (r.status === 'optimal' && !d.mechanismPasses) throw new Error(`the designed mechanism fails check: ${d.failures!.join(', ')}`);
  return {
    ok: r.status === 'infeasible',
    metrics: {
      infeasible: r.status === 'infeasible' ? 1 : 0,
      ...(r.lp.certificate.farkasMargin !== undefined ? { farkasMargin: r.lp.certificate.farkasMargin } : {}),
    },
    detail:
      r.status === 'infeasible'
        ? {
            status: r.status,
            certificate: r.infeasibility!.summary,
            families: r.infeasibility!.families.map((f) => `${f.family} ${(100 * f.share).toFixed(1)}%`),
          }
        : {
            status: r.status,
            value: r.value,
            mechanism: r.mechanism,
            checkedWith: "check's concepts (read back from the check file): every imposed constraint holds",
            constraints: r.constraints,
          },
  };
}

/** Integer weights -> probabilities. */
export function normalise(w: number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
}

/** A sorted list of distinct integers. */
export function gridArb(min: number, max: number, minLength: number, maxLength: number): fc.Arbitrary<number[]> {
  return fc.uniqueArray(fc.integer({ min, max }), { minLength, maxLength }).map((g) => [...g].sort((a, b) => a - b));
}
