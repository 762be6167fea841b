// Runs javascript-lp-solver in a worker thread so that the main thread can stop
// waiting for it: javascript-lp-solver 1.0.3 can loop forever on small LPs (see
// jsLpSolverBackend.ts). Protocol: the main thread posts { model }, then blocks
// on Atomics.wait; the worker writes the JSON answer into the shared buffer,
// sets the state word and notifies.
import { parentPort, workerData } from 'node:worker_threads';
import solver from 'javascript-lp-solver';

const state = new Int32Array(workerData.shared, 0, 2); // [0] = 0 idle / 1 done, [1] = answer length in bytes
const bytes = new Uint8Array(workerData.shared, 8);
const encoder = new TextEncoder();

parentPort.on('message', ({ model }) => {
  let answer;
  try {
    answer = JSON.stringify({ ok: true, result: solver.Solve(model) });
  } catch (e) {
    answer = JSON.stringify({ ok: false, message: String(e && e.message ? e.message : e) });
  }
  let encoded = encoder.encode(answer);
  if (encoded.length > bytes.length)
    encoded = encoder.encode(JSON.stringify({ ok: false, message: `answer too large (${encoded.length} bytes)` }));
  bytes.set(encoded);
  Atomics.store(state, 1, encoded.length);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
});
