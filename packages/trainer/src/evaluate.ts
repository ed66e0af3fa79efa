/**
 * Loss and accuracy of a trained network on held-out samples (e.g. a data set's test part).
 */
import { registry as defaultRegistry, type Network, type Registry, ShapeError } from '@deepnets/core';
import { createBackprop } from './backprop.ts';
import type { Samples } from './datasets/types.ts';
import { typescriptKernel } from './kernel.ts';
import { type LossConfig, targetWidth } from './losses.ts';
import { layoutOf, packParameters } from './parameters.ts';
import { getLoss } from './plugin.ts';

export interface SampleMetrics {
  /** Mean loss (1/n) sum_i l_i. */
  loss: number;
  /** Fraction predicted right (classification losses only). */
  accuracy?: number;
}

/** The mean loss (and accuracy) of `network` on `samples`. */
export function evaluateSamples(
  network: Network,
  samples: Samples,
  loss: string | LossConfig,
  registry: Registry = defaultRegistry,
): SampleMetrics {
  const layout = layoutOf(network);
  const config = typeof loss === 'string' ? getLoss(loss, registry) : loss;
  const dOut = layout.widths[layout.widths.length - 1] as number;
  if (samples.inputs !== layout.widths[0] || samples.targetWidth !== targetWidth(config, dOut)) {
    throw new ShapeError(
      `has ${samples.inputs} inputs and ${samples.targetWidth} targets per example; the network and loss "${config.name}" need ${layout.widths[0]} and ${targetWidth(config, dOut)}`,
      'samples',
    );
  }
  if (samples.count === 0) throw new ShapeError('has no examples', 'samples');
  config.validateTargets(samples.y, samples.count, dOut);
  const activation = registry.get('activation', network.activation);
  const bp = createBackprop(layout, activation, config, typescriptKernel, samples.count);
  const pass = bp.evaluate(packParameters(network, layout), samples.x, samples.y, samples.count);
  return config.classification
    ? { loss: pass.loss, accuracy: pass.correct / samples.count }
    : { loss: pass.loss };
}
