/**
 * The second thread of the two-thread WebAssembly kernel. Both threads instantiate the same
 * kernel on one shared memory; the main thread posts a job into a control block of that memory
 * (Atomics.notify), does its own half, and waits (Atomics.wait) until the helper has done the
 * other half: rows of Z = H Omega^T + beta and dH = dZ Omega, input features (columns) of
 * dOmega = dZ^T H. Every element is computed by the same sequence of operations as with one
 * thread, so the results are bit-identical.
 *
 * The helper's code is a plain script (`HELPER_SOURCE`, defining `start(data)`), so that any
 * worker API can run it: the caller's `HelperStarter` starts it (e.g. Node's worker_threads with
 * `eval: true`, a browser Worker from a Blob URL) and passes `{ module, memory }` to `start`.
 * Waiting on the main thread needs Node or a worker (browsers forbid Atomics.wait on their main
 * thread; shared memory there needs cross-origin isolation).
 */
import { DeepnetsError } from '@deepnets/core';

/** What `start(data)` receives in the helper. */
export interface HelperData {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
}

/** Starts `source` (which defines `start`) in a new thread and calls `start(data)` there. */
export type HelperStarter = (source: string, data: HelperData) => { terminate(): void };

/** Byte address of the control block: [seq, done, op, 13 arguments]. */
export const CONTROL = 16;
export const CONTROL_INTS = 16;
/** Jobs: one `gemm` call; dOmega in row chunks (`M N K a b c chunkRows dout din`). */
export const OP_GEMM = 1;
export const OP_DW = 2;

/** The helper's loop, as script text defining `start({ module, memory })`. */
export const HELPER_SOURCE = `
function start(data) {
  const wasm = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports;
  const ctl = new Int32Array(data.memory.buffer, ${CONTROL}, ${CONTROL_INTS});
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, 0, seen);
    seen = Atomics.load(ctl, 0);
    if (seen < 0) return;
    const a = ctl.subarray(3);
    if (ctl[2] === ${OP_GEMM}) {
      wasm.gemm(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
    } else {
      const [M, N, K, pa, pb, pc, chunk, dout, din] = a;
      for (let from = 0; from === 0 || from < K; from += chunk) {
        const rows = Math.min(chunk, K - from);
        wasm.gemm(M, N, rows, pa + from * dout * 4, 1, dout, pb + from * din * 4, din, pc, din, 0, 0, from === 0 ? 0 : 1);
      }
    }
    Atomics.store(ctl, 1, seen);
    Atomics.notify(ctl, 1);
  }
}
`;

/** The main thread's side: posts jobs to the helper and waits for them. */
export interface Helper {
  /** Posts `op` with `args`, runs `mine` meanwhile, and returns when both are done. */
  run(op: number, args: readonly number[], mine: () => void): void;
  terminate(): void;
}

/** Starts the helper on `memory` (shared) with `starter`. */
export function startHelper(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  starter: HelperStarter,
): Helper {
  const ctl = new Int32Array(memory.buffer, CONTROL, CONTROL_INTS);
  const handle = starter(HELPER_SOURCE, { module, memory });
  let seq = 0;
  return {
    run(op, args, mine) {
      ctl.set(args, 3);
      ctl[2] = op;
      const s = ++seq;
      Atomics.store(ctl, 0, s);
      Atomics.notify(ctl, 0);
      mine();
      while (Atomics.load(ctl, 1) !== s) {
        if (Atomics.wait(ctl, 1, s - 1, 30_000) === 'timed-out') {
          throw new DeepnetsError('WORKER_DIED', 'the kernel helper thread did not answer within 30 s');
        }
      }
    },
    terminate() {
      Atomics.store(ctl, 0, -1);
      Atomics.notify(ctl, 0);
      handle.terminate();
    },
  };
}
