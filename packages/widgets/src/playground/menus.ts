/**
 * What the playground's menus offer, read from the plugin registry (so a plugin's data set or
 * activation appears with no change to the widget), and the hidden-widths field's parser.
 */
import { isPiecewiseLinear, type Registry } from '@deepnets/core';

export interface MenuItem {
  value: string;
  text: string;
}

/** A registered data set config, as far as the playground needs it (the trainer's `DatasetConfig`). */
export interface PlaygroundDatasetConfig {
  name: string;
  description: string;
  task: 'regression' | 'classification';
  generate(options?: Record<string, unknown>): PlaygroundDataset;
}

export interface PlaygroundSamples {
  count: number;
  inputs: number;
  targetWidth: number;
  x: Float64Array;
  y: Float64Array;
}

export interface PlaygroundDataset {
  name: string;
  task: 'regression' | 'classification';
  outputs: number;
  train: PlaygroundSamples;
  test: PlaygroundSamples;
}

const twoInputs = new WeakMap<object, boolean>();

/**
 * Whether a data set config makes 2-input classification data: its task says classification and a
 * small generated sample (cached per config object) has 2 inputs.
 */
export function isPlayableDataset(config: PlaygroundDatasetConfig): boolean {
  if (config.task !== 'classification') return false;
  let known = twoInputs.get(config);
  if (known === undefined) {
    known = false;
    for (const options of [{ samples: 8, testSamples: 0 }, undefined]) {
      try {
        const d = config.generate(options);
        known = d.task === 'classification' && d.train.inputs === 2 && d.train.count > 0;
        break;
      } catch {
        // options the generator refuses: try its defaults
      }
    }
    twoInputs.set(config, known);
  }
  return known;
}

const kindsOf = (registry: Registry) =>
  registry as unknown as {
    list(kind: string): unknown[];
    names(kind: string): string[];
  };

/** Registered 2-input classification data sets. */
export function datasetMenu(registry: Registry): MenuItem[] {
  return (kindsOf(registry).list('dataset') as PlaygroundDatasetConfig[])
    .filter(isPlayableDataset)
    .map((d) => ({ value: d.name, text: d.name }));
}

/** Every registered activation; smooth ones are marked "trainable, regions not exact". */
export function activationMenu(registry: Registry): MenuItem[] {
  return registry.list('activation').map((a) => ({
    value: a.name,
    text: isPiecewiseLinear(a) ? a.name : `${a.name} (trainable, regions not exact)`,
  }));
}

/** Registered optimizers, or `fallback` when the page registered none (the worker knows them). */
export function optimizerMenu(registry: Registry, fallback: readonly string[] = ['adam']): MenuItem[] {
  const names = kindsOf(registry).names('optimizer');
  return (names.length > 0 ? names : fallback).map((name) => ({ value: name, text: name }));
}

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_HIDDEN_WIDTH = 32;

/** "8, 8" -> [8, 8]; throws a RangeError whose message says what is expected. */
export function parseHidden(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const widths = parts.map(Number);
  const ok =
    text.trim() !== '' &&
    parts.length <= MAX_HIDDEN_LAYERS &&
    parts.every((p) => /^\d+$/.test(p)) &&
    widths.every((w) => w >= 1 && w <= MAX_HIDDEN_WIDTH);
  if (!ok) {
    throw new RangeError(
      `hidden widths: 1 to ${MAX_HIDDEN_LAYERS} whole numbers from 1 to ${MAX_HIDDEN_WIDTH}, separated by commas (e.g. 8,8)`,
    );
  }
  return widths;
}
