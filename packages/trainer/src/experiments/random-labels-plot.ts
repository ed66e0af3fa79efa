/**
 * Figure 20.2 as a standalone SVG string: training error (%) against epochs for each model of the
 * random-labels experiment (solid), and test error (dashed) when it was measured.
 */
import { escapeXml } from '../escape-xml.ts';
import type { RandomLabelsPoint } from './random-labels.ts';

export interface RandomLabelsSeries {
  name: string;
  curve: readonly RandomLabelsPoint[];
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/** Epoch ticks at 1, 2, 5 x 10^k below `max`. */
function ticks(max: number): number[] {
  const step = 10 ** Math.floor(Math.log10(Math.max(1, max) / 2));
  const unit = [1, 2, 5].map((m) => m * step).find((s) => max / s <= 6) ?? 10 * step;
  const out: number[] = [];
  for (let t = 0; t <= max; t += unit) out.push(t);
  return out;
}

/** The curves drawn on linear axes: epochs 0..max on x, error 0..100% on y; `title` and names are escaped. */
export function randomLabelsSvg(series: readonly RandomLabelsSeries[], title: string): string {
  const W = 560;
  const H = 340;
  const L = 56;
  const R = 20;
  const T = 34;
  const B = 44;
  const maxEpoch = Math.max(1, ...series.flatMap((s) => s.curve.map((p) => p.epoch)));
  const x = (e: number) => L + ((W - L - R) * e) / maxEpoch;
  const y = (err: number) => T + (H - T - B) * (1 - err);
  const path = (curve: readonly RandomLabelsPoint[], key: 'trainError' | 'testError') =>
    curve
      .filter((p) => p[key] !== undefined)
      .map((p, i) => `${i ? 'L' : 'M'}${x(p.epoch).toFixed(1)},${y(p[key] as number).toFixed(1)}`)
      .join('');
  const lines = series.flatMap((s, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const test = path(s.curve, 'testError');
    return [
      `<path d="${path(s.curve, 'trainError')}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
      ...(test
        ? [`<path d="${test}" fill="none" stroke="${color}" stroke-width="1.2" stroke-dasharray="4 3"/>`]
        : []),
      `<text x="${W - R - 4}" y="${T + 14 + 14 * i}" fill="${color}" font-size="11" text-anchor="end">${escapeXml(s.name)}</text>`,
    ];
  });
  const xTicks = ticks(maxEpoch).map(
    (t) =>
      `<text x="${x(t).toFixed(1)}" y="${H - B + 14}" font-size="10" text-anchor="middle">${t.toLocaleString('en-US')}</text>`,
  );
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map(
    (v) =>
      `<text x="${L - 5}" y="${(y(v) + 3).toFixed(1)}" font-size="10" text-anchor="end">${v * 100}%</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="20" font-size="12">${escapeXml(title)}</text>`,
    `<path d="M${L},${T}V${H - B}H${W - R}" fill="none" stroke="#444"/>`,
    ...xTicks,
    ...yTicks,
    `<text x="${(L + W - R) / 2}" y="${H - 8}" font-size="11" text-anchor="middle">epoch</text>`,
    `<text x="14" y="${(T + H - B) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${(T + H - B) / 2})">error</text>`,
    ...lines,
    '</svg>',
    '',
  ].join('\n');
}
