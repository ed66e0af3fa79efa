/**
 * Widget `shallow-network`: the function y = phi_0 + sum_d phi_d a[theta_d0 + theta_d1 x] of a
 * shallow 1-D network, with a slider for every parameter and its joints marked.
 *
 * The function is computed by `@deepnets/core`; evaluation goes through an injected `evaluate`
 * (the docs pass the worker runner's, so it runs off the main thread). Only the newest answer is
 * drawn, so fast slider moves never draw stale curves. With `urlPrefix`, the parameters are
 * read from and written to the page URL.
 */
import { evaluateBatch, type Network, shallowNetwork } from '@deepnets/core';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { createPlot, paddedExtent } from '../kit/plot.ts';
import { createSlider, type Slider } from '../kit/slider.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { type Joint, shallowJoints } from './joints.ts';
import { readParameter, shallowParameterSpecs, shallowUrlSchema, writeParameter } from './params.ts';

/** Evaluates `network` at `count` inputs (row-major); may run in a worker. */
export type BatchEvaluator = (
  network: Network,
  xs: Float64Array,
  count: number,
) => Float64Array | Promise<Float64Array>;

export interface ShallowNetworkOptions {
  /** theta[d] = [theta_d0, theta_d1] for hidden unit d + 1. */
  theta: number[][];
  /** [phi_0, phi_1, ..., phi_D]. */
  phi: number[];
  activation: string;
  /** Input interval drawn, [x_min, x_max]. */
  domain: [number, number];
  /** Output interval always visible; widened to fit the function. */
  range: [number, number];
  /** Points sampled to draw the curve (joints are added exactly). */
  samples: number;
  evaluate: BatchEvaluator;
  /** Query-parameter prefix for sharing the state as a URL; no URL state when absent. */
  urlPrefix?: string;
}

export interface ShallowNetworkState {
  theta: number[][];
  phi: number[];
  joints: Joint[];
  /** Sampled inputs (with the joints merged in) and outputs of the drawn curve. */
  xs: Float64Array;
  ys: Float64Array;
}

/** UDL notebook 4.1's network 1, the lecture's first example (two of its joints sit at x = 0). */
export const NOTEBOOK_NETWORK_1: Pick<ShallowNetworkOptions, 'theta' | 'phi'> = {
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
};

/**
 * The widget's default: three joints inside [0, 1] (x = 0.2, 0.5, 0.8), so a reader sees the
 * four linear pieces the text promises (slopes -2, 2, -5, -3).
 */
export const DEFAULT_SHALLOW: Pick<ShallowNetworkOptions, 'theta' | 'phi'> = {
  theta: [
    [-0.2, 1],
    [-0.5, 1],
    [0.8, -1],
  ],
  phi: [-0.75, 4, -7, 2],
};

const UNIT_COLORS = ['#e4572e', '#17bebb', '#a06cd5', '#ffc914', '#76b041', '#2e86ab'];

export function mountShallowNetwork(
  element: HTMLElement,
  initial: Partial<ShallowNetworkOptions> = {},
): WidgetHandle<ShallowNetworkOptions, ShallowNetworkState> {
  let options: ShallowNetworkOptions = {
    ...DEFAULT_SHALLOW,
    activation: 'relu',
    domain: [0, 1],
    range: [-1, 1],
    samples: 200,
    evaluate: evaluateBatch,
    ...initial,
  };
  const units = options.theta.length;
  const store = createStore<ShallowNetworkState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-shallow', 'data-widget': 'shallow-network' },
    element,
  );
  const plot = createPlot(root, { xLabel: 'x', yLabel: 'y' });
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, root);
  htmlElement('legend', {}, fieldset).textContent = 'Parameters';
  const toolbar = createToolbar(root, {
    name: 'shallow-network',
    svg: () => plot.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });

  const specs = shallowParameterSpecs(units);
  const urlValues = () =>
    Object.fromEntries(specs.map((s) => [s.key, readParameter(options.theta, options.phi, s.key)]));
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      shallowUrlSchema(units),
      window.location.search,
    );
    for (const [key, value] of Object.entries(values)) {
      options = { ...options, ...writeParameter(options.theta, options.phi, key, value as number) };
    }
    toolbar.notify(notices);
  }

  const sliders = new Map<string, Slider>();
  for (const spec of specs) {
    const slider = createSlider(fieldset, spec, (value) => {
      options = { ...options, ...writeParameter(options.theta, options.phi, spec.key, value) };
      if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues());
      void render();
    });
    sliders.set(spec.key, slider);
  }

  function syncSliders(): void {
    for (const [key, slider] of sliders) slider.set(readParameter(options.theta, options.phi, key));
  }

  async function render(): Promise<void> {
    const id = ++request;
    const { theta, phi, activation, domain, samples } = options;
    const network = shallowNetwork({ theta, phi: [phi], activation });
    const joints = shallowJoints(theta, activation, domain);
    const grid = Array.from(
      { length: samples + 1 },
      (_, i) => domain[0] + ((domain[1] - domain[0]) * i) / samples,
    );
    const xs = Float64Array.from([...grid, ...joints.map((j) => j.x)].sort((a, b) => a - b));
    const ys = await options.evaluate(network, xs, xs.length);
    if (destroyed || id !== request) return;
    draw({ theta, phi, joints, xs, ys });
  }

  function draw(state: ShallowNetworkState): void {
    const { xs, ys, joints } = state;
    const scale = plot.frame(options.domain, paddedExtent(ys, options.range));
    plot.curves.replaceChildren();
    svgElement(
      'path',
      {
        class: 'dn-curve',
        'data-role': 'curve',
        fill: 'none',
        d: polylinePath(Array.from(xs, scale.x), Array.from(ys, scale.y)),
      },
      plot.curves,
    );
    plot.points.replaceChildren();
    for (const joint of joints) {
      svgElement(
        'circle',
        {
          cx: scale.x(joint.x),
          cy: scale.y(ys[xs.indexOf(joint.x)] ?? 0),
          r: 5,
          fill: UNIT_COLORS[joint.unit % UNIT_COLORS.length] as string,
          'data-role': 'joint',
          'data-unit': joint.unit + 1,
          'data-x': joint.x,
        },
        plot.points,
      );
    }
    const where = joints.map((j) => `x = ${j.x.toFixed(3)} (h${j.unit + 1})`).join(', ');
    const text = joints.length
      ? `${joints.length} joint${joints.length === 1 ? '' : 's'} in [${options.domain.join(', ')}]: ${where}.`
      : 'No joints in view: the function is a single straight line here.';
    status.textContent = text;
    plot.setTitle(`Output of a shallow network with ${units} hidden units. ${text}`);
    root.dataset.joints = String(joints.length);
    store.set(state);
  }

  syncSliders();
  void render();

  return createHandle(root, store, {
    update(partial) {
      options = { ...options, ...partial };
      syncSliders();
      void render();
    },
    cleanup() {
      destroyed = true;
    },
  });
}
