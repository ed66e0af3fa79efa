/**
 * Problem 4.3 checked numerically: for which factors F, G, H does
 *   ReLU[beta_1 + lambda_1 Omega_1 ReLU[beta_0 + lambda_0 Omega_0 x]]
 *     = F ReLU[beta_1 / G + Omega_1 ReLU[beta_0 / H + Omega_0 x]]
 * hold on random networks, inputs and lambda_0, lambda_1 > 0? Every candidate is tried; the
 * identity is whichever survives, so nothing stores the answer.
 */
import { createRng, type Rng } from '@deepnets/core';

/** The candidate factors, as the reader sees them. */
export const SCALE_CHOICES = [
  '1',
  'lambda_0',
  'lambda_1',
  'lambda_0 lambda_1',
  'lambda_0 + lambda_1',
] as const;

const factor = (choice: number, l0: number, l1: number): number =>
  [1, l0, l1, l0 * l1, l0 + l1][choice] as number;

const relu = (v: number[]) => v.map((z) => Math.max(0, z));
const affine = (b: number[], s: number, w: number[][], x: number[]) =>
  b.map((bi, i) => bi + s * (w[i] as number[]).reduce((sum, wij, j) => sum + wij * (x[j] as number), 0));
const randomMatrix = (rng: Rng, rows: number, cols: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => 2 * rng.uniform() - 1));

/** Indices into SCALE_CHOICES of the only (F, G, H) for which both sides agree in every trial. */
export function findScalingIdentity(
  trials = 20,
  seed = 43,
): {
  outer: number;
  beta1: number;
  beta0: number;
  trials: number;
} {
  const rng = createRng(seed);
  const cases = Array.from({ length: trials }, () => ({
    w0: randomMatrix(rng, 4, 3),
    w1: randomMatrix(rng, 2, 4),
    b0: randomMatrix(rng, 1, 4)[0] as number[],
    b1: randomMatrix(rng, 1, 2)[0] as number[],
    x: randomMatrix(rng, 1, 3)[0] as number[],
    l0: 0.2 + 3 * rng.uniform(),
    l1: 0.2 + 3 * rng.uniform(),
  }));
  const holds = (f: number, g: number, h: number) =>
    cases.every(({ w0, w1, b0, b1, x, l0, l1 }) => {
      const left = relu(affine(b1, l1, w1, relu(affine(b0, l0, w0, x))));
      const inner = relu(
        affine(
          b0.map((b) => b / factor(h, l0, l1)),
          1,
          w0,
          x,
        ),
      );
      const right = relu(
        affine(
          b1.map((b) => b / factor(g, l0, l1)),
          1,
          w1,
          inner,
        ),
      ).map((v) => factor(f, l0, l1) * v);
      return left.every((v, i) => Math.abs(v - (right[i] as number)) <= 1e-9 * (1 + Math.abs(v)));
    });
  const found: [number, number, number][] = [];
  const n = SCALE_CHOICES.length;
  for (let f = 0; f < n; f++)
    for (let g = 0; g < n; g++) for (let h = 0; h < n; h++) if (holds(f, g, h)) found.push([f, g, h]);
  if (found.length !== 1) throw new Error(`expected one identity among the choices, found ${found.length}`);
  const [outer, beta1, beta0] = found[0] as [number, number, number];
  return { outer, beta1, beta0, trials };
}
