/**
 * `example/activation-plot`: draws any registered activation a[z] and its derivative, with the
 * breakpoints of a piecewise-linear one marked. A small widget built only from the public
 * `@deepnets/widgets` kit, as a contributor would write it.
 */
import { getActivation, isPiecewiseLinear } from '@deepnets/core';
import type { WidgetHandle } from '@deepnets/widgets';
import { createPlot, defineWidget, htmlElement, polylinePath, svgElement } from '@deepnets/widgets';

export interface ActivationPlotOptions {
  activation: string;
  domain: [number, number];
}

export function mountActivationPlot(
  element: HTMLElement,
  initial: Partial<ActivationPlotOptions> = {},
): WidgetHandle<ActivationPlotOptions, ActivationPlotOptions> {
  let options: ActivationPlotOptions = { activation: 'example/two-sided-relu', domain: [-2, 3], ...initial };
  const listeners = new Set<(state: ActivationPlotOptions) => void>();
  const root = htmlElement('div', { class: 'dn-widget', 'data-widget': 'example/activation-plot' }, element);
  const plot = createPlot(root, { height: 220, xLabel: 'z', yLabel: 'a[z]' });
  const caption = htmlElement('p', { class: 'dn-status' }, root);

  function draw(): void {
    const act = getActivation(options.activation);
    const [lo, hi] = options.domain;
    const zs = Array.from({ length: 401 }, (_, i) => lo + ((hi - lo) * i) / 400);
    const ys = zs.map(act.f);
    const scale = plot.frame([lo, hi], [Math.min(-0.5, ...ys), Math.max(1.5, ...ys)]);
    plot.curves.replaceChildren();
    svgElement(
      'path',
      { class: 'dn-curve', fill: 'none', d: polylinePath(zs.map(scale.x), ys.map(scale.y)) },
      plot.curves,
    );
    plot.points.replaceChildren();
    const breakpoints = isPiecewiseLinear(act) ? act.breakpoints.filter((b) => b >= lo && b <= hi) : [];
    for (const b of breakpoints) {
      svgElement(
        'circle',
        { cx: scale.x(b), cy: scale.y(act.f(b)), r: 5, 'data-role': 'breakpoint' },
        plot.points,
      );
    }
    caption.textContent = `${act.name}: ${act.description}. ${
      isPiecewiseLinear(act) ? `Breakpoints: ${act.breakpoints.join(', ')}.` : 'Smooth: not piecewise linear.'
    }`;
    plot.setTitle(caption.textContent);
    for (const listener of listeners) listener(options);
  }

  draw();
  return {
    update(partial) {
      options = { ...options, ...partial };
      draw();
    },
    destroy() {
      listeners.clear();
      root.remove();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const activationPlot = defineWidget({
  name: 'example/activation-plot',
  description: 'An activation function a[z] with its breakpoints',
  mount: mountActivationPlot as (element: HTMLElement, options?: object) => WidgetHandle<object, unknown>,
});
