/**
 * State-dependent assignment problems (seed 000_8a10c4f2f12bc353.txt, section
 * 3.1): valuations u_ij(theta), seller costs v_ij(theta) and externality costs
 * c_ij^{pq}(theta), all in [0, M], and their averages under a posterior pi,
 * u_i(pi) = sum_theta u_i(theta) pi(theta) (likewise v and c), which are the
 * data of the stage-2 problem (section 4.2).
 *
 * JSON layout (the `mechcheck assignment` format): u[s][i][j], v[s][i][j],
 * c[s][i][j][p][q] (entries with p = i or q = j have no meaning and must be 0).
 */
import { assertDistribution } from '../../core/distribution.ts';
import { InputError } from '../../core/errors.ts';
import { validateAgainstSchema } from '../../core/jsonSchema.ts';
import { MAX_ABS_PAYOFF, probability } from '../../core/numbers.ts';
import { type AssignmentData, dIndex, zeroData } from './payoff.ts';

export interface AssignmentInstance {
  n: number;
  M: number;
  states: number;
  /** u[s][i][j] */
  u: number[][][];
  /** v[s][i][j] */
  v: number[][][];
  /** c[s][i][j][p][q] */
  c: number[][][][][];
}

/**
 * The stage-2 data at posterior pi: w = u(pi), d = c(pi), kappa = v(pi)
 * (section 4.2: the mechanism computes (w_k(p(r)), d_k(p(r)), v_k(p(r)))).
 */
export function dataAtPosterior(inst: AssignmentInstance, pi: readonly number[]): AssignmentData {
  const n = inst.n;
  const out = zeroData(n);
  for (let s = 0; s < inst.states; s++) {
    const ps = pi[s];
    if (ps === 0) continue;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        out.w[i * n + j] += ps * inst.u[s][i][j];
        out.kappa[i * n + j] += ps * inst.v[s][i][j];
        for (let p = 0; p < n; p++) {
          if (p === i) continue;
          for (let q = 0; q < n; q++) if (q !== j) out.d[dIndex(n, i, j, p, q)] += ps * inst.c[s][i][j][p][q];
        }
      }
  }
  return out;
}

/**
 * Buyer-wise state-contingent reports (w_k(theta), d_k(theta)) (section 4.2,
 * stage 2): `w[s][j]`, `d[s][j][p][q]` for one buyer.
 */
export interface BuyerReport {
  w: number[][];
  d: number[][][][];
}

/**
 * Overwrite buyer k's rows of `data` with the average of the report under pi
 * (w_k(pi), d_k(pi)); seller costs stay.
 */
export function setBuyerReport(data: AssignmentData, k: number, rep: BuyerReport, pi: readonly number[]): void {
  const n = data.n;
  for (let j = 0; j < n; j++) {
    let w = 0;
    for (let s = 0; s < pi.length; s++) w += pi[s] * rep.w[s][j];
    data.w[k * n + j] = w;
    for (let p = 0; p < n; p++)
      for (let q = 0; q < n; q++) {
        if (p === k || q === j) continue;
        let d = 0;
        for (let s = 0; s < pi.length; s++) d += pi[s] * rep.d[s][j][p][q];
        data.d[dIndex(n, k, j, p, q)] = d;
      }
  }
}

/** Replace buyer k's valuation/externality rows by those of `from` (same n). */
export function copyBuyerRows(into: AssignmentData, from: AssignmentData, k: number): void {
  const n = into.n;
  for (let j = 0; j < n; j++) {
    into.w[k * n + j] = from.w[k * n + j];
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) into.d[dIndex(n, k, j, p, q)] = from.d[dIndex(n, k, j, p, q)];
  }
}

/** The instance file's JSON Schema (structure and types), beside this parser. */
const SCHEMA = new URL('./instance.schema.json', import.meta.url);

/** An instance file as its schema guarantees it (keys and types, not yet bounds or sizes). */
interface InstanceFile {
  n: number;
  M: number;
  states: number;
  posterior?: number[];
  u: number[][][];
  v: number[][][];
  c: number[][][][][];
}

/** Most buyers (and sellers) in an instance file: the branch and bound visits up to sum_k C(n,k)^2 k! partial matchings. */
export const MAX_BUYERS = 10;

/** `x` (an array by the schema) with the declared length, or an InputError naming the field. */
function array<T>(x: readonly T[], field: string, length: number): readonly T[] {
  if (x.length !== length) throw new InputError(field, `has ${x.length} entries, expected ${length}`);
  return x;
}

/**
 * Validate a parsed instance file `{"n", "M", "states", "posterior"?, "u", "v", "c"}`,
 * first against its JSON Schema (instance.schema.json: keys and types), then
 * semantically: dimensions (the declared n and states are checked against each array as it
 * is read: a declared size the data contradicts is refused at once), n <= 10,
 * 0 < M <= MAX_ABS_PAYOFF, probabilities in [0, 1], values in [0, M] (negative values are allowed only with
 * `allowNegativeExternalities` for c), meaningless c entries (p = i or q = j) zero.
 * Throws InputError naming the field.
 */
export function parseInstance(
  raw: unknown,
  opts: { allowNegativeExternalities?: boolean } = {},
): { instance: AssignmentInstance; posterior?: number[] } {
  validateAgainstSchema(raw, SCHEMA, 'assignment instance');
  // the schema guarantees the keys and the types; the bounds and sizes are checked here, each array as it is read
  const o = raw as InstanceFile;
  const N = o.n;
  if (!Number.isInteger(N) || N < 1 || N > MAX_BUYERS)
    throw new InputError('n', `must be an integer from 1 to ${MAX_BUYERS}, got ${String(N)}`);
  const M = o.M;
  if (!Number.isFinite(M) || M <= 0 || M > MAX_ABS_PAYOFF)
    throw new InputError('M', `must be a positive number at most ${MAX_ABS_PAYOFF}, got ${String(M)}`);
  const S = o.states;
  if (!Number.isInteger(S) || S < 1) throw new InputError('states', `must be a positive integer, got ${String(S)}`);
  const lo = (allowNeg: boolean) => (allowNeg ? -M : 0);
  const value = (x: number, field: string, allowNeg = false): number => {
    if (!Number.isFinite(x)) throw new InputError(field, `must be a finite number, got ${String(x)}`);
    if (x < lo(allowNeg) || x > M) throw new InputError(field, `is ${x}, outside [${lo(allowNeg)}, M = ${M}]`);
    return x;
  };
  const matrix = (name: 'u' | 'v'): number[][][] =>
    array(o[name], name, S).map((ms, s) =>
      array(ms, `${name}[${s}]`, N).map((row, i) =>
        array(row, `${name}[${s}][${i}]`, N).map((x, j) => value(x, `${name}[${s}][${i}][${j}]`)),
      ),
    );
  const u = matrix('u');
  const v = matrix('v');
  const c = array(o.c, 'c', S).map((cs, s) =>
    array(cs, `c[${s}]`, N).map((ci, i) =>
      array(ci, `c[${s}][${i}]`, N).map((cij, j) =>
        array(cij, `c[${s}][${i}][${j}]`, N).map((cp, p) =>
          array(cp, `c[${s}][${i}][${j}][${p}]`, N).map((x, q) => {
            const field = `c[${s}][${i}][${j}][${p}][${q}]`;
            if (p === i || q === j) {
              if (x !== 0) throw new InputError(field, `must be 0 (p = i or q = j has no meaning), got ${String(x)}`);
              return 0;
            }
            return value(x, field, opts.allowNegativeExternalities);
          }),
        ),
      ),
    ),
  );
  let posterior: number[] | undefined;
  if (o.posterior !== undefined) {
    const p = array(o.posterior, 'posterior', S);
    p.forEach((x, s) => probability(x, `posterior[${s}]`));
    posterior = assertDistribution(p, 'posterior', { length: S }) as number[];
  }
  return { instance: { n: N, M: M, states: S, u, v, c }, posterior };
}
