/**
 * The dense kernels of one affine layer, behind a small interface so that a faster
 * implementation (WebAssembly SIMD, threads) can replace the plain TypeScript one.
 *
 * All matrices are row-major and contiguous; a batch holds n examples, one per row.
 * Layer k maps h_k (D_k = `din` values per example) to pre-activations
 * z = beta_k + Omega_k h_k (D_{k+1} = `dout` values), with Omega_k stored as `w`
 * (dout x din, row i = the weights into unit i) and beta_k as `b`.
 */

/** The element arrays a kernel works on; the trainer allocates them through `Kernel.alloc`. */
export type FloatArray = Float32Array | Float64Array;

export interface Kernel {
  /** Name reported by benchmarks and checkpoints, e.g. `"ts-f64"`. */
  readonly name: string;
  /** A zero-filled array of the kernel's precision. */
  alloc(length: number): FloatArray;
  /** Z = H Omega_k^T + 1 beta_k^T: `h` is n x din, `z` is n x dout. */
  forward(
    n: number,
    din: number,
    dout: number,
    h: FloatArray,
    w: FloatArray,
    b: FloatArray,
    z: FloatArray,
  ): void;
  /** dL/dH = dL/dZ Omega_k: `dz` is n x dout, `dh` is n x din (overwritten). */
  backwardInput(n: number, din: number, dout: number, dz: FloatArray, w: FloatArray, dh: FloatArray): void;
  /**
   * dL/dOmega_k = (dL/dZ)^T H and dL/dbeta_k = (dL/dZ)^T 1: `dw` is dout x din and `db` has dout
   * entries (both overwritten).
   */
  backwardWeights(
    n: number,
    din: number,
    dout: number,
    dz: FloatArray,
    h: FloatArray,
    dw: FloatArray,
    db: FloatArray,
  ): void;
  /**
   * Optional fused forward for ReLU layers: writes h_{k+1} = ReLU[beta_k + Omega_k h_k] (n x dout)
   * into `out` without keeping z. Backprop uses it (with `backwardInputRelu`) when the activation
   * is `"relu"`; the derivative is then taken as [h_{k+1} > 0], i.e. ReLU'[0] = 0.
   */
  forwardRelu?(
    n: number,
    din: number,
    dout: number,
    h: FloatArray,
    w: FloatArray,
    b: FloatArray,
    out: FloatArray,
  ): void;
  /**
   * Optional fused softmax cross-entropy of n rows of `dOut` logits `y` against class indices `t`
   * (the loss `"softmax-cross-entropy"`, which backprop then leaves to the kernel): returns
   * sum_i l_i and the number of rows whose first largest logit is the target, and writes
   * `scale` * dl_i/dy_i into `grad` unless it is null.
   */
  softmaxCrossEntropy?(
    n: number,
    dOut: number,
    y: FloatArray,
    t: FloatArray,
    grad: FloatArray | null,
    scale: number,
  ): { sum: number; correct: number };
  /** Optional fused dL/dz_{k-1} = (dL/dZ Omega_k) * [h_k > 0]: `h` is the layer's input (n x din). */
  backwardInputRelu?(
    n: number,
    din: number,
    dout: number,
    dz: FloatArray,
    w: FloatArray,
    h: FloatArray,
    dh: FloatArray,
  ): void;
}

/** The reference kernel: plain TypeScript loops in float64, the ground truth for faster ones. */
export const typescriptKernel: Kernel = {
  name: 'ts-f64',
  alloc: (length) => new Float64Array(length),

  forward(n, din, dout, h, w, b, z) {
    for (let r = 0; r < n; r++) {
      const hr = r * din;
      const zr = r * dout;
      for (let i = 0; i < dout; i++) {
        const wi = i * din;
        let s = b[i] as number;
        for (let j = 0; j < din; j++) s += (w[wi + j] as number) * (h[hr + j] as number);
        z[zr + i] = s;
      }
    }
  },

  backwardInput(n, din, dout, dz, w, dh) {
    dh.fill(0, 0, n * din);
    for (let r = 0; r < n; r++) {
      const hr = r * din;
      const zr = r * dout;
      for (let i = 0; i < dout; i++) {
        const g = dz[zr + i] as number;
        if (g === 0) continue;
        const wi = i * din;
        for (let j = 0; j < din; j++) dh[hr + j] = (dh[hr + j] as number) + g * (w[wi + j] as number);
      }
    }
  },

  backwardWeights(n, din, dout, dz, h, dw, db) {
    dw.fill(0, 0, dout * din);
    db.fill(0, 0, dout);
    for (let r = 0; r < n; r++) {
      const hr = r * din;
      const zr = r * dout;
      for (let i = 0; i < dout; i++) {
        const g = dz[zr + i] as number;
        if (g === 0) continue;
        db[i] = (db[i] as number) + g;
        const wi = i * din;
        for (let j = 0; j < din; j++) dw[wi + j] = (dw[wi + j] as number) + g * (h[hr + j] as number);
      }
    }
  },
};

/**
 * The same loops on float32 storage (sums are still accumulated in float64): the reference for
 * float32 kernels such as a WebAssembly one.
 */
export const typescriptKernel32: Kernel = {
  ...typescriptKernel,
  name: 'ts-f32',
  alloc: (length) => new Float32Array(length),
};
