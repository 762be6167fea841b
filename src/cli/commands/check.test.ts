/**
 * `mechcheck check` as a user runs it (in-process): several files with the
 * worst exit code, standard input, --require and --tolerance from the command
 * line, mechanisms as JavaScript and TypeScript modules, bad modules and bad
 * values named without a stack trace, and nothing written anywhere.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => join(root, 'fixtures', 'mechanisms', name);
const run = (args: string[], opts: { cwd?: string; stdin?: string } = {}) =>
  runCli(['check', ...args], { cwd: opts.cwd ?? root, stdin: opts.stdin });
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

/** A module in a fresh folder, importing the API from the sources. */
function writeModule(name: string, body: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mechcheck-module-'));
  const file = join(dir, name);
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
  writeFileSync(
    file,
    `import { defineEnvironment, defineMechanism, lottery } from ${JSON.stringify(join(root, 'src', 'index.ts'))};\n${body}\n`,
  );
  return { dir, file };
}

const AUCTION = `
export const environment = defineEnvironment({
  agents: ['Ann', 'Bob', 'Cy'],
  types: [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]],
  outcomes: ['none', 'Ann', 'Bob', 'Cy'],
  prior: { independent: (agent, value) => '1/4' },
  valuation: { private: (i, winner, value) => (winner === environment_names[i] ? value : 0) },
});
`;

describe('mechcheck check: files', () => {
  it('checks several files, one block each, and exits with the worst code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-bad-'));
    writeFileSync(join(dir, 'bad.json'), '{"agents": 2}');
    const r = await run([fixture('second-price-auction.json'), fixture('first-price-auction.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout.match(/tolerance 1e-9/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/second-price[^]*all required properties hold[^]*first-price[^]*3 required properties violated/);
    const worst = await run([fixture('second-price-auction.json'), join(dir, 'bad.json'), fixture('first-price-auction.json'), '--json']);
    expect(worst.status).toBe(2);
    const out = JSON.parse(worst.stdout);
    expect(out.map((x: { ok: boolean }) => x.ok)).toEqual([true, false, false]);
    expect(out[1].error.message).toMatch(/bad\.json: types: is required/);
    expect(worst.stderr).toMatch(/bad\.json: types: is required/);
  });
  it("reads '-' from standard input", async () => {
    const r = await run(['-'], { stdin: readFileSync(fixture('first-price-auction.json'), 'utf8') });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\(standard input\)/);
    expect((await run(['-'], { stdin: '{' })).stderr).toMatch(/^mechcheck check: error: \(standard input\): not valid JSON/);
    expect((await run(['-', '-'])).status).toBe(2);
  });
  it('--require on the command line overrides the file; an unknown concept is named', async () => {
    expect((await run([fixture('first-price-auction.json'), '--require', 'exPostIR,interimIR,exPostBudget'])).status).toBe(0);
    const r = await run([fixture('first-price-auction.json'), '--require', 'exPostIR,dsic']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--require: unknown concept 'dsic'/);
  });
  it.each([
    ['0x10', /--tolerance: must be a decimal number, got '0x10'/],
    ['0', /--tolerance: must be >= /],
    ['2', /--tolerance: must be <= 1/],
    ['', /--tolerance: must be a decimal number/],
  ])('refuses --tolerance %j', async (t, message) => {
    const r = await run([fixture('first-price-auction.json'), '--tolerance', t]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('refuses a file declaring 1e9 types at once with the size, the limit and the option; --max-cells raises it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-huge-'));
    const data = JSON.parse(readFileSync(fixture('second-price-auction.json'), 'utf8'));
    writeFileSync(join(dir, 'huge.json'), JSON.stringify({ ...data, types: [1e9, 3] }));
    const r = await run([join(dir, 'huge.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /huge\.json: types: the number of table entries for 3\.00e9 type profiles .* above the limit of 1\.50e8 \(raise it with --max-cells\)/,
    );
    const raised = await run([join(dir, 'huge.json'), '--max-cells', '1e11']);
    expect(raised.stderr).toMatch(/outcome: has 9 entries, expected 3000000000/);
    expect((await run([fixture('second-price-auction.json'), '--max-work', '10'])).stderr).toMatch(
      /above the limit of 10 \(raise it with --max-work\)/,
    );
  });
  it('writes nothing (not in the working directory, not next to the file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechcheck-cwd-'));
    writeFileSync(join(dir, 'm.json'), readFileSync(fixture('first-price-auction.json')));
    await run(['m.json', '--json'], { cwd: dir });
    expect(readdirSync(dir)).toEqual(['m.json']);
  });
});

describe('mechcheck check: modules', () => {
  const names = "const environment_names = ['none', 'Ann', 'Bob', 'Cy'].slice(1);";
  const reserveAuction = `${names}${AUCTION}
export const mechanism = defineMechanism(environment, {
  name: 'second price, reserve 2',
  outcome: (bids) => { const top = Math.max(...bids); return top < 2 ? 'none' : environment_names[bids.indexOf(top)]; },
  transfers: (bids) => {
    const top = Math.max(...bids); const w = bids.indexOf(top);
    const price = Math.max(2, ...bids.filter((_, i) => i !== w));
    return bids.map((_, i) => (top >= 2 && i === w ? -price : 0));
  },
});
export const require = ['dominantStrategyIC', 'exPostIR', 'noPositiveTransfers'];`;

  it('checks a JavaScript module exporting environment and mechanism (64 profiles in a few lines)', async () => {
    const { file } = writeModule('reserve.mjs', reserveAuction);
    const r = await run([file]);
    expect(r.stdout).toMatch(/second price, reserve 2/);
    expect(r.stdout).toMatch(/dominantStrategyIC\s+holds/);
    expect(r.stdout).toMatch(/exPostBudget\s+holds .*\(not required\)/);
    expect(r.status).toBe(0);
  });
  it('a broken module mechanism fails with its witness in the user labels', async () => {
    const { file } = writeModule('broken.mjs', reserveAuction.replace('-price', '-(price + 2)'));
    const r = await run([file, '--require', 'exPostIR']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/exPostIR\s+VIOLATED\s+worst 2\n\s+witness: Cy gets -2 at the profile \[0, 0, 2\]/);
  });
  it('checks a TypeScript module through tsx from the project', async () => {
    const { file } = writeModule(
      'reserve.ts',
      reserveAuction.replace(
        "const environment_names = ['none', 'Ann', 'Bob', 'Cy'].slice(1);",
        "const environment_names: string[] = ['Ann', 'Bob', 'Cy'];",
      ),
    );
    const r = await run([file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('refuses a TypeScript module when neither Node nor the project can load it, saying what to do', async () => {
    if ((process.features as { typescript?: unknown }).typescript) return; // Node strips types itself: nothing to refuse
    const { dir, file } = writeModule('reserve.ts', reserveAuction);
    const r = await run([file], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/reserve\.ts: is a TypeScript module, .*install tsx in your project \(npm install --save-dev tsx\)/);
  });
  it.each([
    ['a module that throws', "throw new Error('not today');", /the module failed to load: Error: not today/],
    ['a module without a mechanism', 'export const x = 1;', /exports no `mechanism`/],
    [
      'a valuation that returns a string',
      `${names}${AUCTION.replace('winner === environment_names[i] ? value : 0', "winner === 'Bob' && value === 3 ? 'lots' : 0")}\nexport const mechanism = defineMechanism(environment, { outcome: () => 'none', transfers: () => [0, 0, 0] });`,
      /valuation\.private\(Ann, outcome Bob, type 3\): must be a number or an exact fraction such as "1\/3", got "lots"/,
    ],
    [
      'transfers that return NaN',
      `${names}${AUCTION}\nexport const mechanism = defineMechanism(environment, { outcome: () => 'none', transfers: ([a]) => [a === 3 ? NaN : 0, 0, 0] });`,
      /mechanism\.transfers\(\[Ann=3, Bob=0, Cy=0\]\)\[0\]: must be a number, got NaN/,
    ],
    [
      'an outcome rule that throws',
      `${names}${AUCTION}\nexport const mechanism = defineMechanism(environment, { outcome: (b) => { if (b[2] === 1) throw new RangeError('no'); return 'none'; }, transfers: () => [0, 0, 0] });`,
      /mechanism\.outcome\(\[Ann=0, Bob=0, Cy=1\]\): threw RangeError: no/,
    ],
    [
      'a lottery that does not sum to 1',
      `${names}${AUCTION}\nexport const mechanism = defineMechanism(environment, { outcome: () => lottery([['Ann', '1/2'], ['Bob', '1/3']]), transfers: () => [0, 0, 0] });`,
      /mechanism\.outcome\(\[Ann=0, Bob=0, Cy=0\]\)\.lottery: sums to exactly 5\/6, not 1/,
    ],
    [
      'an outcome that is not one',
      `${names}${AUCTION}\nexport const mechanism = defineMechanism(environment, { outcome: () => 'Dan', transfers: () => [0, 0, 0] });`,
      /returned "Dan", which is not an outcome \(outcomes: none, Ann, Bob, Cy\)/,
    ],
  ])('%s: exit 2, the file and field named, no stack trace', async (_what, body, message) => {
    const { file } = writeModule('m.mjs', body);
    const r = await run([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^mechcheck check: error: .*m\.mjs: /);
    expect(r.stderr).toMatch(message);
    noStack(r.stderr);
  });
});
