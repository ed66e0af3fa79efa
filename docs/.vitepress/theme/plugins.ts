/**
 * Registers the docs' plugins on the page: the trainer's and widgets' built-ins, then the list in
 * plugin-list.ts (which the worker, deepnets.worker.ts, registers too).
 */
import { registry } from '@deepnets/core';
import { useTrainerPlugin } from '@deepnets/trainer';
import { useWidgetsPlugin } from '@deepnets/widgets';
import { docsPlugins } from './plugin-list';

export { docsPlugins };

export function usePlugins(): void {
  useTrainerPlugin(registry);
  useWidgetsPlugin(registry);
  for (const plugin of docsPlugins) registry.use(plugin);
}
