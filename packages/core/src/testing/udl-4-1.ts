/**
 * The two shallow 1-3-1 ReLU networks of UDL notebook 4.1 ("Composing networks"), in the
 * lecture's scalar notation: h_d = ReLU[theta_d0 + theta_d1 x], y = phi_0 + sum_d phi_d h_d.
 */
export const udlNetwork1 = {
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
};

export const udlNetwork2 = {
  theta: [
    [-0.6, -1],
    [0.2, 1],
    [-0.5, 1],
  ],
  phi: [0.5, -1, -1.5, 2],
};

/** Independent reference: the notebook's shallow network written out as scalar formulas. */
export function shallowReference(params: { theta: number[][]; phi: number[] }, x: number): number {
  const relu = (z: number): number => Math.max(z, 0);
  let y = params.phi[0] as number;
  params.theta.forEach(([t0, t1], d) => {
    y += (params.phi[d + 1] as number) * relu((t0 as number) + (t1 as number) * x);
  });
  return y;
}
