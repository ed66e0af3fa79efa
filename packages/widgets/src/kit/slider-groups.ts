/** Sliders for a flat parameter record, one fieldset per group (kit `createSlider` each). */
import { htmlElement } from './dom.ts';
import { createSlider, type Slider, type SliderSpec } from './slider.ts';

export interface SliderGroups {
  /** Moves every slider to the value in `params` (no input events). */
  sync(params: Record<string, number>): void;
}

export function createSliderGroups(
  parent: Element,
  groups: readonly { group: string; specs: readonly SliderSpec[] }[],
  onInput: (key: string, value: number) => void,
): SliderGroups {
  const sliders = new Map<string, Slider>();
  for (const { group, specs } of groups) {
    const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, parent);
    htmlElement('legend', {}, fieldset).textContent = group;
    for (const spec of specs)
      sliders.set(
        spec.key,
        createSlider(fieldset, spec, (v) => onInput(spec.key, v)),
      );
  }
  return {
    sync(params) {
      for (const [key, slider] of sliders) slider.set(params[key] ?? 0);
    },
  };
}
