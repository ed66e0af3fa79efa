/**
 * A labelled range slider. Native `<input type="range">`: reachable with Tab, arrow keys and
 * Page Up/Down change it, touch drags it, and screen readers announce its label and value.
 */
import { htmlElement } from './dom.ts';

export interface SliderSpec {
  /** Stable key, used in URLs and `data-param`. */
  key: string;
  /** Plain-text label for assistive technology, e.g. "theta 1 0". */
  label: string;
  /** Visible label, e.g. "θ₁₀". */
  display: string;
  min: number;
  max: number;
  step: number;
}

export interface Slider {
  input: HTMLInputElement;
  set(value: number): void;
}

export function createSlider(parent: Element, spec: SliderSpec, onInput: (value: number) => void): Slider {
  const label = htmlElement('label', { class: 'dn-slider' }, parent);
  htmlElement('span', { class: 'dn-slider-name', 'aria-hidden': 'true' }, label).textContent = spec.display;
  const input = htmlElement(
    'input',
    {
      type: 'range',
      min: spec.min,
      max: spec.max,
      step: spec.step,
      'aria-label': spec.label,
      'data-param': spec.key,
    },
    label,
  );
  const output = htmlElement('output', { class: 'dn-slider-value', 'aria-hidden': 'true' }, label);
  const show = (value: number) => {
    output.textContent = value.toFixed(2);
  };
  input.addEventListener('input', () => {
    const value = Number(input.value);
    show(value);
    onInput(value);
  });
  return {
    input,
    set(value) {
      input.value = String(value);
      show(value);
    },
  };
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** Digits as Unicode subscripts: 10 -> "₁₀". */
export function subscript(n: number | string): string {
  return [...String(n)].map((c) => SUBSCRIPT[Number(c)] ?? c).join('');
}
