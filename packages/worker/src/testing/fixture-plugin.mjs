// A plugin module with no imports, for the worker's plugin-loading test: a ReLU with slope 3.
export default {
  name: 'deepnets-plugin-fixture',
  activations: [
    {
      name: 'fixture/steep-relu',
      description: 'max(0, 3z)',
      kind: 'piecewise-linear',
      breakpoints: [0],
      slopes: [0, 3],
      intercepts: [0, 0],
      f: (z) => Math.max(0, 3 * z),
      derivative: (z) => (z >= 0 ? 3 : 0),
    },
  ],
};
