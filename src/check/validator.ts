/**
 * The structural validator of the mechanism JSON format
 * (src/check/mechanism.schema.json), through the one validation path of input
 * files (src/core/jsonSchema.ts).
 */
import { readSchema, validateAgainstSchema } from '../core/jsonSchema.ts';

const SCHEMA = new URL('./mechanism.schema.json', import.meta.url);

/** The mechanism JSON Schema as an object. */
export function mechanismSchema(): object {
  return readSchema(SCHEMA);
}

/** Validate `data` against the mechanism schema; the first problem is an InputError naming the field. */
export function validateMechanismJson(data: unknown): void {
  validateAgainstSchema(data, SCHEMA, 'mechanism');
}
