/**
 * Widget `network-builder`: choose the hyper-parameters K (hidden layers) and D_k (units per
 * layer) and see the network diagram, the parameter count, what is known about the maximum number
 * of linear regions (exact, reached by a construction, proven upper bound), and
 * a seeded random network of that shape with its exact linear regions, for a 1-D input (the
 * function on [-1, 1] with its breakpoints) or a 2-D input (the polygons on [-1, 1]^2).
 *
 * Region enumeration goes through injected `regions1d` / `regions2d` (the docs pass the worker's,
 * with a fallback to the local call); sizes are capped (`limits`) with a visible notice.
 *
 * Export network saves the network shown as a `deepnets.network/v1` file; Open network… (or a
 * drop on the widget) shows the network of a file instead of a random one: a `deepnets construct`
 * output, an export, or the network in a `deepnets experiment` file. A file the builder cannot
 * show (bad JSON, wrong format, shapes, 40 inputs...) leaves the network shown as it was and the
 * error line says what is wrong and where.
 */
import { htmlElement } from '../kit/dom.ts';
import { createNetworkDiagram } from '../kit/network-diagram.ts';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { createPlot } from '../kit/plot.ts';
import {
  localRegions1d,
  localRegions2d,
  regions1dWithFallback,
  regions2dWithFallback,
} from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { type BuilderAction, createBuilderControls } from './controls.ts';
import { checkBuilderNetwork } from './opened.ts';
import { clampWidths, DEFAULT_LIMITS, sampleNetwork, shapeBound, shapeParameters } from './shape.ts';
import {
  applyBuilderAction,
  BOX,
  builderUrlSchema,
  builderUrlValues,
  DOMAIN,
  fromUrlValues,
  type NetworkBuilderOptions,
  type NetworkBuilderState,
  unitsWord,
  withShapeOfNetwork,
} from './state.ts';
import { draw1d, draw2d, showCount, showSummary } from './view.ts';

export type { NetworkBuilderOptions, NetworkBuilderState } from './state.ts';

export function mountNetworkBuilder(
  element: HTMLElement,
  initial: Partial<NetworkBuilderOptions> = {},
): WidgetHandle<NetworkBuilderOptions, NetworkBuilderState> {
  let options: NetworkBuilderOptions = {
    inputs: 1,
    widths: [4, 4, 4],
    seed: 1,
    limits: DEFAULT_LIMITS,
    localUpTo: 24,
    regions1d: localRegions1d,
    regions2d: localRegions2d,
    ...initial,
  };
  const store = createStore<NetworkBuilderState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-builder', 'data-widget': 'network-builder' },
    element,
  );
  const controls = createBuilderControls(root, (action) => apply(action));
  const notice = htmlElement(
    'p',
    { class: 'dn-notice', role: 'status', 'data-role': 'limit', hidden: 'hidden' },
    root,
  );
  const summary = htmlElement('p', { class: 'dn-summary', 'aria-live': 'polite' }, root);
  const figures = htmlElement('div', { class: 'dn-builder-figures' }, root);
  const diagram = createNetworkDiagram(figures, { width: 420, height: 300, edgeLimit: 0 });
  diagram.svg.setAttribute('tabindex', '0');
  diagram.svg.setAttribute(
    'aria-label',
    'Network diagram. Keys: arrow left or right select a layer, arrow up or down change its width, plus adds a layer, minus removes one.',
  );
  const plot1d = createPlot(figures, { width: 420, height: 300, xLabel: 'x', yLabel: 'y' });
  const plot2d = createPlot(figures, { width: 300, height: 300, xLabel: 'x₁', yLabel: 'x₂' });
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const toolbar = createToolbar(root, {
    name: 'network-builder',
    svg: () => (options.inputs === 1 ? plot1d.svg : plot2d.svg),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  let selected = 0;
  let shown: NetworkBuilderState | undefined;
  /** The options before the last opened file, restored if its network cannot be shown after all. */
  let beforeOpen: NetworkBuilderOptions | undefined;
  const files = createNetworkFileControls(toolbar.element, {
    name: 'network-builder',
    network: () => shown?.network,
    check: (net) => checkBuilderNetwork(net, options.limits),
    open: (network, fileName, where) => {
      const source = where ? `${fileName} (${where})` : fileName;
      beforeOpen = options;
      show(withShapeOfNetwork({ ...options, network, source }));
    },
    dropTarget: root,
  });

  /** Shows `next` (a shape, or an opened network with its shape). */
  function show(next: NetworkBuilderOptions): void {
    options = next;
    selected = 0;
    say('');
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, builderUrlValues(options));
    controls.sync(options, options.limits);
    void render();
  }

  function refuseOpened(source: string, error: unknown): void {
    files.fail(source, error);
    const previous = beforeOpen as NetworkBuilderOptions;
    beforeOpen = undefined;
    show(previous);
  }

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      builderUrlSchema(options.limits),
      window.location.search,
    );
    options = fromUrlValues(options, values);
    toolbar.notify(notices);
  }
  options = withShapeOfNetwork(options);

  function say(text: string): void {
    notice.textContent = text;
    notice.hidden = text === '';
  }

  function apply(action: BuilderAction): void {
    const next = applyBuilderAction(options, action, selected);
    options = next.options;
    selected = next.selected;
    say(next.message);
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, builderUrlValues(options));
    controls.sync(options, options.limits);
    void render();
  }

  diagram.svg.addEventListener('keydown', (event) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => {
        selected = Math.max(0, selected - 1);
        markSelected();
      },
      ArrowRight: () => {
        selected = Math.min(options.widths.length - 1, selected + 1);
        markSelected();
      },
      ArrowUp: () => apply({ type: 'width', layer: selected, width: (options.widths[selected] ?? 1) + 1 }),
      ArrowDown: () => apply({ type: 'width', layer: selected, width: (options.widths[selected] ?? 1) - 1 }),
      '+': () => apply({ type: 'add-layer' }),
      '-': () => apply({ type: 'remove-layer' }),
      Insert: () => apply({ type: 'add-layer' }),
      Delete: () => apply({ type: 'remove-layer' }),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  });

  function markSelected(): void {
    markSelectedQuietly();
    say(`Layer ${selected + 1} selected (${unitsWord(options.widths[selected] ?? 0)}).`);
  }

  async function render(): Promise<void> {
    const id = ++request;
    const start = performance.now();
    const { inputs, widths, seed, limits } = options;
    const network = options.network ?? sampleNetwork(inputs, widths, seed);
    const source = options.network ? (options.source ?? 'the given network') : '';
    const parameters = shapeParameters(inputs, widths);
    const bound = shapeBound(inputs, widths);
    showSummary(summary, inputs, widths, parameters, bound);
    diagram.draw(network);
    markSelectedQuietly();
    plot1d.svg.style.display = inputs === 1 ? '' : 'none';
    plot2d.svg.style.display = inputs === 2 ? '' : 'none';
    let linearRegions: number | undefined;
    let activationRegions = 0;
    const units = widths.reduce((a, b) => a + b, 0);
    try {
      if (inputs === 1) {
        const source = units <= options.localUpTo ? localRegions1d : options.regions1d;
        const r = await regions1dWithFallback(source, network, { domain: DOMAIN });
        if (destroyed || id !== request) return;
        draw1d(plot1d, r);
        ({ linearRegions, activationRegions } = r);
      } else if (units <= limits.units2d) {
        const source = units <= options.localUpTo ? localRegions2d : options.regions2d;
        const r = await regions2dWithFallback(source, network, { box: BOX });
        if (destroyed || id !== request) return;
        draw2d(plot2d, r);
        ({ linearRegions, activationRegions } = r);
      } else {
        plot2d.regions.replaceChildren();
        plot2d.curves.replaceChildren();
        status.textContent = `The 2-D drawing is limited to ${limits.units2d} hidden units in total (this network has ${units}); remove units or switch to a 1-D input.`;
      }
    } catch (error) {
      if (destroyed || id !== request) return;
      // An opened network whose regions cannot be counted exactly: say why, show the previous one.
      if (options.network && beforeOpen) {
        refuseOpened(options.source ?? 'the file', error);
        return;
      }
      status.textContent = `Its regions cannot be counted exactly: ${(error as Error).message}`;
    }
    if (linearRegions !== undefined) {
      showCount(status, inputs, linearRegions, activationRegions, bound, source);
      const plot = inputs === 1 ? plot1d : plot2d;
      const shape = [inputs, ...widths, 1].join('-');
      plot.setTitle(
        `${source ? `The ${shape} network of ${source}` : `A random ${shape} network`}: ${status.textContent}`,
      );
    }
    const ms = performance.now() - start;
    root.dataset.ms = ms.toFixed(2);
    shown = { inputs, widths, seed, network, source, parameters, bound, linearRegions, ms };
    files.refresh();
    store.set(shown);
  }

  function markSelectedQuietly(): void {
    for (const [c, label] of diagram.svg.querySelectorAll('text.dn-label').entries()) {
      label.classList.toggle('dn-selected', c === selected + 1);
    }
  }

  controls.sync(options, options.limits);
  void render();

  return createHandle(root, store, {
    update(partial) {
      beforeOpen = undefined;
      // A new shape or seed without a network goes back to random weights.
      const reshaped =
        !('network' in partial) && (partial.inputs ?? partial.widths ?? partial.seed) !== undefined;
      options = withShapeOfNetwork({
        ...options,
        ...partial,
        ...(reshaped ? { network: undefined, source: undefined } : {}),
        widths: clampWidths(partial.widths ?? options.widths, partial.limits ?? options.limits),
      });
      controls.sync(options, options.limits);
      void render();
    },
    cleanup() {
      destroyed = true;
      files.destroy();
    },
  });
}
