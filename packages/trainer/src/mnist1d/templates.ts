/**
 * The ten hand-drawn 1-D digit templates of MNIST-1D (Greydanus 2020, `mnist1d.data.get_templates`):
 * twelve points per digit, each row whitened (minus its mean, divided by its standard deviation),
 * shifted so that it starts at 0 and divided by 6; `t` is `linspace(-5, 5, 12) / 6`.
 * Means and deviations use numpy's summation order, so the values equal numpy's bit for bit.
 */

import { numpyMean, numpyStd } from './numpy-sum.ts';
import { linspace } from './transforms.ts';

/** Length of each template. */
export const TEMPLATE_LENGTH = 12;

/** The raw strokes of the digits 0..9, before whitening. */
const DIGITS: readonly (readonly number[])[] = [
  [5, 6, 6.5, 6.75, 7, 7, 7, 7, 6.75, 6.5, 6, 5],
  [5, 3, 3, 3.4, 3.8, 4.2, 4.6, 5, 5.4, 5.8, 5, 5],
  [5, 6, 6.5, 6.5, 6, 5.25, 4.75, 4, 3.5, 3.5, 4, 5],
  [5, 6, 6.5, 6.5, 6, 5, 5, 6, 6.5, 6.5, 6, 5],
  [5, 4.4, 3.8, 3.2, 2.6, 2.6, 5, 5, 5, 5, 5, 5],
  [5, 3, 3, 3, 3, 5, 6, 6.5, 6.5, 6, 4.5, 5],
  [5, 4, 3.5, 3.25, 3, 3, 3, 3, 3.25, 3.5, 4, 5],
  [5, 7, 7, 6.6, 6.2, 5.8, 5.4, 5, 4.6, 4.2, 5, 5],
  [5, 4, 3.5, 3.5, 4, 5, 5, 4, 3.5, 3.5, 4, 5],
  [5, 4, 3.5, 3.5, 4, 5, 5, 5, 5, 4.7, 4.3, 5],
];

export interface Mnist1dTemplates {
  /** 10 x 12 values, row-major: row d is the template of digit d. */
  x: Float64Array;
  /** The 12 abscissae shared by all templates. */
  t: Float64Array;
  /** The labels 0..9 of the rows. */
  y: Int32Array;
}

/** Builds the normalised templates (a fresh copy each call). */
export function mnist1dTemplates(): Mnist1dTemplates {
  const n = TEMPLATE_LENGTH;
  const x = new Float64Array(DIGITS.length * n);
  DIGITS.forEach((digit, d) => {
    const row = Float64Array.from(digit);
    const mean = numpyMean(row);
    for (let i = 0; i < n; i++) row[i] = (row[i] as number) - mean;
    const std = numpyStd(row);
    for (let i = 0; i < n; i++) row[i] = (row[i] as number) / std;
    const start = row[0] as number;
    for (let i = 0; i < n; i++) x[d * n + i] = ((row[i] as number) - start) / 6;
  });
  const t = linspace(-5, 5, n).map((v) => v / 6);
  return { x, t, y: Int32Array.from(DIGITS, (_, d) => d) };
}
