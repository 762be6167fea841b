import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { payoffBound } from './payoffBound.ts';
import { greedyDsic, perfectMatchingsIr } from './relaxationAssignmentRule.ts';
import { theorem1Budget } from './theorem1Budget.ts';
import { definition2OpponentsLie } from './definition2OpponentsLie.ts';
import { theorem2Counts, theorem2NBar, theorem2RewardsVanish } from './theorem2.ts';
import { relaxationUninformativeSignal } from './relaxationUninformativeSignal.ts';
import { theorem1ProofDelta, theorem1ProofDeltaAnyOpponents, theorem1RobustDelta, theorem1UnboundedReports } from './theorem1.ts';
import { part2PosteriorDependent, part2PosteriorIndependent } from './part2Bound.ts';
import { lemmaAProof, lemmaAStated } from './lemmaA.ts';
import { lemmaBFromStatedA, lemmaBStated } from './lemmaB.ts';
import {
  negativeExternalitiesIrDsic,
  negativeExternalitiesTransfers,
  stage2Dsic,
  stage2Ir,
  stage2NoPositiveTransfers,
} from './stage2Vcg.ts';

/** Catalogue entries for seed 000 (000_8a10c4f2f12bc353.txt: two-stage assignment mechanism with externalities). */
export const seed000Entries: CatalogueEntry[] = [
  payoffBound,
  stage2Dsic,
  stage2Ir,
  stage2NoPositiveTransfers,
  negativeExternalitiesTransfers,
  negativeExternalitiesIrDsic,
  perfectMatchingsIr,
  greedyDsic,
  lemmaAStated,
  lemmaAProof,
  lemmaBStated,
  lemmaBFromStatedA,
  part2PosteriorIndependent,
  part2PosteriorDependent,
  theorem1ProofDelta,
  theorem1ProofDeltaAnyOpponents,
  theorem1RobustDelta,
  theorem1UnboundedReports,
  theorem1Budget,
  definition2OpponentsLie,
  relaxationUninformativeSignal,
  theorem2Counts,
  theorem2RewardsVanish,
  theorem2NBar,
];

/** The seed000 module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: seed000Entries };
