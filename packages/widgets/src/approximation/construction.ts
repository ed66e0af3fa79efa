/**
 * A deep start near the sawtooth construction (lecture section 5.3): the target sawtooth on
 * [-1, 1] (4 teeth, 8 linear pieces) is the tent map T(u) = 2 ReLU[u] - 4 ReLU[u - 1/2] applied
 * K = 3 times to u = (x + 1) / 2. Regions' `sawtoothNetwork({ layers: K, width: 2 })` builds T^K
 * with K hidden layers of 2 units; here its first layer takes x instead of u, extra units of a
 * wider shape start switched off (zero weights), and a small seeded perturbation moves every
 * weight off the exact solution so that training, not the construction alone, gives the result.
 */
import { createRng, type Network } from '@deepnets/core';
import { sawtoothNetwork } from '@deepnets/regions';

/** Teeth of the sawtooth target on [-1, 1] as K = log2(2 * teeth): the construction's depth. */
export const SAWTOOTH_LAYERS = 3;

/**
 * The K x `width` network (K = `layers` >= SAWTOOTH_LAYERS, width >= 2) near T^3((x + 1) / 2),
 * extra layers passing their input on (ReLU of a non-negative value is itself), perturbed by
 * `noise` times a standard normal from `seed`.
 */
export function sawtoothStart(layers: number, width: number, seed: number, noise = 0.05): Network {
  if (layers < SAWTOOTH_LAYERS || width < 2)
    throw new RangeError(
      `sawtoothStart: needs K >= ${SAWTOOTH_LAYERS} and width >= 2 (got ${layers} x ${width})`,
    );
  const exact = sawtoothNetwork({ layers: SAWTOOTH_LAYERS, width: 2 });
  const rng = createRng(seed);
  const hidden = exact.layers.slice(0, -1).map((l) => ({
    weights: l.weights.map((row) => [...row]),
    biases: [...l.biases],
  }));
  // u = (x + 1) / 2: w u + b = (w / 2) x + (b + w / 2).
  const first = hidden[0]!;
  first.weights = first.weights.map(([w = 0]) => [w / 2]);
  first.biases = first.biases.map((b, i) => b + (exact.layers[0]!.weights[i]![0] ?? 0) / 2);
  const last = exact.layers[exact.layers.length - 1]!;
  // Identity layers (T^3 >= 0 after the last hidden layer's output): one unit y -> ReLU[y].
  const layersOut: { weights: number[][]; biases: number[] }[] = [...hidden];
  let output = { weights: last.weights.map((r) => [...r]), biases: [...last.biases] };
  for (let k = SAWTOOTH_LAYERS; k < layers; k++) {
    layersOut.push({ weights: output.weights, biases: output.biases });
    output = { weights: [[1]], biases: [0] };
  }
  const pad = (l: { weights: number[][]; biases: number[] }, rows: number, cols: number) => ({
    weights: Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => l.weights[i]?.[j] ?? 0),
    ),
    biases: Array.from({ length: rows }, (_, i) => l.biases[i] ?? 0),
  });
  const padded = [...layersOut.map((l, k) => pad(l, width, k === 0 ? 1 : width)), pad(output, 1, width)];
  for (const l of padded) {
    for (const row of l.weights) for (let j = 0; j < row.length; j++) row[j]! += noise * rng.normal();
    for (let i = 0; i < l.biases.length; i++) l.biases[i]! += noise * rng.normal();
  }
  return { activation: 'relu', layers: padded };
}
