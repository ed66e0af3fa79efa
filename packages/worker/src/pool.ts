/**
 * `createPool()`: several runners behind one API. Each call goes to an idle worker, or waits
 * (first come, first served) until one is free, so independent jobs (hyper-parameter trials,
 * the four models of the random-labels experiment) run in parallel. A worker that dies is
 * replaced by its runner; the pool keeps its size.
 */
import { AbortError } from '@deepnets/core';
import type { TrialRunner } from '@deepnets/trainer';
import { searchWithTrialRunner } from './pool-search.ts';
import type { RunnerApi } from './remote-api.ts';
import { createRunner, type Runner, type RunnerOptions } from './runner.ts';
import type { TrialSamples, WireTrialSettings } from './types.ts';

export interface PoolOptions extends RunnerOptions {
  /** Number of workers: hardware concurrency - 1 by default (at least 1). */
  size?: number;
}

export interface Pool {
  readonly size: number;
  /**
   * The runner API over the pool. `hyperparameterSearch` spreads its trials over all workers
   * (`concurrency` = pool size unless given); every other call takes one worker.
   */
  api: RunnerApi;
  /** A trainer `TrialRunner` running each trial on a pool worker, for `hyperparameterSearch({ runTrial })`. */
  trialRunner(data: TrialSamples, validation: TrialSamples, settings: WireTrialSettings): TrialRunner;
  /** Stops every worker; pending and queued calls reject. */
  terminate(): Promise<void>;
}

async function hardwareConcurrency(): Promise<number> {
  const fromNavigator = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  if (fromNavigator) return fromNavigator;
  try {
    const os = await import(/* @vite-ignore */ 'node:os');
    return os.availableParallelism();
  } catch {
    return 1;
  }
}

/** The `AbortSignal` among a call's arguments: an argument itself or its `signal` field. */
function signalOf(args: readonly unknown[]): AbortSignal | undefined {
  for (const arg of args) {
    if (arg instanceof AbortSignal) return arg;
    const field = (arg as { signal?: unknown } | null)?.signal;
    if (typeof arg === 'object' && field instanceof AbortSignal) return field;
  }
  return undefined;
}

/** Starts `size` workers (see `PoolOptions`). */
export async function createPool(options: PoolOptions = {}): Promise<Pool> {
  const size = options.size ?? Math.max(1, (await hardwareConcurrency()) - 1);
  const runners = await Promise.all(Array.from({ length: size }, () => createRunner(options)));
  const idle: Runner[] = [...runners];
  const waiting: ((runner: Runner) => void)[] = [];
  let terminated = false;

  const acquire = (signal: AbortSignal | undefined): Promise<Runner> => {
    if (terminated) return Promise.reject(new AbortError('the pool was terminated'));
    const free = idle.shift();
    if (free) return Promise.resolve(free);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(take), 1);
        reject(new AbortError('the job was aborted while it waited for a worker'));
      };
      const take = (runner: Runner) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(runner);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(take);
    });
  };
  const release = (runner: Runner) => {
    const next = waiting.shift();
    if (next) next(runner);
    else idle.push(runner);
  };

  const api = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const key of Object.keys(runners[0]?.api ?? {}) as (keyof RunnerApi)[]) {
    api[key] = async (...args) => {
      const runner = await acquire(signalOf(args));
      try {
        return await (runner.api[key] as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        release(runner);
      }
    };
  }
  const poolApi = api as unknown as RunnerApi;
  poolApi.hyperparameterSearch = (search) => searchWithTrialRunner(poolApi.runTrial, size, search);

  return {
    size,
    api: poolApi,
    trialRunner: (data, validation, settings) => (spec, signal) =>
      poolApi.runTrial(data, validation, settings, spec, signal),
    async terminate() {
      terminated = true;
      await Promise.all(runners.map((r) => r.terminate()));
    },
  };
}
