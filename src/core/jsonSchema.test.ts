import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import {
  describeSchemaErrors,
  generatedValidatorUrl,
  pointerToField,
  SCHEMA_OPTIONS,
  schemaValidator,
  validateAgainstSchema,
} from './jsonSchema.ts';

const schemaFile = (schema: object) => {
  const f = join(mkdtempSync(join(tmpdir(), 'mechcheck-schema-')), 'sample.schema.json');
  writeFileSync(f, JSON.stringify(schema));
  return pathToFileURL(f);
};

const SAMPLE = schemaFile({
  type: 'object',
  required: ['n', 'rows'],
  additionalProperties: false,
  properties: {
    n: { type: 'integer' },
    rows: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
    mode: { oneOf: [{ type: 'integer' }, { const: 'infinite' }] },
    'a/b': { type: 'object', additionalProperties: false, properties: { x: { type: 'number' } } },
  },
});

const message = (data: unknown): string => {
  try {
    validateAgainstSchema(data, SAMPLE, 'sample');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  return 'valid';
};

describe('the one validation path of input files (src/core/jsonSchema.ts)', () => {
  it('accepts a file following the schema', () => {
    expect(message({ n: 2, rows: [[1, 2], []], mode: 'infinite' })).toBe('valid');
  });
  it.each([
    [[1], '(top level): must be object'],
    [{ rows: [] }, 'n: is required'],
    [{ n: 1, rows: [], colour: 1 }, 'colour: is not a known field'],
    [{ n: 1.5, rows: [] }, 'n: must be integer'],
    [{ n: 1, rows: [[1, 'x']] }, 'rows[0][1]: must be number'],
    [{ n: 1, rows: [], mode: 'finite' }, 'mode: must be integer, or must be equal to constant'],
    [{ n: 1, rows: [], 'a/b': { x: 1, y: 2 } }, 'a/b.y: is not a known field'],
  ])('refuses %j naming the field', (data, expected) => {
    expect(message(data)).toBe(expected);
  });
  it('turns JSON pointers into field paths', () => {
    expect(pointerToField('')).toBe('(top level)');
    expect(pointerToField('/Q/3')).toBe('Q[3]');
    expect(pointerToField('/c/0/1/a~1b/x~0y')).toBe('c[0][1].a/b.x~y');
  });
  it('without errors to describe, names the file type', () => {
    expect(describeSchemaErrors([], 'sample').message).toBe('(top level): does not follow the sample schema');
  });
  it('names the generated validator beside the schema, and only for a schema file', () => {
    expect(generatedValidatorUrl(new URL('file:///p/src/info/decomposition.schema.json')).href).toBe(
      'file:///p/src/info/decompositionValidator.cjs',
    );
    expect(() => generatedValidatorUrl(new URL('file:///p/x.json'))).toThrow(/not a schema file name/);
  });
});

describe('ajv options', () => {
  it('stop at the first error: the errors kept do not grow with the file', () => {
    const data = { n: 1, rows: [Array.from({ length: 1000 }, () => 'x')] };
    expect(message(data)).toBe('rows[0][0]: must be number');
    const validate = schemaValidator(SAMPLE);
    expect(validate(data)).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(SCHEMA_OPTIONS.allErrors).toBe(false);
  });
});
