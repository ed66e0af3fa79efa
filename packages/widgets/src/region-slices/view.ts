/**
 * The DOM of the region-slices widget: controls (labelling, model, three examples by index, by
 * class, at random or from the experiment's reference planes, the snapshot slider, the live run),
 * the plane panel, the density chart, the exact count and the status lines. It reports the
 * reader's actions through `actions` and never computes anything itself.
 */
import { button, intField, intSlider, select } from '../depth-kit/controls.ts';
import { htmlElement } from '../kit/dom.ts';
import { createDensityChart, type DensityChart } from './density-chart.ts';
import { createPlaneView, type PlaneView } from './plane-view.ts';
import {
  CLASSES,
  type DensityMetric,
  LABELLINGS,
  type Labelling,
  MODELS,
  type ModelName,
  type RegionSlicesChoice,
  TRAINING_EXAMPLES,
} from './state.ts';

export interface ViewActions {
  labels(value: Labelling): void;
  model(value: ModelName): void;
  metric(value: DensityMetric): void;
  examples(value: [number, number, number]): void;
  byClass(classes: [number, number, number]): void;
  random(): void;
  reference(plane: number): void;
  snapshot(index: number): void;
  live(): void;
  stop(): void;
}

export interface RegionSlicesView {
  root: HTMLElement;
  plane: PlaneView;
  chart: DensityChart;
  /** Shows the choice in the controls (after URL reads and programmatic changes). */
  show(choice: RegionSlicesChoice, snapshots: number): void;
  setReferencePlanes(count: number): void;
  setSnapshotCaption(text: string): void;
  /** The exact count line; `undefined` while a plane is being computed. */
  setCount(counts: { linear: number; activation: number; ms: number } | undefined, note: string): void;
  setStatus(text: string): void;
  setLiveStatus(text: string): void;
  setRunning(running: boolean): void;
  toolbarHost: HTMLElement;
}

const LABEL_TEXT: Record<Labelling, string> = { shuffle: 'random (shuffled)', true: 'true' };

export function createView(
  element: HTMLElement,
  actions: ViewActions,
  liveExamples: number,
): RegionSlicesView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-region-slices', 'data-widget': 'region-slices' },
    element,
  );
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const labels = select(
    controls,
    {
      key: 'labels',
      label: 'labels',
      value: 'shuffle',
      options: LABELLINGS.map((v) => ({ value: v, text: LABEL_TEXT[v] })),
    },
    (v) => actions.labels(v as Labelling),
  );
  const model = select(
    controls,
    {
      key: 'model',
      label: 'model',
      value: '4x63',
      options: MODELS.map((m) => ({ value: m, text: m.replace('x', ' × ') })),
    },
    (v) => actions.model(v as ModelName),
  );
  select(
    controls,
    {
      key: 'metric',
      label: 'curves',
      value: 'perLength',
      options: [
        { value: 'perLength', text: 'regions per unit length (segments)' },
        { value: 'plane', text: 'regions per plane' },
      ],
    },
    (v) => actions.metric(v as DensityMetric),
  );

  const pick = htmlElement('div', { class: 'dn-row dn-depth-controls', 'data-role': 'examples' }, root);
  const fields = (['a', 'b', 'c'] as const).map((key, i) =>
    intField(pick, { key, label: `example ${'abc'[i]}`, min: 0, max: TRAINING_EXAMPLES - 1, value: i }),
  );
  const readExamples = () => actions.examples(fields.map((f) => f.read()) as [number, number, number]);
  for (const f of fields) f.input.addEventListener('change', readExamples);
  button(pick, 'Random examples', () => actions.random(), { 'data-action': 'random' });
  const reference = select(
    pick,
    { key: 'reference', label: 'experiment plane', value: '', options: [{ value: '', text: '—' }] },
    (v) => {
      if (v !== '') actions.reference(Number(v));
    },
  );

  const classRow = htmlElement('div', { class: 'dn-row dn-depth-controls', 'data-role': 'by-class' }, root);
  const classOptions = Array.from({ length: CLASSES }, (_, c) => ({ value: String(c), text: String(c) }));
  const classes = [0, 1, 2].map((c, i) =>
    select(
      classRow,
      { key: `class-${'abc'[i]}`, label: `class of ${'abc'[i]}`, value: String(c), options: classOptions },
      () => {},
    ),
  );
  button(
    classRow,
    'Pick by class',
    () => actions.byClass(classes.map((s) => Number(s.value)) as [number, number, number]),
    { 'data-action': 'by-class' },
  );

  const sliderRow = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const slider = intSlider(sliderRow, { key: 'snapshot', label: 'snapshot', min: 0, max: 1, value: 1 }, (v) =>
    actions.snapshot(v),
  );
  const caption = htmlElement('span', { class: 'dn-caption', 'data-role': 'snapshot' }, sliderRow);
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'status' }, root);
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const plane = createPlaneView(panels);
  const chart = createDensityChart(panels);

  const count = htmlElement('p', { class: 'dn-status', 'data-role': 'count' }, root);

  const liveRow = htmlElement('div', { class: 'dn-buttons' }, root);
  const liveButton = button(liveRow, `Train live (${liveExamples} examples)`, () => actions.live(), {
    'data-action': 'live',
  });
  const stopButton = button(liveRow, 'Stop', () => actions.stop(), { 'data-action': 'stop' });
  stopButton.disabled = true;
  const liveStatus = htmlElement(
    'p',
    { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'live-status' },
    root,
  );
  const toolbarHost = htmlElement('div', {}, root);

  return {
    root,
    plane,
    chart,
    toolbarHost,
    show(choice, snapshots) {
      labels.value = choice.labels;
      model.value = choice.model;
      choice.examples.forEach((v, i) => {
        (fields[i] as (typeof fields)[number]).input.value = String(v);
      });
      slider.input.max = String(Math.max(0, snapshots - 1));
      slider.set(choice.snapshot < 0 ? Math.max(0, snapshots - 1) : choice.snapshot);
    },
    setReferencePlanes(n) {
      reference.replaceChildren();
      const none = htmlElement('option', { value: '' }, reference);
      none.textContent = n ? '—' : 'none committed';
      for (let k = 0; k < n; k++) {
        htmlElement('option', { value: k }, reference).textContent = `plane ${k + 1} of ${n}`;
      }
      reference.value = '';
    },
    setSnapshotCaption(text) {
      caption.textContent = text;
    },
    setCount(counts, note) {
      count.replaceChildren();
      if (!counts) {
        count.textContent = note;
        return;
      }
      count.append('Exact linear regions on this plane: ');
      const strong = htmlElement('strong', { 'data-regions': counts.linear }, count);
      strong.textContent = counts.linear.toLocaleString('en-GB');
      count.append(
        ` (activation regions ${counts.activation.toLocaleString('en-GB')}; computed in ${Math.round(counts.ms)} ms)${note ? `. ${note}` : ''}`,
      );
    },
    setStatus(text) {
      status.textContent = text;
    },
    setLiveStatus(text) {
      liveStatus.textContent = text;
    },
    setRunning(running) {
      liveButton.disabled = running;
      stopButton.disabled = !running;
      slider.input.disabled = running;
      root.dataset.running = String(running);
    },
  };
}
