/** `mechcheck verify` and `mechcheck merge` as a user runs them (in-process), plus the few checks that need a real process. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../properties/index.ts';
import { captureIO } from '../io.ts';
import { main } from '../main.ts';
import { runCli } from '../runCli.ts';
import { HELP, parseVerifyOptions } from './verify.ts';
import { HELP as MERGE_HELP } from './merge.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = (...args: string[]) => runCli(args, { cwd: root });
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `mechcheck-${name}-`));
const hidden = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

describe('verify options', () => {
  it.each([
    [['--out', ''], '--out: must not be empty'],
    [['--only', ''], '--only: must not be empty'],
    [['--runs', '1e308'], '--runs: must be <= 1000000'],
    [['--runs', '0x10'], "--runs: must be a decimal number, got '0x10'"],
    [['--runs', '2.5'], '--runs: must be an integer'],
    [['--replay=-1:0', '--only', 'foundation.vcg.dsic'], "--replay: must be fast-check's path: digits separated by ':'"],
    [['--replay', '1::2', '--only', 'foundation.vcg.dsic'], '--replay: must be'],
    [['--seed=-1'], '--seed: must be >= 0'],
    [['--seed', '2147483648'], '--seed: must be <= 2147483647'],
    [['--seed', ''], "--seed: must be a decimal number, got ''"],
    [['--jobs', '0'], '--jobs: must be >= 1'],
    [['--timeout', '0'], '--timeout: must be >= 0.001'],
    [['--timeout', 'Infinity'], '--timeout: must be a decimal number'],
    [['--shard', '4/3'], '--shard: K must be between 1 and N = 3'],
    [['--shard', '1/0'], '--shard: N must be between 1 and 1000'],
    [['--shard', 'a/b'], '--shard: must be K/N'],
    [['--reporter', 'bogus'], "--reporter: unknown reporter 'bogus'"],
    [['--reporter', 'default=out.txt'], '--reporter: default writes to the terminal and takes no path'],
    [['--reporter', 'json='], '--reporter: json= needs a path'],
    [['--reporter', 'json=-', '--reporter', 'junit=-'], '--reporter: json=- needs standard output to itself'],
    [['--reporter', 'json=-', '--reporter', 'default'], '--reporter: json=- needs standard output to itself'],
    [['--json', '--reporter', 'json'], '--json: cannot be combined with --reporter'],
    [['--bogus'], "arguments: Unknown option '--bogus'"],
  ])('refuses %j with a one-line message naming the option, exit 2, before running anything', async (args, message) => {
    const dir = tmp('opts');
    const r = await run('verify', '--out', dir, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--replay and --only are checked against the catalogue', async () => {
    expect((await run('verify', '--only', 'no-such-entry', '--jobs', '1', '--out', tmp('x'))).stderr).toMatch(
      /--only: no catalogue entry matches 'no-such-entry'/,
    );
    expect((await run('verify', '--replay', '1:0', '--only', 'foundation.', '--jobs', '1', '--out', tmp('x'))).stderr).toMatch(
      /--replay: needs --only to select exactly one entry \(7 selected\)/,
    );
  });

  it('an output that cannot be written stops the run before it starts (one line, exit 2)', async () => {
    const r = await run('verify', '--out', '/dev/null/reports');
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe('mechcheck verify: error: cannot write --out: ENOTDIR\n');
    const j = await run('verify', '--out', tmp('dev'), '--reporter', 'junit=/dev/full');
    expect(j.status).toBe(2);
    expect(j.stderr).toMatch(/^mechcheck verify: error: cannot write --reporter junit=\/dev\/full: not a regular file/);
  });
});

describe('verify output', () => {
  it('results and the summary on stdout, nothing else on a non-terminal stderr; no colour when piped', async () => {
    const dir = tmp('out');
    const r = await run('verify', '--only', 'foundation.', '--jobs', '1', '--out', dir);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^mechcheck \d+\.\d+\.\d+ verify: 7 of \d+ entries, base seed 20261124, in process$/);
    expect(lines[1]).toMatch(/^\[1\/7\] ok {2}foundation\.vcg\.dsic: holds {2}worstGain=0 {2}\d+ ms$/);
    expect(r.stdout).toMatch(/\n7\/7 as expected \(5 hold, 2 refuted: 2 relaxations, 0 paper errata, 0 examples; 0 errors\) in /);
    expect(r.stdout).toMatch(/a PARTIAL run: 7 of \d+ entries \(--only foundation\.\)/);
    expect(r.stdout).toContain(
      `wrote ${join(dir, 'partial', 'report.json')}, ${join(dir, 'partial', 'report.md')}, ${join(dir, 'partial', 'report.html')}`,
    );
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/\x1b/);
    // on a loaded machine a run over 30 s prints a progress line now and then
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('progress: '))).toEqual([]);
  });

  it('colours on a terminal (a progress line redrawn on stderr), none with NO_COLOR, and FORCE_COLOR when piped', async () => {
    const dir = tmp('tty');
    const tty = await runCli(['verify', '--only', 'foundation.vcg.dsic', '--jobs', '1', '--out', dir], { cwd: root, tty: true });
    expect(tty.stdout).toContain('\x1b[32mok \x1b[39m');
    // eslint-disable-next-line no-control-regex -- the escape sequence is what is tested
    expect(tty.stderr).toMatch(/\r\x1b\[K.*1\/1 done/);
    const noColor = await runCli(['verify', '--only', 'foundation.vcg.dsic', '--jobs', '1', '--out', dir], {
      cwd: root,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toContain('\x1b[');
    const forced = await runCli(['verify', '--only', 'foundation.vcg.dsic', '--jobs', '1', '--out', dir], {
      cwd: root,
      env: { FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toContain('\x1b[32mok \x1b[39m');
  });

  it('--reporter junit=- and github: one document alone on stdout; annotations beside the terminal output', async () => {
    const dir = tmp('rep');
    const j = await run(
      'verify',
      '--only',
      'foundation.gvcg.interimIC.withoutRewards',
      '--jobs',
      '1',
      '--out',
      dir,
      '--reporter',
      'junit=-',
    );
    expect(j.status).toBe(0);
    expect(j.stdout).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="mechcheck verify" tests="1" failures="0" errors="0"/,
    );
    expect(existsSync(join(dir, 'partial'))).toBe(false);
    const g = await run(
      'verify',
      '--only',
      'foundation.gvcg.interimIC.withoutRewards',
      '--jobs',
      '1',
      '--out',
      dir,
      '--reporter',
      'default',
      '--reporter',
      'github',
      '--reporter',
      `markdown=${join(dir, 'r.md')}`,
    );
    expect(g.stdout).toMatch(/\n::notice title=mechcheck verify::1\/1 as expected/);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# mechcheck verification report \(partial run\)/);
  });

  it('a partial run never replaces the full report; figures of an earlier partial run do not survive beside one that made none', async () => {
    const dir = tmp('partial');
    writeFileSync(join(dir, 'report.json'), 'FULL');
    mkdirSync(join(dir, 'figures'));
    writeFileSync(join(dir, 'figures', 'full.svg'), '<svg/>');
    expect((await run('verify', '--only', 'seed001.theoremB.manyAgents', '--jobs', '1', '--out', dir)).status).toBe(0);
    expect(readdirSync(join(dir, 'partial', 'figures'))).toEqual(['seed001-theoremB-reward-scale.svg']);
    expect((await run('verify', '--only', 'foundation.vcg.dsic', '--jobs', '1', '--out', dir)).status).toBe(0);
    expect(readdirSync(join(dir, 'partial')).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const partial = JSON.parse(readFileSync(join(dir, 'partial', 'report.json'), 'utf8'));
    expect(partial).toMatchObject({ partial: true, only: 'foundation.vcg.dsic', summary: { total: 1 } });
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('FULL');
    expect(readdirSync(join(dir, 'figures'))).toEqual(['full.svg']);
    expect(hidden(dir)).toEqual([]);
    expect(hidden(join(dir, 'partial'))).toEqual([]);
  });
});

describe('sharded and parallel runs', () => {
  /**
   * The report's files with their timing masked: dates, durations, and the
   * metrics in which an entry records how long a step took (named *Ms, such as
   * seed002.theorem1.amdOptimality's amdMs).
   */
  const timedMetric = /\b(\w+Ms)(=| = |<\/th><td><span class="num">)[-\d.e+]+/g;
  const masked = (dir: string) => ({
    json: (() => {
      const j = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      j.generatedAt = 'T';
      j.summary.durationMs = 0;
      // how the LP answers were settled is a diagnostic, not part of the verdict: when javascript-lp-solver
      // (which runs under a 3 s limit) is late on a loaded machine, or answers differently, HiGHS's certificate
      // settles it; the number of solves stays
      j.summary.lp = j.summary.lp.solves;
      for (const r of j.results) {
        r.durationMs = 0;
        if (r.lp) r.lp = r.lp.solves;
        for (const k of Object.keys(r.metrics)) if (/Ms$/.test(k)) r.metrics[k] = 'T';
      }
      return j;
    })(),
    md: readFileSync(join(dir, 'report.md'), 'utf8')
      .replace(timedMetric, '$1$2T')
      .replace(/^Generated \S+/m, 'Generated T')
      .replace(/\) in [\d.]+ s\./, ') in T s.')
      .replace(/ \| \d+ \|$/gm, ' | T |')
      .replace(/; \d+ ms$/gm, '; T ms')
      .replace(/(LP solves behind these results;) .*$/m, '$1 L'),
    html: readFileSync(join(dir, 'report.html'), 'utf8')
      .replace(/<span class="timing">[^<]*<\/span>/g, 'T')
      .replace(timedMetric, '$1$2T')
      .replace(/(LP solves certified:)[^<]*/, '$1 L'),
    junit: readFileSync(join(dir, 'junit.xml'), 'utf8')
      .replace(timedMetric, '$1$2T')
      .replace(/ time="[\d.]+"/g, ' time="T"')
      .replace(/ timestamp="[^"]+"/g, ' timestamp="T"'),
    figures: readdirSync(join(dir, 'figures'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, 'figures', f), 'utf8')]),
  });
  const files = ['--reporter', 'json', '--reporter', 'markdown', '--reporter', 'html', '--reporter', 'junit'];

  // --runs 5: the comparison needs every entry, not the default evidence (it is the same code path at any number of runs)
  it('3 shards (each run serially in process) merged equal the full run on 2 workers, timing aside: same seeds, same counterexamples', async () => {
    const full = tmp('full');
    const r = await run('verify', '--runs', '5', '--jobs', '2', '--out', full, ...files);
    // stderr: at most the progress lines a long run prints now and then
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('progress: '))).toEqual([]);
    const shards = [1, 2, 3].map((k) => tmp(`shard${k}`));
    const sizes: number[] = [];
    for (const [k, dir] of shards.entries()) {
      const s = await run('verify', '--runs', '5', '--shard', `${k + 1}/3`, '--jobs', '1', '--out', dir, '--reporter', 'json');
      expect(s.stderr.split('\n').filter((l) => l && !l.startsWith('progress: '))).toEqual([]);
      sizes.push(JSON.parse(readFileSync(join(dir, 'partial', 'report.json'), 'utf8')).summary.total);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(catalogue.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(catalogue.length / 3);
    const merged = tmp('merged');
    const m = await run('merge', ...shards, '--out', merged, ...files);
    expect(m.stderr).toBe('');
    expect(m.status).toBe(r.status);
    const a = masked(full);
    const b = masked(merged);
    expect(b.json).toEqual(a.json);
    expect(a.json.partial).toBe(false);
    expect(a.json.results.map((x: { id: string }) => x.id)).toEqual(catalogue.map((e) => e.id));
    expect(b.md).toBe(a.md);
    expect(b.html).toBe(a.html);
    expect(b.junit).toBe(a.junit);
    expect(b.figures).toEqual(a.figures);
  }, 600_000);
});

describe('merge', () => {
  const shardReport = (results: unknown[], shard: { index: number; count: number } | null, over: Record<string, unknown> = {}) => ({
    tool: 'mechcheck',
    version: '0.1.0',
    generatedAt: '2026-01-01T00:00:00.000Z',
    seed: 1,
    runsOverride: null,
    timeoutSeconds: null,
    only: null,
    replay: null,
    shard,
    stoppedEarly: false,
    catalogueSize: catalogue.length,
    partial: true,
    summary: { durationMs: 10 },
    results,
    ...over,
  });
  const result = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    title: 't',
    source: { seed: 'foundation', ref: 'r' },
    kind: 'theorem',
    hypotheses: ['h'],
    conclusion: 'c',
    expected: 'holds',
    outcome: 'holds',
    runs: 1,
    metrics: {},
    evidence: { generated: 1, checked: 1, replayed: 0 },
    asExpected: true,
    seed: 3,
    durationMs: 5,
    ...over,
  });
  const write = (report: unknown) => {
    const dir = tmp('in');
    mkdirSync(join(dir, 'partial'));
    writeFileSync(join(dir, 'partial', 'report.json'), JSON.stringify(report));
    return dir;
  };

  it('lists an unexpected result again at the end with its replay command, escaping what it prints; exit 1', async () => {
    const a = write(shardReport([result('foundation.vcg.dsic')], { index: 1, count: 2 }));
    const b = write(
      shardReport([result('foundation.vcg.expostIR', { outcome: 'error', asExpected: false, error: 'bad\x1b]0;owned\x07 thing' })], {
        index: 2,
        count: 2,
      }),
    );
    const out = tmp('merged');
    const r = await run('merge', a, b, '--out', out, '--reporter', 'default', '--reporter', 'json');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /Unexpected results and errors \(1\):\n {2}ERR foundation\.vcg\.expostIR: error: bad\\x1b\]0;owned\\x07 thing\n {6}replay: npx mechcheck verify --only 'foundation\.vcg\.expostIR' --seed 1\n/,
    );
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/\x1b|\x07/);
    // two shards of a catalogue of many more entries: a partial report
    expect(JSON.parse(readFileSync(join(out, 'partial', 'report.json'), 'utf8')).summary).toMatchObject({ total: 2, unexpected: 1 });
  });

  it.each([
    [
      'a missing shard',
      () => [write(shardReport([result('foundation.vcg.dsic')], { index: 1, count: 3 })), write(shardReport([], { index: 3, count: 3 }))],
      /missing shard 2\/3/,
    ],
    [
      'overlapping reports',
      () => [write(shardReport([result('foundation.vcg.dsic')], null)), write(shardReport([result('foundation.vcg.dsic')], null))],
      /entry foundation\.vcg\.dsic is also in/,
    ],
    ['different seeds', () => [write(shardReport([], null)), write(shardReport([], null, { seed: 2 }))], /seed is 2, but .* has 1/],
    [
      'a report that is not one',
      () => [write({ tool: 'other' })],
      /is not a mechcheck report: \(top\) must have required property 'version'/,
    ],
    [
      'a figure outside figures/',
      () => [write(shardReport([result('foundation.vcg.dsic', { artifacts: [{ file: '../../etc/passwd' }] })], null))],
      /artifacts\/0\/file must match pattern/,
    ],
  ])('refuses %s (exit 2, one line)', async (_, dirs, message) => {
    const r = await run('merge', ...dirs(), '--out', tmp('m'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('main', () => {
  it('--version prints the version; help CMD is CMD --help', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect((await run('--version')).stdout).toBe(`mechcheck ${pkg.version}\n`);
    expect(await run('help', 'verify')).toEqual(await run('verify', '--help'));
    expect(await run('help', 'merge')).toEqual(await run('merge', '--help'));
  });

  it("verify's and merge's help list every option and an example", () => {
    for (const o of [
      '--only',
      '--seed',
      '--runs',
      '--replay',
      '--shard',
      '--jobs',
      '--timeout',
      '--bail',
      '--reporter',
      '--out',
      '--save-counterexamples',
      '--json',
      '--help',
    ])
      expect(HELP).toContain(o);
    for (const o of ['--out', '--reporter', '--help']) expect(MERGE_HELP).toContain(o);
    expect(HELP).toMatch(/\nexample:\n {2}mechcheck verify /);
    expect(MERGE_HELP).toMatch(/\nexample:\n {2}mechcheck merge /);
  });

  it('every command has a help with an example', async () => {
    for (const cmd of ['verify', 'merge', 'list', 'check', 'assignment', 'info', 'ep', 'prices', 'dynamic']) {
      const r = await run('help', cmd);
      expect(r.status, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/^usage: mechcheck /);
      expect(r.stdout, cmd).toMatch(new RegExp(`examples?:?\\n? +(\\$ )?(npx )?mechcheck ${cmd}`));
    }
  });

  it('an internal error says it is a bug, how to report it, and the seed', async () => {
    const io = captureIO({ cwd: root });
    Object.defineProperty(io, 'cwd', {
      get: () => {
        throw new TypeError('simulated bug');
      },
    });
    const status = await main(['verify', '--seed', '77', '--only', 'x'], io);
    expect(status).toBe(2);
    expect(io.stderr).toMatch(
      /^mechcheck verify: internal error: TypeError: simulated bug\nThis is a bug in mechcheck [\d.]+, not a problem with your input\. Please report it .* \(base seed 77\) .*MECHCHECK_DEBUG=1.*\n {2}mechcheck verify --seed 77 --only x\n$/,
    );
  });

  it('control bytes in a message are shown, not sent to the terminal', async () => {
    const r = await run('nosuch\x1b[2Jcommand');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'nosuch\\x1b[2Jcommand'");
  });

  it('a failed write to stdout (/dev/full) is one line and exit 2, and a verify stopped by it leaves nothing behind', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const v = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', '--version'], {
        cwd: root,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(v.status).toBe(2);
      expect(v.stderr).toBe('mechcheck: error: cannot write standard output: ENOSPC\n');
      const dir = tmp('full');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/bin.ts', 'verify', '--only', 'foundation.vcg.dsic', '--jobs', '1', '--out', dir],
        { cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('mechcheck verify: error: cannot write standard output: ENOSPC\n');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      closeSync(full);
    }
  }, 300_000);

  it('the workflow examples under fixtures/ci run valid verify and merge command lines', () => {
    const dir = join(root, 'fixtures', 'ci');
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith('.yml'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .map((l) => l.trim().replace(/^(- )?run: /, ''))
      .filter((l) => l.startsWith('npx mechcheck verify'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) {
      const args = l
        .replace(/^npx mechcheck verify /, '')
        .replace(/\$\{\{ *matrix\.shard *\}\}/g, '1')
        .replace(/ \|\| true$/, '')
        .split(/\s+/)
        .filter(Boolean);
      expect(() => parseVerifyOptions(args), l).not.toThrow();
    }
  });
});
