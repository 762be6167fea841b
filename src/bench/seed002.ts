/** Benchmarks for seed002 (see its issue's Performance section). */
import type { Benchmark } from './types.ts';

export const benchmarks: Benchmark[] = [];
