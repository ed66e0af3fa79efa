/**
 * Small form controls shared by the section-5 widgets: an integer slider (range input with its
 * value shown as an integer), a select and a button. All native elements, so Tab, arrow keys,
 * Page Up/Down, touch and screen readers work without extra code.
 */
import { htmlElement } from '../kit/dom.ts';

export interface IntSlider {
  input: HTMLInputElement;
  set(value: number): void;
  get(): number;
}

export function intSlider(
  parent: Element,
  spec: { key: string; label: string; min: number; max: number; value: number },
  onInput: (value: number) => void,
): IntSlider {
  const label = htmlElement('label', { class: 'dn-slider dn-int-slider' }, parent);
  htmlElement('span', { class: 'dn-slider-name' }, label).textContent = spec.label;
  const input = htmlElement(
    'input',
    {
      type: 'range',
      min: spec.min,
      max: spec.max,
      step: 1,
      'data-param': spec.key,
      'aria-label': spec.label,
    },
    label,
  );
  const output = htmlElement('output', { class: 'dn-slider-value' }, label);
  const show = (v: number) => {
    output.textContent = String(v);
    input.setAttribute('aria-valuetext', `${spec.label} ${v}`);
  };
  input.value = String(spec.value);
  show(spec.value);
  input.addEventListener('input', () => {
    const v = Math.round(Number(input.value));
    show(v);
    onInput(v);
  });
  return {
    input,
    set(v) {
      input.value = String(v);
      show(v);
    },
    get: () => Math.round(Number(input.value)),
  };
}

export function button(
  parent: Element,
  text: string,
  action: () => void,
  attributes: Record<string, string> = {},
) {
  const b = htmlElement('button', { type: 'button', class: 'dn-button', ...attributes }, parent);
  b.textContent = text;
  b.addEventListener('click', action);
  return b;
}

export function select(
  parent: Element,
  spec: { key: string; label: string; options: readonly { value: string; text: string }[]; value: string },
  onChange: (value: string) => void,
): HTMLSelectElement {
  const label = htmlElement('label', { class: 'dn-select' }, parent);
  htmlElement('span', {}, label).textContent = `${spec.label} `;
  const el = htmlElement('select', { 'data-param': spec.key }, label);
  for (const o of spec.options) {
    const option = htmlElement('option', { value: o.value }, el);
    option.textContent = o.text;
  }
  el.value = spec.value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

/** A labelled number input for integers in [min, max]; `read` clamps and rounds. */
export interface IntField {
  input: HTMLInputElement;
  /** The field's value as a whole number in [min, max] (an out-of-range entry is clamped). */
  read(): number;
  /** What the last `read` changed in the typed text (clamped, rounded, or not a number), if anything. */
  notice(): string | undefined;
}

export function intField(
  parent: Element,
  spec: { key: string; label: string; min: number; max: number; value: number },
): IntField {
  const label = htmlElement('label', { class: 'dn-field' }, parent);
  htmlElement('span', {}, label).textContent = `${spec.label} `;
  const input = htmlElement(
    'input',
    {
      type: 'number',
      min: spec.min,
      max: spec.max,
      step: 1,
      value: spec.value,
      'data-param': spec.key,
      inputmode: 'numeric',
    },
    label,
  );
  let notice: string | undefined;
  return {
    input,
    read() {
      const typed = input.value.trim();
      const v = Math.round(Number(typed));
      const clamped =
        Number.isFinite(v) && typed !== '' ? Math.min(spec.max, Math.max(spec.min, v)) : spec.value;
      notice =
        String(clamped) === typed
          ? undefined
          : `${spec.label}: “${typed.slice(0, 20)}” is not a whole number from ${spec.min} to ${spec.max}; using ${clamped}.`;
      input.value = String(clamped);
      return clamped;
    },
    notice: () => notice,
  };
}
