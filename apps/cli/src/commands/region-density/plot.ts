/**
 * The SVG of the region-density curves: for each model, mean exact linear regions per unit
 * length along segments between training examples of different classes (left) and mean exact
 * linear regions on the planes through three training examples (right), against the epoch on a
 * log axis (epoch 0, the initialisation, drawn at the left edge). Solid: random labels; dashed:
 * true labels. Error bars: one standard deviation over the reference segments / planes.
 */
import type { ModelState } from './run.ts';

const COLORS: Record<string, string> = {
  '1x298': '#1f77b4',
  '2x100': '#ff7f0e',
  '3x75': '#2ca02c',
  '4x63': '#d62728',
};
const [W, H, PAD] = [440, 300, 48];

function panel(
  states: readonly ModelState[],
  value: (c: ModelState['checkpoints'][number]) => [number, number],
  title: string,
  x0: number,
): string {
  const points = states.flatMap((s) => s.checkpoints.map((c) => ({ epoch: c.epoch, v: value(c) })));
  if (points.length === 0) return '';
  const maxEpoch = Math.max(10, ...points.map((p) => p.epoch));
  const lx = (e: number) => Math.log10(Math.max(e, 0.5));
  const [xlo, xhi] = [lx(0.5), lx(maxEpoch)];
  const vmax = Math.max(...points.map((p) => p.v[0] + p.v[1])) * 1.05 || 1;
  const X = (e: number) => x0 + PAD + ((lx(e) - xlo) / (xhi - xlo)) * (W - 2 * PAD);
  const Y = (v: number) => H - PAD - (v / vmax) * (H - 2 * PAD);
  let svg = `<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-size="13">${title}</text>`;
  svg += `<line x1="${x0 + PAD}" y1="${H - PAD}" x2="${x0 + W - PAD}" y2="${H - PAD}" stroke="#333"/><line x1="${x0 + PAD}" y1="${PAD}" x2="${x0 + PAD}" y2="${H - PAD}" stroke="#333"/>`;
  for (let d = 0; 10 ** d <= maxEpoch; d++) {
    svg += `<text x="${X(10 ** d)}" y="${H - PAD + 16}" text-anchor="middle" font-size="10">1e${d}</text>`;
  }
  svg += `<text x="${X(0.5)}" y="${H - PAD + 16}" text-anchor="middle" font-size="10">init</text>`;
  svg += `<text x="${x0 + W / 2}" y="${H - 8}" text-anchor="middle" font-size="11">epoch (log)</text>`;
  for (const t of [0, 0.5, 1])
    svg += `<text x="${x0 + PAD - 4}" y="${Y(t * vmax) + 4}" text-anchor="end" font-size="10">${(t * vmax).toPrecision(3)}</text>`;
  for (const s of states) {
    const color = COLORS[s.model] ?? '#555';
    const cs = [...s.checkpoints].sort((a, b) => a.epoch - b.epoch);
    const path = cs
      .map((c, i) => `${i ? 'L' : 'M'}${X(c.epoch).toFixed(1)},${Y(value(c)[0]).toFixed(1)}`)
      .join('');
    svg += `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.6"${s.labels === 'true' ? ' stroke-dasharray="5,3"' : ''}/>`;
    for (const c of cs) {
      const [m, sd] = value(c);
      svg += `<line x1="${X(c.epoch)}" x2="${X(c.epoch)}" y1="${Y(m - sd)}" y2="${Y(m + sd)}" stroke="${color}" stroke-opacity="0.5"/><circle cx="${X(c.epoch)}" cy="${Y(m)}" r="2.5" fill="${color}"/>`;
    }
  }
  return svg;
}

export function regionDensitySvg(states: readonly ModelState[]): string {
  const legend = Object.entries(COLORS)
    .map(
      ([name, color], i) =>
        `<rect x="${60 + 90 * i}" y="${H + 4}" width="12" height="4" fill="${color}"/><text x="${76 + 90 * i}" y="${H + 10}" font-size="11">${name}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 40}" font-family="sans-serif">` +
    panel(
      states,
      (c) => [
        c.measurement.segments['different-class'].perLength.mean,
        c.measurement.segments['different-class'].perLength.sd,
      ],
      'linear regions per unit length, different-class segments',
      0,
    ) +
    panel(
      states,
      (c) => [c.measurement.planes.regions.mean, c.measurement.planes.regions.sd],
      'linear regions on planes through 3 training examples',
      W,
    ) +
    legend +
    `<text x="${W + 40}" y="${H + 10}" font-size="11">solid: random labels, dashed: true labels; bars: 1 sd</text></svg>\n`
  );
}
