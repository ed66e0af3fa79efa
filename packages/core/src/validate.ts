/**
 * Validation of a `Network` (and of anything claiming to be one): every check names the layer
 * and the field, e.g. `layers[1].weights row 2 has 3 entries, expected 4`.
 *
 * A valid network has K + 1 >= 1 layers; layer k holds Omega_k (D_{k+1} x D_k, every D_k >= 1)
 * and beta_k (D_{k+1} entries); consecutive layers agree (the columns of Omega_k equal the rows
 * of Omega_{k-1}); every number is finite; and the activation a[.] is registered.
 */
import { describeValue } from './bounded.ts';
import { registry } from './default-registry.ts';
import { NetworkValidationError } from './errors.ts';
import type { Layer, Network } from './network.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkVector(value: unknown, path: string, expected: number | undefined): number[] {
  if (!Array.isArray(value)) throw new NetworkValidationError(`must be an array of numbers`, path);
  if (expected !== undefined && value.length !== expected) {
    throw new NetworkValidationError(
      `has ${value.length} entries, expected ${expected}`,
      path,
      'SHAPE_MISMATCH',
    );
  }
  value.forEach((v, i) => {
    if (typeof v !== 'number') {
      throw new NetworkValidationError(`must be a number, got ${describeValue(v)}`, `${path}[${i}]`);
    }
    if (!Number.isFinite(v)) {
      throw new NetworkValidationError(`must be finite, got ${v}`, `${path}[${i}]`, 'NON_FINITE');
    }
  });
  return value as number[];
}

/** Checks one layer; returns its (rows, columns) = (D_{k+1}, D_k). */
function checkLayer(layer: unknown, k: number, columns: number | undefined): [number, number] {
  const at = `layers[${k}]`;
  if (!isRecord(layer)) throw new NetworkValidationError('must be an object with weights and biases', at);
  const { weights, biases } = layer;
  if (!Array.isArray(weights)) {
    throw new NetworkValidationError('must be an array of rows (Omega_k, D_{k+1} x D_k)', `${at}.weights`);
  }
  if (weights.length === 0) {
    throw new NetworkValidationError('has no rows; every layer needs at least one unit', `${at}.weights`);
  }
  const first = weights[0];
  const width = columns ?? (Array.isArray(first) ? first.length : 0);
  if (width === 0) {
    throw new NetworkValidationError('row 0 has no entries; D_i must be at least 1', `${at}.weights`);
  }
  weights.forEach((row, i) => {
    if (!Array.isArray(row)) throw new NetworkValidationError(`row ${i} must be an array`, `${at}.weights`);
    if (row.length !== width) {
      throw new NetworkValidationError(
        `row ${i} has ${row.length} entries, expected ${width}` +
          (columns !== undefined ? ` (layers[${k - 1}] has ${width} units)` : ''),
        `${at}.weights`,
        'SHAPE_MISMATCH',
      );
    }
    checkVector(row, `${at}.weights[${i}]`, undefined);
  });
  checkVector(biases, `${at}.biases`, weights.length);
  return [weights.length, width];
}

/** Checks the layers of a network; throws `NetworkValidationError` naming the layer and field. */
export function validateLayers(layers: unknown): void {
  if (!Array.isArray(layers)) throw new NetworkValidationError('must be an array of layers', 'layers');
  if (layers.length === 0) {
    throw new NetworkValidationError('is empty; a network needs at least one layer', 'layers');
  }
  let columns: number | undefined;
  layers.forEach((layer, k) => {
    columns = checkLayer(layer, k, columns)[0];
  });
}

/** Checks that `name` is a registered activation (the error lists the known ones). */
export function validateActivation(name: unknown, path = 'activation'): void {
  if (typeof name !== 'string') {
    throw new NetworkValidationError(
      `must be a string naming an activation, got ${describeValue(name)}`,
      path,
    );
  }
  if (!registry.has('activation', name)) {
    throw new NetworkValidationError(
      `unknown activation ${describeValue(name)}; known activations: ${registry.names('activation').join(', ')}`,
      path,
      'UNKNOWN_NAME',
    );
  }
}

/**
 * Throws a `NetworkValidationError` (with `code` and `path`) unless `network` is a well-formed
 * network: h_1 = a[beta_0 + Omega_0 x], ..., y = beta_K + Omega_K h_K with matching shapes,
 * finite numbers and a registered activation a[.].
 */
export function validateNetwork(network: Network): void {
  const value: unknown = network;
  if (!isRecord(value)) throw new NetworkValidationError('a network must be an object');
  validateActivation(value.activation);
  validateLayers(value.layers);
}

/**
 * A network from explicit matrices: `layers[k] = { weights: Omega_k, biases: beta_k }`, validated
 * and copied (later edits of the arguments do not reach the network).
 */
export function createNetwork(layers: readonly Layer[], activation = 'relu'): Network {
  const net: Network = {
    activation,
    layers: layers.map((layer) => ({
      weights: Array.isArray(layer?.weights)
        ? layer.weights.map((row) => (Array.isArray(row) ? [...row] : row))
        : layer?.weights,
      biases: Array.isArray(layer?.biases) ? [...layer.biases] : layer?.biases,
    })),
  };
  validateNetwork(net);
  return net;
}
