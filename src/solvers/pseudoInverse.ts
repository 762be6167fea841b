/**
 * Moore-Penrose pseudo-inverse for Lemma A.4 (seed 004_9d6e3cf19fe3eb52.txt,
 * appendix, proof of Lemma A.4: p = (1/delta) M^+ u).
 *
 * mathjs `pinv` is tried first and its answer is checked against the Penrose
 * condition A X A = A. mathjs 15.2.0 throws "Cannot calculate inverse,
 * determinant is zero" on some well-conditioned full-rank matrices, e.g.
 * [[4/21, 6/21, 6/21, 5/21], [4/21, 6/21, 4/21, 7/21]] (rank 2, pivoting in its
 * rank factorisation); the fallback is the spectral formula
 * A^+ = sum_{lambda > tol} (A^T u)(u^T) / lambda over the eigenpairs (lambda, u)
 * of the symmetric matrix A A^T (mathjs `eigs`).
 */
import { eigs, pinv } from 'mathjs';
import { DEFAULT_TOLERANCE, TIE_TOLERANCE } from '../core/tolerance.ts';

function matmul(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0].map((_, c) => row.reduce((acc, v, k) => acc + v * B[k][c], 0)));
}

function penroseError(A: number[][], X: number[][]): number {
  const AXA = matmul(matmul(A, X), A);
  let e = 0;
  A.forEach((row, r) => row.forEach((v, c) => (e = Math.max(e, Math.abs(AXA[r][c] - v)))));
  return e;
}

/** Spectral pseudo-inverse via the eigen-decomposition of A A^T. */
export function spectralPseudoInverse(A: number[][], tol = TIE_TOLERANCE): number[][] {
  const k = A.length;
  const m = A[0].length;
  const G = Array.from({ length: k }, (_, p) => Array.from({ length: k }, (_, q) => A[p].reduce((acc, v, c) => acc + v * A[q][c], 0)));
  const X: number[][] = Array.from({ length: m }, () => new Array<number>(k).fill(0));
  if (k === 1) {
    const g = G[0][0];
    if (g > tol) for (let c = 0; c < m; c++) X[c][0] = A[0][c] / g;
    return X;
  }
  const res = eigs(G) as unknown as { eigenvectors: { value: number; vector: number[] | { toArray(): number[] } }[] };
  const scale = Math.max(1, ...G.map((row, p) => Math.abs(row[p])));
  for (const { value, vector } of res.eigenvectors) {
    const lambda = Number(value);
    if (!(lambda > tol * scale)) continue;
    const u = (Array.isArray(vector) ? vector : vector.toArray()).map(Number);
    // A^T u
    const w = Array.from({ length: m }, (_, c) => u.reduce((acc, uv, p) => acc + uv * A[p][c], 0));
    for (let c = 0; c < m; c++) for (let p = 0; p < k; p++) X[c][p] += (w[c] * u[p]) / lambda;
  }
  return X;
}

/** A^+ (m x k for A k x m): mathjs `pinv` when it answers and satisfies A X A = A, else the spectral formula. */
export function pseudoInverse(A: number[][]): { inverse: number[][]; method: 'mathjs.pinv' | 'spectral' } {
  const scale = Math.max(1, ...A.flat().map(Math.abs));
  try {
    const X = pinv<number[][]>(A);
    if (penroseError(A, X) <= DEFAULT_TOLERANCE * scale) return { inverse: X, method: 'mathjs.pinv' };
  } catch {
    // fall through to the spectral formula
  }
  return { inverse: spectralPseudoInverse(A), method: 'spectral' };
}
