/**
 * One live worker: its comlink proxy, and a promise that rejects with `WorkerDiedError` when the
 * worker stops. Every call races that promise, so a call held by a dead worker rejects instead of
 * waiting forever (comlink alone would never answer it).
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';
import { WorkerDiedError } from './errors.ts';
import type { WorkerHandle } from './handles.ts';

export class Connection {
  readonly remote: Comlink.Remote<WorkerApi>;
  readonly #handle: WorkerHandle;
  readonly #died: Promise<never>;
  #stop: (message: string) => void = () => undefined;
  #dead = false;

  constructor(handle: WorkerHandle) {
    this.#handle = handle;
    this.remote = Comlink.wrap<WorkerApi>(handle.endpoint);
    this.#died = new Promise<never>((_, reject) => {
      this.#stop = (message) => {
        if (this.#dead) return;
        this.#dead = true;
        reject(new WorkerDiedError(message));
      };
    });
    this.#died.catch(() => undefined);
    handle.onExit?.((reason) =>
      this.#stop(`the worker died (${reason}) while it held this job; a fresh worker takes the next job`),
    );
  }

  /** True once the worker has stopped; the runner then starts a new one for the next call. */
  get dead(): boolean {
    return this.#dead;
  }

  /** Runs `f` against the worker; rejects with `WorkerDiedError` if the worker stops first. */
  call<T>(f: (remote: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<T> {
    return Promise.race([f(this.remote), this.#died]);
  }

  /** Stops the worker; its pending calls reject with `WorkerDiedError`. */
  async close(): Promise<void> {
    if (!this.#dead) this.remote[Comlink.releaseProxy]();
    this.#stop('the runner was terminated while it held this job');
    await this.#handle.terminate();
  }
}
