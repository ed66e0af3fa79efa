/**
 * Composing networks (lecture, "Composing two networks" and "Combine two networks into one").
 *
 * Feeding y = beta_K + Omega_K h_K of the first network into the first layer of the second,
 * h'_1 = a[beta'_0 + Omega'_0 y], gives h'_1 = a[psi_0 + Psi h_K] with
 *
 *   Psi = Omega'_0 Omega_K,  psi_0 = beta'_0 + Omega'_0 beta_K.
 *
 * For two shallow networks with one input and one output this is the slide's construction:
 * psi_i0 = theta'_i0 + theta'_i1 phi_0 and psi_ij = theta'_i1 phi_j, a rank-one Psi.
 */
import { describeValue } from './bounded.ts';
import { DeepnetsError, NetworkValidationError, ShapeError } from './errors.ts';
import type { Layer, Network } from './network.ts';
import { inputSize, outputSize } from './shape.ts';
import { validateNetwork } from './validate.ts';

const copyLayer = (layer: Layer): Layer => ({
  weights: layer.weights.map((row) => [...row]),
  biases: [...layer.biases],
});

/**
 * The most weights the folded layer Psi = Omega'_0 Omega_K may hold (D'_1 x D_K): 5,000,000 doubles,
 * 40 MB as numbers and about 100 MB as JSON text. Composing two 20,000-unit networks would need 4e8.
 */
export const MAX_COMPOSED_WEIGHTS = 5_000_000;

/** Throws `TOO_LARGE` before allocating when Psi would have more than `limit` entries. */
function checkComposedSize(rows: number, columns: number, limit: number): void {
  const entries = rows * columns;
  if (entries > limit) {
    throw new DeepnetsError(
      'TOO_LARGE',
      `the folded layer Psi would be ${rows} x ${columns} = ${entries} weights (about ${Math.ceil((entries * 8) / 1e6)} MB), more than the limit of ${limit}`,
      'compose',
    );
  }
}

/** Throws `NON_FINITE` when a folded weight overflowed: layer k of the result, unit i. */
function checkFolded(value: number, k: number, i: number, what: string): void {
  if (Number.isFinite(value)) return;
  throw new DeepnetsError(
    'NON_FINITE',
    `composing overflowed: ${what} = ${value} (unit ${i} of the folded layer ${k}) is not a finite double`,
    `layers[${k}]`,
  );
}

/**
 * One network equal to second(first(x)), K + K' hidden layers deep: the last affine layer of
 * `first` (Omega_K, beta_K) is folded into the first layer of `second` (Omega'_0, beta'_0).
 * Both must use the same activation, and D_o of `first` must equal D_i of `second`. The folded
 * layer is checked against `options.maxWeights` (default `MAX_COMPOSED_WEIGHTS`) before it is
 * allocated (`TOO_LARGE`), and an overflow in it is `NON_FINITE`.
 */
export function compose(first: Network, second: Network, options: { maxWeights?: number } = {}): Network {
  validateNetwork(first);
  validateNetwork(second);
  if (first.activation !== second.activation) {
    throw new NetworkValidationError(
      `the networks use different activations (${describeValue(first.activation)} and ${describeValue(second.activation)}); one network has one a[.]`,
      'activation',
    );
  }
  if (outputSize(first) !== inputSize(second)) {
    throw new ShapeError(
      `the first network has ${outputSize(first)} outputs but the second takes ${inputSize(second)} inputs`,
    );
  }
  const last = first.layers[first.layers.length - 1] as Layer;
  const [head, ...tail] = second.layers as [Layer, ...Layer[]];
  checkComposedSize(
    head.weights.length,
    (last.weights[0] as number[]).length,
    options.maxWeights ?? MAX_COMPOSED_WEIGHTS,
  );
  const folded: Layer = {
    // Psi = Omega'_0 Omega_K: entry (i, j) = sum_o Omega'_0[i][o] Omega_K[o][j].
    weights: head.weights.map((row) =>
      (last.weights[0] as number[]).map((_, j) =>
        row.reduce((s, w, o) => s + w * ((last.weights[o] as number[])[j] as number), 0),
      ),
    ),
    // psi_0 = beta'_0 + Omega'_0 beta_K.
    biases: head.weights.map((row, i) =>
      row.reduce((s, w, o) => s + w * (last.biases[o] as number), head.biases[i] as number),
    ),
  };
  const k = first.layers.length - 1;
  folded.weights.forEach((row, i) => {
    row.forEach((v, j) => {
      checkFolded(v, k, i, `Psi[${i}][${j}]`);
    });
    checkFolded(folded.biases[i] as number, k, i, `psi_0[${i}]`);
  });
  return {
    activation: first.activation,
    layers: [...first.layers.slice(0, -1).map(copyLayer), folded, ...tail.map(copyLayer)],
  };
}

/** stack(f_1, f_2, ..., f_n) = f_n(... f_2(f_1(x))): composes left to right into one network. */
export function stack(...networks: Network[]): Network {
  const [first, ...rest] = networks;
  if (!first) throw new DeepnetsError('OUT_OF_RANGE', 'stack needs at least one network');
  validateNetwork(first);
  return rest.reduce((a, b) => compose(a, b), {
    activation: first.activation,
    layers: first.layers.map(copyLayer),
  });
}

/** The network composed with itself `times` times: f(f(...f(x))); needs D_i = D_o. */
export function repeat(net: Network, times: number): Network {
  if (!Number.isSafeInteger(times) || times < 1) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be a positive integer, got ${times}`, 'times');
  }
  return stack(...Array.from({ length: times }, () => net));
}
