/**
 * `mechcheck list [--json]`: the catalogue, with source and expected verdict per entry.
 *
 * Startup: importing the catalogue loads every entry's code (mathjs, the LP
 * layer, ...), about 2 s of CPU, for metadata only. The build therefore writes
 * the listing to dist/properties/listing.json (src/build/catalogueListing.mjs),
 * and the compiled command reads that file; from the sources (tsx, tests), where
 * there is no such file, it imports the catalogue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry } from '../../catalogue/types.ts';
import type { Command } from '../command.ts';
import { parse, printJson } from '../io.ts';

/** One catalogue entry as `list --json` prints it. */
export interface ListedEntry {
  id: string;
  /** the entry's older ids (README, "Entry ids") */
  aliases: string[];
  title: string;
  source: CatalogueEntry['source'];
  kind: CatalogueEntry['kind'];
  hypotheses: CatalogueEntry['hypotheses'];
  /** the instances searched (not hypotheses of the paper); empty when the entry states none */
  scope: string[];
  conclusion: CatalogueEntry['conclusion'];
  relaxes: string | null;
  expected: CatalogueEntry['expected'];
  runs: number;
}

/** The listing of a catalogue (what `list --json` prints, and what the build stores). */
export function listing(catalogue: readonly CatalogueEntry[]): ListedEntry[] {
  return catalogue.map((e) => ({
    id: e.id,
    aliases: e.aliases ?? [],
    title: e.title,
    source: e.source,
    kind: e.kind,
    hypotheses: e.hypotheses,
    scope: e.scope ?? [],
    conclusion: e.conclusion,
    relaxes: e.relaxes ?? null,
    expected: e.expected,
    runs: e.runs ?? 100,
  }));
}

/** The listing stored by the build next to the compiled catalogue, if this is the compiled command. */
const STORED = fileURLToPath(new URL('../../../properties/listing.json', import.meta.url));

async function load(): Promise<ListedEntry[]> {
  if (existsSync(STORED)) return JSON.parse(readFileSync(STORED, 'utf8')) as ListedEntry[];
  const { catalogue } = await import('../../../properties/index.ts');
  return listing(catalogue);
}

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help) {
      io.out(
        'usage: mechcheck list [--json]\n  --json  one record per entry (id, aliases, title, source, kind, hypotheses, scope, conclusion, relaxes, expected, runs)\nexample:\n  mechcheck list --json\n',
      );
      return 0;
    }
    const entries = await load();
    if (values.json) {
      printJson(io, entries);
      return 0;
    }
    const w = Math.max(...entries.map((e) => e.id.length));
    for (const e of entries) {
      io.out(
        `${e.id.padEnd(w)}  ${e.expected.padEnd(7)}  ${e.source.seed === 'foundation' ? 'foundation' : e.source.seed}: ${e.source.ref}\n`,
      );
    }
    io.out(`${entries.length} entries\n`);
    return 0;
  },
};
