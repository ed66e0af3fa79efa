/**
 * Batched backpropagation for the lecture's general deep network
 *
 *   h_1 = a[beta_0 + Omega_0 x],  h_{k+1} = a[beta_k + Omega_k h_k],  y = beta_K + Omega_K h_K,
 *
 * for any registered activation (its `derivative` gives a'[z]). The forward pass keeps every
 * pre-activation z_k and h_k; the backward pass runs
 *
 *   dL/dOmega_k = (dL/dz_k)^T h_k,   dL/dbeta_k = (dL/dz_k)^T 1,
 *   dL/dz_{k-1} = (dL/dz_k Omega_k) * a'[z_{k-1}].
 *
 * All buffers are allocated once for a maximum batch size; a call allocates nothing.
 */
import type { ActivationConfig } from '@deepnets/core';
import type { FloatArray, Kernel } from './kernel.ts';
import type { LossConfig } from './losses.ts';
import type { ParameterLayout } from './parameters.ts';

/** Results of the last pass, kept in the workspace (no allocation per call). */
export interface PassResult {
  /** Mean loss over the batch, (1/n) sum_i l_i. */
  loss: number;
  /** Number of examples predicted right (0 for regression losses). */
  correct: number;
}

export interface Backprop {
  readonly layout: ParameterLayout;
  readonly capacity: number;
  readonly last: PassResult;
  /** Forward pass only: loss and accuracy of `theta` on n examples (rows of `x`, `targets`). */
  evaluate(theta: FloatArray, x: FloatArray, targets: FloatArray, n: number): PassResult;
  /** Forward and backward pass: writes d(mean loss)/d theta into `grad`. */
  gradient(theta: FloatArray, x: FloatArray, targets: FloatArray, n: number, grad: FloatArray): PassResult;
}

/** A backprop workspace for batches of at most `capacity` examples. */
export function createBackprop(
  layout: ParameterLayout,
  activation: ActivationConfig,
  loss: LossConfig,
  kernel: Kernel,
  capacity: number,
): Backprop {
  const { widths } = layout;
  const layers = widths.length - 1;
  const dOut = widths[layers] as number;
  const maxWidth = Math.max(...widths);
  // z[k] holds the pre-activations of layer k; h[k + 1] = a[z[k]] for k < K.
  const z = Array.from({ length: layers }, (_, k) =>
    kernel.alloc(fusedRelu(activation, kernel) && k + 1 < layers ? 0 : capacity * (widths[k + 1] as number)),
  );
  const h = z.map((_, k) => (k === 0 ? null : kernel.alloc(capacity * (widths[k] as number))));
  let dA = kernel.alloc(capacity * maxWidth);
  let dB = kernel.alloc(capacity * maxWidth);
  const last: PassResult = { loss: 0, correct: 0 };
  const f = activation.f;
  const df = activation.derivative;
  // Fused ReLU kernels write h_{k+1} directly and mask the backward pass with [h_k > 0].
  const fused = fusedRelu(activation, kernel) ? kernel : null;

  // A kernel with a fused softmax cross-entropy computes that loss itself.
  const fusedLoss =
    loss.name === 'softmax-cross-entropy' ? kernel.softmaxCrossEntropy?.bind(kernel) : undefined;
  /** Sets `last` from the logits y; writes scale * dl/dy into `grad` unless it is null. */
  const lossOf = (y: FloatArray, targets: FloatArray, n: number, grad: FloatArray | null): PassResult => {
    if (fusedLoss) {
      const r = fusedLoss(n, dOut, y, targets, grad, 1 / n);
      last.loss = r.sum / n;
      last.correct = r.correct;
      return last;
    }
    last.loss = loss.evaluate(y, targets, n, dOut, grad, 1 / n) / n;
    last.correct = loss.correct ? loss.correct(y, targets, n, dOut) : 0;
    return last;
  };

  const paramViews = viewCache(layout);
  const gradViews = viewCache(layout);

  const forward = (theta: FloatArray, x: FloatArray, n: number): FloatArray => {
    let input = x;
    for (let k = 0; k < layers; k++) {
      const { w, b } = paramViews(theta)[k] as LayerView;
      const zk = z[k] as FloatArray;
      if (fused?.forwardRelu && k + 1 < layers) {
        const hk = h[k + 1] as FloatArray;
        fused.forwardRelu(n, widths[k] as number, widths[k + 1] as number, input, w, b, hk);
        input = hk;
        continue;
      }
      kernel.forward(n, widths[k] as number, widths[k + 1] as number, input, w, b, zk);
      if (k + 1 < layers) {
        const hk = h[k + 1] as FloatArray;
        const m = n * (widths[k + 1] as number);
        for (let a = 0; a < m; a++) hk[a] = f(zk[a] as number);
        input = hk;
      }
    }
    return z[layers - 1] as FloatArray;
  };

  const check = (n: number): void => {
    if (n > capacity)
      throw new RangeError(`batch of ${n} examples exceeds the workspace capacity ${capacity}`);
  };

  return {
    layout,
    capacity,
    last,
    evaluate(theta, x, targets, n) {
      check(n);
      return lossOf(forward(theta, x, n), targets, n, null);
    },
    gradient(theta, x, targets, n, grad) {
      check(n);
      lossOf(forward(theta, x, n), targets, n, dA);
      for (let k = layers - 1; k >= 0; k--) {
        const din = widths[k] as number;
        const dout = widths[k + 1] as number;
        const { w } = paramViews(theta)[k] as LayerView;
        const g = gradViews(grad)[k] as LayerView;
        kernel.backwardWeights(n, din, dout, dA, k === 0 ? x : (h[k] as FloatArray), g.w, g.b);
        if (k === 0) break;
        if (fused?.backwardInputRelu) {
          fused.backwardInputRelu(n, din, dout, dA, w, h[k] as FloatArray, dB);
          const swap = dA;
          dA = dB;
          dB = swap;
          continue;
        }
        kernel.backwardInput(n, din, dout, dA, w, dB);
        const zp = z[k - 1] as FloatArray;
        for (let a = 0; a < n * din; a++) dB[a] = (dB[a] as number) * df(zp[a] as number);
        const swap = dA;
        dA = dB;
        dB = swap;
      }
      return last;
    },
  };
}

/** True when `kernel` has fused ReLU layers and the activation is ReLU (z_k is then not kept). */
function fusedRelu(activation: ActivationConfig, kernel: Kernel): boolean {
  return activation.name === 'relu' && !!kernel.forwardRelu && !!kernel.backwardInputRelu;
}

interface LayerView {
  w: FloatArray;
  b: FloatArray;
}

/** Views of Omega_k and beta_k inside a flat vector, rebuilt only when the vector changes. */
function viewCache(layout: ParameterLayout): (theta: FloatArray) => LayerView[] {
  let cached: FloatArray | null = null;
  let views: LayerView[] = [];
  return (theta) => {
    if (theta !== cached) {
      cached = theta;
      views = layout.weightOffsets.map((w, k) => {
        const b = layout.biasOffsets[k] as number;
        return { w: theta.subarray(w, b), b: theta.subarray(b, b + (layout.widths[k + 1] as number)) };
      });
    }
    return views;
  };
}
