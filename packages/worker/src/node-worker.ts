/// <reference path="./comlink-node-adapter.d.ts" />
/**
 * Entry of the Node side (`worker_threads`): exposes `workerApi` through comlink's node adapter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { workerApi } from './api.ts';
import { installErrorTransfer } from './errors.ts';
import { importPluginModules } from './plugin-modules.ts';

if (!parentPort) throw new Error('@deepnets/worker: node-worker must run inside worker_threads');
installErrorTransfer();
// Plugins first: messages wait in the port's queue until comlink starts listening.
await importPluginModules((workerData as { plugins?: string[] } | null)?.plugins ?? []);
Comlink.expose(workerApi, nodeEndpoint(parentPort));
