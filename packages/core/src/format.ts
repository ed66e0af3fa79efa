/**
 * The network file format `deepnets.network/v1` (DESIGN.md), shared by the CLI, the docs and tests:
 *
 *   { "format": "deepnets.network/v1", "activation": "relu",
 *     "layers": [ { "weights": [[-1], [1], [1]], "biases": [0, 0, -0.67] },
 *                 { "weights": [[-2, -3, 9.3]],  "biases": [1] } ] }
 *
 * `layers[k].weights` is Omega_k (row i = the weights into unit i), `layers[k].biases` is beta_k.
 * `activation` may be omitted (then `"relu"`), but not `null`. Unknown keys are rejected, so a typo
 * such as `"bias"` is reported instead of ignored. A leading UTF-8 byte order mark is skipped. Error
 * messages describe values without printing them in full (at most `MAX_MESSAGE_LENGTH` characters,
 * however long or deeply nested the offending value). Writing then reading gives back the same numbers exactly.
 */
import { describeValue } from './bounded.ts';
import { NetworkValidationError } from './errors.ts';
import type { Network } from './network.ts';
import { validateActivation, validateLayers } from './validate.ts';

/** The format tag of network files. */
export const NETWORK_FORMAT = 'deepnets.network/v1';

const TOP_KEYS = new Set(['format', 'activation', 'layers']);
const LAYER_KEYS = new Set(['weights', 'biases']);

function rejectUnknownKeys(value: object, allowed: Set<string>, path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      throw new NetworkValidationError(
        `unknown field ${describeValue(key)}; expected ${[...allowed].join(', ')}`,
        path,
        'INVALID_FORMAT',
      );
    }
  }
}

/**
 * Reads a parsed `deepnets.network/v1` document into a fresh `Network`, checking the format tag,
 * the fields, the shapes (consecutive layers agree), finite numbers and the activation's name.
 */
export function parseNetwork(value: unknown): Network {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NetworkValidationError(
      `expected a JSON object with "format": "${NETWORK_FORMAT}"`,
      '',
      'INVALID_FORMAT',
    );
  }
  const doc = value as Record<string, unknown>;
  if (doc.format !== NETWORK_FORMAT) {
    throw new NetworkValidationError(
      `expected "${NETWORK_FORMAT}", got ${describeValue(doc.format)}`,
      'format',
      'INVALID_FORMAT',
    );
  }
  rejectUnknownKeys(doc, TOP_KEYS, '');
  const activation = doc.activation === undefined ? 'relu' : doc.activation;
  validateActivation(activation);
  if (Array.isArray(doc.layers)) {
    doc.layers.forEach((layer: unknown, k) => {
      if (typeof layer === 'object' && layer !== null) rejectUnknownKeys(layer, LAYER_KEYS, `layers[${k}]`);
    });
  }
  validateLayers(doc.layers);
  const layers = doc.layers as { weights: number[][]; biases: number[] }[];
  return {
    activation: activation as string,
    layers: layers.map(({ weights, biases }) => ({
      weights: weights.map((row) => [...row]),
      biases: [...biases],
    })),
  };
}

/** Parses and validates the text of a `deepnets.network/v1` file (a leading BOM is skipped). */
export function parseNetworkJson(text: string): Network {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new NetworkValidationError(`not valid JSON: ${(error as Error).message}`, '', 'INVALID_FORMAT');
  }
  return parseNetwork(value);
}

/** A number in shortest round-trip form; -0 stays -0 (JSON.stringify would write 0). */
const num = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
const list = (vs: readonly number[]): string => `[${vs.map(num).join(', ')}]`;

/** The `deepnets.network/v1` text of `net`: one layer per line, numbers in shortest round-trip form. */
export function networkToJson(net: Network): string {
  const checked = parseNetwork({ format: NETWORK_FORMAT, activation: net.activation, layers: net.layers });
  const layers = checked.layers.map(
    (layer) => `    { "weights": [${layer.weights.map(list).join(', ')}], "biases": ${list(layer.biases)} }`,
  );
  return (
    `{\n  "format": ${JSON.stringify(NETWORK_FORMAT)},\n  "activation": ${JSON.stringify(checked.activation)},\n` +
    `  "layers": [\n${layers.join(',\n')}\n  ]\n}\n`
  );
}
