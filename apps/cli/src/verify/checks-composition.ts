/**
 * The lecture's composition: feeding y = phi_0 + sum_j phi_j h_j into h'_i = a[theta'_i0 + theta'_i1 y]
 * gives h'_i = a[psi_i0 + sum_j psi_ij h_j] with psi_i0 = theta'_i0 + theta'_i1 phi_0 and
 * psi_ij = theta'_i1 phi_j, so Psi = theta' phi is rank one. Checked on the Figure 4.1 networks by
 * composing them with core's `compose` and reading the middle layer.
 */
import { compose, evaluate } from '@deepnets/core';
import { FIGURE_4_1, networksOf } from './networks.ts';
import type { Check } from './rows.ts';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

export function compositionChecks(): Check[] {
  const [first, second] = networksOf(FIGURE_4_1);
  const net = compose(first, second);
  const psi = net.layers[1];
  const { theta2, phi1 } = FIGURE_4_1;
  let formula = psi !== undefined && psi.weights.length === theta2.length;
  psi?.weights.forEach((row, i) => {
    const t = theta2[i] as number[];
    formula &&= close(psi.biases[i] as number, (t[0] as number) + (t[1] as number) * (phi1[0] as number));
    row.forEach((w, j) => {
      formula &&= close(w, (t[1] as number) * (phi1[j + 1] as number));
    });
  });
  // Rank one: some entry is non-zero and every 2 x 2 minor vanishes.
  const m = psi?.weights ?? [];
  let largestMinor = 0;
  for (let i = 0; i < m.length; i++)
    for (let k = i + 1; k < m.length; k++)
      for (let j = 0; j < (m[0]?.length ?? 0); j++)
        for (let l = j + 1; l < (m[0]?.length ?? 0); l++) {
          const minor =
            (m[i]?.[j] as number) * (m[k]?.[l] as number) - (m[i]?.[l] as number) * (m[k]?.[j] as number);
          largestMinor = Math.max(largestMinor, Math.abs(minor));
        }
  const nonZero = m.some((row) => row.some((w) => w !== 0));
  let gap = 0;
  for (let s = 0; s <= 200; s++) {
    const x = -2 + s / 50;
    const direct = evaluate(second, evaluate(first, [x]))[0] as number;
    gap = Math.max(gap, Math.abs((evaluate(net, [x])[0] as number) - direct));
  }
  return [
    {
      claim: 'composition weights: psi_i0 = theta′_i0 + theta′_i1 phi_0, psi_ij = theta′_i1 phi_j',
      source: 'slide "Create new variables"',
      stated: 'psi_ij = theta′_i1 phi_j',
      computed: `${formula ? 'equal' : 'different'} on the Figure 4.1 networks (core compose, 3 x 3 middle layer); composed and chained networks differ by at most ${gap.toExponential(1)} on [-2, 2]`,
      ok: formula && gap < 1e-12,
    },
    {
      claim: 'Psi of two composed shallow networks is rank one',
      source: 'slide "Create new variables" (Psi = theta′ phi)',
      stated: null,
      computed: `rank ${nonZero && largestMinor < 1e-12 ? 1 : '> 1'} (largest 2 x 2 minor ${largestMinor.toExponential(1)})`,
      ok: nonZero && largestMinor < 1e-12,
    },
  ];
}
