/**
 * Loading the compiled kernel: feature detection (SIMD, relaxed SIMD) and synchronous
 * instantiation from the embedded bytes, so it works in Node, browsers and workers without fetch.
 */
import { DeepnetsError } from '@deepnets/core';
import {
  GEMM_RELAXED_BASE64,
  GEMM_RELAXED_SHARED_BASE64,
  GEMM_SIMD_BASE64,
  GEMM_SIMD_SHARED_BASE64,
} from './gemm-bytes.generated.ts';

/** Which multiply-add the kernel uses: plain SIMD (mul + add) or relaxed SIMD (`relaxed_madd`). */
export type WasmVariant = 'simd' | 'relaxed';

/** The exports of the kernel module (see scripts/gemm-wat.mjs for the arguments). */
export interface GemmExports {
  gemm(
    M: number,
    N: number,
    K: number,
    a: number,
    sai: number,
    sap: number,
    b: number,
    sbp: number,
    c: number,
    sc: number,
    bias: number,
    mask: number,
    flags: number,
  ): void;
  transpose(rows: number, cols: number, src: number, dst: number): void;
  /** See scripts/softmax-wat.mjs: returns sum_r (m_r - y_r,t_r), writes s_r into z (float64). */
  softmaxXent(
    n: number,
    dOut: number,
    y: number,
    t: number,
    grad: number,
    scale: number,
    z: number,
    correct: number,
  ): number;
}

/** `gemm` flags: add to C instead of overwriting it; apply ReLU to the result. */
export const ACCUMULATE = 1;
export const RELU = 2;

const base64: Record<string, string> = {
  simd: GEMM_SIMD_BASE64,
  relaxed: GEMM_RELAXED_BASE64,
  'simd-shared': GEMM_SIMD_SHARED_BASE64,
  'relaxed-shared': GEMM_RELAXED_SHARED_BASE64,
};
const bytes = new Map<string, Uint8Array<ArrayBuffer>>();
const modules = new Map<string, WebAssembly.Module>();

function bytesOf(key: string): Uint8Array<ArrayBuffer> {
  let b = bytes.get(key);
  if (!b) {
    const text = atob(base64[key] as string);
    b = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
    bytes.set(key, b);
  }
  return b;
}

/** The compiled kernel (cached); `shared` for a shared memory (the two-thread kernel). */
export function gemmModule(variant: WasmVariant, shared = false): WebAssembly.Module {
  const key = shared ? `${variant}-shared` : variant;
  let module = modules.get(key);
  if (!module) {
    module = new WebAssembly.Module(bytesOf(key));
    modules.set(key, module);
  }
  return module;
}

/** True when this engine validates the kernel of `variant` (WebAssembly.validate). */
export function wasmSupported(variant: WasmVariant = 'simd'): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(bytesOf(variant));
}

/** The best variant this engine validates: relaxed SIMD, else SIMD, else null. */
export function bestWasmVariant(): WasmVariant | null {
  if (wasmSupported('relaxed')) return 'relaxed';
  return wasmSupported('simd') ? 'simd' : null;
}

/** A new instance of the kernel on `memory`; throws `DeepnetsError` when the engine lacks it. */
export function instantiateGemm(variant: WasmVariant, memory: WebAssembly.Memory): GemmExports {
  if (!wasmSupported(variant)) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `this JavaScript engine does not validate WebAssembly ${variant === 'relaxed' ? 'relaxed SIMD' : 'SIMD'}; use the TypeScript kernel`,
      'variant',
    );
  }
  const shared = typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
  const module = gemmModule(variant, shared);
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as GemmExports;
}
