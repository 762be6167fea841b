/**
 * The one validation path of mechcheck's input files: each file type has a
 * JSON Schema beside its parser (`<name>.schema.json`) for its structure and
 * types, and this module validates a parsed file against it and turns ajv's
 * errors into an InputError naming the field (`<field path>: <what is wrong>`;
 * the command prefixes the file where it does today). The parsers' semantic
 * checks (bounds, sums, declared sizes against the data, work limits) run
 * after the schema.
 *
 * The compiled package ships each validator as code generated at build time
 * (ajv standalone, `<name>Validator.cjs` beside the schema;
 * src/build/generateValidator.mjs), so that no command loads or compiles ajv at
 * startup; from the sources (tests, tsx) the same schema is compiled by ajv
 * with the same options (`SCHEMA_OPTIONS`) on first use.
 */
import type { ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { InputError } from './errors.ts';

/** A compiled JSON Schema validator (ajv's interface). */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * ajv's options for every schema, read from src/core/jsonSchemaOptions.json,
 * which src/build/generateValidator.mjs reads too (one source for both paths).
 * `allErrors: false`: validation stops at the first error, so the errors kept
 * are bounded by the schema, not by the file (with `allErrors: true` an 8 MB
 * file holding 2e6 strings where numbers belong made 2e6 error objects, 291 MB
 * of heap); the message names one field either way.
 */
export const SCHEMA_OPTIONS: Readonly<{ allErrors: boolean; strict: boolean }> = Object.freeze(
  JSON.parse(readFileSync(fileURLToPath(new URL('./jsonSchemaOptions.json', import.meta.url)), 'utf8')) as {
    allErrors: boolean;
    strict: boolean;
  },
);

const require = createRequire(import.meta.url);
const cache = new Map<string, Validator>();

/** The URL of the generated validator of a schema: `<dir>/<name>.schema.json` -> `<dir>/<name>Validator.cjs`. */
export function generatedValidatorUrl(schemaUrl: URL): URL {
  if (!schemaUrl.pathname.endsWith('.schema.json')) throw new Error(`not a schema file name: ${schemaUrl.pathname}`);
  return new URL(schemaUrl.href.replace(/\.schema\.json$/, 'Validator.cjs'));
}

/** A JSON Schema file as an object. */
export function readSchema(schemaUrl: URL): object {
  return JSON.parse(readFileSync(fileURLToPath(schemaUrl), 'utf8')) as object;
}

/** The validator of a schema: the build's generated code when present, else ajv compiling the schema now (cached). */
export function schemaValidator(schemaUrl: URL): Validator {
  const hit = cache.get(schemaUrl.href);
  if (hit) return hit;
  const generated = fileURLToPath(generatedValidatorUrl(schemaUrl));
  let validator: Validator;
  if (existsSync(generated)) {
    const m = require(generated) as Validator | { default: Validator };
    validator = typeof m === 'function' ? m : m.default;
  } else {
    const { Ajv } = require('ajv') as typeof import('ajv');
    validator = new Ajv({ ...SCHEMA_OPTIONS }).compile(readSchema(schemaUrl)) as Validator;
  }
  cache.set(schemaUrl.href, validator);
  return validator;
}

/**
 * Validate `data` against the schema at `schemaUrl`; the first problem is an
 * InputError naming the field. `what` names the file type in the message for
 * an error without a more specific description ("does not follow the <what> schema").
 */
export function validateAgainstSchema(data: unknown, schemaUrl: URL, what: string): void {
  const validate = schemaValidator(schemaUrl);
  if (!validate(data)) throw describeSchemaErrors(validate.errors ?? [], what);
}

/** A JSON pointer (`/a/0/b`) as a field path (`a[0].b`); the root is `(top level)`. */
export function pointerToField(pointer: string): string {
  if (!pointer) return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

/** The most specific schema error as an InputError naming its field (`what`: the file type, for the fallback message). */
export function describeSchemaErrors(errors: readonly ErrorObject[], what: string): InputError {
  // prefer the most specific (deepest) error; oneOf/anyOf errors are summarised by their branches' errors
  const summary = (x: ErrorObject) => x.keyword === 'oneOf' || x.keyword === 'anyOf';
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const e = sorted.find((x) => !summary(x)) ?? sorted[0];
  if (!e) return new InputError('(top level)', `does not follow the ${what} schema`);
  const field = pointerToField(e.instancePath);
  const samePath = sorted.filter(
    (x) => x.instancePath === e.instancePath && !summary(x) && x.keyword !== 'required' && x.keyword !== 'additionalProperties',
  );
  if (samePath.length > 1) {
    const msgs = [...new Set(samePath.map((x) => x.message ?? 'is invalid'))];
    return new InputError(field, msgs.join(', or '));
  }
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return new InputError(field === '(top level)' ? missing : `${field}.${missing}`, 'is required');
  }
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return new InputError(`${field === '(top level)' ? '' : field + '.'}${JSON.stringify(extra).slice(1, -1)}`, 'is not a known field');
  }
  return new InputError(field, e.message ?? 'is invalid');
}
