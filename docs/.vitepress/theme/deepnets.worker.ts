/**
 * The docs' worker entry: the standard deepnets worker with the docs' plugins registered first.
 * ES modules evaluate their imports in order, and `@deepnets/worker/browser-worker` exposes its API
 * only in its own body, after `./worker-plugins` has run: no job can see a registry without them.
 * runner.ts and pool.ts load this file with Vite's `?worker`.
 */
import './worker-plugins';
import '@deepnets/worker/browser-worker';
