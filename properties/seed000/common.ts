/** Shared pieces of seed 000's catalogue entries (seed 000_8a10c4f2f12bc353.txt). */
import type { Source } from '../../src/catalogue/types.ts';

export const SEED000 = '000_8a10c4f2f12bc353.txt';
export const src = (ref: string, section: string): Source => ({ seed: SEED000, ref, section });
