/**
 * State of the `network-builder` widget (pure, Node-testable): options, defaults, the URL schema,
 * and the reducer that applies a reader's action (add or remove a layer, change a width, switch
 * the input dimension, sample again) within the limits, with the message to show.
 */
import type { Network } from '@deepnets/core';
import type { Regions1DSource, Regions2DSource } from '../kit/regions-source.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import type { BuilderAction } from './controls.ts';
import { networkShape } from './opened.ts';
import { type BuilderLimits, clampWidths, type ShapeBound } from './shape.ts';

export interface NetworkBuilderOptions {
  inputs: 1 | 2;
  /** Hidden widths D_1..D_K. */
  widths: number[];
  seed: number;
  limits: BuilderLimits;
  /** Networks with at most this many hidden units are enumerated locally (faster than a round trip). */
  localUpTo: number;
  /** Exact regions of bigger networks (the docs pass the worker's); local by default. */
  regions1d: Regions1DSource;
  regions2d: Regions2DSource;
  urlPrefix?: string;
  /**
   * A given network (e.g. opened from a file) shown instead of a random one; its shape must match
   * `inputs` and `widths`. Any change of shape or a new sample goes back to random weights.
   */
  network?: Network | undefined;
  /** Where the given network came from (a file name), said with its count. */
  source?: string | undefined;
}

export interface NetworkBuilderState {
  inputs: 1 | 2;
  widths: number[];
  seed: number;
  network: Network;
  /** The file the network came from; '' for a random network of the shape. */
  source: string;
  parameters: number;
  bound: ShapeBound;
  /** Exact linear regions on [-1, 1] or [-1, 1]^2; undefined when the 2-D drawing is capped. */
  linearRegions: number | undefined;
  ms: number;
}

export const DOMAIN: [number, number] = [-1, 1];
export const BOX: [number, number, number, number] = [-1, 1, -1, 1];
const MAX_WIDTHS_IN_URL = 8;

/** URL parameters: inputs, seed and the widths D1, D2, ... */
export function builderUrlSchema(limits: BuilderLimits): UrlSchema {
  return {
    inputs: { type: 'integer', min: 1, max: 2 },
    seed: { type: 'integer', min: 0, max: 2 ** 31 },
    ...Object.fromEntries(
      Array.from({ length: Math.max(limits.layers, MAX_WIDTHS_IN_URL) }, (_, k) => [
        `D${k + 1}`,
        { type: 'integer', min: 1, max: limits.width },
      ]),
    ),
  };
}

/** The options read from the URL's values (widths D1, D2, ... up to the first missing one). */
export function fromUrlValues<O extends Pick<NetworkBuilderOptions, 'inputs' | 'seed' | 'widths'>>(
  options: O,
  values: Record<string, unknown>,
): O {
  const widths: number[] = [];
  for (let k = 1; values[`D${k}`] !== undefined; k++) widths.push(values[`D${k}`] as number);
  return {
    ...options,
    ...(widths.length ? { widths } : {}),
    ...(values.inputs !== undefined ? { inputs: values.inputs as 1 | 2 } : {}),
    ...(values.seed !== undefined ? { seed: values.seed as number } : {}),
  };
}

/** The URL values of the options. */
export function builderUrlValues(
  o: Pick<NetworkBuilderOptions, 'inputs' | 'seed' | 'widths'>,
): Record<string, number> {
  const values: Record<string, number> = { inputs: o.inputs, seed: o.seed };
  o.widths.forEach((w, k) => {
    values[`D${k + 1}`] = w;
  });
  return values;
}

/** `o` with the `inputs` and `widths` of its given network, when it has one. */
export function withShapeOfNetwork<O extends Pick<NetworkBuilderOptions, 'inputs' | 'widths' | 'network'>>(
  o: O,
): O {
  if (!o.network) return o;
  const { inputs, widths } = networkShape(o.network);
  return { ...o, inputs: inputs as 1 | 2, widths };
}

/** "1 unit", "4 units". */
export const unitsWord = (n: number): string => `${n} unit${n === 1 ? '' : 's'}`;

/**
 * Applies `action` to the shape (`selected` is the selected layer): the new options, the selected
 * layer, and the message for the reader ('' when there is nothing to say). A given network (an
 * opened file) gives way to random weights, and the message says so.
 */
export function applyBuilderAction<
  O extends Pick<NetworkBuilderOptions, 'inputs' | 'seed' | 'widths' | 'limits' | 'network' | 'source'>,
>(options: O, action: BuilderAction, selected: number): { options: O; selected: number; message: string } {
  const { limits } = options;
  let widths = [...options.widths];
  let next: O = options.network ? { ...options, network: undefined, source: undefined } : options;
  let message = options.network
    ? `Random weights again: the network of ${options.source || 'the file'} is no longer shown (open the file again to see it).`
    : '';
  switch (action.type) {
    case 'inputs':
      next = { ...next, inputs: action.inputs };
      break;
    case 'sample':
      next = { ...next, seed: next.seed + 1 };
      break;
    case 'add-layer':
      if (widths.length >= limits.layers) message = `At most ${limits.layers} hidden layers here.`;
      else widths.splice(selected + 1, 0, widths[selected] ?? 1);
      break;
    case 'remove-layer':
      if (widths.length <= 1) message = 'A network needs at least one hidden layer.';
      else widths.splice(Math.min(selected, widths.length - 1), 1);
      break;
    case 'width':
      if (action.width > limits.width) message = `At most ${limits.width} units per layer here.`;
      if (action.width < 1) message = 'A layer needs at least one unit.';
      widths[action.layer] = action.width;
      break;
  }
  widths = clampWidths(widths, limits);
  return { options: { ...next, widths }, selected: Math.min(selected, widths.length - 1), message };
}
