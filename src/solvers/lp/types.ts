/**
 * One interface for linear programs, whatever the backend:
 *   optimise (max or min) c.x  subject to  rowLower <= A x <= rowUpper,  lower <= x <= upper.
 * Rows are sparse. Missing bounds default to x >= 0 (lower 0, upper +Infinity).
 */
export interface LPRow {
  indices: number[];
  values: number[];
  /** -Infinity when absent */
  lower: number;
  /** +Infinity when absent */
  upper: number;
  name?: string;
}

export interface LinearProgram {
  sense: 'max' | 'min';
  objective: number[];
  rows: LPRow[];
  /** per-variable lower bounds (default 0) */
  lower?: number[];
  /** per-variable upper bounds (default +Infinity) */
  upper?: number[];
  names?: string[];
}

export type LPStatus = 'optimal' | 'infeasible' | 'unbounded';

export interface RawLPAnswer {
  backend: BackendName;
  status: LPStatus | 'error';
  x?: number[];
  objective?: number;
  /** row duals when the backend provides them */
  rowDuals?: number[];
  message?: string;
  ms: number;
}

export type BackendName = 'highs' | 'jsLpSolver';

export interface LPCertificate {
  /** how the answer was certified */
  method: 'dual-bound' | 'second-backend' | 'dual-bound+second-backend' | 'status-agreement' | 'single-backend';
  /** the largest violation of a row or a bound at the returned point */
  primalViolation: number;
  /** the dual (weak-duality) bound on the optimum, when computed */
  dualBound?: number;
  /** |dualBound - objective| */
  gap?: number;
  /** the second backend's answer, when it was run */
  crossCheck?: { backend: BackendName; status: string; objective?: number };
}

export interface LPSolution {
  status: LPStatus;
  x: number[];
  objective: number;
  backend: BackendName;
  certificate: LPCertificate;
  ms: number;
}
