/**
 * The catalogue: one source of truth for `npm test` and `mechcheck verify`.
 * Each seed module contributes its entries; ids are unique.
 */
import type { CatalogueEntry } from '../src/catalogue/types.ts';
import { foundationEntries } from './foundation/index.ts';
import { seed000Entries } from './seed000/index.ts';
import { seed001Entries } from './seed001/index.ts';
import { seed002Entries } from './seed002/index.ts';
import { seed003Entries } from './seed003/index.ts';
import { seed004Entries } from './seed004/index.ts';
import { classicsEntries } from './classics/index.ts';

export const catalogue: CatalogueEntry[] = [
  ...foundationEntries,
  ...seed000Entries,
  ...seed001Entries,
  ...seed002Entries,
  ...seed003Entries,
  ...seed004Entries,
  ...classicsEntries,
];
