/** A small builder for `LinearProgram`s with named variables. */
import type { LinearProgram, LPRow } from './types.ts';

/** Builds a `LinearProgram` row by row, with named variables. */
export class LPBuilder {
  private readonly objective: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly names: string[] = [];
  private readonly rows: LPRow[] = [];
  private readonly byName = new Map<string, number>();

  constructor(readonly sense: 'max' | 'min') {}

  /** Add a variable; returns its index. Defaults: objective 0, bounds [0, +Infinity). */
  addVariable(name: string, opts: { objective?: number; lower?: number; upper?: number } = {}): number {
    if (this.byName.has(name)) throw new Error(`LPBuilder: duplicate variable ${name}`);
    const j = this.objective.length;
    this.objective.push(opts.objective ?? 0);
    this.lower.push(opts.lower ?? 0);
    this.upper.push(opts.upper ?? Infinity);
    this.names.push(name);
    this.byName.set(name, j);
    return j;
  }

  index(name: string): number {
    const j = this.byName.get(name);
    if (j === undefined) throw new Error(`LPBuilder: unknown variable ${name}`);
    return j;
  }

  setObjective(j: number, c: number): void {
    this.objective[j] = c;
  }

  /** Add lower <= sum coef * x <= upper. Repeated indices are summed. */
  addRow(terms: ReadonlyArray<readonly [number, number]>, lower: number, upper: number, name?: string): void {
    const acc = new Map<number, number>();
    for (const [j, a] of terms) acc.set(j, (acc.get(j) ?? 0) + a);
    const indices: number[] = [];
    const values: number[] = [];
    for (const [j, a] of acc) {
      if (a !== 0) {
        indices.push(j);
        values.push(a);
      }
    }
    this.rows.push({ indices, values, lower, upper, name });
  }

  le(terms: ReadonlyArray<readonly [number, number]>, rhs: number, name?: string): void {
    this.addRow(terms, -Infinity, rhs, name);
  }
  ge(terms: ReadonlyArray<readonly [number, number]>, rhs: number, name?: string): void {
    this.addRow(terms, rhs, Infinity, name);
  }
  eq(terms: ReadonlyArray<readonly [number, number]>, rhs: number, name?: string): void {
    this.addRow(terms, rhs, rhs, name);
  }

  build(): LinearProgram {
    return {
      sense: this.sense,
      objective: [...this.objective],
      rows: this.rows.map((r) => ({ ...r, indices: [...r.indices], values: [...r.values] })),
      lower: [...this.lower],
      upper: [...this.upper],
      names: [...this.names],
    };
  }
}
