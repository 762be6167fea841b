/** Shared pieces of seed 001's catalogue entries (seed 001_e592948973ecc068.txt, McLean and Postlewaite 2015). */
import type { Source } from '../../src/catalogue/types.ts';

export const SEED001 = '001_e592948973ecc068.txt';
export const src = (ref: string, section: string): Source => ({ seed: SEED001, ref, section });
