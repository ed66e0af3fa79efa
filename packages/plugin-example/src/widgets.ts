/**
 * `deepnets-plugin-example/widgets`: the example plugin's widget, on its own subpath so that only
 * pages that show it import `@deepnets/widgets` (an optional peer dependency of this package).
 *
 * Register it next to the main plugin: `registry.use(examplePlugin).use(exampleWidgetsPlugin)`.
 */
import { definePlugin } from '@deepnets/core';
import { activationPlot } from './activation-plot.ts';

export const exampleWidgetsPlugin = definePlugin({
  name: 'deepnets-plugin-example/widgets',
  namespace: 'example',
  widgets: [activationPlot],
});

declare module '@deepnets/core' {
  interface Register {
    'widget:example/activation-plot': true;
  }
}

export default exampleWidgetsPlugin;
export { type ActivationPlotOptions, activationPlot, mountActivationPlot } from './activation-plot.ts';
