/**
 * Argument checks of the runner's API, made on the main thread before anything is posted, with
 * the packages' typed errors (`DeepnetsError` with a `code` and the path of the argument). The
 * API calls them inside async functions, so a bad argument rejects the call's promise and never
 * throws synchronously.
 */
import { DeepnetsError, UnknownNameError } from '@deepnets/core';
import type { KernelName } from './types.ts';

/** The kernels a worker can create by name. */
export const KERNEL_NAMES: readonly KernelName[] = ['ts', 'ts32', 'wasm'];

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 40)}`;
};

const outOfRange = (message: string, path: string) => new DeepnetsError('OUT_OF_RANGE', message, path);

/** `value` as an options object: a plain object, or `{}` when optional and undefined. */
export function optionsObject(value: unknown, path: string, optional = false): Record<string, unknown> {
  if (value === undefined && optional) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw outOfRange(`must be an options object, got ${describe(value)}`, path);
  }
  return value as Record<string, unknown>;
}

/** A network argument: an object (the worker's package function checks its layers in detail). */
export function checkNetwork(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DeepnetsError('INVALID_NETWORK', `must be a network object, got ${describe(value)}`, path);
  }
}

/** `[lo, hi]`-style number tuples: `length` numbers (not NaN), pairwise increasing. */
function checkIntervals(value: unknown, length: 2 | 4, path: string, shape: string): void {
  if (value === undefined) return;
  const ok =
    Array.isArray(value) &&
    value.length === length &&
    value.every((v) => typeof v === 'number' && !Number.isNaN(v)) &&
    (value[0] as number) < (value[1] as number) &&
    (length === 2 || (value[2] as number) < (value[3] as number));
  if (!ok) throw outOfRange(`must be ${shape} of numbers, got ${describe(value)}`, path);
}

/** Options of `regions1d`/`regions2d`: the domain or box, callbacks and throttle. */
export function checkRegionsOptions(options: Record<string, unknown>, path: string): void {
  checkIntervals(options['domain'], 2, `${path}.domain`, '[lo, hi] with lo < hi');
  checkIntervals(options['box'], 4, `${path}.box`, '[x0, x1, y0, y1] with x0 < x1 and y0 < y1');
  checkControls(options, path);
}

/** `signal`, `throttleMs` and the `on*` callbacks, when given. */
export function checkControls(options: Record<string, unknown>, path: string): void {
  const signal = options['signal'];
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw outOfRange(`must be an AbortSignal, got ${describe(signal)}`, `${path}.signal`);
  const throttle = options['throttleMs'];
  if (throttle !== undefined && !(typeof throttle === 'number' && throttle >= 0 && Number.isFinite(throttle)))
    throw outOfRange(
      `must be a number of milliseconds >= 0, got ${describe(throttle)}`,
      `${path}.throttleMs`,
    );
  for (const [key, value] of Object.entries(options)) {
    if (/^on[A-Z]/.test(key) && value !== undefined && typeof value !== 'function')
      throw outOfRange(`must be a function, got ${describe(value)}`, `${path}.${key}`);
  }
}

/** A kernel name known to workers; unknown names list the known ones. */
export function checkKernelName(value: unknown): KernelName {
  if (typeof value !== 'string' || !KERNEL_NAMES.includes(value as KernelName)) {
    throw new UnknownNameError('kernel', String(value).slice(0, 40), KERNEL_NAMES);
  }
  return value as KernelName;
}

/** Training-like options: an object with an optional known `kernel` and an accuracy in [0, 1]. */
export function checkTrainingOptions(options: Record<string, unknown>, path: string): void {
  if (options['kernel'] !== undefined) checkKernelName(options['kernel']);
  const accuracy = options['stopAtAccuracy'];
  if (accuracy !== undefined && !(typeof accuracy === 'number' && accuracy >= 0 && accuracy <= 1))
    throw outOfRange(`must be a fraction in [0, 1], got ${describe(accuracy)}`, `${path}.stopAtAccuracy`);
  const loss = options['stopAtLoss'];
  if (loss !== undefined && !(typeof loss === 'number' && loss >= 0 && Number.isFinite(loss)))
    throw outOfRange(`must be a finite loss >= 0, got ${describe(loss)}`, `${path}.stopAtLoss`);
  checkControls(options, path);
}
