/**
 * Errors with a meaning for the CLI.
 *
 * `InputError` is bad user input (a malformed file, a probability vector that
 * does not sum to one, wrong dimensions, values out of bounds). It always names
 * the offending field. The CLI prints its message (no stack trace) and exits 2.
 */
export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** An LP answer that could not be certified (the solvers disagree, infeasible point, or no dual bound). */
export class LPCertificationError extends Error {
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'LPCertificationError';
    this.details = details;
  }
}
