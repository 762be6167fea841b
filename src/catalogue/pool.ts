/**
 * Running catalogue entries: in-process one after another (`--jobs 1`), or
 * on a pool of worker threads (the default: one per core), which also makes
 * an entry that runs over its time budget (`--timeout`) killable.
 *
 * A result does not depend on where it ran: each entry's seed comes from the
 * base seed and its id, each worker imports the same catalogue, and every
 * result is handed over as JSON (in-process results go through the same JSON
 * round trip), so a pool run's results, seeds and counterexamples are those
 * of a serial run, and the caller puts them back in catalogue order.
 *
 * Workers import the catalogue themselves: compiled code (dist/) loads the
 * .js modules directly; when this module runs from its TypeScript source
 * (tests, `npm run dev`) a worker first registers tsx's loader (tsx's
 * `register` API: on Node 20 a worker's `--import tsx` is not in force yet
 * when its first module loads). Which case applies is read from this
 * module's own file extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { entryMeta, type CatalogueEntry, type EntryMeta } from './types.ts';
import { seedName } from './manifest.ts';
import { entrySeed, runEntry, DEFAULT_SEED, type ResultRecord, type RunOptions } from './runner.ts';

/** What the main thread knows of an entry without running it. */
export interface EntryDescriptor extends EntryMeta {
  runs?: number;
}

/** Called as entries start and finish (in the order they do). */
export interface RunEvents {
  onStart?(position: number): void;
  onResult?(position: number, record: ResultRecord): void;
}

/** Runs catalogue entries given by their position in the catalogue. */
export interface Executor {
  /** the number of entries run at the same time */
  readonly jobs: number;
  /** the catalogue's entries, in order */
  entries(): Promise<EntryDescriptor[]>;
  /** run `positions` (in the given order of dispatch); stops dispatching when `shouldStop()` turns true */
  run(positions: readonly number[], options: RunOptions, events: RunEvents, shouldStop?: () => boolean): Promise<void>;
  /** stop every worker */
  close(): Promise<void>;
}

const ownExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** The catalogue module next to this code (properties/index.ts from the sources, dist/properties/index.js when compiled). */
export const defaultCatalogueUrl = new URL(`../../properties/index${ownExtension}`, import.meta.url).href;

function describeEntry(e: CatalogueEntry): EntryDescriptor {
  return { ...entryMeta(e), runs: e.runs };
}

async function importCatalogue(url: string): Promise<CatalogueEntry[]> {
  const mod = (await import(url)) as { catalogue?: CatalogueEntry[] };
  if (!Array.isArray(mod.catalogue)) throw new Error(`${url} does not export a catalogue`);
  return mod.catalogue;
}

/** A result as it crosses a thread: plain JSON (so a serial run's results are normalised the same way). */
function viaJson(r: ResultRecord): ResultRecord {
  return JSON.parse(JSON.stringify(r)) as ResultRecord;
}

/** Entries run one after another in this thread (`--jobs 1`); an entry cannot be stopped halfway. */
export function inProcessExecutor(catalogueUrl: string = defaultCatalogueUrl): Executor {
  let catalogue: Promise<CatalogueEntry[]> | undefined;
  const load = () => (catalogue ??= importCatalogue(catalogueUrl));
  return {
    jobs: 1,
    async entries() {
      return (await load()).map(describeEntry);
    },
    async run(positions, options, events, shouldStop) {
      const entries = await load();
      for (const p of positions) {
        if (shouldStop?.()) return;
        events.onStart?.(p);
        // let timers (progress) and output run between entries
        await new Promise((res) => setImmediate(res));
        const record = viaJson(await runEntry(entries[p], options));
        events.onResult?.(p, record);
      }
    },
    async close() {},
  };
}

/** The error record of an entry stopped by the pool (time budget exceeded, worker lost). */
export function stoppedRecord(entry: EntryDescriptor, options: RunOptions, error: string, durationMs: number): ResultRecord {
  const { runs: _runs, ...meta } = entry;
  return viaJson({
    ...meta,
    outcome: 'error',
    runs: 0,
    metrics: {},
    evidence: { generated: 0, checked: 0, replayed: 0 },
    error,
    asExpected: false,
    seed: entrySeed(options.seed ?? DEFAULT_SEED, seedName(entry)),
    durationMs: Math.round(durationMs),
  });
}

type ToWorker = { type: 'run'; position: number; options: RunOptions };
type FromWorker = { type: 'ready'; entries: EntryDescriptor[] } | { type: 'result'; position: number; json: string };

interface Slot {
  worker: Worker;
  ready: boolean;
  busy: { position: number; started: number; timer?: NodeJS.Timeout } | null;
  dead: boolean;
}

/**
 * A pool of `jobs` worker threads, started at once (they import the catalogue
 * while the caller parses options). `timeoutMs`: an entry still running after
 * it is stopped (its worker terminated and replaced) and recorded as an error.
 */
export function workerExecutor(jobs: number, opts: { catalogueUrl?: string; timeoutMs?: number } = {}): Executor {
  const catalogueUrl = opts.catalogueUrl ?? defaultCatalogueUrl;
  const slots: Slot[] = [];
  let descriptors: EntryDescriptor[] | undefined;
  let resolveEntries!: (d: EntryDescriptor[]) => void;
  let rejectEntries!: (e: Error) => void;
  const entriesPromise = new Promise<EntryDescriptor[]>((res, rej) => {
    resolveEntries = res;
    rejectEntries = rej;
  });
  entriesPromise.catch(() => {});
  let onMessage: (slot: Slot, m: FromWorker) => void = () => {};
  let onLost: (slot: Slot, why: string) => void = () => {};
  let failuresBeforeReady = 0;
  let closed = false;

  const bootstrap = (() => {
    const poolUrl = import.meta.url;
    if (ownExtension === '.js') return `import(${JSON.stringify(poolUrl)})`;
    // tsx's ESM register API, located through tsx's own exports map
    const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
    const api = (JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports[
      './esm/api'
    ].import.default;
    const apiUrl = pathToFileURL(join(dirname(tsxPackage), api)).href;
    return `import(${JSON.stringify(apiUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(poolUrl)}); })`;
  })();

  function spawn(): Slot {
    const worker = new Worker(bootstrap, { eval: true, workerData: { mechcheckPool: true, catalogueUrl } });
    const slot: Slot = { worker, ready: false, busy: null, dead: false };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        slot.ready = true;
        if (!descriptors) {
          descriptors = m.entries;
          resolveEntries(m.entries);
        }
      }
      onMessage(slot, m);
    });
    worker.on('error', (e) => lose(slot, `${e.name}: ${e.message}`));
    worker.on('exit', (code) => lose(slot, `the worker exited with code ${code}`));
    slots.push(slot);
    return slot;
  }

  function lose(slot: Slot, why: string) {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.busy?.timer) clearTimeout(slot.busy.timer);
    if (closed) return;
    if (!slot.ready && !slot.busy) {
      failuresBeforeReady++;
      if (failuresBeforeReady >= 2 || !descriptors) {
        rejectEntries(new Error(`a worker could not load the catalogue (${catalogueUrl}): ${why}`));
        onLost(slot, why);
        return;
      }
    }
    onLost(slot, why);
  }

  for (let k = 0; k < jobs; k++) spawn();

  return {
    jobs,
    entries: () => entriesPromise,
    async close() {
      closed = true;
      await Promise.all(slots.filter((s) => !s.dead).map((s) => s.worker.terminate().catch(() => 0)));
    },
    async run(positions, options, events, shouldStop) {
      const entries = await entriesPromise;
      const queue = [...positions];
      let pending = queue.length;
      if (pending === 0) return;
      // fewer entries than workers: stop the extra ones
      for (const s of slots.filter((x) => !x.dead).slice(queue.length)) {
        s.dead = true;
        void s.worker.terminate();
      }
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        const finish = (slot: Slot, record: ResultRecord | null) => {
          if (failed) return;
          const p = slot.busy!.position;
          if (slot.busy!.timer) clearTimeout(slot.busy!.timer);
          slot.busy = null;
          pending--;
          try {
            if (record) events.onResult?.(p, record);
            dispatch();
          } catch (e) {
            // a callback failed (output could not be written, say): stop, and let the caller report it
            failed = true;
            queue.length = 0;
            reject(e);
          }
        };
        const dispatch = () => {
          const stop = shouldStop?.() ?? false;
          if (stop) queue.length = 0;
          for (const slot of slots) {
            if (slot.dead || !slot.ready || slot.busy || queue.length === 0) continue;
            const position = queue.shift()!;
            slot.busy = { position, started: performance.now() };
            if (opts.timeoutMs !== undefined) {
              const budget = opts.timeoutMs;
              slot.busy.timer = setTimeout(() => {
                const busy = slot.busy;
                if (!busy || busy.position !== position) return;
                const record = stoppedRecord(
                  entries[position],
                  options,
                  `timed out: still running after the time budget of ${budget / 1000} s (--timeout); the entry was stopped`,
                  performance.now() - busy.started,
                );
                slot.dead = true;
                void slot.worker.terminate();
                finish(slot, record);
                if (!closed) spawn();
              }, budget);
            }
            events.onStart?.(position);
            slot.worker.postMessage({ type: 'run', position, options } satisfies ToWorker);
          }
          const running = slots.some((s) => s.busy);
          if (pending === 0 || (stop && !running)) resolve();
          else if (stop) {
            // --bail: the results still running are not waited for
            for (const s of slots.filter((x) => x.busy)) {
              if (s.busy!.timer) clearTimeout(s.busy!.timer);
              s.busy = null;
              s.dead = true;
              void s.worker.terminate();
            }
            resolve();
          }
        };
        onMessage = (slot, m) => {
          if (m.type === 'result' && slot.busy?.position === m.position) finish(slot, JSON.parse(m.json) as ResultRecord);
          else if (m.type === 'ready') dispatch();
        };
        onLost = (slot, why) => {
          if (slot.busy) {
            const busy = slot.busy;
            finish(
              slot,
              stoppedRecord(
                entries[busy.position],
                options,
                `the worker running this entry stopped: ${why}`,
                performance.now() - busy.started,
              ),
            );
          }
          if (closed) return;
          if (failuresBeforeReady >= 2) return reject(new Error(`workers could not load the catalogue: ${why}`));
          if (queue.length > 0 && slots.filter((s) => !s.dead).length < jobs) spawn();
        };
        dispatch();
      });
    },
  };
}

// ---- worker side -------------------------------------------------------------

async function workerMain(data: { catalogueUrl: string }): Promise<void> {
  const catalogue = await importCatalogue(data.catalogueUrl);
  const port = parentPort!;
  const answer = async (m: ToWorker) => {
    if (m.type !== 'run') return;
    const record = await runEntry(catalogue[m.position], m.options);
    port.postMessage({ type: 'result', position: m.position, json: JSON.stringify(record) } satisfies FromWorker);
  };
  // runEntry turns a failing entry into an error record; anything else it
  // rejects with is an unhandled rejection, which ends the worker with an
  // 'error' event that the pool reports.
  port.on('message', (m: ToWorker) => void answer(m));
  port.postMessage({ type: 'ready', entries: catalogue.map(describeEntry) } satisfies FromWorker);
}

if (!isMainThread && (workerData as { mechcheckPool?: boolean } | null)?.mechcheckPool) {
  void workerMain(workerData as { catalogueUrl: string });
}
