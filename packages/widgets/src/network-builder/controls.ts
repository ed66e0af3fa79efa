/**
 * The network builder's controls: input dimension (radio buttons), one number input with − / +
 * buttons per hidden layer, add / remove layer, and "New sample". All native elements, so Tab,
 * arrow keys, touch and screen readers work without extra code.
 */
import { htmlElement } from '../kit/dom.ts';
import { subscript } from '../kit/slider.ts';

export interface BuilderControlsState {
  inputs: 1 | 2;
  widths: number[];
  seed: number;
}

export interface BuilderControls {
  element: HTMLElement;
  /** Rebuilds the per-layer inputs for `state`. */
  sync(state: BuilderControlsState, limits: { layers: number; width: number }): void;
}

export type BuilderAction =
  | { type: 'inputs'; inputs: 1 | 2 }
  | { type: 'width'; layer: number; width: number }
  | { type: 'add-layer' }
  | { type: 'remove-layer' }
  | { type: 'sample' };

export function createBuilderControls(
  parent: Element,
  act: (action: BuilderAction) => void,
): BuilderControls {
  const element = htmlElement('div', { class: 'dn-builder-controls' }, parent);
  const dims = htmlElement('fieldset', { class: 'dn-inline' }, element);
  htmlElement('legend', {}, dims).textContent = 'Input dimension Dᵢ';
  const radios = ([1, 2] as const).map((d) => {
    const label = htmlElement('label', { class: 'dn-radio' }, dims);
    const input = htmlElement(
      'input',
      { type: 'radio', name: `dn-inputs-${Math.random().toString(36).slice(2)}`, value: d, 'data-inputs': d },
      label,
    );
    label.append(d === 1 ? ' 1 (a line)' : ' 2 (a plane)');
    input.addEventListener('change', () => input.checked && act({ type: 'inputs', inputs: d }));
    return input;
  });
  const layers = htmlElement('fieldset', { class: 'dn-inline dn-layers' }, element);
  htmlElement('legend', {}, layers).textContent = 'Hidden layers (K) and their widths (Dₖ)';
  const list = htmlElement('div', { class: 'dn-layer-list' }, layers);
  const row = htmlElement('div', { class: 'dn-row' }, layers);
  const button = (text: string, action: string, label: string, onClick: () => void, where: Element = row) => {
    const b = htmlElement(
      'button',
      { type: 'button', class: 'dn-button', 'data-action': action, 'aria-label': label },
      where,
    );
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  };
  // Buttons stay enabled at the limits: pressing one there shows a notice saying why nothing changed.
  button('+ layer', 'add-layer', 'Add a hidden layer', () => act({ type: 'add-layer' }));
  button('− layer', 'remove-layer', 'Remove the last hidden layer', () => act({ type: 'remove-layer' }));
  button('New sample', 'sample', 'Draw new random weights', () => act({ type: 'sample' }));

  let current: BuilderControlsState = { inputs: 1, widths: [], seed: 0 };
  const width = (k: number) => current.widths[k] ?? 1;
  const inputs: HTMLInputElement[] = [];
  const buildLayer = (k: number, maxWidth: number) => {
    const group = htmlElement('span', { class: 'dn-layer' }, list);
    const minus = () => act({ type: 'width', layer: k, width: width(k) - 1 });
    button('−', 'unit-minus', `Remove a unit from layer ${k + 1}`, minus, group);
    const label = htmlElement('label', {}, group);
    htmlElement('span', { 'aria-hidden': 'true' }, label).textContent = `D${subscript(k + 1)} `;
    const input = htmlElement(
      'input',
      {
        type: 'number',
        min: 1,
        max: maxWidth,
        step: 1,
        'aria-label': `width of hidden layer ${k + 1}`,
        'data-layer-width': k + 1,
      },
      label,
    );
    input.addEventListener('change', () => act({ type: 'width', layer: k, width: Number(input.value) }));
    const plus = () => act({ type: 'width', layer: k, width: width(k) + 1 });
    button('+', 'unit-plus', `Add a unit to layer ${k + 1}`, plus, group);
    inputs.push(input);
  };

  return {
    element,
    sync(state, limits) {
      current = state;
      for (const r of radios) r.checked = Number(r.value) === state.inputs;
      while (inputs.length > state.widths.length) {
        inputs.pop();
        list.lastElementChild?.remove();
      }
      while (inputs.length < state.widths.length) buildLayer(inputs.length, limits.width);
      state.widths.forEach((w, k) => {
        const input = inputs[k] as HTMLInputElement;
        if (input.value !== String(w)) input.value = String(w);
      });
    },
  };
}
