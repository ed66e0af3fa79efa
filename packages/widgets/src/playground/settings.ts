/**
 * The settings row's behaviour: activation, optimizer, learning rate and the hidden-widths field
 * (checked as it is typed: while it holds invalid text a notice says what is expected and Train
 * stays disabled).
 */
import type { createStore } from '../kit/widget.ts';
import { parseHidden } from './menus.ts';
import type { PlaygroundState } from './state.ts';
import { type PlaygroundView, selectRate } from './view.ts';

export interface SettingsBinding {
  /** Whether the widths field holds text that is not a valid list of widths. */
  hiddenInvalid(): boolean;
  /** Checks the widths field; returns the widths, or undefined when invalid. */
  checkHidden(): number[] | undefined;
  /** Shows the state's widths and learning rate in their controls. */
  show(): void;
}

/**
 * Wires the controls to `store`. `changed` runs after a setting changed: `'activation'` and
 * `'hidden'` need a fresh network, `'optimizer'` and `'rate'` only a new URL.
 */
export function bindSettings(
  view: PlaygroundView,
  store: ReturnType<typeof createStore<PlaygroundState>>,
  on: { changed(what: 'activation' | 'hidden' | 'optimizer' | 'rate'): void; redraw(): void },
): SettingsBinding {
  let invalid = false;
  const patch = (p: Partial<PlaygroundState>) => store.set({ ...store.get(), ...p });
  const { hiddenInput, hiddenError } = view;

  function checkHidden(): number[] | undefined {
    try {
      const hidden = parseHidden(hiddenInput.value);
      hiddenInput.removeAttribute('aria-invalid');
      hiddenError.hidden = true;
      invalid = false;
      return hidden;
    } catch (e) {
      hiddenInput.setAttribute('aria-invalid', 'true');
      hiddenError.textContent = (e as Error).message;
      hiddenError.hidden = false;
      invalid = true;
      return undefined;
    } finally {
      on.redraw();
    }
  }

  function show(): void {
    hiddenInput.value = store.get().hidden.join(',');
    selectRate(view.rateSelect, store.get().learningRate);
  }

  view.activationSelect.addEventListener('change', () => {
    patch({ activation: view.activationSelect.value });
    on.changed('activation');
  });
  view.optimizerSelect.addEventListener('change', () => {
    patch({ optimizer: view.optimizerSelect.value });
    on.changed('optimizer');
  });
  view.rateSelect.addEventListener('change', () => {
    patch({ learningRate: Number(view.rateSelect.value) });
    on.changed('rate');
  });
  hiddenInput.addEventListener('input', () => void checkHidden());
  hiddenInput.addEventListener('change', () => {
    const hidden = checkHidden();
    if (!hidden) return;
    patch({ hidden });
    on.changed('hidden');
  });
  show();
  return { hiddenInvalid: () => invalid, checkHidden, show };
}
