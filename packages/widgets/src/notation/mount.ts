/**
 * Widget `notation`: one live network written four ways, switchable by tabs: the lecture's scalar
 * notation (one equation per unit), the vector form (units stacked into columns), the matrix form
 * (beta_k and Omega_k written out as numbers) and the general form (the symbols beta_k, Omega_k
 * and the nested equation); a fifth tab shows the lecture's renaming from the two-layer names
 * (theta_0, theta, psi_0, Psi, phi'_0, phi') to beta_0, Omega_0, ..., Omega_2, side by side, on a
 * live network with two hidden layers (1-3-3-1, same seed). The LaTeX comes from core's `toLatex`; it is drawn as MathML by the
 * kit's `latexToMathml`. Pointing at (or stepping with the arrow keys to) a coefficient
 * highlights its weight in the network diagram, and pointing at a weight highlights its symbol.
 */
import { countParameters, type Network, widths } from '@deepnets/core';
import { htmlElement } from '../kit/dom.ts';
import { latexToMathml, loadMath, mathReady } from '../kit/latex-mathml.ts';
import { type CoefRef, createNetworkDiagram, describeRef, refMatches } from '../kit/network-diagram.ts';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  allCoefficients,
  coefficientOrder,
  exampleNetwork,
  NOTATION_TABS,
  type NotationTab,
} from './coefficients.ts';
import {
  latexBlocks,
  type NotationOptions,
  type NotationState,
  summaryText,
  TAB_NAMES,
  twoLayer,
  URL_SCHEMA,
} from './state.ts';

export type { NotationOptions, NotationState } from './state.ts';

let instances = 0;

export function mountNotation(
  element: HTMLElement,
  initial: Partial<NotationOptions> = {},
): WidgetHandle<NotationOptions, NotationState> {
  let options: NotationOptions = {
    tab: 'scalar',
    numbers: true,
    seed: 1,
    widths: [3, 4, 2, 3, 2],
    network: initial.network ?? exampleNetwork(initial.seed ?? 1, initial.widths),
    ...initial,
  };
  const custom = initial.network !== undefined;
  const store = createStore<NotationState | undefined>(undefined);
  const id = `dn-notation-${++instances}`;
  let refs: CoefRef[] = [];
  let marks: Element[] = [];
  let cursor = -1;
  let diagramCursor = -1;

  const root = htmlElement('div', { class: 'dn-widget dn-notation', 'data-widget': 'notation' }, element);
  const summary = htmlElement('p', { class: 'dn-summary' }, root);
  const tablist = htmlElement('div', { role: 'tablist', 'aria-label': 'Notation', class: 'dn-tabs' }, root);
  const tabs = NOTATION_TABS.map((tab) => {
    const button = htmlElement(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `${id}-tab-${tab}`,
        'aria-controls': `${id}-panel`,
        'data-tab': tab,
        class: 'dn-tab',
      },
      tablist,
    );
    button.textContent = TAB_NAMES[tab];
    button.addEventListener('click', () => setOptions({ tab }));
    return button;
  });
  tablist.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -99, End: 99 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const now = NOTATION_TABS.indexOf(options.tab);
    const next = Math.max(
      0,
      Math.min(NOTATION_TABS.length - 1, Math.abs(step) === 99 ? (step > 0 ? 99 : 0) : now + step),
    );
    setOptions({ tab: NOTATION_TABS[next] as NotationTab });
    tabs[next]?.focus();
  });
  const panel = htmlElement('div', { role: 'tabpanel', id: `${id}-panel`, class: 'dn-tabpanel' }, root);
  const row = htmlElement('div', { class: 'dn-row' }, panel);
  const numbersLabel = htmlElement('label', { class: 'dn-check' }, row);
  const numbersBox = htmlElement('input', { type: 'checkbox', 'data-action': 'numbers' }, numbersLabel);
  numbersLabel.append(' numbers instead of symbols');
  numbersBox.addEventListener('change', () => setOptions({ numbers: numbersBox.checked }));
  const resample = htmlElement(
    'button',
    { type: 'button', class: 'dn-button', 'data-action': 'sample' },
    row,
  );
  resample.textContent = 'New numbers';
  resample.hidden = custom;
  resample.addEventListener('click', () =>
    setOptions({ seed: options.seed + 1, network: exampleNetwork(options.seed + 1, options.widths) }),
  );
  const mathBox = htmlElement(
    'div',
    {
      class: 'dn-math',
      tabindex: 0,
      'aria-label':
        'Equations of the network. Arrow keys step through the coefficients; each is described below.',
    },
    panel,
  );
  const diagram = createNetworkDiagram(panel, { width: 480, height: 240, edgeLimit: 2000 });
  diagram.svg.setAttribute('tabindex', '0');
  diagram.svg.setAttribute('aria-label', 'Network diagram. Arrow keys step through the weights and biases.');
  const info = htmlElement(
    'p',
    { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'coefficient' },
    root,
  );
  const toolbar = createToolbar(root, {
    name: 'notation',
    svg: () => diagram.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  /** Export network: the network on show (the renaming tab's two-layer one there). */
  const files = createNetworkFileControls(root, {
    get name() {
      return `notation-${widths(shown()).join('-')}`;
    },
    network: shown,
  });

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    if (values.tab) options.tab = values.tab as NotationTab;
    if (values.numbers) options.numbers = values.numbers === '1';
    if (values.seed !== undefined && !custom) {
      options.seed = values.seed as number;
      options.network = exampleNetwork(options.seed, options.widths);
    }
    toolbar.notify(notices);
  }

  function setOptions(partial: Partial<NotationOptions>): void {
    options = { ...options, ...partial };
    if (options.urlPrefix) {
      replaceUrlState(options.urlPrefix, {
        tab: options.tab,
        numbers: options.numbers ? '1' : '0',
        seed: options.seed,
      });
    }
    render();
  }

  /** Highlights `ref` in the equations and the diagram (undefined clears) and describes it. */
  function highlight(ref: CoefRef | undefined): void {
    diagram.highlight(ref);
    mathBox.classList.toggle('dn-dim', ref !== undefined);
    marks.forEach((el, n) => {
      const own = refs[n] as CoefRef;
      const on =
        ref !== undefined && (refMatches(own, ref.k, ref.i, ref.j) || refMatches(ref, own.k, own.i, own.j));
      el.classList.toggle('dn-active', on);
    });
    info.textContent = ref
      ? describeRef(shown(), ref)
      : 'Point at a symbol or a weight, or use the arrow keys.';
    root.dataset.active = ref ? `${ref.k},${ref.i},${ref.j}` : '';
  }

  mathBox.addEventListener('pointerover', (event) => {
    const target = (event.target as Element).closest('[data-coef]');
    highlight(target ? refs[Number(target.getAttribute('data-coef'))] : undefined);
  });
  mathBox.addEventListener('pointerdown', (event) => {
    const target = (event.target as Element).closest('[data-coef]');
    if (target) highlight(refs[Number(target.getAttribute('data-coef'))]);
  });
  mathBox.addEventListener('pointerleave', () => highlight(undefined));
  diagram.onHover((ref) => highlight(ref));

  const stepper =
    (list: () => CoefRef[], get: () => number, set: (n: number) => void) => (event: KeyboardEvent) => {
      const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (event.key === 'Escape') {
        set(-1);
        highlight(undefined);
        return;
      }
      if (delta === undefined) return;
      event.preventDefault();
      const items = list();
      const next = (get() + delta + items.length) % items.length;
      set(next);
      highlight(items[next]);
    };
  mathBox.addEventListener(
    'keydown',
    stepper(
      () => refs,
      () => cursor,
      (n) => (cursor = n),
    ),
  );
  diagram.svg.addEventListener(
    'keydown',
    stepper(
      () => allCoefficients(shown()),
      () => diagramCursor,
      (n) => (diagramCursor = n),
    ),
  );

  /** The network on show: the renaming tab's two-layer one, else the widget's. */
  function shown(): Network {
    return options.tab === 'renaming' ? twoLayer(options) : options.network;
  }

  function render(): void {
    const start = performance.now();
    const { tab } = options;
    const network = shown();
    for (const [n, button] of tabs.entries()) {
      const on = NOTATION_TABS[n] === tab;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `${id}-tab-${tab}`);
    numbersBox.checked = options.numbers;
    numbersLabel.hidden = tab === 'matrix' || tab === 'general' || tab === 'renaming';
    const blocks = latexBlocks(network, tab, options.numbers);
    const latex = blocks.join('\n');
    const rendered = blocks.map((b) => latexToMathml(b, `${TAB_NAMES[tab]} notation of the network`));
    const found = rendered.flatMap((r) => r.coefficients);
    found.forEach((el, n) => {
      el.setAttribute('data-coef', String(n));
    });
    const expected = coefficientOrder(network, tab);
    // Link symbols to weights only when the rendering has exactly the expected coefficients.
    refs = found.length === expected.length ? expected : [];
    marks = refs.length ? found : [];
    mathBox.replaceChildren(...rendered.map((r) => r.math));
    mathBox.dataset.coefficients = String(found.length);
    cursor = -1;
    // The scalar and vector tabs name a two-hidden-layer network's units h, h′ and its output y′
    // (as core's toLatex and the slides of sections 1-2); the other tabs use h₁, h₂.
    const twoHidden = network.layers.length === 3 && (tab === 'scalar' || tab === 'vector');
    diagram.draw(network, twoHidden ? ['x', 'h', 'h′', 'y′'] : undefined);
    const parameters = countParameters(network);
    const text = summaryText(network);
    summary.replaceChildren(text.before);
    htmlElement('strong', { 'data-parameters': parameters }, summary).textContent =
      `${parameters} parameters`;
    summary.append(text.after);
    if (tab === 'renaming') {
      summary.append(
        ' The lecture names the two-layer network’s blocks θ₀, θ, ψ₀, Ψ, φ′₀, φ′ and then renames them β₀, Ω₀, β₁, Ω₁, β₂, Ω₂: the same numbers under new names.',
      );
    }
    highlight(undefined);
    const ms = performance.now() - start;
    root.dataset.ms = ms.toFixed(2);
    store.set({ tab, numbers: options.numbers, latex, coefficients: refs, parameters, ms });
  }

  render();
  // Temml arrives on demand: draw again once it is there, so the symbols link to the weights.
  let destroyed = false;
  if (!mathReady()) void loadMath().then(() => destroyed || render());

  return createHandle(root, store, {
    update(partial) {
      setOptions(partial);
    },
    cleanup() {
      destroyed = true;
      files.destroy();
    },
  });
}
