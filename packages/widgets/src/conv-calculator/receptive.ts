/**
 * Receptive fields of stacked convolutions. Layer l applies a k x k kernel with stride s and
 * "same" padding p = (k - 1) / 2 (k odd) to the layer below; unit j of a layer reads positions
 * j s - p, ..., j s + p of the layer below (those inside it). After L layers the receptive field is
 *
 *   r_L = 1 + (k - 1) (1 + s + ... + s^(L-1)),
 *
 * pixels wide. Images are separable: a k x k field covers the whole H x W image when its rows
 * cover H and its columns cover W.
 */

/** r_L for L = 0, 1, ... (r_0 = 1). */
export function receptiveField(layers: number, kernel: number, stride = 1): number {
  let r = 1;
  let jump = 1;
  for (let l = 0; l < layers; l++) {
    r += (kernel - 1) * jump;
    jump *= stride;
  }
  return r;
}

/**
 * The fewest layers after which some unit sees all `size` pixels of a line: follows the
 * coverage [lo, hi] of every unit layer by layer (exact, since coverages are intervals).
 */
export function layersToSee(size: number, kernel: number, stride = 1, maxLayers = 100_000): number {
  const pad = (kernel - 1) / 2;
  let lo = Int32Array.from({ length: size }, (_, j) => j);
  let hi = Int32Array.from(lo);
  for (let layer = 1; layer <= maxLayers; layer++) {
    const n = Math.ceil(lo.length / stride);
    const nlo = new Int32Array(n);
    const nhi = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const first = Math.max(0, j * stride - pad);
      const last = Math.min(lo.length - 1, j * stride + pad);
      nlo[j] = lo[first] as number;
      nhi[j] = hi[last] as number;
      if (nlo[j] === 0 && nhi[j] === size - 1) return layer;
    }
    lo = nlo;
    hi = nhi;
  }
  return Number.POSITIVE_INFINITY;
}

/** Parameters of a fully connected layer from `inputs` values to `units` units: weights + biases. */
export const denseParameters = (inputs: number, units: number): number => inputs * units + units;

/** Parameters of a k x k convolution from `channels` to `outChannels` channels: shared weights + biases. */
export const convParameters = (kernel: number, channels: number, outChannels: number): number =>
  kernel * kernel * channels * outChannels + outChannels;
