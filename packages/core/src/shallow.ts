/**
 * The lecture's scalar notation for a shallow network (one hidden layer, D units):
 *
 *   h_d = a[theta_d0 + theta_d1 x_1 + ... + theta_dDi x_Di]          d = 1..D
 *   y_o = phi_o0 + phi_o1 h_1 + ... + phi_oD h_D                      o = 1..D_o
 *
 * so theta is Omega_0 with beta_0 as an extra first column, and phi likewise for Omega_1, beta_1.
 */
import { NetworkValidationError } from './errors.ts';
import type { Network } from './network.ts';
import { validateNetwork } from './validate.ts';

/** A shallow network's parameters in the lecture's scalar notation. */
export interface ShallowParameters {
  /** theta[d-1] = [theta_d0, theta_d1, ..., theta_dDi] for hidden unit d = 1..D. */
  theta: number[][];
  /** phi[o-1] = [phi_o0, phi_o1, ..., phi_oD] for output o; one output may be given as a flat list. */
  phi: number[][] | number[];
  /** Activation name, `"relu"` by default. */
  activation?: string;
}

const isFlat = (phi: number[][] | number[]): phi is number[] => phi.every((v) => !Array.isArray(v));

/**
 * Builds the network h = a[theta_0 + theta x], y = phi_0 + phi h from the lecture's theta and phi,
 * e.g. UDL notebook 4.1's network 1: `shallowNetwork({ theta: [[0, -1], [0, 1], [-0.67, 1]],
 * phi: [1, -2, -3, 9.3] })`.
 */
export function shallowNetwork(params: ShallowParameters): Network {
  const { theta } = params;
  const phi = isFlat(params.phi) ? [params.phi] : params.phi;
  const rows = (m: unknown, name: string): void => {
    if (!Array.isArray(m) || m.length === 0)
      throw new NetworkValidationError('must be a non-empty array', name);
    m.forEach((row, i) => {
      if (!Array.isArray(row) || row.length < 2) {
        throw new NetworkValidationError(
          `row ${i} must hold a bias and at least one weight ([${name}_${i + 1}0, ${name}_${i + 1}1, ...])`,
          name,
        );
      }
    });
  };
  rows(theta, 'theta');
  rows(phi, 'phi');
  const net: Network = {
    activation: params.activation ?? 'relu',
    layers: [theta, phi].map((m) => ({
      weights: m.map((row) => row.slice(1)),
      biases: m.map((row) => row[0] as number),
    })),
  };
  validateNetwork(net);
  return net;
}

/** The inverse of `shallowNetwork`: theta and phi (always as rows) of a network with K = 1. */
export function toShallowParameters(net: Network): {
  theta: number[][];
  phi: number[][];
  activation: string;
} {
  validateNetwork(net);
  if (net.layers.length !== 2) {
    throw new NetworkValidationError(
      `a shallow network has exactly one hidden layer (2 layers), this one has ${net.layers.length} layers`,
      'layers',
    );
  }
  const [theta, phi] = net.layers.map((layer) =>
    layer.weights.map((row, i) => [layer.biases[i] as number, ...row]),
  ) as [number[][], number[][]];
  return { theta, phi, activation: net.activation };
}
