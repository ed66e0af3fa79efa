/// <reference path="./comlink-node-adapter.d.ts" />
/**
 * Entry of the Node side (`worker_threads`): exposes `workerApi` through comlink's node adapter.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { workerApi } from './api.ts';
import { installErrorTransfer } from './errors.ts';

if (!parentPort) throw new Error('@deepnets/worker: node-worker must run inside worker_threads');
installErrorTransfer();
Comlink.expose(workerApi, nodeEndpoint(parentPort));
