// A complete plugin: one piecewise-linear activation. This is src/index.ts of the package
// deepnets-plugin-kink (package.json and tsconfig.json below); its namespace is "kink".
import { definePiecewiseLinear, definePlugin } from '@deepnets/core';

/** a[z] = max(0, z) + max(0, z - 1): slope 0, then 1, then 2. */
export const doubleKink = definePiecewiseLinear({
  name: 'kink/double',
  description: 'ReLU whose slope doubles above 1',
  breakpoints: [0, 1],
  slopes: [0, 1, 2],
  intercepts: [0, 0, -1],
});

export const kinkPlugin = definePlugin({
  name: 'deepnets-plugin-kink',
  activations: [doubleKink],
});

declare module '@deepnets/core' {
  interface Register {
    'activation:kink/double': true;
  }
}

export default kinkPlugin;
