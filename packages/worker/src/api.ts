/**
 * The functions a deepnets worker runs. The remote type is derived from this object
 * (`Remote<WorkerApi>`), and each entry is the package function itself, so the worker and the
 * main thread cannot drift apart: same code, same numbers.
 */
import { evaluateBatch } from '@deepnets/core';
import * as Comlink from 'comlink';

export const workerApi = {
  /** Checks the channel; resolves to the string it was given. */
  ping(message: string): string {
    return message;
  },
  /**
   * y = f[x] for `count` inputs stored row-major in `xs` (core's `evaluateBatch`).
   * The result buffer is transferred back, not copied.
   */
  evaluateBatch(...args: Parameters<typeof evaluateBatch>): ReturnType<typeof evaluateBatch> {
    const result = evaluateBatch(...args);
    return Comlink.transfer(result, [result.buffer as ArrayBuffer]);
  },
};

/** The API a worker exposes; the runner's `api` is `Comlink.Remote<WorkerApi>`. */
export type WorkerApi = typeof workerApi;
