/**
 * One worker runner shared by every widget on the page, created lazily in the browser only
 * (never during the SSR build) and reused across page navigations.
 */
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from './deepnets.worker?worker';

let shared: Promise<Runner> | undefined;

export function sharedRunner(): Promise<Runner> {
  shared ??= createRunner({ createWorker: () => new DeepnetsWorker() });
  return shared;
}
