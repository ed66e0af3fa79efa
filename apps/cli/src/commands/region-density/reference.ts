/**
 * The reference segments and planes of the region-density experiment, drawn once from a seed so
 * that every model and checkpoint is measured on the same inputs: pairs of training examples
 * with the same label (the labels being fitted), with different labels, and pairs (training
 * example, test example); triples of training examples spanning planes.
 */
import { createRng } from '@deepnets/core';
import type { Samples } from '@deepnets/trainer';

export type PairKind = 'same-class' | 'different-class' | 'train-test';

export interface Reference {
  /** Index pairs into train (and test, for train-test) examples. */
  pairs: Record<PairKind, [number, number][]>;
  /** Index triples into the training examples. */
  planes: [number, number, number][];
}

/** `count` pairs of each kind and `planes` triples, from `seed`. */
export function drawReference(
  train: Samples,
  test: Samples,
  options: { pairs: number; planes: number; seed: number },
): Reference {
  const rng = createRng(options.seed);
  const pick = (n: number) => rng.int(n);
  const pairs: Record<PairKind, [number, number][]> = {
    'same-class': [],
    'different-class': [],
    'train-test': [],
  };
  while (pairs['same-class'].length < options.pairs || pairs['different-class'].length < options.pairs) {
    const [a, b] = [pick(train.count), pick(train.count)];
    if (a === b) continue;
    const kind = train.y[a] === train.y[b] ? 'same-class' : 'different-class';
    if (pairs[kind].length < options.pairs) pairs[kind].push([a, b]);
  }
  while (pairs['train-test'].length < options.pairs)
    pairs['train-test'].push([pick(train.count), pick(test.count)]);
  const planes: [number, number, number][] = [];
  while (planes.length < options.planes) {
    const [a, b, c] = [pick(train.count), pick(train.count), pick(train.count)];
    if (a !== b && b !== c && a !== c) planes.push([a, b, c]);
  }
  return { pairs, planes };
}

/** Example i of a sample set as a plain vector. */
export function exampleOf(samples: Samples, i: number): number[] {
  return Array.from(samples.x.subarray(samples.inputs * i, samples.inputs * (i + 1)));
}
