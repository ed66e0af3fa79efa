/**
 * L2 regularisation (weight decay) of the weights Omega_k; the biases beta_k are not penalised:
 *
 *   L~[phi] = L[phi] + lambda sum_k ||Omega_k||_F^2,   dL~/dOmega_k = dL/dOmega_k + 2 lambda Omega_k.
 */
import type { FloatArray } from './kernel.ts';
import type { ParameterLayout } from './parameters.ts';

/** Adds 2 lambda Omega_k to the weight gradients in `grad`; returns the penalty lambda sum ||Omega_k||^2. */
export function addL2(theta: FloatArray, grad: FloatArray, layout: ParameterLayout, lambda: number): number {
  if (lambda === 0) return 0;
  let sum = 0;
  for (let k = 0; k < layout.weightOffsets.length; k++) {
    const end = layout.biasOffsets[k] as number;
    for (let i = layout.weightOffsets[k] as number; i < end; i++) {
      const w = theta[i] as number;
      sum += w * w;
      grad[i] = (grad[i] as number) + 2 * lambda * w;
    }
  }
  return lambda * sum;
}
