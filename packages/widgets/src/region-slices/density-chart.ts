/**
 * The density curves beside the plane: for the chosen labelling, every model's mean (line and
 * dots) and one sample standard deviation (bars) of the metric against 1 + epoch (log axis, so
 * the initialisation, epoch 0, sits at 1), the chosen model drawn thicker and the shown snapshot's
 * epoch marked. Numbers come from curves.json as committed; nothing is re-measured here. Moving
 * the snapshot slider only moves the mark (`mark`); the curves are redrawn when they change.
 */
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import type { DensityMetric, DensityPoint, ModelName } from './state.ts';

export interface DensitySeries {
  model: ModelName;
  neurons: number;
  points: DensityPoint[];
}

export interface DensityChart {
  figure: HTMLElement;
  svg: SVGSVGElement;
  draw(
    series: readonly DensitySeries[],
    metric: DensityMetric,
    selected: ModelName,
    epoch: number | undefined,
  ): void;
  /** `draw` when `key` differs from the last call's (element by element), else only the mark moves. */
  update(
    key: readonly unknown[],
    series: () => readonly DensitySeries[],
    metric: DensityMetric,
    selected: ModelName,
    epoch: number | undefined,
  ): void;
}

const METRIC_TEXT: Record<DensityMetric, { axis: string; title: string }> = {
  perLength: {
    axis: 'linear regions per unit length',
    title: 'linear regions per unit length along the different-class segments',
  },
  plane: { axis: 'linear regions per plane', title: 'linear regions on the reference planes' },
};

export function createDensityChart(parent: Element): DensityChart {
  const figure = htmlElement('figure', { class: 'dn-rs-density', 'data-panel': 'density' }, parent);
  const plot = createLogPlot(figure, { xLabel: '1 + epoch', xLog: true, height: 326, width: 420 });
  plot.svg.style.width = '100%';
  plot.svg.style.height = 'auto';
  /** What `mark` needs from the last `draw`: the scale, the y domain and the chosen model's points. */
  let drawn:
    | { s: ReturnType<typeof plot.frame>; yDomain: [number, number]; points: DensityPoint[] | undefined }
    | undefined;
  const x = (e: number) => Math.log10(1 + e);

  function mark(epoch: number | undefined): void {
    plot.overlay.querySelector('[data-role="marker"]')?.remove();
    if (epoch === undefined || !drawn?.points) return;
    const { s, yDomain, points } = drawn;
    const g = svgElement('g', { 'data-role': 'marker' }, plot.overlay);
    const px = s.x(x(epoch));
    svgElement(
      'line',
      {
        x1: px,
        x2: px,
        y1: s.y(yDomain[0]),
        y2: s.y(yDomain[1]),
        class: 'dn-grid',
        style: 'stroke-dasharray: 4 3; opacity: 1',
      },
      g,
    );
    const point = points.find((p) => p.epoch === epoch);
    if (point) {
      svgElement(
        'circle',
        {
          cx: px,
          cy: s.y(point.mean),
          r: 7,
          fill: 'none',
          style: 'stroke: var(--dn-c-text-1); stroke-width: 1.5',
        },
        g,
      ).dataset.role = 'current';
    }
  }

  let lastKey: readonly unknown[] | undefined;
  const chart: DensityChart = {
    figure,
    svg: plot.svg,
    update(key, series, metric, selected, epoch) {
      if (lastKey?.length === key.length && key.every((v, i) => v === lastKey?.[i])) mark(epoch);
      else {
        lastKey = key;
        chart.draw(series(), metric, selected, epoch);
      }
    },
    draw(series, metric, selected, epoch) {
      const all = series.flatMap((s) => s.points);
      const maxX = Math.max(1, ...all.map((p) => Math.ceil(x(p.epoch))));
      const lo = Math.min(...all.map((p) => p.mean - p.sd));
      const hi = Math.max(...all.map((p) => p.mean + p.sd));
      const pad = (hi - lo) * 0.06 || 1;
      const yDomain: [number, number] = all.length ? [Math.max(0, lo - pad), hi + pad] : [0, 1];
      const s = plot.frame([0, maxX], yDomain);
      plot.curves.replaceChildren();
      plot.points.replaceChildren();
      plot.overlay.replaceChildren();
      svgElement('text', { x: 4, y: 14, class: 'dn-label' }, plot.overlay).textContent =
        METRIC_TEXT[metric].axis;
      series.forEach((line, i) => {
        const color = unitColor(i);
        const chosen = line.model === selected;
        const g = svgElement('g', { 'data-model': line.model, 'data-selected': String(chosen) }, plot.curves);
        const xs = line.points.map((p) => s.x(x(p.epoch)));
        svgElement(
          'path',
          {
            d: polylinePath(
              xs,
              line.points.map((p) => s.y(p.mean)),
            ),
            fill: 'none',
            class: 'dn-curve',
            style: `stroke: ${color}; stroke-width: ${chosen ? 3 : 1.25}; opacity: ${chosen ? 1 : 0.75}`,
          },
          g,
        );
        line.points.forEach((p, k) => {
          const px = xs[k] as number;
          svgElement(
            'line',
            {
              x1: px,
              x2: px,
              y1: s.y(p.mean - p.sd),
              y2: s.y(p.mean + p.sd),
              style: `stroke: ${color}; opacity: 0.6`,
            },
            g,
          );
          const dot = svgElement(
            'circle',
            { cx: px, cy: s.y(p.mean), r: chosen ? 3.5 : 2.5, style: `fill: ${color}` },
            g,
          );
          svgElement('title', {}, dot).textContent =
            `${line.model}, epoch ${p.epoch.toLocaleString('en-GB')}: ${p.mean.toFixed(metric === 'plane' ? 0 : 2)} ± ${p.sd.toFixed(metric === 'plane' ? 0 : 2)} (mean ± sd, n = ${p.n})`;
        });
        svgElement(
          'text',
          {
            x: 62,
            y: 40 + 14 * i,
            class: 'dn-tick',
            style: `fill: ${color}; font-weight: ${chosen ? 700 : 400}`,
          },
          g,
        ).textContent = `${line.model} (N = ${line.neurons} neurons)`;
      });
      drawn = { s, yDomain, points: series.find((l) => l.model === selected)?.points };
      mark(epoch);
      const n = all[0]?.n;
      plot.setTitle(
        `Mean ${METRIC_TEXT[metric].title} against 1 + epoch, per model; bars: one standard deviation over ${n ?? 0} ${metric === 'plane' ? 'planes' : 'segments'}.`,
      );
    },
  };
  return chart;
}
