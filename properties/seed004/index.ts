import type { CatalogueEntry } from '../../src/catalogue/types.ts';

/** Catalogue entries for seed004 (see ../../../shared/seeds/README.md). */
export const seed004Entries: CatalogueEntry[] = [];
