/**
 * Entry of the browser (module Web Worker) side: exposes `workerApi` through comlink.
 * Bundlers load it with `new Worker(new URL(...), { type: 'module' })` or Vite's `?worker`.
 */
import * as Comlink from 'comlink';
import { workerApi } from './api.ts';
import { installErrorTransfer } from './errors.ts';

installErrorTransfer();
Comlink.expose(workerApi);
