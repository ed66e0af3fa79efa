/**
 * deepnets-plugin-example: the example plugin of the deepnets plugin guide. Its main entry
 * contributes what works everywhere (Node, workers, browsers):
 *
 * - `example/two-sided-relu`, a piecewise-linear activation with breakpoints 0 and 1,
 * - `example/checkerboard`, a 2-D classification data set.
 *
 * Its widget `example/activation-plot` sits on the subpath `deepnets-plugin-example/widgets`
 * (`exampleWidgetsPlugin`), so Node users never load DOM code or `@deepnets/widgets`.
 *
 * Use it with `registry.use(examplePlugin)`; in a worker, pass it to the runner's `plugins`.
 */
import { definePlugin } from '@deepnets/core';
import { checkerboard } from './checkerboard.ts';
import { twoSidedRelu } from './two-sided-relu.ts';

export const examplePlugin = definePlugin({
  name: 'deepnets-plugin-example',
  activations: [twoSidedRelu],
  datasets: [checkerboard],
});

declare module '@deepnets/core' {
  interface Register {
    'activation:example/two-sided-relu': true;
    'dataset:example/checkerboard': true;
  }
}

export default examplePlugin;
export { checkerboard } from './checkerboard.ts';
export { twoSidedRelu } from './two-sided-relu.ts';
