// Registering a plugin and using its activation everywhere: forward pass, exact regions, training.
import { evaluate, type Network, registry } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { train } from '@deepnets/trainer';
import kinkPlugin from 'deepnets-plugin-kink';

registry.use(kinkPlugin);

const net: Network = {
  activation: 'kink/double',
  layers: [
    { weights: [[1], [-2]], biases: [0, 0.5] },
    { weights: [[1, 1]], biases: [0] },
  ],
};

export const y = evaluate(net, [1.5]); // h1 = a[1.5] = 2, h2 = a[-2.5] = 0, so y = [2]
export const counts = regions1d(net, { domain: [-2, 2] }); // exact: the pieces of each unit, merged

export async function fitSquare() {
  const xs = Float64Array.from({ length: 20 }, (_, i) => -1 + i / 10);
  const data = { count: 20, inputs: 1, targetWidth: 1, x: xs, y: xs.map((x) => x * x) };
  return train({ network: net, data, loss: 'least-squares', learningRate: 0.05, epochs: 50 });
}
