import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { decompositionDefinition, trivialLambdaAsStated, trivialLambdaIndependent } from './decomposition.ts';
import { nuCountsVsEnumeration, nuExactVsBisection } from './informationalSize.ts';
import { lemmaAEntry, lemmaASharp, lemmaBEntry, lemmaBSharp, lemmaCEntry } from './lemmas.ts';
import { section2Example, section2ValueSearch } from './section2Example.ts';
import { theoremBManyAgents } from './theoremBManyAgents.ts';
import { relaxLinearRule, relaxNoRewardsOneStage, relaxNoRewardsTwoStage, relaxNoVariability } from './relaxations.ts';
import { theoremBProofSteps } from './proofSteps.ts';
import { theoremAi, theoremAii, theoremBa, theoremBb } from './theorems.ts';

/** Catalogue entries for seed001 (see manifest.ts). */
export const seed001Entries: CatalogueEntry[] = [
  decompositionDefinition,
  trivialLambdaAsStated,
  trivialLambdaIndependent,
  nuExactVsBisection,
  nuCountsVsEnumeration,
  lemmaAEntry,
  lemmaASharp,
  lemmaBEntry,
  lemmaBSharp,
  lemmaCEntry,
  theoremAi,
  theoremAii,
  theoremBa,
  theoremBb,
  theoremBProofSteps,
  theoremBManyAgents,
  section2Example,
  section2ValueSearch,
  relaxNoVariability,
  relaxNoRewardsTwoStage,
  relaxNoRewardsOneStage,
  relaxLinearRule,
];

/** The seed001 module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: seed001Entries };
