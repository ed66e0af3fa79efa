/**
 * `example/two-sided-relu`: a ReLU with a second breakpoint, a[z] = 0 for z < 0, z for
 * 0 <= z < 1 and 1/2 + z/2 above. Because it declares its breakpoints and pieces, the exact region
 * counter of `@deepnets/regions` analyses networks that use it with no change to regions.
 */
import { definePiecewiseLinear } from '@deepnets/core';

export const twoSidedRelu = definePiecewiseLinear({
  name: 'example/two-sided-relu',
  description: 'ReLU whose slope halves above 1 (breakpoints at 0 and 1)',
  breakpoints: [0, 1],
  slopes: [0, 1, 0.5],
  intercepts: [0, 0, 0.5],
  latex:
    '\\begin{cases} 0 & z < 0 \\\\ z & 0 \\le z < 1 \\\\ \\tfrac12 + \\tfrac{z}{2} & z \\ge 1 \\end{cases}',
});
