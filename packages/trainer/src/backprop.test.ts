import { builtinActivations, createRng, evaluate, initNetwork, type Network } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { lossAndGradient } from './gradient.ts';

/** Per-example losses written naively (no stabilisation), independent of losses.ts. */
const naiveLoss: Record<string, (y: number[], t: number[]) => number> = {
  'least-squares': (y, t) => y.reduce((s, v, j) => s + (v - (t[j] as number)) ** 2, 0),
  'binary-cross-entropy': (y, t) =>
    y.reduce((s, v, j) => {
      const p = 1 / (1 + Math.exp(-v));
      const tj = t[j] as number;
      return s - tj * Math.log(p) - (1 - tj) * Math.log(1 - p);
    }, 0),
  'softmax-cross-entropy': (y, t) => {
    const e = y.map(Math.exp);
    return -Math.log((e[t[0] as number] as number) / e.reduce((a, b) => a + b, 0));
  },
};

const meanLoss = (net: Network, xs: number[][], ts: number[][], loss: string): number =>
  xs.reduce(
    (s, x, i) =>
      s + (naiveLoss[loss] as (y: number[], t: number[]) => number)(evaluate(net, x), ts[i] as number[]),
    0,
  ) / xs.length;

describe('backpropagation', () => {
  const rng = createRng(7);
  const xs = Array.from({ length: 5 }, () => [rng.normal(), rng.normal(), rng.normal()]);
  const targets: Record<string, number[][]> = {
    'least-squares': xs.map(() => [rng.normal(), rng.normal()]),
    'binary-cross-entropy': xs.map(() => [rng.int(2), rng.uniform()]),
    'softmax-cross-entropy': xs.map(() => [rng.int(2)]),
  };

  for (const act of builtinActivations) {
    for (const loss of Object.keys(naiveLoss)) {
      it(`matches central finite differences: ${loss} x ${act.name}`, () => {
        const net = initNetwork([3, 4, 3, 2], {
          init: 'glorot-normal',
          rng: 11,
          activation: act.name,
          biases: 0.1,
        });
        const ts = targets[loss] as number[][];
        const { loss: value, gradient } = lossAndGradient(net, xs, ts, loss);
        expect(value).toBeCloseTo(meanLoss(net, xs, ts, loss), 12);
        const h = 1e-6;
        let worst = 0;
        net.layers.forEach((layer, k) => {
          const entries: [number[], number, number][] = [
            ...layer.weights.flatMap((row, i) =>
              row.map(
                (_, j) =>
                  [row, j, gradient.layers[k]?.weights[i]?.[j] as number] as [number[], number, number],
              ),
            ),
            ...layer.biases.map(
              (_, i) =>
                [layer.biases, i, gradient.layers[k]?.biases[i] as number] as [number[], number, number],
            ),
          ];
          for (const [arr, j, analytic] of entries) {
            const old = arr[j] as number;
            arr[j] = old + h;
            const up = meanLoss(net, xs, ts, loss);
            arr[j] = old - h;
            const down = meanLoss(net, xs, ts, loss);
            arr[j] = old;
            const numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - analytic) / Math.max(1, Math.abs(numeric)));
          }
        });
        expect(worst).toBeLessThan(1e-6);
      });
    }
  }

  it('is stable for huge logits where the naive formulas overflow', () => {
    const net: Network = { activation: 'identity', layers: [{ weights: [[1000], [-1000]], biases: [0, 0] }] };
    const ce = lossAndGradient(net, [[1]], [[1]], 'softmax-cross-entropy');
    expect(ce.loss).toBeCloseTo(2000, 9); // log(e^1000 + e^-1000) - (-1000)
    expect(ce.gradient.layers[0]?.weights).toEqual([[1], [-1]]);
    const bce = lossAndGradient(net, [[1]], [[0, 1]], 'binary-cross-entropy');
    expect(bce.loss).toBeCloseTo(2000, 9); // softplus(1000) + softplus(1000)
  });

  it('names the bad target row', () => {
    const net = initNetwork([1, 2], { init: 'he-normal', rng: 1 });
    expect(() => lossAndGradient(net, [[0], [1]], [[0], [2]], 'softmax-cross-entropy')).toThrow(
      /targets\[1\]/,
    );
    expect(() => lossAndGradient(net, [[0]], [[0, 1.5]], 'binary-cross-entropy')).toThrow(/targets\[0\]/);
  });
});
