/**
 * Kernels by name, created inside the worker (a kernel holds functions and, for WebAssembly, its
 * own memory, so it cannot be posted). The names are the trainer's bench names.
 */
import { createWasmKernel, type Kernel, typescriptKernel, typescriptKernel32 } from '@deepnets/trainer';
import type { KernelName } from './types.ts';

/** The kernel called `name`; a fresh WebAssembly kernel (own memory) for `"wasm"`. */
export function kernelByName(name: KernelName): Kernel {
  if (name === 'wasm') return createWasmKernel();
  return name === 'ts32' ? typescriptKernel32 : typescriptKernel;
}
