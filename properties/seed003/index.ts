import type { CatalogueEntry } from '../../src/catalogue/types.ts';

/** Catalogue entries for seed003 (see ../../../shared/seeds/README.md). */
export const seed003Entries: CatalogueEntry[] = [];
