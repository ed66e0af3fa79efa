/**
 * The search's two pictures: every trial's validation-loss curve (log loss against epochs, the
 * best trial drawn thick), and the best network's exact linear regions over the data, each region
 * tinted by the class the network picks there.
 */
import { evaluate, type Network } from '@deepnets/core';
import { centroid, type Regions2D } from '@deepnets/regions';
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import type { TrialRow } from '../kit/trials.ts';

export interface SearchPictures {
  curvesSvg: SVGSVGElement;
  mapSvg: SVGSVGElement;
  drawCurves(rows: readonly TrialRow[], epochs: number, best: number | undefined): void;
  drawBest(
    net: Network | undefined,
    regions: Regions2D | undefined,
    points: { x: Float64Array; y: Float64Array; count: number } | undefined,
    caption: string,
  ): void;
}

const MAP = 300;

export function createSearchPictures(parent: HTMLElement): SearchPictures {
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, parent);
  const curveBox = htmlElement('div', {}, panels);
  const plot = createLogPlot(curveBox, {
    xLabel: 'epoch',
    yLabel: 'validation loss',
    yLog: true,
    height: 300,
    heading: 'each trial, validation loss',
  });
  const mapBox = htmlElement('div', {}, panels);
  const mapSvg = svgElement(
    'svg',
    { viewBox: `0 0 ${MAP} ${MAP}`, role: 'img', class: 'dn-plot', 'data-role': 'best-map' },
    mapBox,
  );
  const mapTitle = svgElement('title', {}, mapSvg);
  const mapLayer = svgElement('g', {}, mapSvg);
  const mapCaption = htmlElement('p', { class: 'dn-caption', 'data-role': 'best-caption' }, mapBox);

  return {
    curvesSvg: plot.svg,
    mapSvg,
    drawCurves(rows, epochs, best) {
      const values = rows
        .flatMap((r) => r.curve.map((p) => p.validation))
        .filter((v) => v > 0 && Number.isFinite(v));
      const lo = values.length ? Math.floor(Math.log10(Math.min(...values))) : -2;
      const hi = values.length ? Math.ceil(Math.log10(Math.max(...values))) : 1;
      const s = plot.frame([0, epochs], [lo, Math.max(hi, lo + 1)]);
      plot.curves.replaceChildren();
      for (const row of rows) {
        const pts = row.curve.filter((p) => p.validation > 0);
        svgElement(
          'path',
          {
            d: polylinePath(
              pts.map((p) => s.x(p.epoch)),
              pts.map((p) => s.y(Math.log10(p.validation))),
            ),
            fill: 'none',
            stroke: unitColor(row.trial),
            'stroke-width': row.trial === best ? 3.5 : 1.2,
            opacity: best === undefined || row.trial === best ? 1 : 0.55,
            'data-trial': row.trial,
          },
          plot.curves,
        );
      }
      plot.setTitle(`Validation loss of ${rows.length} trials against epochs (log scale)`);
    },
    drawBest(net, regions, points, caption) {
      mapLayer.replaceChildren();
      mapCaption.textContent = caption;
      if (!net || !regions) return;
      const [x0, x1, y0, y1] = regions.box;
      const sx = (x: number) => ((x - x0) / (x1 - x0)) * MAP;
      const sy = (y: number) => MAP - ((y - y0) / (y1 - y0)) * MAP;
      for (const polygon of regions.polygons) {
        const v = polygon.vertices;
        let d = '';
        for (let i = 0; i < v.length; i += 2)
          d += `${i ? 'L' : 'M'}${sx(v[i] as number).toFixed(2)},${sy(v[i + 1] as number).toFixed(2)}`;
        const [cx, cy] = centroid(v);
        const out = evaluate(net, [cx, cy]);
        const cls = out.indexOf(Math.max(...out));
        svgElement(
          'path',
          {
            d: `${d}Z`,
            fill: unitColor(cls),
            'fill-opacity': 0.25,
            stroke: 'currentColor',
            'stroke-opacity': 0.35,
            'stroke-width': 0.6,
          },
          mapLayer,
        );
      }
      if (points) {
        for (let i = 0; i < points.count; i++) {
          svgElement(
            'circle',
            {
              cx: sx(points.x[2 * i] as number),
              cy: sy(points.x[2 * i + 1] as number),
              r: 2.2,
              fill: unitColor(points.y[i] as number),
              stroke: 'currentColor',
              'stroke-width': 0.4,
            },
            mapLayer,
          );
        }
      }
      mapTitle.textContent = `The best network's ${regions.linearRegions} linear regions over the data`;
    },
  };
}
