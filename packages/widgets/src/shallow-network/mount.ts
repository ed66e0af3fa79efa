/**
 * Widget `shallow-network`: the function y = phi_0 + sum_d phi_d a[theta_d0 + theta_d1 x] of a
 * shallow 1-D network, with a slider for every parameter and its joints marked.
 *
 * The function is computed by `@deepnets/core`; evaluation goes through an injected `evaluate`
 * (the docs pass the worker runner's, so it runs off the main thread). Only the newest answer is
 * drawn, so fast slider moves never draw stale curves.
 */
import { evaluateBatch, type Network, shallowNetwork } from '@deepnets/core';
import { scaleLinear, ticks } from '../scale.ts';
import { htmlElement, polylinePath, svgElement } from '../svg.ts';
import { createStore, type WidgetHandle } from '../widget.ts';
import { type Joint, shallowJoints } from './joints.ts';
import { readParameter, shallowParameterSpecs, writeParameter } from './params.ts';

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
}

export interface ShallowNetworkState {
  theta: number[][];
  phi: number[];
  joints: Joint[];
  /** Sampled inputs (with the joints merged in) and outputs of the drawn curve. */
  xs: Float64Array;
  ys: Float64Array;
}

/** UDL notebook 4.1's network 1, the lecture's first example. */
export const DEFAULT_SHALLOW: Pick<ShallowNetworkOptions, 'theta' | 'phi'> = {
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
};

const WIDTH = 480;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 40 };
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
  const store = createStore<ShallowNetworkState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-shallow', 'data-widget': 'shallow-network' },
    element,
  );
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'dn-plot' }, root);
  const title = svgElement('title', {}, svg);
  const axes = svgElement('g', { class: 'dn-axes' }, svg);
  const curve = svgElement('path', { class: 'dn-curve', 'data-role': 'curve', fill: 'none' }, svg);
  const jointLayer = svgElement('g', { class: 'dn-joints' }, svg);
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const sliders = htmlElement('fieldset', { class: 'dn-sliders' }, root);
  htmlElement('legend', {}, sliders).textContent = 'Parameters';

  const inputs = new Map<string, { input: HTMLInputElement; output: HTMLOutputElement }>();
  for (const spec of shallowParameterSpecs(options.theta.length)) {
    const label = htmlElement('label', { class: 'dn-slider' }, sliders);
    htmlElement('span', { class: 'dn-slider-name', 'aria-hidden': 'true' }, label).textContent = spec.display;
    const input = htmlElement(
      'input',
      {
        type: 'range',
        min: spec.min,
        max: spec.max,
        step: spec.step,
        'aria-label': spec.label,
        'data-param': spec.key,
      },
      label,
    );
    const output = htmlElement('output', { class: 'dn-slider-value' }, label);
    input.addEventListener('input', () => {
      const next = writeParameter(options.theta, options.phi, spec.key, Number(input.value));
      options = { ...options, ...next };
      output.textContent = Number(input.value).toFixed(2);
      void render();
    });
    inputs.set(spec.key, { input, output });
  }

  function syncSliders(): void {
    for (const [key, { input, output }] of inputs) {
      const value = readParameter(options.theta, options.phi, key);
      input.value = String(value);
      output.textContent = value.toFixed(2);
    }
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
    let lo = options.range[0];
    let hi = options.range[1];
    for (const y of ys) {
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    const pad = (hi - lo) * 0.05;
    const sx = scaleLinear(options.domain, [MARGIN.left, WIDTH - MARGIN.right]);
    const sy = scaleLinear([lo - pad, hi + pad], [HEIGHT - MARGIN.bottom, MARGIN.top]);
    drawAxes(sx, sy);
    curve.setAttribute('d', polylinePath(Array.from(xs, sx), Array.from(ys, sy)));
    jointLayer.replaceChildren();
    for (const joint of joints) {
      const i = xs.indexOf(joint.x);
      svgElement(
        'circle',
        {
          cx: sx(joint.x),
          cy: sy(ys[i] ?? 0),
          r: 5,
          fill: UNIT_COLORS[joint.unit % UNIT_COLORS.length] as string,
          'data-role': 'joint',
          'data-unit': joint.unit + 1,
          'data-x': joint.x,
        },
        jointLayer,
      );
    }
    const where = joints.map((j) => `x = ${j.x.toFixed(3)} (h${j.unit + 1})`).join(', ');
    const text = joints.length
      ? `${joints.length} joint${joints.length === 1 ? '' : 's'} in [${options.domain.join(', ')}]: ${where}.`
      : 'No joints in view: the function is a single straight line here.';
    status.textContent = text;
    title.textContent = `Output of a shallow network with ${options.theta.length} hidden units. ${text}`;
    root.dataset.joints = String(joints.length);
    store.set(state);
  }

  function drawAxes(sx: ReturnType<typeof scaleLinear>, sy: ReturnType<typeof scaleLinear>): void {
    axes.replaceChildren();
    const [x0, x1] = sx.domain;
    const [y0, y1] = sy.domain;
    for (const t of ticks(x0, x1, 5)) {
      svgElement('line', { x1: sx(t), x2: sx(t), y1: sy(y0), y2: sy(y1), class: 'dn-grid' }, axes);
      svgElement(
        'text',
        { x: sx(t), y: HEIGHT - 8, 'text-anchor': 'middle', class: 'dn-tick' },
        axes,
      ).textContent = String(t);
    }
    for (const t of ticks(y0, y1, 5)) {
      svgElement('line', { x1: sx(x0), x2: sx(x1), y1: sy(t), y2: sy(t), class: 'dn-grid' }, axes);
      svgElement(
        'text',
        { x: MARGIN.left - 6, y: sy(t) + 4, 'text-anchor': 'end', class: 'dn-tick' },
        axes,
      ).textContent = String(t);
    }
  }

  syncSliders();
  void render();

  return {
    update(partial) {
      options = { ...options, ...partial };
      syncSliders();
      void render();
    },
    destroy() {
      destroyed = true;
      store.clear();
      root.remove();
    },
    subscribe(listener) {
      return store.subscribe((state) => {
        if (state) listener(state);
      });
    },
  };
}
