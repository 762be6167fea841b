/**
 * Incentive compatibility of a finite direct mechanism, each as the largest
 * gain from a misreport with its witness (README, "Definitions"; a true
 * profile t is one with P(t) > 0).
 *
 * - dominantStrategyIC: for every true profile t, every profile of the others'
 *   reports r_-i and every lie t_i': U_i(t; r_-i, t_i') - U_i(t; r_-i, t_i).
 *   With private values the others' true types do not matter: the cases are
 *   (t_i with P(t_i) > 0, r_-i, t_i').
 * - exPostIC: truthful others: U_i(t; t_-i, t_i') - U_i(t; t) (seed 001 and the
 *   ex post notion of seed 003, Lemma 1).
 * - interimIC (Bayesian IC, seed 001 Definition 1): the same gain averaged with
 *   P_{T_-i}(t_-i | t_i), for every t_i with P(t_i) > 0.
 * All are computed by the one-pass engine (src/concepts/engine.ts).
 */
import type { Environment } from '../model/environment.ts';
import { Evaluation, type CheckOptions, type MechanismLike } from './evaluation.ts';
import type { ConceptResultOf } from './result.ts';

export type { CheckOptions } from './evaluation.ts';

/** Dominant-strategy IC: the largest gain from a misreport against any reports of the others. */
export function dominantStrategyIC(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'dominantStrategyIC'> {
  return Evaluation.of(env, mech, opts).result('dominantStrategyIC', opts);
}

/** Ex post IC: the largest gain from a misreport at a true profile, the others truthful. */
export function exPostIC(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'exPostIC'> {
  return Evaluation.of(env, mech, opts).result('exPostIC', opts);
}

/** Interim (Bayesian) IC: the largest expected gain from a misreport given one's own type. */
export function interimIC(env: Environment, mech: MechanismLike, opts: CheckOptions = {}): ConceptResultOf<'interimIC'> {
  return Evaluation.of(env, mech, opts).result('interimIC', opts);
}
