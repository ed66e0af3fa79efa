/**
 * DOM and drawing of the `random-labels` widget: the error curves (log epochs), the full run's
 * caption with a "Reproduce" detail holding the command, and the table of the four models.
 */
import { formatBig } from '../depth-kit/bigint.ts';
import type { LogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { type CurvePoint, type CurvesDocument, FIGURE_20_2_MODELS, modelParameters } from './curves.ts';
import { FULL_RUN_COMMAND, fullRunText, type LiveModel, type RandomLabelsWidgetState } from './state.ts';

/** Draws one line per model (training error; dashed test error with `test`). */
export function drawCurves(
  plot: LogPlot,
  series: { name: string; curve: CurvePoint[] | LiveModel['curve'] }[],
  maxEpoch: number,
  test: boolean,
): void {
  const s = plot.frame([0, Math.max(1, Math.log10(Math.max(10, maxEpoch)))], [0, 1]);
  plot.curves.replaceChildren();
  series.forEach(({ name, curve }, i) => {
    const color = unitColor(i);
    const pts = curve.filter((p) => p.epoch >= 1);
    const line = (points: typeof pts, error: (p: (typeof pts)[number]) => number, attrs: object) =>
      svgElement(
        'path',
        {
          d: polylinePath(
            points.map((p) => s.x(Math.log10(p.epoch))),
            points.map((p) => s.y(error(p))),
          ),
          fill: 'none',
          style: `stroke: ${color}`,
          ...attrs,
        },
        plot.curves,
      );
    line(pts, (p) => p.trainError, { class: 'dn-curve', 'data-model': name });
    if (test) {
      const tp = pts.filter((p) => p.testError !== undefined);
      line(tp, (p) => p.testError as number, { class: 'dn-curve dn-depth-dashed', 'data-model-test': name });
    }
    const y = 200 - 14 * (series.length - 1 - i);
    svgElement('text', { x: 62, y, class: 'dn-tick', style: `fill: ${color}` }, plot.curves).textContent =
      name;
  });
}

/** The full run's plot, caption and "Reproduce" detail. */
export function drawFullRun(
  plot: LogPlot,
  note: HTMLElement,
  reproduce: HTMLElement,
  doc: CurvesDocument | undefined,
  command: string | undefined,
): void {
  const models = doc?.models ?? [];
  const series = models.map((m) => ({ name: m.name, curve: m.curve }));
  drawCurves(plot, series, Math.max(10, ...models.map((m) => m.epoch)), false);
  const { text, complete } = fullRunText(doc);
  note.textContent = text;
  note.dataset.complete = String(complete);
  reproduce.replaceChildren();
  htmlElement('summary', {}, reproduce).textContent = 'Reproduce';
  htmlElement('p', {}, reproduce).textContent = 'The full run comes from this command (it trains for hours):';
  htmlElement('code', {}, reproduce).textContent = command ?? FULL_RUN_COMMAND;
  plot.setTitle('Training error of the four models of Figure 20.2 (full run) against epochs, log scale.');
}

/** The table: parameters, full-run epochs to 100%, and the live run's progress per model. */
export function drawTable(
  body: HTMLElement,
  state: RandomLabelsWidgetState,
  doc: CurvesDocument | undefined,
): void {
  body.replaceChildren();
  const acc = (e: number | undefined) => (e === undefined ? '—' : `${(100 * (1 - e)).toFixed(1)}%`);
  for (const model of FIGURE_20_2_MODELS) {
    const tr = htmlElement('tr', { 'data-model': model.name }, body);
    htmlElement('th', { scope: 'row' }, tr).textContent = `${model.hidden.length} × ${model.hidden[0]}`;
    const params = modelParameters(model.hidden);
    htmlElement('td', { 'data-parameters': params }, tr).textContent = formatBig(params);
    const f = doc?.models.find((m) => m.name === model.name);
    const full = f
      ? f.epochsTo100 === null
        ? `not yet (epoch ${formatBig(f.epoch)})`
        : formatBig(f.epochsTo100)
      : '—';
    htmlElement('td', {}, tr).textContent = full;
    const m = state.live.find((x) => x.name === model.name);
    htmlElement('td', { 'data-live-epoch': m?.epoch ?? 0 }, tr).textContent = m ? formatBig(m.epoch) : '—';
    const to100 = m?.epochsTo100 ? formatBig(m.epochsTo100) : m?.done ? 'cap reached' : '—';
    htmlElement('td', { 'data-epochs-to-100': m?.epochsTo100 ?? '' }, tr).textContent = to100;
    htmlElement('td', {}, tr).textContent = m ? `${acc(m.trainError)} / ${acc(m.testError)}` : '—';
  }
}
