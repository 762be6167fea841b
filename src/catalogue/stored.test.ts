import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { counterexampleDirs, packageCounterexampleDir, packageRoot, userCounterexampleDir } from './paths.ts';
import { loadStoredCounterexamples, parseStoredCounterexample, sameInstance, storedCounterexampleText } from './stored.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mechcheck-stored-'));
  dirs.push(d);
  return d;
};

describe('parseStoredCounterexample', () => {
  const ok = { id: 'a.b', provenance: { kind: 'generated', baseSeed: 1, seed: 2, path: '3:0' }, input: [1] };

  it('reads the three kinds of provenance', () => {
    expect(parseStoredCounterexample(ok, 'f.json')).toEqual(ok);
    expect(parseStoredCounterexample({ id: 'a.b', provenance: { kind: 'paper', ref: 'Example 1', note: 'n' }, input: 0 }, 'f')).toEqual({
      id: 'a.b',
      provenance: { kind: 'paper', ref: 'Example 1', note: 'n' },
      input: 0,
    });
    expect(parseStoredCounterexample({ id: 'a.b', provenance: { kind: 'regression', note: 'kept' }, input: null }, 'f').provenance).toEqual(
      { kind: 'regression', note: 'kept' },
    );
  });

  it.each([
    [[], '(top level)'],
    [{ ...ok, id: '' }, 'id'],
    [{ ...ok, input: undefined, id: 'a.b' }, 'input'],
    [{ id: 'a.b', input: 1 }, 'provenance'],
    [{ ...ok, provenance: { kind: 'found' } }, 'provenance.kind'],
    [{ ...ok, provenance: { ...ok.provenance, baseSeed: -1 } }, 'provenance.baseSeed'],
    [{ ...ok, provenance: { ...ok.provenance, seed: 1.5 } }, 'provenance.seed'],
    [{ ...ok, provenance: { ...ok.provenance, path: '-1:0' } }, 'provenance.path'],
    [{ ...ok, provenance: { kind: 'paper', ref: '' } }, 'provenance.ref'],
    [{ ...ok, provenance: { kind: 'regression' } }, 'provenance.note'],
  ])('refuses %j, naming %s', (json, field) => {
    const j = field === 'input' ? { id: 'a.b', provenance: ok.provenance } : json;
    expect(() => parseStoredCounterexample(j, 'f.json')).toThrow(InputError);
    expect(() => parseStoredCounterexample(j, 'f.json')).toThrow(`f.json: ${field}: `);
  });

  it('refuses a file stored under another id', () => {
    expect(() => parseStoredCounterexample(ok, 'x.json', 'a.c')).toThrow("x.json: id: is 'a.b' but the file is for 'a.c'");
  });
});

describe('loadStoredCounterexamples', () => {
  it('reads <id>.json from each folder, dropping an instance stored twice', () => {
    const [d1, d2, d3] = [temp(), temp(), temp()];
    const text = (input: unknown) => storedCounterexampleText({ id: 'a.b', provenance: { kind: 'regression', note: 'kept' }, input });
    writeFileSync(join(d1, 'a.b.json'), text([1, 2]));
    writeFileSync(join(d2, 'a.b.json'), text([1, 2]));
    writeFileSync(join(d3, 'a.b.json'), text([3]));
    const got = loadStoredCounterexamples('a.b', [d1, d2, d3, join(d1, 'missing')]);
    expect(got.map((g) => [g.input, g.file])).toEqual([
      [[1, 2], join(d1, 'a.b.json')],
      [[3], join(d3, 'a.b.json')],
    ]);
    expect(loadStoredCounterexamples('a.c', [d1])).toEqual([]);
  });

  it("reads a fixture named or labelled by one of the entry's older ids (aliases), as the entry's", () => {
    const d = temp();
    const text = (id: string, input: unknown) => storedCounterexampleText({ id, provenance: { kind: 'regression', note: 'kept' }, input });
    writeFileSync(join(d, 'a.old.json'), text('a.old', [1]));
    writeFileSync(join(d, 'a.new.json'), text('a.old', [2]));
    const got = loadStoredCounterexamples('a.new', [d], ['a.old']);
    expect(got.map((g) => [g.id, g.input, g.file])).toEqual([
      ['a.new', [2], join(d, 'a.new.json')],
      ['a.new', [1], join(d, 'a.old.json')],
    ]);
    // without the alias, the old name is not read and the old label is refused
    expect(loadStoredCounterexamples('a.other', [d])).toEqual([]);
    expect(() => loadStoredCounterexamples('a.new', [d])).toThrow("id: is 'a.old' but the file is for 'a.new'");
  });

  it('names the file of a fixture that is not JSON', () => {
    const d = temp();
    writeFileSync(join(d, 'a.b.json'), '{');
    expect(() => loadStoredCounterexamples('a.b', [d])).toThrow(`${join(d, 'a.b.json')}: not valid JSON`);
  });

  it('compares instances by their JSON form', () => {
    expect(sameInstance({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(sameInstance({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

describe('counterexample folders', () => {
  it("reads the package's and the user's, and writes only under the working directory", () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'fixtures'));
    expect(packageCounterexampleDir()).toBe(join(packageRoot(), 'fixtures', 'counterexamples'));
    expect(userCounterexampleDir(cwd)).toBe(join(cwd, 'fixtures', 'counterexamples'));
    expect(counterexampleDirs(cwd)).toEqual([packageCounterexampleDir(), join(cwd, 'fixtures', 'counterexamples')]);
    expect(counterexampleDirs(packageRoot())).toEqual([packageCounterexampleDir()]);
    expect(counterexampleDirs()).toEqual([packageCounterexampleDir()]);
  });
});
