import type { CatalogueEntry } from '../../src/catalogue/types.ts';

/** Catalogue entries for seed002 (see ../../../shared/seeds/README.md). */
export const seed002Entries: CatalogueEntry[] = [];
