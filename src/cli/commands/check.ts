/**
 * `mechcheck check FILE [--json] [--tolerance T]`: a finite mechanism in JSON
 * (src/check/mechanism.schema.json) -> every solution concept with the size of
 * its worst violation and a witness. Exit 0 when every required concept holds,
 * 1 when one is violated, 2 on a malformed file.
 */
import { ALL_CONCEPTS, checkAll } from '../../concepts/checkAll.ts';
import type { ConceptResult, Witness } from '../../concepts/result.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_TOLERANCE } from '../../core/tolerance.ts';
import { parseMechanism, type LoadedMechanism } from '../../check/mechanismFile.ts';
import type { Command } from '../command.ts';
import { numberOption, parse, printJson, readJsonFile } from '../io.ts';

const HELP = `usage: mechcheck check FILE [--json] [--tolerance T]
  FILE is a finite mechanism in JSON; the format is src/check/mechanism.schema.json (see README).
  Exit 0 when every required concept holds, 1 when one is violated, 2 on a malformed file.
example:
  mechcheck check fixtures/mechanisms/first-price-auction.json --json`;

function labelWitness(m: LoadedMechanism, w: Witness | null): Record<string, unknown> | null {
  if (!w) return null;
  const out: Record<string, unknown> = { ...w };
  const prof = (p: number[]) => p.map((t, i) => m.typeLabels[i][t]);
  if (w.agent !== undefined) out.agentName = m.agentNames[w.agent];
  if (w.agent !== undefined && w.trueType !== undefined) out.trueTypeLabel = m.typeLabels[w.agent][w.trueType];
  if (w.agent !== undefined && w.report !== undefined) out.reportLabel = m.typeLabels[w.agent][w.report];
  if (w.trueProfile) out.trueProfileLabels = prof(w.trueProfile);
  if (w.reportedProfile) out.reportedProfileLabels = prof(w.reportedProfile);
  if (w.profile) out.profileLabels = prof(w.profile);
  return out;
}

function sentence(m: LoadedMechanism, r: ConceptResult): string {
  const w: Witness | null = r.witness;
  if (!w || r.holds) return '';
  const who = w.agent !== undefined ? `${m.agentNames[w.agent]}` : '';
  switch (r.concept) {
    case 'dominantStrategyIC':
    case 'exPostIC':
      return `${who} with type ${m.typeLabels[w.agent!][w.trueType!]} gains ${fmt(r.violation)} by reporting ${m.typeLabels[w.agent!][w.report!]}` +
        (w.reportedProfile ? ` when the reports are [${w.reportedProfile.map((t, i) => m.typeLabels[i][t]).join(', ')}]` : w.trueProfile ? ` at the profile [${w.trueProfile.map((t, i) => m.typeLabels[i][t]).join(', ')}]` : '');
    case 'interimIC':
      return `${who} with type ${m.typeLabels[w.agent!][w.trueType!]} gains ${fmt(r.violation)} in expectation by reporting ${m.typeLabels[w.agent!][w.report!]}`;
    case 'exPostIR':
      return `${who} gets ${fmt(-r.violation)} at the profile [${w.profile!.map((t, i) => m.typeLabels[i][t]).join(', ')}]`;
    case 'interimIR':
      return `${who} with type ${m.typeLabels[w.agent!][w.trueType!]} expects ${fmt(-r.violation)}`;
    case 'exPostBudget':
      return `the designer pays out ${fmt(r.violation)} net at the profile [${w.profile!.map((t, i) => m.typeLabels[i][t]).join(', ')}]`;
    case 'exAnteBudget':
      return `the expected deficit is ${fmt(r.violation)}`;
    case 'noPositiveTransfers':
      return `${who} receives ${fmt(r.violation)} at the profile [${w.profile!.map((t, i) => m.typeLabels[i][t]).join(', ')}]`;
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(8));
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, tolerance: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (positionals.length !== 1) throw new InputError('FILE', `expected exactly one mechanism file, got ${positionals.length}`);
    const file = positionals[0];
    const m = parseMechanism(readJsonFile(io, file, file));
    const tolerance = numberOption(values.tolerance, 'tolerance', { min: 0 }) ?? m.tolerance ?? DEFAULT_TOLERANCE;
    const results = checkAll(m.env, m.mech, { tolerance });
    const required = new Set(m.require ?? ALL_CONCEPTS);
    const failed = results.filter((r) => required.has(r.concept) && !r.holds);
    if (values.json) {
      printJson(io, {
        mechanism: m.name,
        file,
        tolerance,
        ok: failed.length === 0,
        results: results.map((r) => ({ ...r, required: required.has(r.concept), witness: labelWitness(m, r.witness) })),
      });
    } else {
      io.out(`${m.name} (${file}), tolerance ${tolerance}\n`);
      for (const r of results) {
        const verdict = r.holds ? 'holds' : 'VIOLATED';
        io.out(`  ${r.concept.padEnd(20)} ${verdict.padEnd(9)} worst ${fmt(r.worst)}${required.has(r.concept) ? '' : ' (not required)'}\n`);
        if (!r.holds) io.out(`      witness: ${sentence(m, r)}\n`);
      }
      io.out(failed.length === 0 ? 'all required properties hold\n' : `${failed.length} required propert${failed.length === 1 ? 'y' : 'ies'} violated\n`);
    }
    return failed.length === 0 ? 0 : 1;
  },
};
