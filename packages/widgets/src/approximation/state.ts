/**
 * State of the `approximation` widget (pure, Node-testable): options and their defaults, the URL
 * schema, the state a reader sees, and the texts derived from it.
 *
 * Defaults show the lecture's point (section 5.3, depth efficiency): the sawtooth target with 4
 * teeth (8 linear pieces) at a budget of 19 parameters, deep K = 3 layers of 2 units against a
 * shallow network of 6 units. Six units make at most 7 pieces, so the shallow fit cannot be exact;
 * the deep shape computes the sawtooth exactly (T^3, the tent map three times). Trained from
 * random starts, gradient descent misses that deep solution; started near the construction and
 * trained, it finds it. The widget trains and shows all three.
 */
import type { Network } from '@deepnets/core';
import type { Regions1DSource } from '../kit/regions-source.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import type { TrainFunction } from '../kit/worker-services.ts';
import { SAWTOOTH_LAYERS } from './construction.ts';
import { DEFAULT_TARGETS, drawnTarget, type Targets } from './targets.ts';

export interface ApproximationOptions {
  /** Trains a network (the docs pass the worker runner's `api.train`). Without it nothing trains. */
  train?: TrainFunction;
  regions1d?: Regions1DSource;
  targets: Targets;
  target: string;
  /** Deep network: K hidden layers of width w. */
  layers: number;
  width: number;
  epochs: number;
  learningRate: number;
  seeds: number[];
  urlPrefix?: string;
}

export interface FitSummary {
  widths: number[];
  parameters: number;
  loss: number;
  regions: number;
  /** Interior edges of the activation regions (where the fit may bend). */
  breakpoints: number[];
  network: Network;
}

export interface ApproximationState {
  target: string;
  shallow?: FitSummary;
  /** The deep network trained from random (He) starts, best of the seeds. */
  deep?: FitSummary;
  /** The deep network trained from starts near the sawtooth construction (sawtooth target only). */
  deepNearConstruction?: FitSummary;
  sweep: {
    width: number;
    deepParameters: number;
    shallowParameters: number;
    deepLoss: number;
    shallowLoss: number;
  }[];
  identity: { extra: number; maxDifference: number; regions: number; baseRegions: number; widths: number[] };
  training: boolean;
}

export const DOMAIN: [number, number] = [-1, 1];
/** Points of a drawn target. */
export const DRAW_POINTS = 33;
export const MIN_LAYERS = 2;
export const MAX_LAYERS = 4;
export const MIN_WIDTH = 2;
export const MAX_WIDTH = 8;

export const DEFAULT_APPROXIMATION: Omit<ApproximationOptions, 'train' | 'regions1d' | 'urlPrefix'> = {
  targets: DEFAULT_TARGETS,
  target: 'sawtooth',
  layers: 3,
  width: 2,
  epochs: 1500,
  learningRate: 0.01,
  seeds: [1, 2, 3],
};

export const initialApproximationState = (target: string): ApproximationState => ({
  target,
  sweep: [],
  identity: { extra: 1, maxDifference: 0, regions: 0, baseRegions: 0, widths: [] },
  training: false,
});

/** The URL parameters: t (target or draw), k (layers), w (width). */
export const approximationUrlSchema = (targets: Targets): UrlSchema => ({
  t: { type: 'choice', values: [...Object.keys(targets), 'draw'] },
  k: { type: 'integer', min: MIN_LAYERS, max: MAX_LAYERS },
  w: { type: 'integer', min: MIN_WIDTH, max: MAX_WIDTH },
});

/** Whether the deep network is also trained from a start near the sawtooth construction. */
export const hasConstructionStart = (o: Pick<ApproximationOptions, 'target' | 'layers' | 'width'>): boolean =>
  o.target === 'sawtooth' && o.layers >= SAWTOOTH_LAYERS && o.width >= 2;

/** The target function: a named one, or the drawn points joined linearly. */
export function targetFunction(
  o: Pick<ApproximationOptions, 'target' | 'targets'>,
  drawn: readonly number[],
): (x: number) => number {
  if (o.target === 'draw') return drawnTarget(drawn, DOMAIN);
  return o.targets[o.target] ?? (() => 0);
}

/** `f` at the DRAW_POINTS equally spaced points of DOMAIN (the start of a drawn target). */
export function sampleDrawn(f: (x: number) => number): number[] {
  return Array.from({ length: DRAW_POINTS }, (_, i) =>
    f(DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / (DRAW_POINTS - 1)),
  );
}

/** "1 layer", "2 layers". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence under the table once training is done: which fit wins, and, on the sawtooth,
 * why the random-start deep fit is worse (gradient descent misses the construction).
 */
export function resultText(s: ApproximationState, o: ApproximationOptions, samples: number): string {
  const trained = `Trained with Adam (learning rate ${o.learningRate}, ${o.epochs.toLocaleString('en-US')} full-batch epochs, best of ${plural(o.seeds.length, 'seed')}) on the ${samples} points shown.`;
  const near = s.deepNearConstruction;
  if (!near || !s.shallow || !s.deep) return trained;
  const e = (v: number) => v.toExponential(1);
  const ratio = s.shallow.loss / Math.max(near.loss, Number.MIN_VALUE);
  return `${trained} Depth wins here: started near the sawtooth construction and trained, the deep network reaches error ${e(near.loss)}, ${ratio >= 10 ? `${Math.round(ratio).toLocaleString('en-US')} times` : 'somewhat'} lower than the shallow network's ${e(s.shallow.loss)} (its ${plural(s.shallow.widths[1] ?? 0, 'unit')} make at most ${(s.shallow.widths[1] ?? 0) + 1} pieces; the target has 8). From random starts gradient descent misses that deep solution (error ${e(s.deep.loss)}): a network able to represent a function is not yet trained to it.`;
}

/** The identity-construction sentence, before and after the region count. */
export function identityText(extra: number, widths: readonly number[], maxDifference: number) {
  return {
    before:
      extra === 0
        ? `The shallow fit alone (widths ${widths.join('-')}) has `
        : `The shallow fit followed by ${plural(extra, 'identity layer')} (widths ${widths.join('-')}) differs from it by at most ${maxDifference} on 1,001 points and has `,
    after: (baseRegions: string) =>
      extra === 0
        ? ' linear regions. Add an identity layer to see the construction.'
        : ` linear regions, as the shallow network (${baseRegions}): each extra layer computes y = ReLU[y] − ReLU[−y].`,
  };
}
