/**
 * Widget `figure-4-7`: the book's Figure 4.7, computed. Linear regions by eq. 4.17 (exact BigInt)
 * against parameters for K = 1..5 hidden layers, a) one input (D = 1..20), b) ten inputs
 * (D = 10..100), on a log scale. Marked: the slide's point on panel a (K = 5, D = 10: 471
 * parameters, 161,051 regions, the exact maximum) and the book's on panel b (K = 5, D = 50: 10,801
 * parameters, 1.80e41 regions, reached by a construction, with the proven upper bound 4.37e50
 * beside it). The readout says what each number is (exact maximum / reached by a construction /
 * proven upper bound). The reader adds points for any (D_i, K, D), and, for one input, the exact
 * count of an actual network (the construction or a random He network) next to eq. 4.17.
 *
 * Arrow keys (or a pointer, or a finger) walk the curves; the readout names the point.
 */
import { type RegionSummary, regionSummary } from '@deepnets/regions';
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { button, intField } from '../depth-kit/controls.ts';
import { createLogPlot, type LogPlot } from '../depth-kit/log-plot.ts';
import { appendRegionSummary } from '../depth-kit/region-summary-view.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { type Regions1DSource, regions1dWithFallback } from '../kit/regions-source.ts';
import { unitsPerPixel } from '../kit/text-size.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState, type UrlSchema } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { type AddedPoint, boundPoint, logOf, MARKED, PANELS, panelSeries, pointNetwork } from './points.ts';

export interface Figure47Options {
  /** Where exact counts come from (the docs pass the worker's `regions1d`). */
  regions1d?: Regions1DSource;
  /** Query-parameter prefix for the add-a-point form; no URL state when absent. */
  urlPrefix?: string;
  /** Seed of the random He networks. */
  seed?: number;
  /** Largest bound for which an actual network is enumerated (regions are kept in memory). */
  maxExact?: number;
}

export interface Figure47State {
  added: AddedPoint[];
  /** The marked point of each panel (a: the slide's, b: the book's): parameters and eq. 4.17. */
  highlight: AddedPoint[];
  selected: { panel: number; layers: number; index: number };
}

const SCHEMA: UrlSchema = {
  di: { type: 'integer', min: 1, max: 100 },
  k: { type: 'integer', min: 1, max: 20 },
  d: { type: 'integer', min: 1, max: 1000 },
};

/** Short status of eq. 4.17 for the table. */
const statusWord = (s: RegionSummary): string =>
  ({
    exact: '(exact maximum)',
    construction: '(reached by a construction)',
    'not-known-reached': '(not known to be reached)',
    'exceeds-upper-bound': '(above the upper bound)',
  })[s.eq417?.status ?? 'exact'];

const summaries = new Map<string, RegionSummary>();
/** regionSummary for K layers of width D, remembered (the readout asks again on every key). */
function summaryOf(inputs: number, layers: number, width: number): RegionSummary {
  const key = `${inputs},${layers},${width}`;
  let s = summaries.get(key);
  if (!s) {
    s = regionSummary({ inputs, widths: Array<number>(layers).fill(width) });
    summaries.set(key, s);
  }
  return s;
}

export function mountFigure47(
  element: HTMLElement,
  initial: Figure47Options = {},
): WidgetHandle<Figure47Options, Figure47State> {
  let options: Figure47Options = { seed: 1, maxExact: 5_000_000, ...initial };
  const series = PANELS.map((p) => panelSeries(p.inputs));
  const highlight = MARKED.map((m) => boundPoint(m.inputs, m.layers, m.width));
  const [markA, markB] = highlight as [AddedPoint, AddedPoint];
  const state: Figure47State = { added: [], highlight, selected: { panel: 0, layers: 5, index: 9 } };
  const store = createStore<Figure47State | undefined>(undefined);
  let destroyed = false;
  let abort: AbortController | undefined;

  const root = htmlElement('div', { class: 'dn-widget dn-fig47', 'data-widget': 'figure-4-7' }, element);
  const panelsBox = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const plots: LogPlot[] = PANELS.map((p) =>
    createLogPlot(panelsBox, {
      xLabel: 'parameters',
      yLabel: 'regions (eq. 4.17)',
      yLog: true,
      heading: p.heading,
      height: 320,
    }),
  );
  const readout = htmlElement(
    'p',
    { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'readout' },
    root,
  );
  const note = htmlElement('p', { class: 'dn-caption', 'data-role': 'slide-point' }, root);
  note.append('Marked on a): one input, 5 layers of 10 units, ');
  htmlElement('strong', { 'data-parameters': markA.parameters }, note).textContent =
    `${formatBig(markA.parameters)} parameters`;
  note.append(', at most ');
  htmlElement('strong', { 'data-bound': markA.bound.toString() }, note).textContent =
    `${formatBig(markA.bound)} regions`;
  note.append(
    ' = 11⁵, the exact maximum (a construction reaches it). The lecture slide prints 161,501, a typo (digits swapped). ',
  );
  const noteB = htmlElement('span', { 'data-marked': 'b' }, note);
  noteB.append('Marked on b): ten inputs, 5 layers of 50 units, ');
  htmlElement('strong', { 'data-parameters': markB.parameters }, noteB).textContent =
    `${formatBig(markB.parameters)} parameters`;
  noteB.append('. ');
  appendRegionSummary(noteB, markB.summary);

  const form = htmlElement('fieldset', { class: 'dn-depth-form' }, root);
  htmlElement('legend', {}, form).textContent = 'Add a point';
  const fields = {
    di: intField(form, { key: 'di', label: 'inputs Dᵢ', min: 1, max: 100, value: 1 }),
    k: intField(form, { key: 'k', label: 'layers K', min: 1, max: 20, value: 3 }),
    d: intField(form, { key: 'd', label: 'width D', min: 1, max: 1000, value: 8 }),
  };
  const buttons = htmlElement('div', { class: 'dn-buttons' }, form);
  button(buttons, 'Add eq. 4.17', () => void add('bound'), { 'data-action': 'add-bound' });
  button(buttons, 'Count the construction', () => void add('construction'), {
    'data-action': 'add-construction',
  });
  button(buttons, 'Count a random He network', () => void add('random'), { 'data-action': 'add-random' });
  const formStatus = htmlElement(
    'p',
    { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'form-status' },
    form,
  );
  const table = htmlElement('table', { class: 'dn-depth-table', 'data-role': 'added' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of [
    'network',
    'Dᵢ',
    'K',
    'D',
    'parameters',
    'eq. 4.17',
    'proven upper bound',
    'exact regions',
  ]) {
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  }
  const body = htmlElement('tbody', {}, table);

  const exportFigure = () =>
    figureSvg(
      root,
      plots.map((p) => ({ svg: p.svg })),
    );
  const toolbar = createToolbar(root, {
    name: 'figure-4-7',
    svg: exportFigure,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, SCHEMA, window.location.search);
    for (const [key, value] of Object.entries(values))
      fields[key as keyof typeof fields].input.value = String(value);
    toolbar.notify(notices);
  }

  const readForm = () => {
    const v = { di: fields.di.read(), k: fields.k.read(), d: fields.d.read() };
    const notices = Object.values(fields).flatMap((f) => f.notice() ?? []);
    // Say when an entry was changed (issue 19: out-of-range inputs were clamped silently).
    if (notices.length) formStatus.textContent = notices.join(' ');
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, v);
    return v;
  };
  for (const f of Object.values(fields)) f.input.addEventListener('change', readForm);

  async function add(kind: AddedPoint['kind']): Promise<void> {
    const { di, k, d } = readForm();
    const clampedNote = Object.values(fields)
      .flatMap((f) => f.notice() ?? [])
      .join(' ');
    const point = boundPoint(di, k, d);
    if (kind !== 'bound') {
      if (di !== 1) {
        formStatus.textContent = 'Exact counts of actual networks need one input (Dᵢ = 1).';
        return;
      }
      if (kind === 'construction' && d < 3) {
        formStatus.textContent = 'The construction needs D ≥ 3.';
        return;
      }
      if (point.bound > BigInt(options.maxExact ?? 5_000_000)) {
        formStatus.textContent = `The bound ${shortBig(point.bound)} is too many regions to enumerate here (limit ${formatBig(options.maxExact ?? 0)}).`;
        return;
      }
      abort?.abort();
      abort = new AbortController();
      formStatus.textContent = 'Counting…';
      const net = pointNetwork(kind, k, d, options.seed);
      const domain: [number, number] =
        kind === 'construction' ? [0, 1] : [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
      const r = await regions1dWithFallback(options.regions1d, net, { domain });
      if (destroyed) return;
      point.kind = kind;
      point.exact = r.linearRegions;
      formStatus.textContent = `${clampedNote ? `${clampedNote} ` : ''}${kind === 'construction' ? 'Construction' : 'Random He network'}: ${formatBig(r.linearRegions)} regions, bound ${shortBig(point.bound)}.`;
    } else {
      formStatus.replaceChildren(`${clampedNote ? `${clampedNote} ` : ''}Dᵢ = ${di}, K = ${k}, D = ${d}: `);
      appendRegionSummary(formStatus, point.summary);
    }
    state.added = [...state.added, point];
    draw();
  }

  function drawTable(): void {
    body.replaceChildren();
    for (const p of state.added) {
      const row = htmlElement('tr', { 'data-kind': p.kind }, body);
      const name = { bound: 'eq. 4.17 only', construction: 'construction', random: 'random He' }[p.kind];
      for (const cell of [name, p.inputs, p.layers, p.width, formatBig(p.parameters)]) {
        htmlElement('td', {}, row).textContent = String(cell);
      }
      const bound = htmlElement('td', { 'data-eq417': p.bound.toString() }, row);
      bound.textContent = shortBig(p.bound);
      bound.title = formatBig(p.bound);
      htmlElement('small', {}, bound).textContent = ` ${statusWord(p.summary)}`;
      const upper = htmlElement('td', { 'data-bound': p.summary.upper.value.toString() }, row);
      upper.textContent = shortBig(p.summary.upper.value);
      upper.title = formatBig(p.summary.upper.value);
      const exact = htmlElement('td', {}, row);
      if (p.exact !== undefined) {
        htmlElement('span', { 'data-regions': p.exact }, exact).textContent = formatBig(p.exact);
      } else exact.textContent = '—';
    }
    table.hidden = state.added.length === 0;
  }

  function draw(): void {
    PANELS.forEach((panel, i) => {
      const plot = plots[i] as LogPlot;
      const lines = series[i] ?? [];
      const extra = state.added.filter((p) => p.inputs === panel.inputs);
      const maxX = Math.max(...lines.flat().map((p) => p.parameters), ...extra.map((p) => p.parameters));
      const maxY = Math.max(...lines.flat().map((p) => p.log10Regions), ...extra.map((p) => logOf(p).bound));
      const scale = plot.frame([0, maxX * 1.04], [0, Math.ceil(maxY * 1.1 + 1)]);
      plot.curves.replaceChildren();
      plot.points.replaceChildren();
      plot.overlay.replaceChildren();
      lines.forEach((line, k) => {
        const color = unitColor(k);
        const xs = line.map((p) => scale.x(p.parameters));
        const ys = line.map((p) => scale.y(p.log10Regions));
        svgElement(
          'path',
          {
            d: polylinePath(xs, ys),
            fill: 'none',
            style: `stroke: ${color}`,
            class: 'dn-curve',
            'data-layers': k + 1,
          },
          plot.curves,
        );
        line.forEach((_p, j) => {
          svgElement(
            'circle',
            { cx: xs[j] as number, cy: ys[j] as number, r: 2, style: `fill: ${color}; stroke: none` },
            plot.points,
          );
        });
        const last = line.at(-1);
        if (last) {
          const x = scale.x(last.parameters);
          // Right of the curve's end when the label fits before the frame's edge, else above-left.
          const room = scale.x.range[1] - x > 44 * (unitsPerPixel(plot.svg) ?? 1);
          svgElement(
            'text',
            {
              x: room ? x + 5 : x - 4,
              y: scale.y(last.log10Regions) + (room ? 4 : -6),
              'text-anchor': room ? 'start' : 'end',
              class: 'dn-tick dn-halo',
              style: `fill: ${color}`,
            },
            plot.overlay,
          ).textContent = `K=${k + 1}`;
        }
      });
      const mark = highlight[i];
      if (mark) {
        const cx = scale.x(mark.parameters);
        const cy = scale.y(logOf(mark).bound);
        svgElement(
          'circle',
          { cx, cy, r: 7, class: 'dn-depth-highlight', 'data-role': 'highlight' },
          plot.overlay,
        );
        svgElement('text', { x: cx + 9, y: cy + 16, class: 'dn-tick dn-halo' }, plot.overlay).textContent =
          `${formatBig(mark.parameters)} params, ${shortBig(mark.bound)}`;
      }
      for (const p of extra) {
        const log = logOf(p);
        const cx = scale.x(p.parameters);
        svgElement(
          'rect',
          {
            x: cx - 4,
            y: scale.y(log.bound) - 4,
            width: 8,
            height: 8,
            class: 'dn-depth-added',
            'data-role': 'added-bound',
          },
          plot.overlay,
        );
        if (log.exact !== undefined) {
          svgElement(
            'path',
            {
              d: `M${cx - 5},${scale.y(log.exact) + 4}L${cx + 5},${scale.y(log.exact) + 4}L${cx},${scale.y(log.exact) - 5}Z`,
              class: `dn-depth-exact dn-depth-${p.kind}`,
              'data-role': 'added-exact',
            },
            plot.overlay,
          );
        }
      }
      const sel = state.selected;
      if (sel.panel === i) {
        const p = lines[sel.layers - 1]?.[sel.index];
        if (p) {
          svgElement(
            'circle',
            { cx: scale.x(p.parameters), cy: scale.y(p.log10Regions), r: 6, class: 'dn-depth-selected' },
            plot.overlay,
          );
        }
      }
      plot.setTitle(
        `Figure 4.7${'ab'[i]}: linear regions by eq. 4.17 against parameters, ${panel.inputs} input${panel.inputs > 1 ? 's' : ''}, K = 1 to 5 layers, log scale.`,
      );
    });
    const sel = state.selected;
    const p = series[sel.panel]?.[sel.layers - 1]?.[sel.index];
    if (p) {
      const inputs = PANELS[sel.panel]?.inputs ?? 1;
      readout.replaceChildren(
        `Dᵢ = ${inputs}, K = ${p.layers}, D = ${p.width}: ${formatBig(p.parameters)} parameters. `,
      );
      appendRegionSummary(readout, summaryOf(inputs, p.layers, p.width));
    }
    drawTable();
    root.dataset.added = String(state.added.length);
    store.set({ ...state });
  }

  // Walking the curves: arrows on a focused plot, pointer (mouse, pen, touch) nearest point.
  plots.forEach((plot, i) => {
    plot.svg.setAttribute('tabindex', '0');
    plot.svg.setAttribute('aria-label', `${PANELS[i]?.heading}: arrow keys walk the points`);
    plot.svg.addEventListener('keydown', (event) => {
      const s = state.selected.panel === i ? state.selected : { panel: i, layers: 1, index: 0 };
      const n = series[i]?.[0]?.length ?? 1;
      const moves: Record<string, () => void> = {
        ArrowLeft: () => {
          s.index = Math.max(0, s.index - 1);
        },
        ArrowRight: () => {
          s.index = Math.min(n - 1, s.index + 1);
        },
        ArrowUp: () => {
          s.layers = Math.min(5, s.layers + 1);
        },
        ArrowDown: () => {
          s.layers = Math.max(1, s.layers - 1);
        },
        Home: () => {
          s.index = 0;
        },
        End: () => {
          s.index = n - 1;
        },
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      move();
      state.selected = { ...s, panel: i };
      draw();
    });
    const pick = (event: PointerEvent) => {
      const box = plot.svg.getBoundingClientRect();
      const view = plot.svg.viewBox.baseVal;
      const x = ((event.clientX - box.left) / box.width) * view.width;
      const y = ((event.clientY - box.top) / box.height) * view.height;
      let best = { d: Number.POSITIVE_INFINITY, layers: 1, index: 0 };
      const circles = plot.points.querySelectorAll('circle');
      let n = 0;
      (series[i] ?? []).forEach((line, k) => {
        line.forEach((_, j) => {
          const c = circles[n++];
          if (!c) return;
          const d = Math.hypot(Number(c.getAttribute('cx')) - x, Number(c.getAttribute('cy')) - y);
          if (d < best.d) best = { d, layers: k + 1, index: j };
        });
      });
      if (best.d > 40) return;
      state.selected = { panel: i, layers: best.layers, index: best.index };
      draw();
    };
    plot.svg.addEventListener('pointermove', pick);
    plot.svg.addEventListener('pointerdown', pick);
  });

  draw();

  return {
    update(partial) {
      options = { ...options, ...partial };
      draw();
    },
    destroy() {
      destroyed = true;
      abort?.abort();
      store.clear();
      root.remove();
    },
    subscribe(listener) {
      return store.subscribe((s) => {
        if (s) listener(s);
      });
    },
  };
}
