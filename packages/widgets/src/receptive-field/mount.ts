/**
 * Widget `receptive-field`: a picture beside the conv calculator of how the field of view of one
 * unit grows as 3 x 3 convolutions are stacked: L layers see a (2L + 1) x (2L + 1) patch.
 */
import { intSlider } from '../depth-kit/controls.ts';
import { htmlElement } from '../kit/dom.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  DEFAULT_RECEPTIVE,
  fieldLayers,
  fieldWidth,
  RECEPTIVE_LIMITS,
  type ReceptiveFieldState,
  URL_SCHEMA,
} from './state.ts';
import { createReceptiveView } from './view.ts';

export interface ReceptiveFieldOptions {
  layers?: number;
  urlPrefix?: string;
}

export function mountReceptiveField(
  element: HTMLElement,
  options: ReceptiveFieldOptions = {},
): WidgetHandle<ReceptiveFieldOptions, ReceptiveFieldState & { width: number }> {
  const store = createStore<(ReceptiveFieldState & { width: number }) | undefined>(undefined);
  let state: ReceptiveFieldState = {
    ...DEFAULT_RECEPTIVE,
    ...(options.layers === undefined ? {} : { layers: options.layers }),
  };
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-receptive-field', 'data-widget': 'receptive-field' },
    element,
  );
  const slider = intSlider(
    root,
    { key: 'layers', label: 'layers L', min: 0, max: RECEPTIVE_LIMITS.layers, value: state.layers },
    (v) => {
      state = { ...state, layers: v };
      if (options.urlPrefix) replaceUrlState(options.urlPrefix, { layers: v });
      draw();
    },
  );
  const view = createReceptiveView(root);
  const toolbar = createToolbar(root, { name: 'receptive-field', svg: () => view.svg });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    if (typeof values.layers === 'number') state = { ...state, layers: values.layers };
    slider.set(state.layers);
    toolbar.notify(notices);
  }
  function draw(): void {
    const first = fieldLayers(state.layers, state.grid);
    const width = fieldWidth(first, state.grid, state.layers);
    view.draw(first, state.grid, state.layers, width);
    store.set({ ...state, width });
  }
  draw();
  return createHandle(root, store, {
    update(change) {
      if (change.layers !== undefined) {
        state = {
          ...state,
          layers: Math.max(0, Math.min(RECEPTIVE_LIMITS.layers, Math.round(change.layers))),
        };
        slider.set(state.layers);
        draw();
      }
    },
  });
}
