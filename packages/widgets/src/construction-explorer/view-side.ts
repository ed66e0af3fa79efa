/**
 * Construction explorer, view: the side panel, regions against depth K for width D: the bound
 * (D + 1)^K the construction reaches, K·D + 1, and the live sample of random He networks.
 */
import { shortBig } from '../depth-kit/bigint.ts';
import type { LogPlot } from '../depth-kit/log-plot.ts';
import { polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { unitsPerPixel } from '../kit/text-size.ts';
import { type DepthSample, RANDOM_DOMAIN } from './random.ts';
import { MAX_LAYERS } from './state.ts';

export interface SideData {
  layers: number;
  width: number;
  networks: number;
  bound: bigint;
  random: readonly DepthSample[];
}

export function drawSide(side: LogPlot, sideStatus: HTMLElement, data: SideData): void {
  const { width, layers, bound, random } = data;
  const maxLog = Math.log10(width + 1) * MAX_LAYERS;
  const s = side.frame([0.5, MAX_LAYERS + 0.5], [0, Math.ceil(maxLog)]);
  side.curves.replaceChildren();
  side.points.replaceChildren();
  side.overlay.replaceChildren();
  const ks = Array.from({ length: MAX_LAYERS }, (_, i) => i + 1);
  const line = (values: number[], color: string, role: string, dash = '') =>
    svgElement(
      'path',
      {
        d: polylinePath(
          ks.slice(0, values.length).map(s.x),
          values.map((v) => s.y(Math.log10(v))),
        ),
        fill: 'none',
        style: `stroke: ${color}`,
        'stroke-dasharray': dash,
        class: 'dn-curve',
        'data-role': role,
      },
      side.curves,
    );
  line(
    ks.map((k) => (width + 1) ** k),
    unitColor(0),
    'bound',
  );
  line(
    ks.map((k) => k * width + 1),
    unitColor(4),
    'units',
    '4 3',
  );
  if (random.length)
    line(
      random.map((x) => x.mean),
      unitColor(1),
      'random-mean',
    );
  for (const sample of random) {
    sample.counts.forEach((c, i) => {
      const jitter = (i / Math.max(1, sample.counts.length - 1) - 0.5) * 10;
      svgElement(
        'circle',
        { cx: s.x(sample.layers) + jitter, cy: s.y(Math.log10(c)), r: 2, fill: unitColor(1), opacity: 0.5 },
        side.points,
      );
    });
  }
  svgElement(
    'circle',
    {
      cx: s.x(layers),
      cy: s.y(Math.log10(Number(bound))),
      r: 6,
      fill: unitColor(0),
      'data-role': 'current',
    },
    side.points,
  );
  const legend = [
    ['(D+1)ᴷ: the construction', unitColor(0)],
    [`random He (${data.networks} per K)`, unitColor(1)],
    ['K·D + 1 (one per unit)', unitColor(4)],
  ] as const;
  // One legend line per 16 CSS px (the text is 12 CSS px at every width).
  const lineStep = 16 * (unitsPerPixel(side.svg) ?? 1);
  legend.forEach(([text, color], i) => {
    svgElement(
      'text',
      { x: 64, y: 28 + lineStep * (i + 1), class: 'dn-tick dn-halo', style: `fill: ${color}` },
      side.overlay,
    ).textContent = text;
  });
  const last = random.at(-1);
  sideStatus.textContent = random.length
    ? `Random He networks, D = ${width}, biases 0.1, ${data.networks} per K, counted on [${RANDOM_DOMAIN.join(', ')}]: mean ${random.map((x) => x.mean.toFixed(1)).join(', ')} regions for K = 1..${random.length} — ${last ? (last.mean / last.hiddenUnits).toFixed(2) : '?'} per hidden unit at K = ${last?.layers}, against ${shortBig((width + 1) ** (last?.layers ?? 1))} possible. A small live sample, for a measurement with its spread see the text.`
    : 'Sampling random networks…';
  side.setTitle(
    `Regions against depth for D = ${width}: the bound grows exponentially, random networks about linearly.`,
  );
}
