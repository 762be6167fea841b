/**
 * The README's examples are tests (as fast-check tests its own documentation):
 * every console transcript and every TypeScript block in README.md is
 * extracted and run here, in-process.
 *
 * - A `console` block is a transcript: each `$ npx mechcheck ARGS` line runs
 *   through `runCli` in a scratch folder that sees the repository's
 *   `fixtures/` (so `--out designed.json` writes there), and its output must
 *   equal the lines that follow, except for the variable parts below; a
 *   following `$ echo $?` gives the expected exit code.
 * - The `ts` blocks of "Using mechcheck in your own project" are written, with
 *   `mechcheck` imports pointed at this repository's sources, into the layout
 *   of fixtures/user-project (`src/auctions.ts`, `mechanisms/reserve-auction.ts`,
 *   `test/auctions.test.ts`): the transcript `mechcheck check
 *   mechanisms/reserve-auction.ts` runs on the README's own code, and the
 *   README's vitest block registers its tests in this file, where they run.
 * - The block that calls a checker on the model's own types runs, and the
 *   fields its `// { ... }` comment states are compared with the result.
 *
 * Variable parts of a transcript: a number in exponent form below 1e-9 in
 * absolute value (round-off, e.g. `gap 1.6e-13`, `worst 1.33226763e-15`) reads
 * as "round-off" on both sides. Nothing else varies (no transcript shows a time).
 * `sh` blocks (installation, the quick start) are not run here: the quick
 * start is `npm ci && npm run verify` and `npm test` themselves.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli/runCli.ts';

const root = resolve(import.meta.dirname, '..');

/** A fenced block of README.md: its info string, text and the line of its opening fence. */
export interface FencedBlock {
  lang: string;
  text: string;
  line: number;
}

/** The fenced code blocks of a Markdown text, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const open = /^```(\S*)\s*$/.exec(lines[k]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > k && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${k + 1}: unclosed code block`);
    blocks.push({ lang: open[1], text: lines.slice(k + 1, end).join('\n'), line: k + 1 });
    k = end;
  }
  return blocks;
}

/** One command of a transcript: its arguments after `npx mechcheck`, the output shown, and the exit code shown by `echo $?` (if any). */
export interface TranscriptCommand {
  argv: string[];
  output: string;
  status?: number;
}

/** The commands of a console transcript; a command other than `npx mechcheck ...` or `echo $?` is an error. */
export function transcriptCommands(text: string): TranscriptCommand[] {
  const commands: TranscriptCommand[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ')) {
      const words = line.slice(2).trim().split(/\s+/);
      if (words.join(' ') === 'echo $?') {
        const last = commands.at(-1);
        if (!last) throw new Error('echo $? before any command');
        last.status = Number.NaN; // the next output line sets it
        continue;
      }
      if (words[0] !== 'npx' || words[1] !== 'mechcheck') throw new Error(`not a mechcheck command: ${line}`);
      commands.push({ argv: words.slice(2), output: '' });
    } else {
      const last = commands.at(-1);
      if (!last) throw new Error(`output before any command: ${line}`);
      if (last.status !== undefined && Number.isNaN(last.status)) last.status = Number(line.trim());
      else last.output += line + '\n';
    }
  }
  return commands;
}

/** The documented variable parts replaced: tiny exponent-form numbers (|x| < 1e-9) are round-off. */
export function normalizeTranscript(text: string): string {
  return text.replace(/-?\d+(?:\.\d+)?e-(\d+)\b/g, (m, exp: string) => (Number(exp) >= 10 ? '<round-off>' : m)).replace(/[ \t]+$/gm, '');
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = fencedBlocks(readme);
const transcripts = blocks.filter((b) => b.lang === 'console');
const tsBlocks = blocks.filter((b) => b.lang === 'ts');

// A scratch folder laid out like fixtures/user-project, whose `mechcheck`
// imports resolve to this repository's sources; it lives under node_modules
// so that vitest, fast-check and tsx resolve from it as from the repository.
const project = mkdtempSync(join(root, 'node_modules', '.readme-'));
symlinkSync(join(root, 'fixtures'), join(project, 'fixtures'), 'dir');
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'readme-project', private: true, type: 'module' }));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const SPECIFIERS: Record<string, string> = {
  mechcheck: 'src/index.ts',
  'mechcheck/vitest': 'src/vitest/index.ts',
  'mechcheck/arbitraries': 'src/generators/index.ts',
};
/** The block with its `mechcheck` imports pointed at the sources (an import of another package is left alone). */
function pointAtSources(code: string): string {
  return code.replace(/from '(mechcheck(?:\/[a-z]+)?)'/g, (m, spec: string) => {
    const target = SPECIFIERS[spec];
    if (!target) throw new Error(`README imports ${spec}, which package.json does not export`);
    return `from ${JSON.stringify(pathToFileURL(join(root, target)).href)}`;
  });
}
function write(file: string, code: string): string {
  const path = join(project, file);
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, code);
  return path;
}

/** The ts block that contains `marker` (exactly one). */
function tsBlock(marker: string): FencedBlock {
  const found = tsBlocks.filter((b) => b.text.includes(marker));
  if (found.length !== 1) throw new Error(`README.md: expected one ts block containing ${marker}, found ${found.length}`);
  return found[0];
}

// The user-project blocks, in the files the README names for them.
const auctionsBlock = tsBlock('export function secondPriceWithReserve');
const reserveBlock = tsBlock('export const require');
const vitestBlock = tsBlock("from 'mechcheck/vitest'");
const modelBlock = tsBlock('privateValuesEnvironment(');
write('src/auctions.ts', pointAtSources(auctionsBlock.text));
write(
  'mechanisms/reserve-auction.ts',
  `import { auctionEnvironment, secondPriceWithReserve } from '../src/auctions.ts';\n${reserveBlock.text}\n`,
);

describe('README.md', () => {
  it('has the transcripts and examples this test runs', () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(3);
    expect(tsBlocks.map((b) => b.line)).toEqual([auctionsBlock, reserveBlock, vitestBlock, modelBlock].map((b) => b.line));
  });

  it.each(transcripts.map((b) => [b.line, b] as const))('the console transcript at line %i', async (_line, block) => {
    const commands = transcriptCommands(block.text);
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      const r = await runCli(c.argv, { cwd: project });
      expect(r.stderr, `mechcheck ${c.argv.join(' ')}`).toBe('');
      expect(normalizeTranscript(r.stdout), `mechcheck ${c.argv.join(' ')}`).toBe(normalizeTranscript(c.output));
      if (c.status !== undefined) expect(r.status, `mechcheck ${c.argv.join(' ')}: exit code`).toBe(c.status);
      else expect(r.status, `mechcheck ${c.argv.join(' ')}: exit code`).toBe(0);
    }
  });

  it('the checker called on the model types gives what its comment states', async () => {
    const mod = (await import(write('model.ts', `${pointAtSources(modelBlock.text)}\nexport { result };\n`))) as {
      result: Record<string, unknown>;
    };
    const comment = /^\/\/ \{(.*)\}\s*$/m.exec(modelBlock.text);
    expect(comment, 'the block states its result in a // { ... } comment').not.toBeNull();
    const stated = [...comment![1].matchAll(/(\w+): ('[^']*'|-?\d+(?:\.\d+)?|true|false)/g)].map(([, k, v]) => [
      k,
      v.startsWith("'") ? v.slice(1, -1) : JSON.parse(v),
    ]);
    expect(stated.length).toBeGreaterThan(0);
    for (const [k, v] of stated) expect(mod.result[k as string], k as string).toEqual(v);
  });
});

// The README's vitest block, as test/auctions.test.ts: the names it uses from
// the rest of that file come from the fixture (brokenReserveAuction from
// fixtures/user-project/src/auctions.ts, threeBidders as that test defines it).
write('src/fixture-auctions.ts', pointAtSources(readFileSync(join(root, 'fixtures/user-project/src/auctions.ts'), 'utf8')));
write(
  'test/auctions.test.ts',
  [
    pointAtSources(
      vitestBlock.text
        .split('\n')
        .filter((l) => l.startsWith('import '))
        .join('\n'),
    ),
    `import { describe as describeReadme } from 'vitest';`,
    `import { auctionEnvironment, secondPriceWithReserve } from '../src/auctions.ts';`,
    `import { brokenReserveAuction } from '../src/fixture-auctions.ts';`,
    `const threeBidders = auctionEnvironment(['Ann', 'Bob', 'Cy'], [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]]);`,
    `describeReadme('README.md: the vitest block at line ${vitestBlock.line}', () => {`,
    vitestBlock.text
      .split('\n')
      .filter((l) => !l.startsWith('import '))
      .join('\n'),
    '});',
  ].join('\n'),
);
await import(join(project, 'test/auctions.test.ts'));
