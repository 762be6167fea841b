import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { claim1, claim1ClosedInterval } from './claim1.ts';
import {
  directionAbstract,
  directionExtremes,
  directionFigure3,
  directionIntroduction,
  directionRemark2Probabilities,
  directionRemark2Ratios,
  directionRemark2Threshold,
  directionTheorem1,
} from './directions.ts';
import { exampleOneObject } from './exampleOneObject.ts';
import { exampleRounding, exampleThreeObjects } from './exampleThreeObjects.ts';
import { figures, figuresExampleValuations } from './figures.ts';
import { lemma1 } from './lemma1.ts';
import { proposition1 } from './proposition1.ts';
import { proposition2 } from './proposition2.ts';
import { proposition3, proposition3WithoutMonotonicity } from './proposition3.ts';
import { proposition4, proposition4PrintedRange } from './proposition4.ts';
import { proposition5, proposition5AsStated } from './proposition5.ts';
import { remark2Greedy } from './remark2Greedy.ts';
import { theorem1Amd, theorem1AsStated, theorem1Explicit, theorem1PrintedTransfers } from './theorem1.ts';

/** Catalogue entries for seed002 (Eilat and Paunzer 2008; see manifest.ts). */
export const seed002Entries: CatalogueEntry[] = [
  exampleOneObject,
  exampleThreeObjects,
  exampleRounding,
  proposition1,
  proposition2,
  proposition3,
  proposition3WithoutMonotonicity,
  proposition4,
  proposition4PrintedRange,
  lemma1,
  claim1,
  claim1ClosedInterval,
  proposition5,
  proposition5AsStated,
  remark2Greedy,
  theorem1Amd,
  theorem1Explicit,
  theorem1AsStated,
  theorem1PrintedTransfers,
  directionAbstract,
  directionIntroduction,
  directionExtremes,
  directionRemark2Ratios,
  directionRemark2Probabilities,
  directionRemark2Threshold,
  directionTheorem1,
  directionFigure3,
  figures,
  figuresExampleValuations,
];

/** The seed002 module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: seed002Entries };
