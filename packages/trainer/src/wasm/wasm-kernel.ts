/**
 * The Float32 WebAssembly SIMD kernel: the `Kernel` of a layer z = beta_k + Omega_k h_k computed
 * by one register-tiled matrix multiply (scripts/gemm-wat.mjs) inside the kernel's own memory.
 *
 * `alloc` hands out Float32Array views of that memory (an arena that never grows, so views stay
 * valid); calls whose arrays all live there run in WebAssembly without copying. Arrays from
 * elsewhere (or allocations past the arena) are still computed right, by the TypeScript reference.
 * The arena never frees either: every training allocates afresh, so a kernel reused for many
 * trainings ends up computing some of them by the reference, with other bits. Where bits must not
 * depend on what ran before (resumable experiments), create one kernel per training.
 * With `threads: 2` a helper thread takes half of every large product (helper-thread.ts).
 */
import { DeepnetsError } from '@deepnets/core';
import { type FloatArray, type Kernel, typescriptKernel } from '../kernel.ts';
import { softmaxCrossEntropy } from '../losses.ts';
import { type Helper, type HelperStarter, OP_DW, OP_GEMM, startHelper } from './helper-thread.ts';
import {
  ACCUMULATE,
  bestWasmVariant,
  type GemmExports,
  gemmModule,
  instantiateGemm,
  RELU,
  type WasmVariant,
} from './instance.ts';

export interface WasmKernelOptions {
  /** Bytes of WebAssembly memory for the kernel's arrays; 64 MiB by default (reserved lazily by the OS). */
  memoryBytes?: number;
  /** `"auto"` (default): relaxed SIMD where the engine validates it, else SIMD. */
  variant?: WasmVariant | 'auto';
  /** Rows of dL/dZ and h_k per chunk of dOmega_k = dZ^T H, to keep both in cache (256). */
  chunkRows?: number;
  /**
   * 2: a helper thread on a shared memory takes half of every large product (bit-identical to one
   * thread). Needs `startHelper` and a calling thread that may block (Node, or a worker of a
   * cross-origin isolated page). 1 by default.
   */
  threads?: 1 | 2;
  /** Starts the helper thread (see `HelperStarter`), e.g. with Node's worker_threads. */
  startHelper?: HelperStarter;
}

export interface WasmKernel extends Kernel {
  readonly variant: WasmVariant;
  readonly threads: 1 | 2;
  readonly memory: WebAssembly.Memory;
  /** Bytes of the arena handed out so far. */
  readonly usedBytes: number;
  /** Stops the helper thread, if any; the kernel must not be used afterwards. */
  dispose(): void;
}

const PAGE = 65536;
/** Address 0 holds the constant 1.0f (the all-ones vector of dbeta = dZ^T 1, with stride 0). */
const ONE = 0;
/** Address 8 receives the fused loss's count of correct rows (an i32). */
const CORRECT = 8;
/** Bytes 16..79 hold the two-thread control block; arrays start after it. */
const ARENA_START = 128;
/** Slack after every array: partial SIMD tiles may read up to 3 floats past a row. */
const SLACK = 16;
/** Products with fewer multiply-adds stay on one thread (waking the helper has a cost). */
const SPLIT_WORK = 1 << 16;

function check(options: WasmKernelOptions): { memoryBytes: number; chunkRows: number; threads: 1 | 2 } {
  const memoryBytes = options.memoryBytes ?? 64 * 1024 * 1024;
  if (!Number.isInteger(memoryBytes) || memoryBytes < PAGE || memoryBytes > 2 ** 31) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `must be an integer in [65536, 2^31], got ${memoryBytes}`,
      'memoryBytes',
    );
  }
  const chunkRows = options.chunkRows ?? 256;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be a positive integer, got ${chunkRows}`, 'chunkRows');
  }
  const threads = options.threads ?? 1;
  if (threads !== 1 && threads !== 2) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be 1 or 2, got ${threads}`, 'threads');
  }
  if (threads === 2 && !options.startHelper) {
    throw new DeepnetsError('OUT_OF_RANGE', 'two threads need a `startHelper` function', 'startHelper');
  }
  return { memoryBytes, chunkRows, threads };
}

/**
 * Creates a WebAssembly SIMD kernel with its own memory. Throws `DeepnetsError` (`OUT_OF_RANGE`)
 * when the engine has no WebAssembly SIMD or a bad option is given.
 */
export function createWasmKernel(options: WasmKernelOptions = {}): WasmKernel {
  const { memoryBytes, chunkRows, threads } = check(options);
  const requested = options.variant ?? 'auto';
  const variant = requested === 'auto' ? bestWasmVariant() : requested;
  if (!variant) {
    throw new DeepnetsError('OUT_OF_RANGE', 'this JavaScript engine has no WebAssembly SIMD', 'variant');
  }
  const pages = Math.ceil(memoryBytes / PAGE);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: threads === 2 });
  const wasm: GemmExports = instantiateGemm(variant, memory);
  const helper: Helper | null =
    options.startHelper && threads === 2
      ? startHelper(gemmModule(variant, true), memory, options.startHelper)
      : null;
  const buffer = memory.buffer;
  const end = pages * PAGE - SLACK;
  new Float32Array(buffer, ONE, 1)[0] = 1;
  let top = ARENA_START;

  const alloc = (length: number): Float32Array => {
    const bytes = Math.ceil((length * 4) / 16) * 16 + SLACK;
    if (length === 0 || top + bytes > end) return new Float32Array(length);
    const view = new Float32Array(buffer, top, length);
    top += bytes;
    return view;
  };
  const inside = (a: FloatArray): boolean => a instanceof Float32Array && a.buffer === buffer;
  const all = (...arrays: FloatArray[]): boolean => arrays.every(inside);

  /**
   * C = epilogue(A B + bias) over M rows; with a helper, rows [m0, M) go to it (A, C and mask
   * advance by m0 rows).
   */
  const rows = (
    M: number,
    N: number,
    K: number,
    a: number,
    sai: number,
    b: number,
    c: number,
    bias: number,
    mask: number,
    flags: number,
  ): void => {
    const m0 = ((M >> 1) >> 2) << 2;
    if (!helper || m0 === 0 || M * N * K < SPLIT_WORK) {
      wasm.gemm(M, N, K, a, sai, 1, b, N, c, N, bias, mask, flags);
      return;
    }
    const job = [
      M - m0,
      N,
      K,
      a + m0 * sai * 4,
      sai,
      1,
      b,
      N,
      c + m0 * N * 4,
      N,
      bias,
      mask && mask + m0 * N * 4,
      flags,
    ];
    helper.run(OP_GEMM, job, () => wasm.gemm(m0, N, K, a, sai, 1, b, N, c, N, bias, mask, flags));
  };

  /**
   * dOmega (dout x din) = dZ^T H over the columns [j0, j1), in chunks of `chunkRows` rows; with
   * `db`, also dbeta = 1^T dZ chunk by chunk while the chunk of dZ is still in cache (A is then the
   * constant 1.0 read with strides 0).
   */
  const weights = (
    n: number,
    din: number,
    dout: number,
    dz: number,
    h: number,
    dw: number,
    j0: number,
    j1: number,
    db: number,
  ) => {
    let from = 0;
    do {
      const k = Math.min(chunkRows, n - from);
      const flags = from === 0 ? 0 : ACCUMULATE;
      const hp = h + (from * din + j0) * 4;
      const dzp = dz + from * dout * 4;
      wasm.gemm(dout, j1 - j0, k, dzp, 1, dout, hp, din, dw + j0 * 4, din, 0, 0, flags);
      if (db) wasm.gemm(1, dout, k, ONE, 0, 0, dzp, dout, db, dout, 0, 0, flags);
      from += k;
    } while (from < n);
  };

  // Scratch for the fused loss: the targets as float32 and s_r (float64), grown on demand.
  let targets: Float32Array = new Float32Array(0);
  let sums: Float64Array = new Float64Array(0);
  /** True when the loss's scratch holds n rows (in the arena). */
  const lossScratch = (n: number): boolean => {
    if (targets.length < n) {
      targets = alloc(n);
      const pair = alloc(2 * n);
      sums = inside(pair) ? new Float64Array(buffer, pair.byteOffset, n) : new Float64Array(n);
    }
    return inside(targets) && sums.buffer === buffer;
  };

  let wt: Float32Array = new Float32Array(0);
  /** Omega_k^T (din x dout) in the arena, for the forward product; null if the arena is full. */
  const transposed = (din: number, dout: number, w: FloatArray): Float32Array | null => {
    if (wt.length < din * dout) wt = alloc(din * dout);
    if (!inside(wt)) return null;
    wasm.transpose(dout, din, w.byteOffset, wt.byteOffset);
    return wt;
  };

  const forward = (
    n: number,
    din: number,
    dout: number,
    h: FloatArray,
    w: FloatArray,
    b: FloatArray,
    z: FloatArray,
    flags: number,
  ): boolean => {
    const t = all(h, w, b, z) ? transposed(din, dout, w) : null;
    if (!t) return false;
    rows(n, dout, din, h.byteOffset, din, t.byteOffset, z.byteOffset, b.byteOffset, 0, flags);
    return true;
  };

  return {
    name: `wasm-${variant}-f32`,
    variant,
    threads,
    memory,
    get usedBytes() {
      return top - ARENA_START;
    },
    dispose() {
      helper?.terminate();
    },
    alloc,

    forward(n, din, dout, h, w, b, z) {
      if (!forward(n, din, dout, h, w, b, z, 0)) typescriptKernel.forward(n, din, dout, h, w, b, z);
    },

    forwardRelu(n, din, dout, h, w, b, out) {
      if (forward(n, din, dout, h, w, b, out, RELU)) return;
      typescriptKernel.forward(n, din, dout, h, w, b, out);
      for (let a = 0; a < n * dout; a++) out[a] = Math.max(0, out[a] as number);
    },

    softmaxCrossEntropy(n, dOut, y, t, grad, scale) {
      if (!inside(y) || (grad && !inside(grad)) || !lossScratch(n)) {
        return {
          sum: softmaxCrossEntropy.evaluate(y, t, n, dOut, grad, scale),
          correct: softmaxCrossEntropy.correct?.(y, t, n, dOut) ?? 0,
        };
      }
      targets.set(t.subarray(0, n));
      const g = grad ? grad.byteOffset : 0;
      let sum = wasm.softmaxXent(
        n,
        dOut,
        y.byteOffset,
        targets.byteOffset,
        g,
        scale,
        sums.byteOffset,
        CORRECT,
      );
      for (let r = 0; r < n; r++) sum += Math.log(sums[r] as number);
      return { sum, correct: new Int32Array(buffer, CORRECT, 1)[0] as number };
    },

    backwardInput(n, din, dout, dz, w, dh) {
      if (!all(dz, w, dh)) return typescriptKernel.backwardInput(n, din, dout, dz, w, dh);
      rows(n, din, dout, dz.byteOffset, dout, w.byteOffset, dh.byteOffset, 0, 0, 0);
    },

    backwardInputRelu(n, din, dout, dz, w, h, dh) {
      if (all(dz, w, h, dh)) {
        rows(n, din, dout, dz.byteOffset, dout, w.byteOffset, dh.byteOffset, 0, h.byteOffset, 0);
        return;
      }
      typescriptKernel.backwardInput(n, din, dout, dz, w, dh);
      for (let a = 0; a < n * din; a++) if (!((h[a] as number) > 0)) dh[a] = 0;
    },

    backwardWeights(n, din, dout, dz, h, dw, db) {
      if (!all(dz, h, dw, db)) return typescriptKernel.backwardWeights(n, din, dout, dz, h, dw, db);
      const j0 = ((din >> 1) >> 2) << 2;
      const split = helper !== null && j0 > 0 && n * din * dout >= SPLIT_WORK;
      const mine = () =>
        weights(n, din, dout, dz.byteOffset, h.byteOffset, dw.byteOffset, 0, split ? j0 : din, db.byteOffset);
      if (!helper || !split) return mine();
      // The helper takes the input features [j0, din) of dOmega_k: the same chunked sums per element.
      const job = [
        dout,
        din - j0,
        n,
        dz.byteOffset,
        h.byteOffset + j0 * 4,
        dw.byteOffset + j0 * 4,
        chunkRows,
        dout,
        din,
      ];
      helper.run(OP_DW, job, mine);
    },
  };
}
