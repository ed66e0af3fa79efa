/** Helpers shared by the browser tests of the widgets. */
import { flushUrlState } from './url-state.ts';

export const host = (): HTMLElement => document.body.appendChild(document.createElement('div'));

/** Resolves with the next state a widget publishes. */
export const nextDraw = <T>(subscribe: (l: (s: T) => void) => () => void): Promise<T> =>
  new Promise<T>((resolve) => {
    const off = subscribe((state) => {
      off();
      resolve(state);
    });
  });

/** Resolves with the first state a widget publishes that passes `test`. */
export const until = <T>(subscribe: (l: (s: T) => void) => () => void, test: (s: T) => boolean): Promise<T> =>
  new Promise<T>((resolve) => {
    const off = subscribe((state) => {
      if (!test(state)) return;
      off();
      resolve(state);
    });
  });

/** Sets a range input as a user would and fires `input`. */
export function moveSlider(root: ParentNode, key: string, value: number): void {
  const input = root.querySelector(`input[data-param="${key}"]`) as HTMLInputElement;
  input.value = String(value);
  input.dispatchEvent(new Event('input'));
}

/** The integer in the widget's `data-regions` element. */
export const shownRegions = (root: ParentNode): number =>
  Number((root.querySelector('[data-regions]') as HTMLElement).dataset.regions);

/**
 * The page URL's query with every pending widget state written (widgets write the URL at most
 * every 250 ms, so a test reads it through this, never through `window.location` directly).
 */
export function urlSearch(): string {
  flushUrlState();
  return window.location.search;
}

/** Puts `search` in the page URL for a URL-state test (after writing what is pending, so nothing lands later). */
export function setSearch(search: string): void {
  flushUrlState();
  window.history.replaceState(null, '', `${window.location.pathname}${search}`);
}
