// worker-plugins.ts of a browser app: registers the plugins in the worker's own registry.
import { registry } from '@deepnets/core';
import { useTrainerPlugin } from '@deepnets/trainer';
import kinkPlugin from 'deepnets-plugin-kink';

useTrainerPlugin(registry);
registry.use(kinkPlugin);
