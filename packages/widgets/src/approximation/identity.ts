/**
 * The lecture's remark on universal approximation: a deep network can do whatever a shallow one
 * does, since its extra layers can compute the identity. For ReLU, y = ReLU[y] - ReLU[-y], so
 * the two-unit network I = (weights [[1], [-1]], biases [0, 0]; output [[1, -1]], bias 0) is the
 * identity on the real line, and compose(f, I) (core's psi construction) equals f with one more
 * hidden layer of 2 units.
 */
import { compose, evaluateBatch, type Network } from '@deepnets/core';

/** The identity on R as a ReLU network with one hidden layer of two units. */
export const RELU_IDENTITY: Network = {
  activation: 'relu',
  layers: [
    { weights: [[1], [-1]], biases: [0, 0] },
    { weights: [[1, -1]], biases: [0] },
  ],
};

/** f followed by `extra` identity layers: the same function, `extra` hidden layers deeper. */
export function withIdentityLayers(f: Network, extra: number): Network {
  let net = f;
  for (let i = 0; i < extra; i++) net = compose(net, RELU_IDENTITY);
  return net;
}

/** max |f(x) - g(x)| over `xs`. */
export function maxDifference(f: Network, g: Network, xs: Float64Array): number {
  const a = evaluateBatch(f, xs, xs.length);
  const b = evaluateBatch(g, xs, xs.length);
  let worst = 0;
  for (let i = 0; i < xs.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}
