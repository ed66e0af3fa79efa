/// <reference path="./comlink-node-adapter.d.ts" />
/**
 * `createRunner()`: one object that runs the deepnets API in a worker, in a browser (module Web
 * Worker) or in Node (`worker_threads`), chosen by the environment.
 *
 * Arrays cross the boundary as transferables: results (`Float64Array`) are transferred back,
 * never copied as JSON.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';

/** Something comlink can talk to: a Web Worker, or a Node worker wrapped by the node adapter. */
export interface WorkerHandle {
  endpoint: Comlink.Endpoint;
  terminate(): Promise<unknown> | undefined;
}

export interface RunnerOptions {
  /**
   * Creates the worker. In a Vite app pass `() => new DeepnetsWorker()` with
   * `import DeepnetsWorker from '@deepnets/worker/browser-worker?worker'`; by default the browser
   * loads `browser-worker.js` next to this module and Node starts `node-worker.js` from `dist/`.
   */
  createWorker?: () => Worker | Promise<WorkerHandle>;
}

export interface Runner {
  /** The remote API: every function of `WorkerApi`, returning a promise. */
  api: Comlink.Remote<WorkerApi>;
  /** Stops the worker; pending calls never resolve afterwards. */
  terminate(): Promise<void>;
}

const isNode = (): boolean =>
  typeof process !== 'undefined' &&
  typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

/**
 * The built worker must resolve workspace packages to their built files too, so a
 * `--conditions=@deepnets/source` inherited from a dev or test process is dropped.
 */
function withoutSourceCondition(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (/^(--conditions|-C)=?@deepnets\/source$/.test(arg)) continue;
    if ((arg === '--conditions' || arg === '-C') && execArgv[i + 1] === '@deepnets/source') {
      i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

async function nodeWorker(): Promise<WorkerHandle> {
  const { Worker: NodeWorker } = await import('node:worker_threads');
  const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
  // Resolves to dist/ from both src/ (tests run from source) and dist/ (published package):
  // worker_threads cannot load TypeScript, so the worker is always the built file.
  const worker = new NodeWorker(new URL(/* @vite-ignore */ '../dist/node-worker.js', import.meta.url), {
    execArgv: withoutSourceCondition(process.execArgv),
  });
  return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate() };
}

function browserWorker(worker: Worker): WorkerHandle {
  return {
    endpoint: worker,
    terminate: () => {
      worker.terminate();
      return undefined;
    },
  };
}

/** Starts a worker and wraps it with comlink. */
export async function createRunner(options: RunnerOptions = {}): Promise<Runner> {
  let handle: WorkerHandle;
  if (options.createWorker) {
    const made = await options.createWorker();
    handle = 'endpoint' in made ? made : browserWorker(made);
  } else if (isNode()) {
    handle = await nodeWorker();
  } else {
    handle = browserWorker(new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module' }));
  }
  const api = Comlink.wrap<WorkerApi>(handle.endpoint);
  return {
    api,
    async terminate() {
      api[Comlink.releaseProxy]();
      await handle.terminate();
    },
  };
}
