/**
 * `createRunner()`: one object that runs the deepnets API in a worker, in a browser (module Web
 * Worker) or in Node (`worker_threads`), chosen by the environment. The runner's `api` is stable:
 * if its worker dies, the calls it held reject with `WorkerDiedError` (code `WORKER_DIED`) and the
 * next call starts a fresh worker.
 */
import { DeepnetsError } from '@deepnets/core';
import { Connection } from './connection.ts';
import { installErrorTransfer } from './errors.ts';
import { browserWorker, type NodeWorkerOptions, startNodeWorker, type WorkerHandle } from './handles.ts';
import { createRemoteApi, type RunnerApi } from './remote-api.ts';

export interface RunnerOptions extends NodeWorkerOptions {
  /**
   * Creates the worker. In a Vite app pass `() => new DeepnetsWorker()` with
   * `import DeepnetsWorker from '@deepnets/worker/browser-worker?worker'`; by default the browser
   * loads `browser-worker.js` next to this module and Node starts `node-worker.js` from `dist/`.
   * Called again to replace a worker that died.
   */
  createWorker?: () => Worker | WorkerHandle | Promise<Worker | WorkerHandle>;
}

export interface Runner {
  /** The remote API: the package functions, each returning a promise. */
  api: RunnerApi;
  /** How many workers this runner has started (1, plus one per replaced dead worker). */
  readonly started: number;
  /** Stops the worker; calls still pending reject with `WorkerDiedError`, later calls too. */
  terminate(): Promise<void>;
}

const isNode = (): boolean =>
  typeof process !== 'undefined' &&
  typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

async function startWorker(options: RunnerOptions): Promise<WorkerHandle> {
  if (options.createWorker) {
    const made = await options.createWorker();
    return 'endpoint' in made ? made : browserWorker(made);
  }
  if (isNode()) return startNodeWorker(options);
  return browserWorker(new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module' }));
}

/** Starts a worker and wraps it with comlink; resolves once the worker is created. */
export async function createRunner(options: RunnerOptions = {}): Promise<Runner> {
  installErrorTransfer();
  let started = 0;
  let terminated = false;
  const start = async () => {
    started++;
    return new Connection(await startWorker(options));
  };
  let current: Promise<Connection> = start();
  await current;
  const connect = async (): Promise<Connection> => {
    if (terminated) throw new DeepnetsError('WORKER_DIED', 'the runner was terminated');
    const connection = await current;
    if (!connection.dead) return connection;
    current = start();
    return current;
  };
  return {
    api: createRemoteApi(connect),
    get started() {
      return started;
    },
    async terminate() {
      terminated = true;
      await (await current).close();
    },
  };
}
