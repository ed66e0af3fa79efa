/**
 * The contract every deepnets widget follows (TanStack-style: a framework-free core, thin
 * adapters that only mount, subscribe and clean up).
 *
 * `mount(element, options)` draws into `element` and returns a handle. The widget's root carries
 * `data-widget="NAME"`; an exact region count it shows sits in an element with `data-regions`.
 */
export interface WidgetHandle<Options, State> {
  /** Changes some options; the widget recomputes and redraws. */
  update(options: Partial<Options>): void;
  /** Removes everything the widget added and stops its work. */
  destroy(): void;
  /** Calls `listener` with the new state after every change; returns the unsubscribe function. */
  subscribe(listener: (state: State) => void): () => void;
}

/** A minimal observable value: the state store of a widget. */
export function createStore<State>(initial: State) {
  let state = initial;
  const listeners = new Set<(state: State) => void>();
  return {
    get: () => state,
    set(next: State) {
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener: (state: State) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear: () => listeners.clear(),
  };
}

/**
 * The handle most widgets return: `update` and an optional `cleanup` are the widget's own;
 * `destroy` also drops the subscribers and removes the root, and `subscribe` skips the
 * not-yet-drawn state.
 */
export function createHandle<Options, State>(
  root: Element,
  store: ReturnType<typeof createStore<State | undefined>>,
  own: { update(options: Partial<Options>): void; cleanup?(): void },
): WidgetHandle<Options, State> {
  return {
    update: (options) => own.update(options),
    destroy() {
      own.cleanup?.();
      store.clear();
      root.remove();
    },
    subscribe(listener) {
      return store.subscribe((state) => {
        if (state !== undefined) listener(state);
      });
    },
  };
}
