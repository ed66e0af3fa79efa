/**
 * Pause and resume for long training runs, and a cheap way to let the event loop breathe
 * (so that `AbortSignal`s, UI events and worker messages get through between epochs).
 */
import { AbortError } from '@deepnets/core';

/** Pauses and resumes a running `train` call between epochs. */
export class TrainingController {
  #paused = false;
  #wake: (() => void)[] = [];

  get paused(): boolean {
    return this.#paused;
  }

  /** Training stops before its next epoch until `resume()` (or until aborted). */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    for (const wake of this.#wake.splice(0)) wake();
  }

  /** Resolves at once when not paused, else on `resume()`; rejects with `AbortError` on abort. */
  waitWhilePaused(signal?: AbortSignal): Promise<void> {
    if (!this.#paused) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#wake = this.#wake.filter((w) => w !== wake);
        reject(new AbortError('training was aborted while paused'));
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#wake.push(wake);
    });
  }
}

/** A macrotask turn: `setImmediate` in Node, a `MessageChannel` message in browsers and workers. */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  if (g.setImmediate) return new Promise((resolve) => g.setImmediate?.(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
