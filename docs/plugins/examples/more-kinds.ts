// The other kinds of contribution: a data set, an optimizer, a loss and a widget.
import { createRng, definePlugin } from '@deepnets/core';
import { createSamples, type DatasetConfig, type LossConfig, type OptimizerConfig } from '@deepnets/trainer';
import { defineWidget, htmlElement } from '@deepnets/widgets';

const ring: DatasetConfig = {
  name: 'shapes/ring',
  description: 'Points inside (class 0) and outside (class 1) the circle of radius 1/2',
  task: 'classification',
  defaults: { seed: 0, samples: 200, testSamples: 200 },
  generate(options = {}) {
    const rng = createRng(Number(options.seed ?? 0));
    const draw = (count: number) => {
      const s = createSamples(count, 2, 1);
      for (let i = 0; i < count; i++) {
        const [a, b] = [2 * rng.uniform() - 1, 2 * rng.uniform() - 1];
        s.x.set([a, b], 2 * i);
        s.y[i] = a * a + b * b > 0.25 ? 1 : 0;
      }
      return s;
    };
    return {
      name: 'shapes/ring',
      task: 'classification',
      outputs: 2,
      train: draw(Number(options.samples ?? 200)),
      test: draw(Number(options.testSamples ?? 200)),
    };
  },
};

/** Sign gradient descent: theta <- theta - alpha sign(g). */
const signDescent: OptimizerConfig = {
  name: 'shapes/sign-descent',
  description: 'Steps of fixed size alpha against the sign of each gradient entry',
  batchSize: 'full',
  defaults: {},
  buffers: [],
  step(theta, grad, learningRate, state) {
    for (let i = 0; i < theta.length; i++)
      theta[i] = (theta[i] as number) - learningRate * Math.sign(grad[i] as number);
    state.step++;
  },
};

/** Mean absolute error, sum_j |y_j - t_j| per example. */
const absoluteError: LossConfig = {
  name: 'shapes/absolute',
  description: 'Sum of absolute errors',
  targets: 'values',
  classification: false,
  evaluate(y, t, n, dOut, grad, scale) {
    let sum = 0;
    for (let a = 0; a < n * dOut; a++) {
      const r = (y[a] as number) - (t[a] as number);
      sum += Math.abs(r);
      if (grad) grad[a] = scale * Math.sign(r);
    }
    return sum;
  },
  validateTargets() {},
};

const hello = defineWidget({
  name: 'shapes/hello',
  description: 'The smallest widget: a paragraph',
  mount(element) {
    const root = htmlElement('p', { 'data-widget': 'shapes/hello' }, element);
    root.textContent = 'Hello from a plugin widget';
    return { update() {}, destroy: () => root.remove(), subscribe: () => () => {} };
  },
});

export default definePlugin({
  name: 'deepnets-plugin-shapes',
  datasets: [ring],
  optimizers: [signDescent],
  losses: [absoluteError],
  widgets: [hello],
  setup(registry) {
    // Runs once after the contributions are registered, e.g. to check what else is there.
    if (!registry.has('activation', 'relu')) throw new Error('deepnets core is missing');
  },
});
