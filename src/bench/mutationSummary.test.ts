/**
 * The mutation summary counts each outcome once, computes Stryker's score
 * (detected / valid), groups files by folder with their goals, and merges
 * folder-by-folder reports.
 */
import { describe, expect, it } from 'vitest';
import { countMutants, mergeReports, summarizeMutation, type MutationReport } from './mutationSummary.ts';

const mutants = (spec: Record<string, number>) =>
  Object.entries(spec).flatMap(([status, k]) => Array.from({ length: k }, () => ({ status })));

describe('mutation summary', () => {
  it('score = (killed + timeout) / (killed + timeout + survived + no coverage); ignored and errors are not counted', () => {
    const c = countMutants(mutants({ Killed: 6, Timeout: 1, Survived: 2, NoCoverage: 1, Ignored: 5, CompileError: 1, RuntimeError: 1 }));
    expect(c).toEqual({ killed: 6, timeout: 1, survived: 2, noCoverage: 1, excluded: 7, score: 70 });
    expect(countMutants(mutants({ Ignored: 3 })).score).toBeNull();
  });

  it('one row per folder with its goal: 90% for src/concepts and the LP certification, 80% for the rest', () => {
    const report: MutationReport = {
      files: {
        'src/concepts/result.ts': { mutants: mutants({ Killed: 9, Survived: 1 }) },
        'src/solvers/lp/certify.ts': { mutants: mutants({ Killed: 8, Survived: 2 }) },
        'src/solvers/lp/solve.ts': { mutants: mutants({ Killed: 10 }) },
        'src/solvers/pseudoInverse.ts': { mutants: mutants({ Killed: 4, NoCoverage: 1 }) },
        'src/core/numbers.ts': { mutants: mutants({ Killed: 3, Survived: 1 }) },
      },
    };
    const md = summarizeMutation(report, '2026-12-01');
    expect(md).toContain('# Mutation testing summary (2026-12-01)');
    expect(md).toContain('| src/concepts (1 file) | 10 | 9 | 0 | 1 | 0 | 0 | 90.0% | 90% | yes |');
    expect(md).toContain(
      '| LP certification (src/solvers/lp/certify*.ts, solve.ts) (2 files) | 20 | 18 | 0 | 2 | 0 | 0 | 90.0% | 90% | yes |',
    );
    expect(md).toContain('| src/solvers (the rest) (1 file) | 5 | 4 | 0 | 0 | 1 | 0 | 80.0% | 80% | yes |');
    expect(md).toContain('| src/core (1 file) | 4 | 3 | 0 | 1 | 0 | 0 | 75.0% | 80% | no |');
    expect(md).not.toContain('| src/check');
    expect(md).toContain('| src/solvers/lp/certify.ts | 10 | 8 | 0 | 2 | 0 | 0 | 80.0% |');
  });

  it('merging reports: a later report replaces a file of an earlier one', () => {
    const a: MutationReport = {
      files: { 'src/core/a.ts': { mutants: mutants({ Survived: 1 }) }, 'src/core/b.ts': { mutants: mutants({ Killed: 1 }) } },
    };
    const b: MutationReport = { files: { 'src\\core\\a.ts': { mutants: mutants({ Killed: 1 }) } } };
    const m = mergeReports([a, b]);
    expect(Object.keys(m.files).sort()).toEqual(['src/core/a.ts', 'src/core/b.ts']);
    expect(countMutants(m.files['src/core/a.ts'].mutants).score).toBe(100);
  });
});
