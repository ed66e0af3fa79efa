/**
 * Widget `two-outputs`: the lecture's shallow network with one input, four hidden units and two
 * outputs. Both outputs are drawn; their joints sit at the same inputs x = -theta_d0 / theta_d1
 * (the hidden units are shared; only the output weights phi_od differ), marked on both curves.
 * The exact regions of the pair (y_1, y_2) and of each output come from `@deepnets/regions`.
 */
import type { Regions1D } from '@deepnets/regions';
import { linearPieces1d } from '@deepnets/regions';
import { linearRegionsWord } from '../composition/analysis.ts';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { createPanelGrid } from '../kit/panel-grid.ts';
import { drawBands, drawPolyline, drawVerticals, extentOf, unitColor } from '../kit/piecewise-draw.ts';
import { localRegions1d, type Regions1DSource, regions1dWithFallback } from '../kit/regions-source.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { type Joint, shallowJoints } from '../shallow-network/joints.ts';
import {
  DEFAULT_TWO_OUTPUTS,
  type TwoOutputParams,
  twoOutputNetwork,
  twoOutputSpecs,
  twoOutputTheta,
  twoOutputUrlSchema,
} from './params.ts';

export interface TwoOutputsOptions {
  params: TwoOutputParams;
  domain: [number, number];
  regions1d: Regions1DSource;
  urlPrefix?: string;
}

export interface TwoOutputsState {
  params: TwoOutputParams;
  joints: Joint[];
  /** Exact linear regions of the pair (y_1, y_2), and of y_1 and y_2 alone. */
  linearRegions: number;
  perOutput: [number, number];
  xs: number[];
  ys: [number[], number[]];
  ms: number;
}

export function mountTwoOutputs(
  element: HTMLElement,
  initial: Partial<TwoOutputsOptions> = {},
): WidgetHandle<TwoOutputsOptions, TwoOutputsState> {
  let options: TwoOutputsOptions = {
    params: { ...DEFAULT_TWO_OUTPUTS },
    domain: [0, 1],
    regions1d: localRegions1d,
    ...initial,
  };
  const store = createStore<TwoOutputsState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-two-outputs', 'data-widget': 'two-outputs' },
    element,
  );
  const grid = createPanelGrid(root, { rows: 2, columns: 1, cellWidth: 560, cellHeight: 190 });
  const plots = [
    grid.panel(0, 0, 'y₁ = φ₁₀ + φ₁₁h₁ + φ₁₂h₂ + φ₁₃h₃ + φ₁₄h₄', { yLabel: 'y₁' }),
    grid.panel(1, 0, 'y₂ = φ₂₀ + φ₂₁h₁ + φ₂₂h₂ + φ₂₃h₃ + φ₂₄h₄', { xLabel: 'x', yLabel: 'y₂' }),
  ];
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const controls = htmlElement('details', { class: 'dn-details', open: 'open' }, root);
  htmlElement('summary', {}, controls).textContent = 'Parameters (18)';
  const toolbar = createToolbar(root, {
    name: 'two-outputs',
    svg: () => grid.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, twoOutputUrlSchema(), window.location.search);
    options = { ...options, params: { ...options.params, ...(values as Record<string, number>) } };
    toolbar.notify(notices);
  }
  const sliders = createSliderGroups(controls, twoOutputSpecs(), (key, value) => {
    options = { ...options, params: { ...options.params, [key]: value } };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, options.params);
    void render();
  });

  async function render(): Promise<void> {
    const id = ++request;
    const start = performance.now();
    const { params, domain } = options;
    const [both, first, second] = await Promise.all([
      regions1dWithFallback(options.regions1d, twoOutputNetwork(params), { domain }),
      regions1dWithFallback(options.regions1d, twoOutputNetwork(params, 1), { domain }),
      regions1dWithFallback(options.regions1d, twoOutputNetwork(params, 2), { domain }),
    ]);
    if (destroyed || id !== request) return;
    const joints = shallowJoints(twoOutputTheta(params), 'relu', domain);
    // y_o is affine between consecutive edges, so its values there draw it exactly.
    const xs = Array.from(both.edges);
    const ys = [0, 1].map((o) => xs.map((_, p) => valueAt(both, p, o))) as [number[], number[]];
    draw(xs, ys, joints, [first, second]);
    const perOutput: [number, number] = [first.linearRegions, second.linearRegions];
    showStatus(joints, both.linearRegions, perOutput);
    const ms = performance.now() - start;
    root.dataset.ms = ms.toFixed(2);
    store.set({ params, joints, linearRegions: both.linearRegions, perOutput, xs, ys, ms });
  }

  /** y_o at edge p: the left end of region p (or the right end of the last one). */
  function valueAt(r: Regions1D, p: number, o: number): number {
    const region = Math.min(p, r.activationRegions - 1);
    const x = r.edges[p] as number;
    return (r.slopes[region * 2 + o] as number) * x + (r.intercepts[region * 2 + o] as number);
  }

  function draw(xs: number[], ys: [number[], number[]], joints: Joint[], alone: Regions1D[]): void {
    plots.forEach((plot, o) => {
      const values = ys[o] as number[];
      const scale = plot.frame(options.domain, extentOf([values]));
      plot.regions.replaceChildren();
      plot.curves.replaceChildren();
      plot.points.replaceChildren();
      drawBands(plot.regions, linearPieces1d(alone[o] as Regions1D), scale);
      drawVerticals(
        plot.regions,
        joints.map((j) => j.x),
        scale,
        (n) => ({ stroke: unitColor(joints[n]!.unit) }),
      );
      drawPolyline(plot.curves, xs, values, scale, { 'data-role': `curve-${o + 1}` });
      // A dot only where y_o bends: a unit with phi_o,d = 0 leaves y_o straight at its joint.
      for (const j of joints) {
        if ((options.params[`phi.${o + 1}.${j.unit + 1}`] ?? 0) === 0) continue;
        svgElement(
          'circle',
          {
            cx: scale.x(j.x),
            cy: scale.y(values[xs.indexOf(j.x)] ?? 0),
            r: 5,
            fill: unitColor(j.unit),
            'data-role': 'joint',
            'data-output': o + 1,
            'data-unit': j.unit + 1,
            'data-x': j.x,
          },
          plot.points,
        );
      }
    });
  }

  function showStatus(joints: Joint[], regions: number, perOutput: [number, number]): void {
    const where = joints.map((j) => `x = ${j.x.toFixed(2)} (h${j.unit + 1})`).join(', ');
    status.replaceChildren(`Shared joints: ${where || 'none in view'}. Together the outputs have `);
    htmlElement('strong', { 'data-regions': regions }, status).textContent = String(regions);
    status.append(` ${linearRegionsWord(regions)}; y₁ alone has `);
    htmlElement('span', { 'data-output-regions': 1 }, status).textContent = String(perOutput[0]);
    status.append(', y₂ alone ');
    htmlElement('span', { 'data-output-regions': 2 }, status).textContent = String(perOutput[1]);
    status.append('.');
    grid.setTitle(`Two outputs of a shallow network with four hidden units. ${status.textContent}`);
  }

  sliders.sync(options.params);
  void render();

  return createHandle(root, store, {
    update(partial) {
      options = { ...options, ...partial };
      sliders.sync(options.params);
      void render();
    },
    cleanup() {
      destroyed = true;
    },
  });
}
