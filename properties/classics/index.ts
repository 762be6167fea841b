/**
 * Classics of mechanism design, checked numerically on discrete instances
 * with the automated-mechanism-design engine (src/design): impossibility
 * theorems as verified Farkas certificates, their relaxations as mechanisms
 * that `check` accepts, and optimal-mechanism theorems against the certified
 * LP optimum. Self-contained: the references (full citations) and the
 * hypotheses with their ids are in its manifest, manifest.ts.
 *
 * What the computation finds (details in each file's header):
 * - Myerson-Satterthwaite on the uniform grid {0..k-1}: a mechanism exists for
 *   k <= 5, none from k = 6 (exact certificates); the largest expected surplus
 *   is (k-1)(5-k)/(6k), tending to the continuous -1/6 on the unit scale.
 * - Green-Laffont: every two-type instance admits an efficient, DSIC, balanced
 *   mechanism; the smallest integer instances without one have two agents with
 *   types {-2, 1, 3} or {-3, -1, 2}; d'Aspremont-Gerard-Varet always finds one.
 * - Myerson: the LP revenue equals the ironed discrete virtual-value formula,
 *   and DSIC earns as much as BIC; ironing changes 854/25 into the true 34.
 * - Cremer-McLean: full extraction with full-rank beliefs, strictly less with
 *   independent types.
 * - Seed 002's AMD LP rebuilt on the engine agrees with src/mechanisms/bilateralTrade/amd.ts.
 */
import type { Paper } from '../../src/catalogue/manifest.ts';
import type { CatalogueEntry } from '../../src/catalogue/types.ts';
import { manifest } from './manifest.ts';
import { cmFullExtraction, cmIndependent } from './cremerMcLean.ts';
import { agvBudgetBalanced, glImpossibility, glRelaxations, glSmallest, glTwoTypes } from './greenLaffont.ts';
import { myersonDsicEqualsBic, myersonIroning, myersonVirtualValues } from './myersonAuction.ts';
import { msFewTypes, msImpossibility, msLargestSurplus, msRelaxations, msThreshold } from './myersonSatterthwaite.ts';
import { seed002Agreement } from './seed002Amd.ts';

/** The classics module's catalogue entries. */
export const classicsEntries: CatalogueEntry[] = [
  msImpossibility,
  msFewTypes,
  msThreshold,
  msLargestSurplus,
  ...msRelaxations,
  glImpossibility,
  glTwoTypes,
  glSmallest,
  agvBudgetBalanced,
  ...glRelaxations,
  myersonVirtualValues,
  myersonDsicEqualsBic,
  myersonIroning,
  cmFullExtraction,
  cmIndependent,
  seed002Agreement,
];

/** The classics module, as registered in properties/papers.ts. */
export const paper: Paper = { manifest, entries: classicsEntries };
