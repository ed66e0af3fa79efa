// worker.ts: the standard deepnets worker with your plugins registered first. Imports evaluate in
// order, so no job can reach a registry without them.
import './worker-plugins.ts';
import '@deepnets/worker/browser-worker';
