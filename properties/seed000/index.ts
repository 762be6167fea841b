import type { CatalogueEntry } from '../../src/catalogue/types.ts';

/** Catalogue entries for seed000 (see ../../../shared/seeds/README.md). */
export const seed000Entries: CatalogueEntry[] = [];
