import type { CatalogueEntry } from '../../src/catalogue/types.ts';
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
