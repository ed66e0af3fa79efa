/**
 * Registers the docs' plugins on the page: the trainer's and widgets' built-ins, the list in
 * plugin-list.ts (which the worker, deepnets.worker.ts, registers too), then the page-only widget
 * plugins (DOM code the worker never loads).
 */
import { registry } from '@deepnets/core';
import { useTrainerPlugin } from '@deepnets/trainer';
import { useWidgetsPlugin } from '@deepnets/widgets';
import { exampleWidgetsPlugin } from 'deepnets-plugin-example/widgets';
import { docsPlugins } from './plugin-list';

export { docsPlugins };

export function usePlugins(): void {
  useTrainerPlugin(registry);
  useWidgetsPlugin(registry);
  for (const plugin of docsPlugins) registry.use(plugin);
  registry.use(exampleWidgetsPlugin);
}
