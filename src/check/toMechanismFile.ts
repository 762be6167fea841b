/**
 * The JSON form of a mechanism written as code: one row per reported profile,
 * readable by `mechcheck check` and by `parseMechanism` (so a mechanism can be
 * shared, archived or checked without its code).
 */
import type { ConceptName } from '../concepts/result.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { asFiniteEnvironment } from '../api/environment.ts';
import { asFiniteMechanism } from '../api/mechanism.ts';
import type { MechanismFile } from './mechanismFile.ts';

/**
 * Tabulate a mechanism and its environment into the JSON format
 * (src/check/mechanism.schema.json). The prior is written as a joint
 * distribution over states x profiles.
 *
 * @example
 *   writeFileSync('auction.json', JSON.stringify(toMechanismFile(env, secondPrice)));
 */
export function toMechanismFile(
  env: Environment,
  mech: DirectMechanism,
  extra: { name?: string; description?: string; tolerance?: number; require?: ConceptName[] } = {},
): MechanismFile {
  const e = asFiniteEnvironment(env);
  const m = asFiniteMechanism(e, mech);
  const space = e.prior.profiles;
  const S = space.size;
  const C = e.outcomes;
  const states = e.prior.states;
  const outcomesRange = Array.from({ length: C }, (_, c) => c);
  let valuations: MechanismFile['valuations'];
  if (e.valuationKind === 'interdependent') {
    valuations = {
      interdependent: e.agentNames.map((_, i) =>
        e.stateLabels.map((_s, th) => Array.from({ length: S }, (_k, k) => outcomesRange.map((c) => e.value(i, c, th, k)))),
      ),
    };
  } else {
    const rows = (i: number, th: number) =>
      e.typeLabels[i].map((_t, t) => outcomesRange.map((c) => e.value(i, c, th, space.replace(0, i, t))));
    valuations =
      e.valuationKind === 'private'
        ? { private: e.agentNames.map((_, i) => rows(i, 0)) }
        : { stateDependent: e.agentNames.map((_, i) => e.stateLabels.map((_s, th) => rows(i, th))) };
  }
  const file: MechanismFile = {
    ...((extra.name ?? mech.name ?? e.name) ? { name: extra.name ?? mech.name ?? e.name } : {}),
    ...(extra.description ? { description: extra.description } : {}),
    agents: [...e.agentNames],
    types: e.typeLabels.map((t) => [...t]),
    ...(states > 1 ? { states: [...e.stateLabels] } : {}),
    prior: { joint: Array.from(e.prior.table) },
    outcomes: [...e.outcomeLabels],
    valuations,
    outcome: Array.from({ length: S }, (_, k) => {
      const q = m.outcome(k);
      return typeof q === 'number' ? q : [...q];
    }),
    transfers: Array.from({ length: S }, (_, k) => [...m.transfer(k)]),
    ...(extra.tolerance !== undefined ? { tolerance: extra.tolerance } : {}),
    ...(extra.require ? { require: extra.require } : {}),
  };
  return file;
}
