/**
 * The plugins the docs site uses, registered on the page (this file) and in the worker
 * (deepnets.worker.ts imports the same list), so the same names exist on both sides.
 */
import { type Plugin, registry } from '@deepnets/core';
import { useTrainerPlugin } from '@deepnets/trainer';
import { useWidgetsPlugin } from '@deepnets/widgets';
import examplePlugin from 'deepnets-plugin-example';

export const docsPlugins: readonly Plugin[] = [examplePlugin];

export function usePlugins(): void {
  useTrainerPlugin(registry);
  useWidgetsPlugin(registry);
  for (const plugin of docsPlugins) registry.use(plugin);
}
