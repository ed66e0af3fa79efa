/**
 * The settings row's behaviour: activation, optimizer, learning rate and the hidden-widths field
 * (checked as it is typed: while it holds invalid text a notice says what is expected and Train
 * stays disabled).
 */
import type { createStore } from '../kit/widget.ts';
import { parseHidden } from './menus.ts';
import { type PlaygroundState, STOP_TARGETS } from './state.ts';
import { type PlaygroundView, selectRate } from './view.ts';

export interface SettingsBinding {
  /** Whether the widths field holds text that is not a valid list of widths. */
  hiddenInvalid(): boolean;
  /** Checks the widths field; returns the widths, or undefined when invalid. */
  checkHidden(): number[] | undefined;
  /** Shows the state's widths and learning rate in their controls. */
  show(): void;
}

/** What a settings change needs: a fresh network (activation, hidden) or only a new URL. */
export type SettingChange = 'activation' | 'hidden' | 'optimizer' | 'rate' | 'stop' | 'validation';

/**
 * Wires the controls to `store`. `changed` runs after a setting changed: `'activation'` and
 * `'hidden'` need a fresh network, `'optimizer'`, `'rate'`, `'stop'` and `'validation'` only a
 * new URL.
 */
export function bindSettings(
  view: PlaygroundView,
  store: ReturnType<typeof createStore<PlaygroundState>>,
  on: { changed(what: SettingChange): void; redraw(): void },
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
    const s = store.get();
    hiddenInput.value = s.hidden.join(',');
    selectRate(view.rateSelect, s.learningRate);
    view.stopSelect.value = s.stopAt.kind;
    view.stopInput.value = String(s.stopAt.value);
    view.stopInput.disabled = s.stopAt.kind === 'none';
    view.validationSelect.value = String(s.validation);
  }

  /** Stop-at target: a fraction in (0, 1] for accuracy (typed as a fraction or a percentage), a loss >= 0. */
  function readStop(e: Event): void {
    const kind = view.stopSelect.value as PlaygroundState['stopAt']['kind'];
    // A new kind starts from its usual target; a typed value is checked.
    let value = e.target === view.stopSelect ? Number.NaN : Number(view.stopInput.value);
    if (kind === 'accuracy' && value > 1 && value <= 100) value /= 100;
    const ok = Number.isFinite(value) && value >= 0 && (kind !== 'accuracy' || (value > 0 && value <= 1));
    const fallback = kind === 'loss' ? STOP_TARGETS.loss : STOP_TARGETS.accuracy;
    patch({ stopAt: { kind, value: ok ? value : fallback } });
    show();
    on.changed('stop');
    on.redraw();
  }
  view.stopSelect.addEventListener('change', readStop);
  view.stopInput.addEventListener('change', readStop);
  view.validationSelect.addEventListener('change', () => {
    patch({ validation: Number(view.validationSelect.value) });
    on.changed('validation');
    on.redraw();
  });

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
