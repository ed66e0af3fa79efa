/**
 * deepnets-plugin-example: the example plugin of the deepnets plugin guide. It contributes
 *
 * - `example/two-sided-relu`, a piecewise-linear activation with breakpoints 0 and 1,
 * - `example/checkerboard`, a 2-D classification data set,
 * - `example/activation-plot`, a widget.
 *
 * Use it with `registry.use(examplePlugin)`; in a worker, pass it to the runner's `plugins`.
 */
import { definePlugin } from '@deepnets/core';
import { activationPlot } from './activation-plot.ts';
import { checkerboard } from './checkerboard.ts';
import { twoSidedRelu } from './two-sided-relu.ts';

export const examplePlugin = definePlugin({
  name: 'deepnets-plugin-example',
  activations: [twoSidedRelu],
  datasets: [checkerboard],
  widgets: [activationPlot],
});

declare module '@deepnets/core' {
  interface Register {
    'activation:example/two-sided-relu': true;
    'dataset:example/checkerboard': true;
    'widget:example/activation-plot': true;
  }
}

export default examplePlugin;
export { activationPlot, mountActivationPlot } from './activation-plot.ts';
export { checkerboard } from './checkerboard.ts';
export { twoSidedRelu } from './two-sided-relu.ts';
