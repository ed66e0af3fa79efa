/**
 * One live worker: its comlink proxy, and the calls it holds. When the worker stops, every call
 * it still holds rejects with `WorkerDiedError` instead of waiting forever (comlink alone would
 * never answer it). Each call registers its own rejecter and removes it when it settles, so a
 * long-lived connection keeps nothing per finished call (racing every call against one shared
 * "died" promise would keep a reaction per call until the worker stops).
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';
import { WorkerDiedError } from './errors.ts';
import type { WorkerHandle } from './handles.ts';

export class Connection {
  readonly remote: Comlink.Remote<WorkerApi>;
  readonly #handle: WorkerHandle;
  /** Rejecters of the calls in flight. */
  readonly #pending = new Set<(error: Error) => void>();
  #deathMessage = '';

  constructor(handle: WorkerHandle) {
    this.#handle = handle;
    this.remote = Comlink.wrap<WorkerApi>(handle.endpoint);
    handle.onExit?.((reason) =>
      this.#stop(`the worker died (${reason}) while it held this job; a fresh worker takes the next job`),
    );
  }

  #stop(message: string): void {
    if (this.#deathMessage) return;
    this.#deathMessage = message;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const reject of pending) reject(new WorkerDiedError(message));
  }

  /** True once the worker has stopped; the runner then starts a new one for the next call. */
  get dead(): boolean {
    return this.#deathMessage !== '';
  }

  /** Runs `f` against the worker; rejects with `WorkerDiedError` if the worker stops first. */
  call<T>(f: (remote: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<T> {
    if (this.dead) return Promise.reject(new WorkerDiedError(this.#deathMessage));
    return new Promise<T>((resolve, reject) => {
      this.#pending.add(reject);
      const settle = () => this.#pending.delete(reject);
      let running: Promise<T>;
      try {
        running = f(this.remote);
      } catch (error) {
        settle();
        reject(error);
        return;
      }
      running.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  /** Stops the worker; its pending calls reject with `WorkerDiedError`. */
  async close(): Promise<void> {
    if (!this.dead) this.remote[Comlink.releaseProxy]();
    this.#stop('the runner was terminated while it held this job');
    await this.#handle.terminate();
  }
}
