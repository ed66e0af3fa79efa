/**
 * Loss and gradient of a `Network` on a small batch given as plain arrays: the convenient,
 * allocating face of `createBackprop` (for docs, widgets and checks, not for training loops).
 */
import { registry as defaultRegistry, type Network, type Registry, ShapeError } from '@deepnets/core';
import { createBackprop } from './backprop.ts';
import { typescriptKernel } from './kernel.ts';
import type { LossConfig } from './losses.ts';
import { targetWidth } from './losses.ts';
import { layoutOf, packParameters, unpackParameters } from './parameters.ts';
import { getLoss } from './plugin.ts';

export interface LossAndGradient {
  /** Mean loss (1/n) sum_i l_i over the batch. */
  loss: number;
  /** d(mean loss)/dOmega_k and d(mean loss)/dbeta_k, shaped like the network. */
  gradient: Network;
}

/**
 * The mean loss of `network` on inputs `xs` (one row per example) and `targets` (one row per
 * example: D_o values, or `[classIndex]` for a class-index loss), and its gradient.
 */
export function lossAndGradient(
  network: Network,
  xs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  loss: string | LossConfig,
  registry: Registry = defaultRegistry,
): LossAndGradient {
  const layout = layoutOf(network);
  const lossConfig = typeof loss === 'string' ? getLoss(loss, registry) : loss;
  const din = layout.widths[0] as number;
  const dOut = layout.widths[layout.widths.length - 1] as number;
  const tw = targetWidth(lossConfig, dOut);
  const n = xs.length;
  if (targets.length !== n) throw new ShapeError(`has ${targets.length} rows for ${n} inputs`, 'targets');
  const x = new Float64Array(n * din);
  const t = new Float64Array(n * tw);
  xs.forEach((row, r) => {
    if (row.length !== din)
      throw new ShapeError(`has ${row.length} entries, the network takes ${din}`, `xs[${r}]`);
    x.set(row, r * din);
  });
  targets.forEach((row, r) => {
    if (row.length !== tw)
      throw new ShapeError(`has ${row.length} entries, the loss needs ${tw}`, `targets[${r}]`);
    t.set(row, r * tw);
  });
  lossConfig.validateTargets(t, n, dOut);
  const activation = registry.get('activation', network.activation);
  const bp = createBackprop(layout, activation, lossConfig, typescriptKernel, n);
  const grad = new Float64Array(layout.size);
  const { loss: value } = bp.gradient(packParameters(network, layout), x, t, n, grad);
  return { loss: value, gradient: unpackParameters(grad, layout, network.activation) };
}
