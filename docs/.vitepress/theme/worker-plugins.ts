/**
 * Side-effect module of the docs' worker: registers the trainer's built-ins and the docs' plugins
 * in the worker's registry. deepnets.worker.ts imports it before the standard worker entry, so the
 * names exist before the worker exposes its API (and so before any job runs).
 */
import { registry } from '@deepnets/core';
import { useTrainerPlugin } from '@deepnets/trainer';
import { docsPlugins } from './plugin-list';

useTrainerPlugin(registry);
for (const plugin of docsPlugins) registry.use(plugin);
