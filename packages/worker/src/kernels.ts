/**
 * Kernels by name, created inside the worker (a kernel holds functions and, for WebAssembly, its
 * own memory, so it cannot be posted). The names are the trainer's bench names.
 */
import { createWasmKernel, type Kernel, typescriptKernel, typescriptKernel32 } from '@deepnets/trainer';
import type { KernelName } from './types.ts';
import { checkKernelName } from './validate.ts';

/**
 * The kernel called `name`; a fresh WebAssembly kernel (own memory) for `"wasm"`. An unknown
 * name throws `UnknownNameError` listing the known ones (never a silent fallback).
 */
export function kernelByName(name: KernelName): Kernel {
  const known = checkKernelName(name);
  if (known === 'wasm') return createWasmKernel();
  return known === 'ts32' ? typescriptKernel32 : typescriptKernel;
}
