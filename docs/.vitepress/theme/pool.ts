/**
 * A pool of deepnets workers for jobs that run side by side (the four models of the random-labels
 * experiment), created on first use in the browser only and reused across page navigations.
 */
import { createPool, type Pool } from '@deepnets/worker';
import DeepnetsWorker from './deepnets.worker?worker';

let shared: Promise<Pool> | undefined;

export function sharedPool(): Promise<Pool> {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  shared ??= createPool({
    createWorker: () => new DeepnetsWorker(),
    size: Math.min(4, Math.max(1, cores - 1)),
  });
  return shared;
}
