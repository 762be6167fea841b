/**
 * The tolerances are named in src/core/tolerance.ts only: no other source file
 * writes 1e-9 or 1e-12 as a number (comments and prose may quote the value).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const TOLERANCE_VALUES = new Set([1e-9, 1e-12]);

/** The numeric literals equal to a named tolerance in a TypeScript source, as `line: text`. */
function toleranceLiterals(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isNumericLiteral(n) && TOLERANCE_VALUES.has(Number(n.text)))
      found.push(`${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.getText()}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('tolerances', () => {
  it('finds a literal tolerance (the scan can fail)', () => {
    expect(toleranceLiterals('x.ts', 'const ok = gap <= 1e-9; // 1e-12 in a comment\nconst s = "1e-12";\nconst t = 1e-12 * 2;')).toEqual([
      '1: 1e-9',
      '3: 1e-12',
    ]);
  });
  it('no source outside src/core/tolerance.ts writes 1e-9 or 1e-12 as a number (tests, benchmarks and the fuzz inputs aside)', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const offenders = [...sources(join(root, 'src')), ...sources(join(root, 'properties'))]
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter(
        (f) => !f.endsWith('.test.ts') && f !== 'src/core/tolerance.ts' && !f.startsWith('src/bench/') && !f.startsWith('src/cli/fuzz/'),
      )
      .flatMap((f) => toleranceLiterals(f, readFileSync(join(root, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(offenders).toEqual([]);
  });
});
