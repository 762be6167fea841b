import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { spanningImpliesConvexIndependence } from './assumptions.ts';
import { auctionConditionImpliesSpanning } from './auctionUnbiasedness.ts';
import { corollary33, corollary33AsPrinted, corollary33AsPrintedIndependent } from './corollary33.ts';
import { corollary33UnderAssumption2 } from './corollary33UnderAssumption2.ts';
import { dynamicAuction, dynamicAuctionSumReading } from './dynamicAuction.ts';
import { lemmaA3 } from './lemmaA3.ts';
import { lemmaA4 } from './lemmaA4.ts';
import { relaxAssumption4 } from './relaxAssumption4.ts';
import { relaxConvexIndependenceOnly } from './relaxConvexIndependenceOnly.ts';
import { relaxFewerNextSignals } from './relaxFewerNextSignals.ts';
import { relaxNoIntertemporalCorrelation } from './relaxNoIntertemporalCorrelation.ts';
import { theorem31 } from './theorem31.ts';
import { theorem32 } from './theorem32.ts';

/** Catalogue entries for seed004 (Liu 2025, slides: efficient dynamic mechanisms with contingent transfers). */
export const seed004Entries: CatalogueEntry[] = [
  spanningImpliesConvexIndependence,
  lemmaA4,
  lemmaA3,
  theorem31,
  theorem32,
  corollary33,
  corollary33AsPrinted,
  corollary33AsPrintedIndependent,
  corollary33UnderAssumption2,
  dynamicAuction,
  dynamicAuctionSumReading,
  auctionConditionImpliesSpanning,
  relaxNoIntertemporalCorrelation,
  relaxFewerNextSignals,
  relaxConvexIndependenceOnly,
  relaxAssumption4,
];

/** The seed004 module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: seed004Entries };
