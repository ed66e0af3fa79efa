/**
 * A sweep's curves as a standalone SVG: per group, the mean across seeds (line) inside a band
 * from the lowest to the highest seed (shaded). All text (labels come from the spec) is
 * escaped, so a setting cannot inject markup.
 */
import { escapeXml } from '../escape-xml.ts';
import type { SweepCurves } from './curves.ts';

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/** Mean curves with min-max bands on linear axes (epochs on x, error or loss on y). */
export function sweepSvg(curves: SweepCurves, title: string): string {
  const W = 620;
  const H = 360;
  const L = 56;
  const R = 180;
  const T = 34;
  const B = 44;
  const groups = curves.groups.filter((g) => g.band.length > 0);
  const error = groups.every((g) => g.metric === 'trainError');
  const maxEpoch = Math.max(1, ...groups.flatMap((g) => g.band.map((p) => p.epoch)));
  const top = error ? 1 : Math.max(1e-12, ...groups.flatMap((g) => g.band.map((p) => p.max)));
  const x = (e: number) => (L + ((W - L - R) * e) / maxEpoch).toFixed(1);
  const y = (v: number) => (T + (H - T - B) * (1 - v / top)).toFixed(1);
  const body = groups.flatMap((g, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const upper = g.band.map((p) => `${x(p.epoch)},${y(p.max)}`);
    const lower = g.band.map((p) => `${x(p.epoch)},${y(p.min)}`).reverse();
    const mean = g.band.map((p, j) => `${j ? 'L' : 'M'}${x(p.epoch)},${y(p.mean)}`).join('');
    const seeds = `${g.seeds.length} seed${g.seeds.length === 1 ? '' : 's'}`;
    return [
      `<path d="M${[...upper, ...lower].join('L')}Z" fill="${color}" fill-opacity="0.2" stroke="none"/>`,
      `<path d="${mean}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
      `<text x="${W - R + 8}" y="${T + 12 + 14 * i}" fill="${color}" font-size="11">${escapeXml(`${g.label} (${seeds})`)}</text>`,
    ];
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map(
    (f) =>
      `<text x="${L - 5}" y="${(Number(y(f * top)) + 3).toFixed(1)}" font-size="10" text-anchor="end">${error ? `${f * 100}%` : (f * top).toPrecision(3)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="20" font-size="12">${escapeXml(title)}</text>`,
    `<path d="M${L},${T}V${H - B}H${W - R}" fill="none" stroke="#444"/>`,
    ...yTicks,
    `<text x="${L}" y="${H - B + 14}" font-size="10" text-anchor="middle">0</text>`,
    `<text x="${W - R}" y="${H - B + 14}" font-size="10" text-anchor="middle">${maxEpoch.toLocaleString('en-US')}</text>`,
    `<text x="${(L + W - R) / 2}" y="${H - 8}" font-size="11" text-anchor="middle">epoch (line: mean over seeds; band: min to max)</text>`,
    `<text x="14" y="${(T + H - B) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${(T + H - B) / 2})">${error ? 'training error' : 'training loss'}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
