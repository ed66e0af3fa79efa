/**
 * Memory limits of a training run, checked before anything large is allocated: a network of
 * widths D_0..D_{K+1} has P = sum_k (D_k + 1) D_{k+1} parameters phi; training keeps phi, its
 * gradient dL/dphi, the optimizer's buffers (Adam: m and v) and the network's nested arrays
 * (about 3 P values), plus per-example activations h_k and deltas for a batch of B examples
 * (about 3 B sum_k D_k values). Everything is counted at 8 bytes (float64), an upper bound
 * for the float32 kernels.
 */
import { DeepnetsError } from '@deepnets/core';

/** The default limit: 2 GiB. */
export const DEFAULT_TRAINING_MEMORY_LIMIT = 2 * 1024 ** 3;

export interface TrainingMemoryOptions {
  /** Vectors of length P the optimizer keeps (Adam: 2). */
  optimizerBuffers?: number;
  /** Examples per forward/backward pass B (1 by default). */
  batchSize?: number;
  /** Number of stored example values (inputs and targets), copied once into the kernel. */
  dataValues?: number;
}

/** An estimate (bytes) of what training a network of these widths allocates. */
export function trainingMemoryBytes(widths: readonly number[], options: TrainingMemoryOptions = {}): number {
  let parameters = 0;
  let units = 0;
  for (let k = 0; k < widths.length; k++) {
    const d = widths[k] as number;
    units += d;
    if (k + 1 < widths.length) parameters += (d + 1) * (widths[k + 1] as number);
  }
  const vectors = 5 + (options.optimizerBuffers ?? 2);
  const batch = options.batchSize ?? 1;
  return 8 * (vectors * parameters + 3 * batch * units + (options.dataValues ?? 0));
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(bytes < 1024 ** 2 ? 3 : 0)} MiB`;

/**
 * Throws `TOO_LARGE` (naming the estimate and the limit) when training a network of `widths`
 * would need more than `limit` bytes (2 GiB by default).
 */
export function checkTrainingMemory(
  widths: readonly number[],
  options: TrainingMemoryOptions & { limit?: number } = {},
): number {
  const limit = options.limit ?? DEFAULT_TRAINING_MEMORY_LIMIT;
  const bytes = trainingMemoryBytes(widths, options);
  if (!(bytes <= limit)) {
    const shown = widths.length > 8 ? `${widths.slice(0, 8).join('-')}-...` : widths.join('-');
    throw new DeepnetsError(
      'TOO_LARGE',
      `training a ${shown} network needs about ${mib(bytes)}, more than the limit of ${mib(limit)}; use smaller hidden widths`,
      'widths',
    );
  }
  return bytes;
}
