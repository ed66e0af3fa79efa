/**
 * The search widget's controls and read-outs: data set, strategy, the lists of K, D and alpha,
 * trials and epochs; Run and Cancel; the status, the cost line and the best network's exact
 * region count. Drawing only; `mount.ts` wires.
 */
import { button, intField, select } from '../depth-kit/controls.ts';
import { htmlElement } from '../kit/dom.ts';
import { type HyperSearchSettings, LIMITS, parseList, SEARCH_DATASETS } from './state.ts';

export interface SearchControls {
  run: HTMLButtonElement;
  cancel: HTMLButtonElement;
  status: HTMLElement;
  cost: HTMLElement;
  regions: HTMLElement;
  /** The settings the inputs hold (throws HyperSearchError for a bad list). */
  read(): HyperSearchSettings;
  set(settings: HyperSearchSettings): void;
  setRunning(running: boolean): void;
}

function textField(parent: Element, key: string, label: string, value: string): HTMLInputElement {
  const l = htmlElement('label', { class: 'dn-field' }, parent);
  htmlElement('span', {}, l).textContent = `${label} `;
  return htmlElement('input', { type: 'text', 'data-param': key, value, size: 10, autocomplete: 'off' }, l);
}

export function createControls(
  root: HTMLElement,
  initial: HyperSearchSettings,
  on: { run(): void; cancel(): void; change(): void },
): SearchControls {
  const row1 = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const dataset = select(
    row1,
    {
      key: 'data',
      label: 'data',
      value: initial.dataset,
      options: SEARCH_DATASETS.map((d) => ({ value: d, text: d })),
    },
    on.change,
  );
  const strategy = select(
    row1,
    {
      key: 'strategy',
      label: 'search',
      value: initial.strategy,
      options: [
        { value: 'grid', text: 'grid' },
        { value: 'random', text: 'random' },
      ],
    },
    on.change,
  );
  const trials = intField(row1, {
    key: 'trials',
    label: 'random trials',
    min: 1,
    max: LIMITS.trials,
    value: initial.randomTrials,
  });
  const epochs = intField(row1, {
    key: 'epochs',
    label: 'epochs',
    min: 10,
    max: LIMITS.epochs,
    value: initial.epochs,
  });
  const row2 = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const depths = textField(row2, 'depths', 'K', initial.depths.join(', '));
  const widths = textField(row2, 'widths', 'D', initial.widths.join(', '));
  const rates = textField(row2, 'rates', 'alpha', initial.learningRates.join(', '));
  for (const el of [trials.input, epochs.input, depths, widths, rates])
    el.addEventListener('input', on.change);
  const buttons = htmlElement('div', { class: 'dn-buttons' }, root);
  const run = button(buttons, 'Run search', on.run, { 'data-action': 'run' });
  const cancel = button(buttons, 'Cancel', on.cancel, { 'data-action': 'cancel' });
  cancel.disabled = true;
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'status' }, root);
  const cost = htmlElement('p', { class: 'dn-caption', 'data-role': 'cost' }, root);
  const regionsLine = htmlElement('p', { class: 'dn-caption' }, root);
  regionsLine.append('Best network: ');
  const regions = htmlElement('strong', { 'data-regions': '' }, regionsLine);
  regionsLine.append(' linear regions in the drawn box (exact, @deepnets/regions).');

  return {
    run,
    cancel,
    status,
    cost,
    regions,
    read() {
      const dataName = dataset.value as HyperSearchSettings['dataset'];
      return {
        ...initial,
        dataset: dataName,
        strategy: strategy.value === 'random' ? 'random' : 'grid',
        randomTrials: trials.read(),
        epochs: epochs.read(),
        depths: parseList(depths.value, 'K', true, LIMITS.depth),
        widths: parseList(widths.value, 'D', true, LIMITS.width),
        learningRates: parseList(rates.value, 'alpha', false, LIMITS.learningRate),
      };
    },
    set(s) {
      dataset.value = s.dataset;
      strategy.value = s.strategy;
      trials.input.value = String(s.randomTrials);
      epochs.input.value = String(s.epochs);
    },
    setRunning(running) {
      run.disabled = running;
      cancel.disabled = !running;
      for (const el of [dataset, strategy, trials.input, epochs.input, depths, widths, rates])
        el.disabled = running;
    },
  };
}
