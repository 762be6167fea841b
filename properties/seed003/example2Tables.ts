/**
 * Example 2 of seed 003_9ea1ccbe66e932a9.txt (section 4), Tables 1 and 2,
 * reproduced entry by entry in exact rational arithmetic: buyers 2 and 3 fixed
 * at (0.4, 0.1, 0.4) and (0.1, 0.4, 0.4), buyer 1 at the tables' columns;
 * values V_i^a, V_i^b, V_i^ab, prices (14) t_i^a, t_i^b and each buyer's bundle
 * in the demand mechanism (a minimal element of his demand set). The paper's
 * numbers are in fixtures/seed003/example2-tables.json. Also checked: each
 * buyer's demand set is a singleton at every column (the paper's argument for
 * positive-measure neighbourhoods), and the floating-point demand mechanism
 * (src/mechanisms/personalizedPrices/demand.ts) gives the same bundles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fraction, type Fraction } from 'mathjs';
import { exampleEntry, type Comparison } from '../../src/catalogue/exampleEntry.ts';
import type { Table } from '../../src/catalogue/types.ts';
import { fixturesDir } from '../../src/catalogue/paths.ts';
import { bundleName, demandMechanism } from '../../src/mechanisms/personalizedPrices/demand.ts';
import {
  example2ExactColumn,
  example2Model,
  example2Prices,
  OBJECT_NAMES,
  type BundleKind,
} from '../../src/mechanisms/personalizedPrices/example2.ts';
import { src } from './common.ts';

interface TableFixture {
  columns: string[][];
  rows: Record<string, string[]>;
}
interface Fixture {
  others: { buyer2: string[]; buyer3: string[] };
  table1: TableFixture;
  table2: TableFixture;
}

export function loadExample2Fixture(): Fixture {
  return JSON.parse(readFileSync(join(fixturesDir(), 'seed003', 'example2-tables.json'), 'utf8')) as Fixture;
}

const MISPRINT_NOTES = [
  'Text around Table 1: "V_3^a = 0.3, V_3^b = 0.7, and V_2^ab = 0.9" should read V_3^ab = 0.9 (computed: V_3^ab = 0.1 + 0.4 + 2 x 0.4 x 0.5 = 0.9).',
  "Text around Table 1: items (ii) and (iii) repeat buyer 1's signal (0.9, 0.1, 0.5); the allocations stated there (1 gets b and 2 gets a; 1 gets ab) occur at (0.1, 0.9, 0.5) and (0.9, 0.9, 0.5), the second and third columns of Table 1.",
  '"Let t_i = (t_i^a, t_i^b) be the personalized prices ... i = 1, 2": there are three buyers (i = 1, 2, 3).',
  "The claim before the tables that prices (14) satisfy (12) is false for three buyers (entry seed003.example2.prices14.asStated); the tables' numbers themselves are all correct.",
];

function evaluate(
  kind: BundleKind,
  table: TableFixture,
  fx: Fixture,
): { comparisons: Comparison[]; metrics: Record<string, number>; notes: string[]; tables: Table[] } {
  const comparisons: Comparison[] = [];
  const reproduced: Record<string, string[]> = {};
  const floatModel = example2Model(kind);
  const floatPrices = example2Prices();
  let singletonDemandSets = 0;
  table.columns.forEach((col, c) => {
    const signals = [col, fx.others.buyer2, fx.others.buyer3];
    const exact = example2ExactColumn(kind, signals);
    const colName = `(${col.join(', ')})`;
    exact.buyers.forEach((b, i) => {
      const n = i + 1;
      const computed: Record<string, Fraction | string> = {
        [`V_${n}^a`]: b.Va,
        [`V_${n}^b`]: b.Vb,
        [`V_${n}^ab`]: b.Vab,
        [`t_${n}^a`]: b.ta,
        [`t_${n}^b`]: b.tb,
        [`Buyer ${n}'s allocation`]: b.allocation,
      };
      for (const [row, value] of Object.entries(computed)) {
        const stated = table.rows[row]?.[c];
        if (stated === undefined) continue; // Table 2 has no V^ab rows
        (reproduced[row] ??= []).push(typeof value === 'string' ? value : String(+value.valueOf().toPrecision(10)));
        const ok = typeof value === 'string' ? value === stated : value.equals(fraction(stated as never));
        comparisons.push({
          name: `${row} at ${colName}`,
          expected: stated,
          actual: typeof value === 'string' ? value : value.valueOf(),
          ok,
        });
      }
      // singleton demand set (exact): the chosen bundle's surplus is strictly above every other bundle's
      const sur = [fraction(0), b.surpluses.a, b.surpluses.b, b.surpluses.ab];
      const best = sur.reduce((x, y) => (x.compare(y) >= 0 ? x : y));
      if (sur.filter((x) => x.equals(best)).length === 1) singletonDemandSets++;
      else comparisons.push({ name: `buyer ${n}'s demand set at ${colName} is a singleton`, expected: true, actual: false, ok: false });
    });
    const fl = demandMechanism(
      floatModel,
      floatPrices,
      signals.map((x) => x.map(Number)),
    );
    comparisons.push({
      name: `demand mechanism (floating point) at ${colName}: bundles of buyers 1-3, feasible`,
      expected: exact.buyers.map((b) => b.allocation).join(' / '),
      actual: fl.bundles.map((L) => bundleName(L, OBJECT_NAMES)).join(' / ') + (fl.feasible ? '' : ' (infeasible)'),
      ok:
        fl.feasible &&
        fl.bundles.map((L) => bundleName(L, OBJECT_NAMES).replace(/^$/, '∅')).join(' / ') ===
          exact.buyers.map((b) => b.allocation).join(' / '),
    });
  });
  const tables: Table[] = [
    {
      title: `Table ${kind === 'subadditive' ? 1 : 2} as computed by mechcheck (exact rationals); columns: buyer 1's signal (p_a1, p_b1, c_1)`,
      columns: ['', ...table.columns.map((c) => `(${c.join(', ')})`)],
      rows: Object.keys(table.rows).map((row) => [row, ...(reproduced[row] ?? [])]),
    },
  ];
  return { comparisons, metrics: { singletonDemandSets, buyersTimesColumns: table.columns.length * 3 }, notes: MISPRINT_NOTES, tables };
}

function perturbed(fx: Fixture): Fixture {
  const copy = JSON.parse(JSON.stringify(fx)) as Fixture;
  copy.table1.rows['t_3^b'][0] = '0.64';
  copy.table2.rows['t_3^b'][0] = '0.64';
  return copy;
}

export const example2Table1 = exampleEntry({
  id: 'seed003.example2.table1',
  title: "Example 2, Table 1 (subadditive bundle values): values, prices (14) and the demand mechanism's bundles",
  source: src('Example 2, Table 1', '4'),
  kind: 'table',
  hypotheses: [
    '[example2] three buyers, objects a and b, w_a = 1, w_b = 1.5',
    "[subadditivity] V_i^ab = p_ai + p_bi + 2 c_i max{c_j, c_j'}",
    '[prices14] prices (14)',
  ],
  scope: ['buyers 2 and 3 at (0.4, 0.1, 0.4) and (0.1, 0.4, 0.4); c_1 = 0.5'],
  conclusion: 'every entry of Table 1 equals the exact computation; demand sets are singletons; the bundles are a/∅/b, b/a/∅, ab/∅/∅',
  expected: 'holds',
  evaluate: () => evaluate('subadditive', loadExample2Fixture().table1, loadExample2Fixture()),
  mutant: {
    description: 'Table 1 with t_3^b at the first column perturbed from 0.475 to 0.64',
    evaluate: () => evaluate('subadditive', perturbed(loadExample2Fixture()).table1, loadExample2Fixture()),
  },
});

export const example2Table2 = exampleEntry({
  id: 'seed003.example2.table2',
  title: "Example 2, Table 2 (unit demand): values, prices (14) and the demand mechanism's bundles",
  source: src('Example 2, Table 2', '4'),
  kind: 'table',
  hypotheses: [
    '[example2] three buyers, objects a and b, w_a = 1, w_b = 1.5',
    '[subadditivity] unit demand: V_i^ab = max{V_i^a, V_i^b}',
    '[prices14] prices (14)',
  ],
  scope: ['buyers 2 and 3 at (0.4, 0.1, 0.4) and (0.1, 0.4, 0.4); c_1 = 0.5'],
  conclusion: 'every entry of Table 2 equals the exact computation; demand sets are singletons; the bundles are a/∅/b and b/a/∅',
  expected: 'holds',
  evaluate: () => evaluate('unitDemand', loadExample2Fixture().table2, loadExample2Fixture()),
  mutant: {
    description: 'Table 2 with t_3^b at the first column perturbed from 0.475 to 0.64',
    evaluate: () => evaluate('unitDemand', perturbed(loadExample2Fixture()).table2, loadExample2Fixture()),
  },
});
