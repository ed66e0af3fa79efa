// A complete plugin: one piecewise-linear activation. Save as src/index.ts of a package named
// deepnets-plugin-kink; its namespace is then "kink".
import { definePiecewiseLinear, definePlugin } from '@deepnets/core';

/** a[z] = max(0, z) + max(0, z - 1): slope 0, then 1, then 2. */
export const doubleKink = definePiecewiseLinear({
  name: 'kink/double',
  description: 'ReLU whose slope doubles above 1',
  breakpoints: [0, 1],
  slopes: [0, 1, 2],
  intercepts: [0, 0, -1],
});

export default definePlugin({
  name: 'deepnets-plugin-kink',
  activations: [doubleKink],
});
