/**
 * UDL problem 4.3: ReLU is positively homogeneous, so for l0, l1 > 0
 *   ReLU[b1 + l1 W1 ReLU[b0 + l0 W0 x]] = l0 l1 ReLU[b1/(l0 l1) + W1 ReLU[b0/l0 + W0 x]].
 * Both sides are evaluated as networks with core's forward pass.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { forwardTrace } from './forward.ts';
import type { Network } from './network.ts';
import { networkWithWidths, vectorOf, widthList } from './testing/arbitraries.ts';

const scale = (m: number[][], s: number): number[][] => m.map((row) => row.map((v) => v * s));
const identityLayer = (n: number, s: number) => ({
  weights: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? s : 0))),
  biases: Array.from({ length: n }, () => 0),
});

it('ReLU[b1 + l1 W1 ReLU[b0 + l0 W0 x]] = l0 l1 ReLU[b1/(l0 l1) + W1 ReLU[b0/l0 + W0 x]]', () => {
  const positive = fc.double({ min: 0.05, max: 20, noNaN: true });
  fc.assert(
    fc.property(
      widthList(2, 5)
        .filter((w) => w.length === 3)
        .chain((w) => fc.tuple(networkWithWidths(w), vectorOf(w[0]!), positive, positive)),
      ([net, x, l0, l1]) => {
        const [l0Layer, l1Layer] = net.layers as [Network['layers'][0], Network['layers'][0]];
        const width = l1Layer.weights.length;
        const left: Network = {
          activation: 'relu',
          layers: [
            { weights: scale(l0Layer.weights, l0), biases: l0Layer.biases },
            { weights: scale(l1Layer.weights, l1), biases: l1Layer.biases },
            identityLayer(width, 1),
          ],
        };
        const right: Network = {
          activation: 'relu',
          layers: [
            { weights: l0Layer.weights, biases: l0Layer.biases.map((b) => b / l0) },
            { weights: l1Layer.weights, biases: l1Layer.biases.map((b) => b / (l0 * l1)) },
            identityLayer(width, l0 * l1),
          ],
        };
        const yl = forwardTrace(left, x).output;
        const yr = forwardTrace(right, x).output;
        yl.forEach((v, i) => {
          expect(Math.abs(v - yr[i]!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(v)) * l0 * l1);
        });
      },
    ),
    { numRuns: 300 },
  );
});
