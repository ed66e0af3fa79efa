/**
 * A network opened from a file in the builder (pure, Node-testable): its shape (D_i, D_1..D_K)
 * and the check that the builder can show it. The builder draws y(x) for D_i = 1 or the regions
 * of the plane for D_i = 2, with one output, hidden layers within its limits and a
 * piecewise-linear activation (exact regions); anything else is refused with a message that says
 * what the file has and how the CLI counts it instead.
 */
import {
  DeepnetsError,
  getActivation,
  isPiecewiseLinear,
  type Network,
  NotPiecewiseLinearError,
} from '@deepnets/core';
import type { BuilderLimits } from './shape.ts';

/** D_i (inputs of Omega_0) and the hidden widths D_1..D_K of `net`. */
export function networkShape(net: Network): { inputs: number; widths: number[]; outputs: number } {
  const { layers } = net;
  return {
    inputs: layers[0]?.weights[0]?.length ?? 0,
    widths: layers.slice(0, -1).map((l) => l.weights.length),
    outputs: layers.at(-1)?.weights.length ?? 0,
  };
}

/** What the CLI does with a network the builder cannot draw. */
const CLI_HINT = '`deepnets regions FILE` counts its regions';

/**
 * Throws a `DeepnetsError` (code OUT_OF_RANGE, TOO_LARGE or NOT_PIECEWISE_LINEAR) when the builder
 * cannot show `net`; the message names the field and what the file has.
 */
export function checkBuilderNetwork(net: Network, limits: BuilderLimits): void {
  const { inputs, widths, outputs } = networkShape(net);
  if (inputs !== 1 && inputs !== 2) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `the builder draws networks with 1 or 2 inputs; this one has ${inputs} (${CLI_HINT} on a line or plane: --segment or --plane POINTS.json)`,
      'layers[0].weights',
    );
  }
  if (outputs !== 1) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `the builder draws networks with one output; this one has ${outputs} (${CLI_HINT})`,
      `layers[${net.layers.length - 1}].weights`,
    );
  }
  if (widths.length === 0) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      'the builder draws networks with at least one hidden layer; this one has none (it is linear: one region)',
      'layers',
    );
  }
  const widest = Math.max(...widths);
  if (widths.length > limits.layers || widest > limits.width) {
    throw new DeepnetsError(
      'TOO_LARGE',
      `the builder shows at most ${limits.layers} hidden layers of at most ${limits.width} units; this one has ${widths.length} of widths ${widths.join(', ')} (${CLI_HINT})`,
      'layers',
    );
  }
  const units = widths.reduce((a, b) => a + b, 0);
  if (inputs === 2 && units > limits.units2d) {
    throw new DeepnetsError(
      'TOO_LARGE',
      `the builder draws the regions of a plane for at most ${limits.units2d} hidden units in total; this one has ${units} (${CLI_HINT})`,
      'layers',
    );
  }
  if (!isPiecewiseLinear(getActivation(net.activation))) throw new NotPiecewiseLinearError(net.activation);
}
