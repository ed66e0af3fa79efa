/**
 * Layer panels widget, state: the options a reader sets (the 22 parameters of a 1-3-3-1 network,
 * the interval, the seed of the next "Random"), the URL schema, the network file's mapping onto
 * the sliders, and the pure derivation of what the panels show. No DOM: tested in Node
 * (state.test.ts).
 *
 * The network: h_d = a[theta_d0 + theta_d1 x], h'_i = a[psi_i0 + sum_j psi_ij h_j],
 * y' = phi'_0 + sum_i phi'_i h'_i, i.e. Omega_0 = theta_.1, beta_0 = theta_.0, Omega_1 = psi_ij
 * (j >= 1), beta_1 = psi_i0, Omega_2 = phi'_i (i >= 1), beta_2 = phi'_0.
 */
import { type Network, NetworkValidationError } from '@deepnets/core';
import type { Regions1D } from '@deepnets/regions';
import { localRegions1d, type Regions1DSource } from '../kit/regions-source.ts';
import { DEFAULT_LAYER_PANELS, layerPanelsSpecs, type ParameterRecord } from './params.ts';
import { type PanelJoint, type PanelsTrace, tracePanels } from './trace.ts';

export { layerPanelsUrlSchema } from './params.ts';

export interface LayerPanelsOptions {
  /** The 22 parameters keyed `theta.d.j`, `psi.i.j`, `phi.j`. */
  params: ParameterRecord;
  /** Input interval, [0, 1] as in the book. */
  domain: [number, number];
  /** Exact regions of the network (default: `@deepnets/regions` on the main thread). */
  regions1d: Regions1DSource;
  /** Query-parameter prefix for URL state; none when absent. */
  urlPrefix?: string;
  /** Seed of the next "Random" press. */
  seed: number;
}

export interface LayerPanelsState {
  params: ParameterRecord;
  trace: PanelsTrace;
  regions: Regions1D;
  /** Exact linear regions of y' on the domain. */
  linearRegions: number;
  /** Milliseconds from the change to the finished drawing. */
  ms: number;
}

export const DEFAULT_OPTIONS: LayerPanelsOptions = {
  params: { ...DEFAULT_LAYER_PANELS },
  domain: [0, 1],
  regions1d: localRegions1d,
  seed: 1,
};

/** Options after the URL's values (parameters by slider key, and `seed`). */
export function withUrlValues(
  options: LayerPanelsOptions,
  values: Record<string, unknown>,
): LayerPanelsOptions {
  const { seed, ...params } = values as Record<string, number>;
  return {
    ...options,
    params: { ...options.params, ...params },
    ...(seed !== undefined ? { seed } : {}),
  };
}

/** What the URL holds: every parameter and the seed. */
export const urlValues = (options: LayerPanelsOptions): Record<string, number> => ({
  ...options.params,
  seed: options.seed,
});

/** Where parameter `key` sits in a 1-3-3-1 network: the JSON path and its value. */
function networkSlot(net: Network, key: string): { path: string; value: number | undefined } {
  const [kind, a, b] = key.split('.');
  const row = Number(a) - 1;
  const column = Number(b) - 1;
  if (kind === 'theta')
    return b === '0'
      ? { path: `layers[0].biases[${row}]`, value: net.layers[0]?.biases[row] }
      : { path: `layers[0].weights[${row}][0]`, value: net.layers[0]?.weights[row]?.[0] };
  if (kind === 'psi')
    return b === '0'
      ? { path: `layers[1].biases[${row}]`, value: net.layers[1]?.biases[row] }
      : { path: `layers[1].weights[${row}][${column}]`, value: net.layers[1]?.weights[row]?.[column] };
  return a === '0'
    ? { path: 'layers[2].biases[0]', value: net.layers[2]?.biases[0] }
    : { path: `layers[2].weights[0][${row}]`, value: net.layers[2]?.weights[0]?.[row] };
}

/**
 * The 22 slider values of a network file: it must be a ReLU network 1-3-3-1 whose every number
 * lies in its slider's range (else the sliders could not show it). Throws `NetworkValidationError`
 * saying where.
 */
export function parametersOfNetwork(net: Network): ParameterRecord {
  const widths = net.layers.map((l) => l.biases.length);
  const inputs = net.layers[0]?.weights[0]?.length;
  if (widths.join('-') !== '3-3-1' || inputs !== 1)
    throw new NetworkValidationError(
      `this widget shows networks 1-3-3-1 (one input, two hidden layers of 3 units, one output); the file has ${inputs ?? '?'}-${widths.join('-')}`,
      'layers',
    );
  if (net.activation !== 'relu')
    throw new NetworkValidationError(
      `this widget draws ReLU networks; the file's activation is "${net.activation}"`,
      'activation',
    );
  const params: ParameterRecord = {};
  for (const { specs } of layerPanelsSpecs()) {
    for (const spec of specs) {
      const { path, value } = networkSlot(net, spec.key);
      if (value === undefined || value < spec.min || value > spec.max)
        throw new NetworkValidationError(
          `${spec.label} = ${value} is outside the slider's [${spec.min}, ${spec.max}]`,
          path,
        );
      params[spec.key] = value;
    }
  }
  return params;
}

/** Everything the panels show, from the parameters and the network's exact regions on the domain. */
export function layerPanelsState(
  params: ParameterRecord,
  net: Network,
  regions: Regions1D,
  ms: number,
): LayerPanelsState {
  return { params, trace: tracePanels(net, regions), regions, linearRegions: regions.linearRegions, ms };
}

/** Joints where a first-layer unit switches (solid lines) and where clipping adds one (dotted). */
export const jointsByLayer = (joints: readonly PanelJoint[]) => ({
  first: joints.filter((j) => j.layer === 1),
  second: joints.filter((j) => j.layer === 2),
});

/** The sentence under the panels, in two parts around the bold region count. */
export function statusParts(state: LayerPanelsState, domain: [number, number]): [string, string] {
  const { first, second } = jointsByLayer(state.trace.joints);
  const n = state.linearRegions;
  return [
    `${first.length} joint${first.length === 1 ? '' : 's'} from the first layer (solid lines), ${second.length} new from clipping the second layer (dotted). The output has `,
    ` linear region${n === 1 ? '' : 's'} on [${domain.join(', ')}].`,
  ];
}
