/**
 * The structural validator of the mechanism JSON format
 * (src/check/mechanism.schema.json), and the translation of its errors into an
 * InputError naming the field.
 *
 * The compiled package ships the validator as code generated at build time
 * (ajv standalone, src/build/generateValidator.mjs), so that `mechcheck check`
 * neither loads nor compiles ajv at startup; from the sources (tests, tsx) the
 * same schema is compiled by ajv with the same options on first use.
 */
import type { ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';

/** A compiled JSON Schema validator (ajv's interface). */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const require = createRequire(import.meta.url);
let cached: Validator | undefined;

/** The mechanism JSON Schema as an object. */
export function mechanismSchema(): object {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./mechanism.schema.json', import.meta.url)), 'utf8')) as object;
}

/** The validator: the build's generated code when present, else ajv compiling the schema now. */
export function mechanismValidator(): Validator {
  if (cached) return cached;
  const generated = fileURLToPath(new URL('./mechanismValidator.cjs', import.meta.url));
  if (existsSync(generated)) {
    const m = require(generated) as Validator | { default: Validator };
    cached = typeof m === 'function' ? m : m.default;
  } else {
    const { Ajv } = require('ajv') as typeof import('ajv');
    // the options must match src/build/generateValidator.mjs
    cached = new Ajv({ allErrors: true, strict: false }).compile(mechanismSchema()) as Validator;
  }
  return cached;
}

function pointerToField(p: string): string {
  if (!p) return '(top level)';
  return p
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

/** Validate `data` against the mechanism schema; the first problem is an InputError naming the field. */
export function validateMechanismJson(data: unknown): void {
  const validate = mechanismValidator();
  if (!validate(data)) throw describeSchemaErrors(validate.errors ?? []);
}

/** The most specific schema error as an InputError naming its field. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): InputError {
  // prefer the most specific (deepest) error; oneOf errors are summarised
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const e = sorted.find((x) => x.keyword !== 'oneOf') ?? sorted[0];
  if (!e) return new InputError('(top level)', 'does not follow the mechanism schema');
  const field = pointerToField(e.instancePath);
  const samePath = sorted.filter(
    (x) => x.instancePath === e.instancePath && x.keyword !== 'oneOf' && x.keyword !== 'required' && x.keyword !== 'additionalProperties',
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
