/**
 * Choosing a data set by name: made on the page (at once) or in the worker (a promise; then the
 * latest choice wins and an overtaken answer is dropped).
 */
import type { PlaygroundDataset } from './menus.ts';
import type { PlaygroundSources } from './sources.ts';

export interface DatasetChoice {
  /** The name chosen last ('' for none). */
  readonly name: string;
  choose(name: string): void;
  /** Forgets the pending answer, if any (on destroy). */
  cancel(): void;
}

/**
 * `use(name, made)` runs with the data set (undefined while the worker makes it, or when it
 * failed); `failed(name, error)` after a failure.
 */
export function createDatasetChoice(
  sources: () => PlaygroundSources,
  use: (name: string, made: PlaygroundDataset | undefined) => void,
  failed: (name: string, error: unknown) => void,
): DatasetChoice {
  let name = '';
  let token = 0;
  return {
    get name() {
      return name;
    },
    choose(next) {
      name = next;
      const mine = ++token;
      if (!next) return use(next, undefined);
      try {
        const made = sources().make(next);
        if (!(made instanceof Promise)) return use(next, made);
        use(next, undefined);
        made.then(
          (d) => mine === token && use(next, d),
          (e: unknown) => mine === token && failed(next, e),
        );
      } catch (e) {
        use(next, undefined);
        failed(next, e);
      }
    },
    cancel() {
      token++;
    },
  };
}
