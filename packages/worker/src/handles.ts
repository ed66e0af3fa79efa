/// <reference path="./comlink-node-adapter.d.ts" />
/**
 * Worker handles: a Web Worker or a Node `worker_threads` Worker behind one small interface that
 * comlink can talk to and that reports when the worker stops.
 */
import type * as Comlink from 'comlink';
import { defaultPluginBases, type PluginBase, resolvePluginModule } from './plugin-modules.ts';

/** Something comlink can talk to: a Web Worker, or a Node worker wrapped by the node adapter. */
export interface WorkerHandle {
  endpoint: Comlink.Endpoint;
  terminate(): Promise<unknown> | undefined;
  /**
   * Registers a listener called once when the worker stops: terminated, crashed, out of memory.
   * Without it a runner cannot tell that a worker died, and calls to a dead worker never settle.
   */
  onExit?(listener: (reason: string) => void): void;
}

/** Options of the Node worker (ignored by browsers). */
export interface NodeWorkerOptions {
  /** Memory limits of the worker thread; a worker that exceeds them dies (and is replaced). */
  resourceLimits?: {
    maxOldGenerationSizeMb?: number;
    maxYoungGenerationSizeMb?: number;
    codeRangeSizeMb?: number;
    stackSizeMb?: number;
  };
  /**
   * deepnets plugins each worker registers before its first job, so the same names exist on
   * both sides: package names, package directories, built module paths or `file:` URLs.
   * Node only; in a browser, bundle a worker entry that registers them (see the plugin guide).
   */
  plugins?: readonly string[];
  /**
   * Where `plugins` names and relative paths resolve from: a directory, or a module (pass
   * `import.meta.url` to resolve like your own imports). Default: the current directory, then
   * the directory of the program Node started.
   */
  pluginBase?: PluginBase;
}

/** A Node worker handle that also gives the `worker_threads` Worker (e.g. to kill it in a test). */
export interface NodeWorkerHandle extends WorkerHandle {
  worker: { threadId: number; terminate(): Promise<number> };
}

/**
 * The built worker must resolve workspace packages to their built files too, so a
 * `--conditions=@deepnets/source` inherited from a dev or test process is dropped.
 */
export function withoutSourceCondition(execArgv: readonly string[]): string[] {
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

/** The flags `error` (Node's `ERR_WORKER_INVALID_EXEC_ARGV`) names as not accepted by workers. */
function rejectedFlags(error: unknown): string[] | null {
  const e = error as { code?: string; message?: string } | null;
  if (e?.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') return null;
  const list = (e.message ?? '').split(': ').slice(1).join(': ');
  return list.split(', ').filter((flag) => flag.startsWith('-'));
}

/** `execArgv` without `flags` (and the separate value of a flag given as `--flag value`). */
export function withoutFlags(execArgv: readonly string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (!flags.includes(arg) && !flags.includes(arg.split('=')[0] as string)) {
      out.push(arg);
      continue;
    }
    const next = execArgv[i + 1];
    if (!arg.includes('=') && next !== undefined && !next.startsWith('-')) i++;
  }
  return out;
}

/**
 * Creates a worker with the host's Node flags that workers accept: V8 and process-wide flags
 * (`--max-old-space-size`, `--expose-gc`, `--title`) make Node refuse the whole worker, so the
 * flags it names are dropped and the worker is created again (at most twice more; no thread
 * starts when Node refuses).
 */
export function withAcceptedFlags<W>(execArgv: readonly string[], create: (execArgv: string[]) => W): W {
  let flags = [...execArgv];
  for (let attempt = 0; ; attempt++) {
    try {
      return create(flags);
    } catch (error) {
      const rejected = rejectedFlags(error);
      if (!rejected || attempt === 2) throw error;
      flags = attempt === 1 || rejected.length === 0 ? [] : withoutFlags(flags, rejected);
    }
  }
}

/** Starts `dist/node-worker.js` in a `worker_threads` Worker. */
export async function startNodeWorker(options: NodeWorkerOptions = {}): Promise<NodeWorkerHandle> {
  const { Worker: NodeWorker } = await import(/* @vite-ignore */ 'node:worker_threads');
  const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
  // Resolves to dist/ from both src/ (tests run from source) and dist/ (published package):
  // worker_threads cannot load TypeScript, so the worker is always the built file.
  const bases = options.pluginBase ?? (await defaultPluginBases());
  const plugins = await Promise.all((options.plugins ?? []).map((p) => resolvePluginModule(p, bases)));
  const url = new URL(/* @vite-ignore */ '../dist/node-worker.js', import.meta.url);
  const worker = withAcceptedFlags(withoutSourceCondition(process.execArgv), (execArgv) => {
    return new NodeWorker(url, {
      execArgv,
      workerData: { plugins },
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
  });
  let failure = '';
  worker.on('error', (error: Error) => {
    failure = `${error.name}: ${error.message}`;
  });
  return {
    worker,
    endpoint: nodeEndpoint(worker),
    terminate: () => worker.terminate(),
    onExit(listener) {
      worker.once('exit', (code: number) => listener(failure || `exit code ${code}`));
    },
  };
}

/**
 * Wraps a Web Worker. Browsers report no worker exit, so the handle treats an `error` event (an
 * uncaught error or a script that fails to load) as death, terminating the worker, and reports a
 * `terminate()` called by anyone on the Worker object.
 */
export function browserWorker(worker: Worker): WorkerHandle {
  const listeners: ((reason: string) => void)[] = [];
  let stopped = false;
  const stop = (reason: string) => {
    if (stopped) return;
    stopped = true;
    for (const listener of listeners.splice(0)) listener(reason);
  };
  const terminate = worker.terminate.bind(worker);
  worker.terminate = () => {
    terminate();
    stop('terminated');
  };
  worker.addEventListener('error', (event) => {
    terminate();
    stop(`uncaught error in the worker: ${event.message || 'the script failed to load'}`);
  });
  return {
    endpoint: worker,
    terminate: () => {
      worker.terminate();
      return undefined;
    },
    onExit(listener) {
      if (stopped) listener('terminated');
      else listeners.push(listener);
    },
  };
}
