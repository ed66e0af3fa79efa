/**
 * Shallow network widget, view: builds the plot, the status line and the slider fieldset once, and
 * draws a `ShallowNetworkState` (the curve through the sampled points, a dot per joint coloured by
 * its hidden unit). No state of its own, no evaluation, no URL.
 */
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { createPlot, type Plot, paddedExtent } from '../kit/plot.ts';
import type { ShallowNetworkState } from './state.ts';

const UNIT_COLORS = ['#e4572e', '#17bebb', '#a06cd5', '#ffc914', '#76b041', '#2e86ab'];

export interface ShallowView {
  root: HTMLElement;
  plot: Plot;
  /** Where the mount puts a slider per parameter. */
  fieldset: HTMLFieldSetElement;
  draw(state: ShallowNetworkState, frame: { domain: [number, number]; range: [number, number] }): void;
}

export function createShallowView(element: HTMLElement, units: number): ShallowView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-shallow', 'data-widget': 'shallow-network' },
    element,
  );
  const plot = createPlot(root, { xLabel: 'x', yLabel: 'y' });
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, root);
  htmlElement('legend', {}, fieldset).textContent = 'Parameters';

  function draw(
    state: ShallowNetworkState,
    { domain, range }: { domain: [number, number]; range: [number, number] },
  ) {
    const { xs, ys, joints } = state;
    const scale = plot.frame(domain, paddedExtent(ys, range));
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
      ? `${joints.length} joint${joints.length === 1 ? '' : 's'} in [${domain.join(', ')}]: ${where}.`
      : 'No joints in view: the function is a single straight line here.';
    status.textContent = text;
    plot.setTitle(`Output of a shallow network with ${units} hidden units. ${text}`);
    root.dataset.joints = String(joints.length);
  }

  return { root, plot, fieldset, draw };
}
