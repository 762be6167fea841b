/** Shared pieces of the foundation's catalogue entries. */
import type { Source } from '../../src/catalogue/types.ts';

export const GVCG_SOURCE: Source = { seed: '001_e592948973ecc068.txt', ref: 'GVCG (generalized VCG), section 5.1', section: '5.1' };
export const FOUNDATION = (ref: string): Source => ({ seed: 'foundation', ref });
