/**
 * Sawtooth widget, view: builds the DOM once (slider row, table, status, two plots) and draws a
 * `SawtoothState` into it. No state of its own and no worker calls.
 */
import { formatBig } from '../depth-kit/bigint.ts';
import { createLogPlot, headroomTop } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { createPlot } from '../kit/plot.ts';
import { unitsPerPixel } from '../kit/text-size.ts';
import { count } from '../kit/words.ts';
import { MAX_LAYERS, type SawtoothSeries, type SawtoothState } from './state.ts';

export interface SawtoothView {
  root: HTMLElement;
  /** Where the mount puts the K slider. */
  controls: HTMLElement;
  svgs(): SVGSVGElement[];
  draw(state: SawtoothState, series: SawtoothSeries): void;
}

export function createSawtoothView(element: HTMLElement): SawtoothView {
  const root = htmlElement('div', { class: 'dn-widget dn-sawtooth', 'data-widget': 'sawtooth' }, element);
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const table = htmlElement('table', { class: 'dn-depth-table' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of ['network', 'hidden units', 'parameters', 'linear regions on [0, 1]']) {
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  }
  const body = htmlElement('tbody', {}, table);
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const plot = createPlot(panels, { xLabel: 'x', yLabel: 'y', height: 280 });
  const sizes = createLogPlot(panels, {
    xLabel: 'layers K',
    yLabel: 'hidden units',
    yLog: true,
    height: 280,
    heading: 'units needed',
  });

  function drawTable(state: SawtoothState): void {
    body.replaceChildren();
    const rows = [
      ['deep', `${count(state.layers, 'layer')} × 2 units`, state.deep],
      ['shallow', '1 layer', state.shallow],
    ] as const;
    for (const [kind, label, n] of rows) {
      const row = htmlElement('tr', { 'data-network': kind }, body);
      htmlElement('th', { scope: 'row' }, row).textContent = `${kind} (${label})`;
      htmlElement('td', { 'data-units': n.units }, row).textContent = formatBig(n.units);
      htmlElement('td', { 'data-parameters': n.parameters }, row).textContent = formatBig(n.parameters);
      const cell = htmlElement('td', {}, row);
      htmlElement('span', { 'data-regions': n.regions }, cell).textContent = formatBig(n.regions);
    }
    status.textContent = `Both compute the same sawtooth with ${formatBig(state.deep.regions)} linear pieces (largest difference on 2,049 points: ${state.maxDifference.toExponential(1)}). A shallow network with D units has at most D + 1 regions on a line, so no shallow network does it with fewer than ${formatBig(state.deep.regions - 1)} units.`;
  }

  function drawFunctions(state: SawtoothState, series: SawtoothSeries): void {
    const scale = plot.frame([0, 1], [-0.08, 1.08]);
    plot.curves.replaceChildren();
    const xs = Array.from(series.xs, scale.x);
    for (const [role, ys, color, dashed] of [
      ['deep', series.deep, unitColor(0), ''],
      ['shallow', series.shallow, unitColor(1), ' dn-depth-dashed'],
    ] as const) {
      svgElement(
        'path',
        {
          d: polylinePath(xs, Array.from(ys, scale.y)),
          fill: 'none',
          class: `dn-curve${dashed}`,
          style: `stroke: ${color}`,
          'data-role': role,
        },
        plot.curves,
      );
    }
    plot.setTitle(
      `Sawtooth from ${count(state.layers, 'layer')} of 2 units (solid) and the equal shallow network with ${state.shallow.units} units (dashed).`,
    );
  }

  function drawSizes(state: SawtoothState): void {
    const ks = Array.from({ length: MAX_LAYERS }, (_, i) => i + 1);
    const s = sizes.frame([0.5, MAX_LAYERS + 0.5], [0, headroomTop(Math.ceil(Math.log10(2 ** MAX_LAYERS)))]);
    sizes.curves.replaceChildren();
    sizes.points.replaceChildren();
    // Legend lines 16 CSS px apart (the text is 12 CSS px at every width).
    const step = 16 * (unitsPerPixel(sizes.svg) ?? 1);
    const lines = [
      [(k: number) => 2 ** k, unitColor(1), 'shallow: 2ᴷ units'],
      [(k: number) => 2 * k, unitColor(0), 'deep: 2K units'],
    ] as const;
    lines.forEach(([f, color, text], i) => {
      const d = polylinePath(
        ks.map(s.x),
        ks.map((k) => s.y(Math.log10(f(k)))),
      );
      svgElement('path', { d, fill: 'none', style: `stroke: ${color}`, class: 'dn-curve' }, sizes.curves);
      const at = { cx: s.x(state.layers), cy: s.y(Math.log10(f(state.layers))) };
      svgElement('circle', { ...at, r: 5, fill: color }, sizes.points);
      svgElement(
        'text',
        { x: 62, y: 28 + step * (i + 1), class: 'dn-tick dn-halo', style: `fill: ${color}` },
        sizes.curves,
      ).textContent = text;
    });
    sizes.setTitle('Hidden units needed for the sawtooth: 2K deep against 2^K shallow.');
  }

  return {
    root,
    controls,
    svgs: () => [plot.svg, sizes.svg],
    draw(state, series) {
      drawTable(state);
      drawFunctions(state, series);
      drawSizes(state);
      root.dataset.regions = String(state.deep.regions);
    },
  };
}
