import type { CatalogueEntry } from '../../src/catalogue/types.ts';

/** Catalogue entries for seed001 (see ../../../shared/seeds/README.md). */
export const seed001Entries: CatalogueEntry[] = [];
