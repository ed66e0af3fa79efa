/**
 * Shallow network widget, state: what the reader chose (theta, phi, the activation), the defaults,
 * the URL schema, and the pure functions that derive what is drawn: the network
 * y = phi_0 + sum_d phi_d a[theta_d0 + theta_d1 x], its joints, the inputs it is sampled at, and
 * the reverse (theta, phi from an opened network file). No DOM: tested in Node (state.test.ts).
 */
import { type Network, NetworkValidationError, shallowNetwork } from '@deepnets/core';
import { type Joint, shallowJoints } from '../kit/shallow-joints.ts';
import { shallowParameterSpecs } from '../kit/shallow-parameters.ts';
import type { UrlSchema } from '../kit/url-state.ts';

/** Evaluates `network` at `count` inputs (row-major); may run in a worker. */
export type BatchEvaluator = (
  network: Network,
  xs: Float64Array,
  count: number,
) => Float64Array | Promise<Float64Array>;

export interface ShallowNetworkOptions {
  /** theta[d] = [theta_d0, theta_d1] for hidden unit d + 1. */
  theta: number[][];
  /** [phi_0, phi_1, ..., phi_D]. */
  phi: number[];
  activation: string;
  /** Input interval drawn, [x_min, x_max]. */
  domain: [number, number];
  /** Output interval always visible; widened to fit the function. */
  range: [number, number];
  /** Points sampled to draw the curve (joints are added exactly). */
  samples: number;
  evaluate: BatchEvaluator;
  /** Query-parameter prefix for sharing the state as a URL; no URL state when absent. */
  urlPrefix?: string;
}

export interface ShallowNetworkState {
  theta: number[][];
  phi: number[];
  joints: Joint[];
  /** Sampled inputs (with the joints merged in) and outputs of the drawn curve. */
  xs: Float64Array;
  ys: Float64Array;
}

/** UDL notebook 4.1's network 1, the lecture's first example (two of its joints sit at x = 0). */
export const NOTEBOOK_NETWORK_1: Pick<ShallowNetworkOptions, 'theta' | 'phi'> = {
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
};

/**
 * The widget's default: three joints inside [0, 1] (x = 0.2, 0.5, 0.8), so a reader sees the
 * four linear pieces the text promises (slopes -2, 2, -5, -3).
 */
export const DEFAULT_SHALLOW: Pick<ShallowNetworkOptions, 'theta' | 'phi'> = {
  theta: [
    [-0.2, 1],
    [-0.5, 1],
    [0.8, -1],
  ],
  phi: [-0.75, 4, -7, 2],
};

/** Everything but the evaluator, which the mount supplies (core's `evaluateBatch` by default). */
export const DEFAULT_OPTIONS: Omit<ShallowNetworkOptions, 'evaluate'> = {
  ...DEFAULT_SHALLOW,
  activation: 'relu',
  domain: [0, 1],
  range: [-1, 1],
  samples: 200,
};

/** URL schema of the parameters: each slider's key with its bounds. */
export function shallowUrlSchema(units: number): UrlSchema {
  const schema: UrlSchema = {};
  for (const spec of shallowParameterSpecs(units))
    schema[spec.key] = { type: 'number', min: spec.min, max: spec.max };
  return schema;
}

/** The network 1-[D]-1 the sliders describe. */
export const networkOf = (o: Pick<ShallowNetworkOptions, 'theta' | 'phi' | 'activation'>): Network =>
  shallowNetwork({ theta: o.theta, phi: [o.phi], activation: o.activation });

/** The inputs the curve is drawn at: `samples` equal steps of the domain plus every joint. */
export function sampleInputs(
  domain: readonly [number, number],
  samples: number,
  joints: readonly Joint[],
): Float64Array {
  const grid = Array.from(
    { length: samples + 1 },
    (_, i) => domain[0] + ((domain[1] - domain[0]) * i) / samples,
  );
  return Float64Array.from([...grid, ...joints.map((j) => j.x)].sort((a, b) => a - b));
}

/** The joints of the sliders' network in the domain, and the inputs its curve is drawn at. */
export function curveInputs(o: Pick<ShallowNetworkOptions, 'theta' | 'activation' | 'domain' | 'samples'>): {
  joints: Joint[];
  xs: Float64Array;
} {
  const joints = shallowJoints(o.theta, o.activation, o.domain);
  return { joints, xs: sampleInputs(o.domain, o.samples, joints) };
}

/**
 * theta, phi and the activation of an opened network, which must be 1-[units]-1 with every parameter inside its
 * slider's range (else the sliders could not show it); throws `NetworkValidationError` saying where.
 */
export function parametersOf(
  net: Network,
  units: number,
): { theta: number[][]; phi: number[]; activation: string } {
  const [hidden, output] = net.layers;
  const widths = net.layers.map((l) => l.biases.length);
  const inputs = hidden?.weights[0]?.length;
  if (
    net.layers.length !== 2 ||
    inputs !== 1 ||
    widths[0] !== units ||
    widths[1] !== 1 ||
    !hidden ||
    !output
  ) {
    throw new NetworkValidationError(
      `this widget shows networks 1-${units}-1 (one input, ${units} hidden units, one output); the file has ${inputs ?? '?'}-${widths.join('-')}`,
      'layers',
    );
  }
  const theta = hidden.biases.map((b, d) => [b, hidden.weights[d]?.[0] ?? 0]);
  const phi = [output.biases[0] ?? 0, ...(output.weights[0] ?? [])];
  for (const spec of shallowParameterSpecs(units)) {
    const [kind, a, b] = spec.key.split('.');
    const value = kind === 'theta' ? theta[Number(a) - 1]?.[Number(b)] : phi[Number(a)];
    if (value === undefined || value < spec.min || value > spec.max) {
      const path =
        kind === 'theta' ? `layers[0].${b === '0' ? 'biases' : 'weights'}[${Number(a) - 1}]` : `layers[1]`;
      throw new NetworkValidationError(
        `${spec.label} = ${value} is outside the slider's [${spec.min}, ${spec.max}]`,
        path,
      );
    }
  }
  return { theta, phi, activation: net.activation };
}
