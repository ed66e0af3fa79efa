/**
 * Widget `conv-calculator`: why large structured inputs want deep networks. For an image of
 * H x W pixels with C channels it counts the parameters of one fully connected layer (every unit
 * reads every pixel) against one convolutional layer (a k x k kernel, local and shared across the
 * image), and how many stacked convolutions it takes before a unit sees the whole image.
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 */
import { intField, select } from '../depth-kit/controls.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  type ConvCalculatorOptions,
  type ConvCalculatorState,
  convState,
  DEFAULT_OPTIONS,
  optionsFromUrl,
  URL_SCHEMA,
  urlValues,
} from './state.ts';
import { createConvView } from './view.ts';

export type { ConvCalculatorOptions, ConvCalculatorState } from './state.ts';

export function mountConvCalculator(
  element: HTMLElement,
  initial: Partial<ConvCalculatorOptions> = {},
): WidgetHandle<ConvCalculatorOptions, ConvCalculatorState> {
  let options: ConvCalculatorOptions = { ...DEFAULT_OPTIONS, ...initial };
  const store = createStore<ConvCalculatorState | undefined>(undefined);
  const view = createConvView(element);
  const url =
    options.urlPrefix && typeof window !== 'undefined'
      ? readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search)
      : undefined;
  if (url) options = optionsFromUrl(options, url.values);

  const { form } = view;
  const fields = {
    h: intField(form, { key: 'h', label: 'height', min: 1, max: 20000, value: options.height }),
    w: intField(form, { key: 'w', label: 'width', min: 1, max: 20000, value: options.width }),
    c: intField(form, { key: 'c', label: 'channels C', min: 1, max: 64, value: options.channels }),
    u: intField(form, {
      key: 'u',
      label: 'dense units',
      min: 1,
      max: 1e9,
      value: options.units ?? options.height * options.width,
    }),
    co: intField(form, {
      key: 'co',
      label: 'conv. output channels',
      min: 1,
      max: 1024,
      value: options.outChannels,
    }),
  };
  const kernel = select(
    form,
    {
      key: 'k',
      label: 'kernel',
      value: String(options.kernel),
      options: ['3', '5', '7'].map((v) => ({ value: v, text: `${v} × ${v}` })),
    },
    () => changed(),
  );
  const stride = select(
    form,
    {
      key: 's',
      label: 'stride',
      value: String(options.stride),
      options: [
        { value: '1', text: '1' },
        { value: '2', text: '2 (downsample)' },
      ],
    },
    () => changed(),
  );
  for (const f of Object.values(fields)) f.input.addEventListener('change', () => changed());

  const toolbar = createToolbar(view.toolbarSlot, {
    name: 'conv-calculator',
    svg: () => view.plot.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (url) toolbar.notify(url.notices);

  /** The form's values become the options (and the URL), then everything is redrawn. */
  function changed(): void {
    options = {
      ...options,
      height: fields.h.read(),
      width: fields.w.read(),
      channels: fields.c.read(),
      units: fields.u.read(),
      outChannels: fields.co.read(),
      kernel: Number(kernel.value),
      stride: Number(stride.value),
    };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues(options));
    draw();
  }

  function draw(): void {
    const state = convState(options);
    view.draw(state, options);
    store.set(state);
  }

  draw();

  return createHandle(view.root, store, {
    update(partial) {
      options = { ...options, ...partial };
      fields.h.input.value = String(options.height);
      fields.w.input.value = String(options.width);
      fields.c.input.value = String(options.channels);
      fields.u.input.value = String(options.units ?? options.height * options.width);
      fields.co.input.value = String(options.outChannels);
      kernel.value = String(options.kernel);
      stride.value = String(options.stride);
      draw();
    },
  });
}
