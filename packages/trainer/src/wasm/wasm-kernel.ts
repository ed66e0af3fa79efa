/**
 * The Float32 WebAssembly SIMD kernel: the `Kernel` of a layer z = beta_k + Omega_k h_k computed
 * by one register-tiled matrix multiply (scripts/gemm-wat.mjs) inside the kernel's own memory.
 *
 * `alloc` hands out Float32Array views of that memory (an arena that never grows, so views stay
 * valid); calls whose arrays all live there run in WebAssembly without copying. Arrays from
 * elsewhere (or allocations past the arena) are still computed right, by the TypeScript reference.
 */
import { DeepnetsError } from '@deepnets/core';
import { type FloatArray, type Kernel, typescriptKernel } from '../kernel.ts';
import {
  ACCUMULATE,
  bestWasmVariant,
  type GemmExports,
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
}

export interface WasmKernel extends Kernel {
  readonly variant: WasmVariant;
  readonly memory: WebAssembly.Memory;
  /** Bytes of the arena handed out so far. */
  readonly usedBytes: number;
}

const PAGE = 65536;
/** Address 0 holds the constant 1.0f (the all-ones vector of dbeta = dZ^T 1, with stride 0). */
const ONE = 0;
const ARENA_START = 64;
/** Slack after every array: partial SIMD tiles may read up to 3 floats past a row. */
const SLACK = 16;

/**
 * Creates a WebAssembly SIMD kernel with its own memory. Throws `DeepnetsError` (`OUT_OF_RANGE`)
 * when the engine has no WebAssembly SIMD or a bad option is given.
 */
export function createWasmKernel(options: WasmKernelOptions = {}): WasmKernel {
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
  const requested = options.variant ?? 'auto';
  const variant = requested === 'auto' ? bestWasmVariant() : requested;
  if (!variant) {
    throw new DeepnetsError('OUT_OF_RANGE', 'this JavaScript engine has no WebAssembly SIMD', 'variant');
  }
  const pages = Math.ceil(memoryBytes / PAGE);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const wasm: GemmExports = instantiateGemm(variant, memory);
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
    wasm.gemm(
      n,
      dout,
      din,
      h.byteOffset,
      din,
      1,
      t.byteOffset,
      dout,
      z.byteOffset,
      dout,
      b.byteOffset,
      0,
      flags,
    );
    return true;
  };

  return {
    name: `wasm-${variant}-f32`,
    variant,
    memory,
    get usedBytes() {
      return top - ARENA_START;
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

    backwardInput(n, din, dout, dz, w, dh) {
      if (!all(dz, w, dh)) return typescriptKernel.backwardInput(n, din, dout, dz, w, dh);
      wasm.gemm(n, din, dout, dz.byteOffset, dout, 1, w.byteOffset, din, dh.byteOffset, din, 0, 0, 0);
    },

    backwardInputRelu(n, din, dout, dz, w, h, dh) {
      if (all(dz, w, h, dh)) {
        wasm.gemm(
          n,
          din,
          dout,
          dz.byteOffset,
          dout,
          1,
          w.byteOffset,
          din,
          dh.byteOffset,
          din,
          0,
          h.byteOffset,
          0,
        );
        return;
      }
      typescriptKernel.backwardInput(n, din, dout, dz, w, dh);
      for (let a = 0; a < n * din; a++) if (!((h[a] as number) > 0)) dh[a] = 0;
    },

    backwardWeights(n, din, dout, dz, h, dw, db) {
      if (!all(dz, h, dw, db)) return typescriptKernel.backwardWeights(n, din, dout, dz, h, dw, db);
      let from = 0;
      do {
        const rows = Math.min(chunkRows, n - from);
        const flags = from === 0 ? 0 : ACCUMULATE;
        const dzp = dz.byteOffset + from * dout * 4;
        // dOmega_k += dZ[rows]^T H[rows]: A = dZ^T (strides 1, dout), B = H (row stride din).
        wasm.gemm(
          dout,
          din,
          rows,
          dzp,
          1,
          dout,
          h.byteOffset + from * din * 4,
          din,
          dw.byteOffset,
          din,
          0,
          0,
          flags,
        );
        // dbeta_k += 1^T dZ[rows]: A is the constant 1.0 read with strides 0.
        wasm.gemm(1, dout, rows, ONE, 0, 0, dzp, dout, db.byteOffset, dout, 0, 0, flags);
        from += rows;
      } while (from < n);
    },
  };
}
