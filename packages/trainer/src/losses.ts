/**
 * Loss functions L[phi] = sum_i l_i as registered configs. The network's last layer
 * y = beta_K + Omega_K h_K is linear, so classification losses take raw scores (logits) and
 * apply the sigmoid / softmax themselves, in a numerically stable form.
 */
import { DeepnetsError } from '@deepnets/core';
import type { FloatArray } from './kernel.ts';

export interface LossConfig {
  /** Registry name, e.g. `"softmax-cross-entropy"`. */
  name: string;
  description: string;
  /**
   * `"values"`: each example has D_o real targets (one per output);
   * `"classes"`: each example has one class index in 0..D_o-1.
   */
  targets: 'values' | 'classes';
  /** True when an accuracy (fraction of right predictions) is meaningful. */
  classification: boolean;
  /**
   * Sum over the n examples of l_i for outputs `y` (n x dOut) and `targets` (n x targetWidth).
   * When `grad` is given, writes scale * dl_i/dy into it (n x dOut).
   */
  evaluate(
    y: FloatArray,
    targets: FloatArray,
    n: number,
    dOut: number,
    grad: FloatArray | null,
    scale: number,
  ): number;
  /** Number of the n examples predicted right (classification losses only). */
  correct?(y: FloatArray, targets: FloatArray, n: number, dOut: number): number;
  /** Throws `DeepnetsError` (`OUT_OF_RANGE`) naming the first bad target row. */
  validateTargets(targets: FloatArray, n: number, dOut: number): void;
}

/** The usual loss for a task: least squares for regression, softmax cross-entropy for classes. */
export function defaultLossName(task: 'regression' | 'classification'): string {
  return task === 'regression' ? 'least-squares' : 'softmax-cross-entropy';
}

/** Targets per example: 1 class index or D_o values. */
export function targetWidth(loss: LossConfig, dOut: number): number {
  return loss.targets === 'classes' ? 1 : dOut;
}

const badTarget = (row: number, message: string): DeepnetsError =>
  new DeepnetsError('OUT_OF_RANGE', message, `targets[${row}]`);

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

/** Least squares (Prince, ch. 2 and 5): l_i = sum_j (y_ij - t_ij)^2, dl/dy = 2 (y - t). */
export const leastSquares: LossConfig = {
  name: 'least-squares',
  description: 'Least squares sum_j (y_j - t_j)^2, for regression',
  targets: 'values',
  classification: false,
  evaluate(y, t, n, dOut, grad, scale) {
    let sum = 0;
    for (let a = 0; a < n * dOut; a++) {
      const r = (y[a] as number) - (t[a] as number);
      sum += r * r;
      if (grad) grad[a] = 2 * scale * r;
    }
    return sum;
  },
  validateTargets(t, n, dOut) {
    for (let a = 0; a < n * dOut; a++) {
      if (!Number.isFinite(t[a])) throw badTarget(Math.floor(a / dOut), `target ${t[a]} is not finite`);
    }
  },
};

/**
 * Binary cross-entropy on logits z with targets t in [0, 1], one independent sigmoid per output:
 * l = -t log sig(z) - (1 - t) log(1 - sig(z)) = softplus(z) - t z, dl/dz = sig(z) - t.
 */
export const binaryCrossEntropy: LossConfig = {
  name: 'binary-cross-entropy',
  description: 'Binary cross-entropy on logits (sigmoid per output), targets 0/1',
  targets: 'values',
  classification: true,
  evaluate(y, t, n, dOut, grad, scale) {
    let sum = 0;
    for (let a = 0; a < n * dOut; a++) {
      const z = y[a] as number;
      const ta = t[a] as number;
      sum += softplus(z) - ta * z;
      if (grad) grad[a] = scale * (1 / (1 + Math.exp(-z)) - ta);
    }
    return sum;
  },
  correct(y, t, n, dOut) {
    let right = 0;
    for (let r = 0; r < n; r++) {
      let all = true;
      for (let j = r * dOut; j < (r + 1) * dOut; j++)
        if ((y[j] as number) > 0 !== (t[j] as number) >= 0.5) all = false;
      if (all) right++;
    }
    return right;
  },
  validateTargets(t, n, dOut) {
    for (let a = 0; a < n * dOut; a++) {
      const ta = t[a] as number;
      if (!(ta >= 0 && ta <= 1)) throw badTarget(Math.floor(a / dOut), `target ${ta} is not in [0, 1]`);
    }
  },
};

/**
 * Softmax cross-entropy for D_o classes: l = log sum_j e^{z_j} - z_t (computed with the max
 * subtracted), dl/dz_j = softmax(z)_j - [j = t]. Each e^{z_j - max} is computed once (exp
 * dominates this loss's cost) and kept in float64 until the row's sum is known.
 */
export const softmaxCrossEntropy: LossConfig = {
  name: 'softmax-cross-entropy',
  description: 'Softmax cross-entropy over D_o classes, targets are class indices',
  targets: 'classes',
  classification: true,
  evaluate(y, t, n, dOut, grad, scale) {
    const exps = new Float64Array(dOut);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const o = r * dOut;
      let max = -Infinity;
      for (let j = 0; j < dOut; j++) max = Math.max(max, y[o + j] as number);
      let z = 0;
      for (let j = 0; j < dOut; j++) {
        const e = Math.exp((y[o + j] as number) - max);
        exps[j] = e;
        z += e;
      }
      const cls = t[r] as number;
      sum += Math.log(z) + max - (y[o + cls] as number);
      if (grad) {
        for (let j = 0; j < dOut; j++) grad[o + j] = (scale * (exps[j] as number)) / z;
        grad[o + cls] = (grad[o + cls] as number) - scale;
      }
    }
    return sum;
  },
  correct(y, t, n, dOut) {
    let right = 0;
    for (let r = 0; r < n; r++) {
      const o = r * dOut;
      let best = 0;
      for (let j = 1; j < dOut; j++) if ((y[o + j] as number) > (y[o + best] as number)) best = j;
      if (best === t[r]) right++;
    }
    return right;
  },
  validateTargets(t, n, dOut) {
    for (let r = 0; r < n; r++) {
      const c = t[r] as number;
      if (!Number.isInteger(c) || c < 0 || c >= dOut) {
        throw badTarget(
          r,
          `class ${c} is not an integer in 0..${dOut - 1} (the network has ${dOut} outputs)`,
        );
      }
    }
  },
};

/** The built-in losses, registered by the trainer's plugin. */
export const builtinLosses: readonly LossConfig[] = [leastSquares, binaryCrossEntropy, softmaxCrossEntropy];
