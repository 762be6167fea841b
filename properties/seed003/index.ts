import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { lemma1 } from './lemma1.ts';
import { example1 } from './example1.ts';
import { example1EpsilonFamily } from './example1EpsilonFamily.ts';
import { example1LowerPrices, lemma1WithoutAdmissibility } from './example1LowerPrices.ts';
import { example1Boundary, example1BoundaryAsStated } from './example1Boundary.ts';
import { lemma2 } from './lemma2.ts';
import { example2Table1, example2Table2 } from './example2Tables.ts';
import { example2Prices14, example2Prices14Measure, example2Prices11 } from './example2Prices.ts';
import { lemma3, lemma3MaximalElement, lemma3Superadditive } from './lemma3.ts';
import { theorem1NBuyers } from './theorem1NBuyers.ts';
import { theorem1DirectForm } from './theorem1DirectForm.ts';
import { theorem1Example1 } from './theorem1Example1.ts';
import { theorem1, theorem1WithoutAssumption2 } from './theorem1.ts';
import { example1Footnote7, example1Footnote7Corrected } from './example1Footnote7.ts';

/** Catalogue entries for seed003 (see manifest.ts). */
export const seed003Entries: CatalogueEntry[] = [
  lemma1,
  lemma1WithoutAdmissibility,
  example1,
  example1EpsilonFamily,
  example1LowerPrices,
  example1BoundaryAsStated,
  example1Boundary,
  example1Footnote7,
  example1Footnote7Corrected,
  lemma2,
  theorem1,
  theorem1WithoutAssumption2,
  theorem1NBuyers,
  theorem1DirectForm,
  theorem1Example1,
  lemma3,
  lemma3Superadditive,
  lemma3MaximalElement,
  example2Table1,
  example2Table2,
  example2Prices14,
  example2Prices14Measure,
  example2Prices11,
];

/** The seed003 module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: seed003Entries };
