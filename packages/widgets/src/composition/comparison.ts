/**
 * The comparison panel: the composition (20 parameters) next to the best shallow network with six
 * hidden units found by `fitShallow` (19 parameters), both with exact region counts.
 */
import { countParameters } from '@deepnets/core';
import { regions1d, zaslavsky } from '@deepnets/regions';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { valuesAtEdges } from '../kit/pieces-1d.ts';
import { createPlot, paddedExtent } from '../kit/plot.ts';
import type { CompositionAnalysis } from './analysis.ts';
import { fitShallow, type ShallowFit } from './shallow-fit.ts';

export interface ComparisonPanel {
  figure: HTMLElement;
  svg: SVGSVGElement;
  draw(analysis: CompositionAnalysis): ShallowFit & { regions: number };
  destroy(): void;
}

export function createComparisonPanel(parent: Element): ComparisonPanel {
  const figure = htmlElement(
    'figure',
    { class: 'dn-cmp-panel dn-cmp-shallow', 'data-panel': 'shallow' },
    parent,
  );
  const plot = createPlot(figure, { width: 320, height: 240, xLabel: 'x', yLabel: 'y′' });
  const caption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, figure);

  function draw(analysis: CompositionAnalysis) {
    const fit = fitShallow(analysis.composedRegions, 6);
    const shallow = regions1d(fit.network, { domain: analysis.domain });
    const target = valuesAtEdges(analysis.composedRegions);
    const mine = valuesAtEdges(shallow);
    const scale = plot.frame(analysis.domain, paddedExtent([...target, ...mine], [target[0]!, target[0]!]));
    const path = (r: typeof shallow, v: Float64Array) =>
      Array.from(r.edges, (e, i) => `${i ? 'L' : 'M'}${scale.x(e)},${scale.y(v[i]!)}`).join('');
    plot.curves.replaceChildren();
    svgElement(
      'path',
      { d: path(analysis.composedRegions, target), class: 'dn-cmp-ghost', fill: 'none' },
      plot.curves,
    );
    svgElement(
      'path',
      { d: path(shallow, mine), class: 'dn-curve', fill: 'none', 'data-role': 'shallow-curve' },
      plot.curves,
    );
    const params = countParameters(fit.network);
    const bound = Number(zaslavsky(1, 6));
    const composedParams = countParameters(analysis.net1) + countParameters(analysis.net2);
    caption.replaceChildren();
    const strong = (text: string, attrs: Record<string, string> = {}) => {
      const s = htmlElement('strong', attrs, caption);
      s.textContent = text;
    };
    caption.append('Shallow network, 6 hidden units: ');
    strong(String(params), { 'data-parameters': String(params) });
    caption.append(' parameters, ');
    strong(String(shallow.linearRegions), {
      'data-regions': String(shallow.linearRegions),
      'data-of': 'shallow',
    });
    caption.append(
      ` linear regions (never more than ${bound}). Dashed: the composition, ${composedParams} parameters, ${analysis.composedRegions.linearRegions} regions. Best fit found: RMS error ${fit.rms.toFixed(3)}.`,
    );
    plot.setTitle(caption.textContent ?? '');
    return { ...fit, regions: shallow.linearRegions };
  }

  return { figure, svg: plot.svg, draw, destroy: () => figure.remove() };
}
