import type { Network } from '@deepnets/core';
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { button, intField } from '../depth-kit/controls.ts';
import { createLogPlot, type LogPlot } from '../depth-kit/log-plot.ts';
import { appendRegionSummary } from '../depth-kit/region-summary-view.ts';
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { regions1dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { type AddedPoint, boundPoint, MARKED, PANELS, panelSeries, pointNetwork } from './points.ts';
import { type Figure47Options, type Figure47State, summaryOf, URL_SCHEMA } from './state.ts';
import { drawPanel } from './view-panel.ts';
import { drawAddedTable } from './view-table.ts';

export type { Figure47Options, Figure47State } from './state.ts';

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
  /** The last network whose regions were counted (a construction or a random He network): Export saves it. */
  let counted: { network: Network; name: string } | undefined;
  const files = createNetworkFileControls(root, {
    get name() {
      return counted?.name ?? 'figure-4-7-network';
    },
    label: 'Export the counted network',
    network: () => counted?.network,
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
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
      counted = { network: net, name: `figure-4-7-${kind}-K${k}-D${d}` };
      files.refresh();
      formStatus.textContent = `${clampedNote ? `${clampedNote} ` : ''}${kind === 'construction' ? 'Construction' : 'Random He network'}: ${formatBig(r.linearRegions)} regions, bound ${shortBig(point.bound)}.`;
    } else {
      formStatus.replaceChildren(`${clampedNote ? `${clampedNote} ` : ''}Dᵢ = ${di}, K = ${k}, D = ${d}: `);
      appendRegionSummary(formStatus, point.summary);
    }
    state.added = [...state.added, point];
    draw();
  }

  function drawTable(): void {
    drawAddedTable(body, state.added);
    table.hidden = state.added.length === 0;
  }

  function draw(): void {
    PANELS.forEach((panel, i) => {
      drawPanel(plots[i] as LogPlot, {
        panel: i,
        inputs: panel.inputs,
        lines: series[i] ?? [],
        added: state.added.filter((p) => p.inputs === panel.inputs),
        mark: highlight[i],
        selected: state.selected,
      });
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
      files.destroy();
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
