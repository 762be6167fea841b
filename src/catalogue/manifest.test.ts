import { describe, expect, it } from 'vitest';
import { citation, hypothesesById, idProblems, namedHypotheses, seedName, shortCitation, withoutVariant } from './manifest.ts';

describe('the id grammar', () => {
  const ok = (id: string, extra: Partial<Parameters<typeof idProblems>[0]> = {}) =>
    idProblems({ id, kind: 'theorem', ...extra }, 'seed009');

  it('accepts <paper>.<result>[.<part>...][.<variant>]', () => {
    expect(ok('seed009.theorem1')).toEqual([]);
    expect(ok('seed009.theorem1.partA.asProved')).toEqual([]);
    expect(ok('seed009.lemma2.asStated', { refutation: 'erratum' })).toEqual([]);
    expect(ok('seed009.lemma2.withoutMonotonicity', { kind: 'relaxation', refutation: 'relaxation', drops: 'monotonicity' })).toEqual([]);
    expect(ok('seed009.lemma2.withoutInterimIR', { kind: 'relaxation', drops: 'trade.interimIR' })).toEqual([]);
  });

  it('refuses each of the old grammars and a broken id, naming the problem', () => {
    expect(ok('seed008.theorem1')).toEqual(["starts with 'seed008', not its paper 'seed009'"]);
    expect(ok('seed009')).toEqual(['has no result after the paper']);
    expect(ok('seed009.Theorem1')[0]).toMatch(/not camelCase/);
    expect(ok('seed009.corollary33AsPrinted')[0]).toMatch(/spells a variant outside the vocabulary/);
    expect(ok('seed009.proposition4.printedRange')[0]).toMatch(/spells a variant outside the vocabulary/);
    expect(ok('seed009.lemmaA.statedConstant')[0]).toMatch(/spells a variant outside the vocabulary/);
    expect(ok('seed009.relaxation.zeroVariability', { kind: 'relaxation', drops: 'x' }).join('; ')).toMatch(
      /spells a variant.*does not end with '.withoutX'/,
    );
    expect(ok('seed009.theorem1.asStated.independent')).toEqual(["variant 'asStated' is not the last segment"]);
    expect(ok('seed009.claim1', { refutation: 'erratum' })).toEqual(["is an erratum but does not end with '.asStated'"]);
    expect(ok('seed009.claim1.withoutX', { kind: 'relaxation' })).toEqual([
      'is a relaxation but names no hypothesis it drops (drops)',
      "ends with 'withoutX' but drops no hypothesis",
    ]);
    expect(ok('seed009.claim1.withoutY', { kind: 'relaxation', drops: 'x' })).toEqual(["drops 'x' but does not end with '.withoutX'"]);
  });

  it("derives the relaxation variant from the dropped hypothesis' last segment", () => {
    expect(withoutVariant('trade.interimIR')).toBe('withoutInterimIR');
    expect(withoutVariant('assumption3')).toBe('withoutAssumption3');
  });

  it("derives an entry's seed from its first id, so that a rename keeps what it generates", () => {
    expect(seedName({ id: 'p.new' })).toBe('p.new');
    expect(seedName({ id: 'p.newer', aliases: ['p.old', 'p.new'] })).toBe('p.old');
  });
});

describe('references and hypotheses', () => {
  const r = {
    key: 'MS83',
    authors: ['Roger B. Myerson', 'Mark A. Satterthwaite'],
    title: 'Efficient mechanisms for bilateral trading',
    year: 1983,
    venue: 'Journal of Economic Theory 29(2), 265-281',
  };
  it('cites in full and in short, and says when the authors are not stated', () => {
    expect(citation(r)).toBe(
      'Roger B. Myerson and Mark A. Satterthwaite (1983), "Efficient mechanisms for bilateral trading", Journal of Economic Theory 29(2), 265-281',
    );
    expect(shortCitation(r)).toBe('Myerson and Satterthwaite (1983)');
    const anonymous = { ...r, authors: [], authorsNote: 'authors not stated in the seed text' };
    expect(citation(anonymous)).toMatch(/^\(authors not stated in the seed text\) \(1983\)/);
  });

  it('names hypotheses by id, and refuses an id the manifest does not have', () => {
    const m = { hypotheses: { monotonicity: 'the mechanism is monotone' } };
    expect(hypothesesById(m, 'monotonicity')).toEqual(['[monotonicity] the mechanism is monotone']);
    expect(namedHypotheses([...hypothesesById(m, 'monotonicity'), 'prose without an id'])).toEqual(['monotonicity']);
    expect(() => hypothesesById(m, 'monotone')).toThrow("no hypothesis 'monotone' in the manifest");
  });
});
