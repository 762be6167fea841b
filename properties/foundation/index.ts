import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { vcgDominantStrategyIC } from './vcgDominantStrategyIC.ts';
import { vcgExPostIR, vcgNoPositiveTransfers } from './vcgIndividualRationality.ts';
import { gvcgIRFeasible } from './gvcgIndividualRationalityFeasibility.ts';
import { gvcgNotInterimIC } from './gvcgInterimIC.ts';
import { firstPriceNotDSIC, secondPriceDSIC } from './auctions.ts';

export const foundationEntries: CatalogueEntry[] = [
  vcgDominantStrategyIC,
  vcgExPostIR,
  vcgNoPositiveTransfers,
  gvcgIRFeasible,
  gvcgNotInterimIC,
  secondPriceDSIC,
  firstPriceNotDSIC,
];

/** The foundation module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: foundationEntries };
