/** `mechcheck list [--json]`: the catalogue, with source and expected verdict per entry. */
import { catalogue } from '../../../properties/index.ts';
import type { Command } from '../command.ts';
import { parse, printJson } from '../io.ts';

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help) {
      io.out('usage: mechcheck list [--json]\n  --json  one record per entry (id, title, source, kind, hypotheses, conclusion, relaxes, expected, runs)\nexample:\n  mechcheck list --json\n');
      return 0;
    }
    if (values.json) {
      printJson(io, catalogue.map((e) => ({ id: e.id, title: e.title, source: e.source, kind: e.kind, hypotheses: e.hypotheses, conclusion: e.conclusion, relaxes: e.relaxes ?? null, expected: e.expected, runs: e.runs ?? 100 })));
      return 0;
    }
    const w = Math.max(...catalogue.map((e) => e.id.length));
    for (const e of catalogue) {
      io.out(`${e.id.padEnd(w)}  ${e.expected.padEnd(7)}  ${e.source.seed === 'foundation' ? 'foundation' : e.source.seed}: ${e.source.ref}\n`);
    }
    io.out(`${catalogue.length} entries\n`);
    return 0;
  },
};
