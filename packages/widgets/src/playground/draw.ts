/**
 * Painting the playground's state into its view: the data points, the decision heat map, the
 * exact region outlines, the loss and accuracy curves, and the status line and buttons.
 */
import { getActivation, isPiecewiseLinear, type Registry } from '@deepnets/core';
import type { Regions2D } from '@deepnets/regions';
import { polylinePath, svgElement } from '../kit/dom.ts';
import { paintHeatMap, pixelGrid, rampCss } from '../kit/heatmap.ts';
import { linearRegionOutline } from '../kit/region-outline.ts';
import { rowsFor } from './layout.ts';
import type { PlaygroundDataset } from './menus.ts';
import { mapValues, type PlaygroundPoint, type PlaygroundState, targetRange } from './state.ts';
import type { PlaygroundView } from './view.ts';

const scales = (view: PlaygroundView, box: PlaygroundState['box']) => {
  const [x0, x1, y0, y1] = box;
  return view.heat.frame([x0, x1], [y0, y1]);
};

const removeGrid = (view: PlaygroundView) => {
  for (const line of view.heat.svg.querySelectorAll('.dn-grid')) line.remove();
};

/** The heat map of `state.network` at `pixels` x `pixels`; returns an error message if evaluation failed. */
export function paintHeat(
  view: PlaygroundView,
  state: PlaygroundState,
  dataset: PlaygroundDataset | undefined,
  pixels: number,
): string | undefined {
  const net = state.network;
  if (!net || !dataset || pixels < 2) {
    view.canvas.getContext('2d')?.clearRect(0, 0, view.canvas.width, view.canvas.height);
    return undefined;
  }
  try {
    const rows = rowsFor(view.layout, pixels);
    const grid = pixelGrid(state.box, pixels, rows);
    const values = mapValues(net, grid, pixels * rows, dataset);
    paintHeatMap(view.canvas, values, pixels, rows, [0, 1]);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The training samples, coloured by class. */
export function drawPoints(
  view: PlaygroundView,
  state: PlaygroundState,
  dataset: PlaygroundDataset | undefined,
) {
  const { x, y } = scales(view, state.box);
  removeGrid(view);
  view.heat.points.replaceChildren();
  if (!dataset) return;
  const k = Math.max(1, dataset.outputs - 1);
  const [lo, hi] = dataset.task === 'regression' ? targetRange(dataset) : [0, k];
  const s = dataset.train;
  const g = svgElement('g', { 'data-role': 'data' }, view.heat.points);
  for (let i = 0; i < s.count; i++) {
    const t = ((s.y[i * s.targetWidth] as number) - lo) / (hi - lo);
    svgElement(
      'circle',
      {
        cx: x(s.x[2 * i] as number),
        cy: y(s.x[2 * i + 1] as number),
        r: 2.6,
        fill: rampCss(t),
        stroke: t > 0.5 ? '#222' : '#fff',
        'stroke-width': 0.8,
      },
      g,
    );
  }
}

/** The outlines of the exact linear regions `r` (none when undefined). */
export function drawRegions(
  view: PlaygroundView,
  box: PlaygroundState['box'],
  r: Regions2D | undefined,
): void {
  view.heat.regions.replaceChildren();
  if (!r) return;
  const { x, y } = scales(view, box);
  removeGrid(view);
  const d = linearRegionOutline(r)
    .map(([a, b, c, e]) => `M${x(a)},${y(b)}L${x(c)},${y(e)}`)
    .join('');
  svgElement('path', { d, class: 'dn-cmp-outline', 'data-role': 'outline' }, view.heat.regions);
}

/**
 * Training loss (solid), validation loss (dotted) and training accuracy (dashed) against the
 * epoch on a log axis (epoch 1 at 10^0), so the first epochs, where most happens, are not squeezed.
 */
export function drawCurves(view: PlaygroundView, history: readonly PlaygroundPoint[]): void {
  const { curves } = view;
  const last = history[history.length - 1];
  const maxEpoch = Math.max(10, last?.epoch ?? 0);
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);
  const maxLoss = Math.max(1, ...history.map((h) => Math.max(finite(h.loss), finite(h.validationLoss))));
  const { x, y } = curves.frame([0, Math.log10(maxEpoch)], [0, maxLoss]);
  curves.curves.replaceChildren();
  const path = (role: string, value: (p: PlaygroundPoint) => number | undefined, dash?: string) => {
    const points = history.filter((h) => value(h) !== undefined);
    if (points.length === 0) return;
    svgElement(
      'path',
      {
        class: `dn-curve dn-curve-${role}`,
        fill: 'none',
        'data-role': role,
        ...(dash ? { 'stroke-dasharray': dash } : {}),
        d: polylinePath(
          points.map((h) => x(Math.log10(h.epoch))),
          points.map((h) => y(value(h) as number)),
        ),
      },
      curves.curves,
    );
  };
  path('loss', (h) => h.loss);
  path('validation-loss', (h) => h.validationLoss, '1.5 3');
  path('accuracy', (h) => h.accuracy, '4 3');
}

/** The read-outs under the charts: training and validation loss and accuracy of the last epoch. */
export function drawReadouts(view: PlaygroundView, s: PlaygroundState): void {
  const last = s.history[s.history.length - 1];
  const pct = (v: number | undefined) => (v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
  const num = (v: number | undefined) => (v === undefined ? '–' : v.toPrecision(4));
  const rows: [string, string, string][] = [
    ['training loss', 'loss', num(last?.loss)],
    ['training accuracy', 'accuracy', pct(last?.accuracy)],
  ];
  if (s.validation > 0) {
    rows.push(['validation loss', 'validation-loss', num(last?.validationLoss)]);
    rows.push(['validation accuracy', 'validation-accuracy', pct(last?.validationAccuracy)]);
  }
  view.readouts.replaceChildren();
  for (const [term, role, value] of rows) {
    const item = svgFreeItem(view.readouts);
    item.dt.textContent = term;
    item.dd.textContent = value;
    item.dd.dataset.readout = role;
  }
}

const svgFreeItem = (parent: HTMLElement) => {
  const div = parent.appendChild(document.createElement('div'));
  return {
    dt: div.appendChild(document.createElement('dt')),
    dd: div.appendChild(document.createElement('dd')),
  };
};

export interface StatusContext {
  registry: Registry;
  /** Whether a train function (injected or the worker's) exists. */
  canTrain: boolean;
  /** Whether the hidden-widths field holds invalid text. */
  hiddenInvalid: boolean;
  /** Whether the data set is a regression one (the map shows y, not a probability). */
  regression: boolean;
}

/** The status line (epoch, metrics, regions), the captions and the buttons' enabled states. */
export function drawStatus(view: PlaygroundView, s: PlaygroundState, context: StatusContext): void {
  const { registry } = context;
  view.root.dataset.status = s.status;
  view.epochOut.dataset.epoch = String(s.epoch);
  view.epochOut.textContent = `Epoch ${s.epoch}. `;
  const last = s.history[s.history.length - 1];
  view.metricsOut.textContent = last
    ? `Loss ${last.loss.toPrecision(4)}${
        last.accuracy === undefined ? '' : `, accuracy ${(100 * last.accuracy).toFixed(1)}%`
      }. `
    : '';
  const act =
    s.activation && registry.has('activation', s.activation) ? getActivation(s.activation) : undefined;
  const regionsEl = view.regionsEl;
  if (act && !isPiecewiseLinear(act)) {
    regionsEl.dataset.regions = '';
    regionsEl.textContent = `${act.name} is smooth: the network trains, but has no exact linear regions.`;
  } else if (s.regions !== undefined) {
    regionsEl.dataset.regions = String(s.regions);
    regionsEl.textContent = `${s.regions} linear regions (exact) on the data's box.`;
  } else {
    regionsEl.dataset.regions = '';
    regionsEl.textContent = '';
  }
  if (s.stopped) view.metricsOut.textContent += `Stopped: ${s.stopped}. `;
  if (s.error) view.metricsOut.textContent += ` ${s.error}`;
  drawReadouts(view, s);
  const busy = s.status === 'training' || s.status === 'paused';
  view.trainButton.disabled = !context.canTrain || !s.network || context.hiddenInvalid || busy;
  view.pauseButton.disabled = !busy;
  view.pauseButton.textContent = s.status === 'paused' ? 'Resume' : 'Pause';
  view.pauseButton.setAttribute('aria-pressed', String(s.status === 'paused'));
  const shows =
    s.source === 'function' || s.dataset.startsWith('CSV')
      ? "the network's output"
      : 'probability of class 1';
  view.heatCaption.textContent = `${s.dataset || 'no data set'}: decision heat map (${shows})${
    s.regions === undefined ? '' : ` with the ${s.regions} exact linear regions outlined`
  }.`;
  view.heat.setTitle(`${view.heatCaption.textContent} Epoch ${s.epoch}.`);
  view.curves.setTitle(`Loss and accuracy over ${s.epoch} epochs.`);
}
