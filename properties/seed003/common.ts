/** Shared pieces of seed 003's catalogue entries (Bikhchandani 2005, 003_9ea1ccbe66e932a9.txt). */
import fc from 'fast-check';
import type { Source } from '../../src/catalogue/types.ts';

export const SEED003 = '003_9ea1ccbe66e932a9.txt';
export const src = (ref: string, section: string): Source => ({ seed: SEED003, ref, section });

/** A number in [0,1]: mostly a small-denominator fraction a/b (shrinks to 0/1), sometimes any double. */
export const unitArb = (): fc.Arbitrary<number> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => Math.min(a, b) / b),
    },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  );

/** A signal in [0,1]^d. */
export const signalArb = (d: number): fc.Arbitrary<number[]> => fc.array(unitArb(), { minLength: d, maxLength: d });

/** A profile for the given dimensions. */
export const profileArb = (dims: readonly number[]): fc.Arbitrary<number[][]> => fc.tuple(...dims.map((d) => signalArb(d)));

/** Round for readable details. */
export const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
