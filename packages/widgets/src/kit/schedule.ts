/**
 * Keeping drags smooth (issue 19, item 5): work that a drag would repeat on every input event runs
 * at most once per animation frame, or once on the leading edge and again when the input settles.
 * Each helper returns `{ run, cancel }`; `cancel` drops pending work (stale work is never drawn).
 */

export interface Scheduled {
  /** Asks for the work to run (now or later, see the helper). */
  run(): void;
  /** Drops the pending call, if any. */
  cancel(): void;
}

/**
 * Runs `work` now when it has not run for `quietMs`, otherwise once more `quietMs` after the last
 * request: a single change shows at once, a burst (a drag) costs one run at its start and one at
 * its end.
 */
export function leadingAndSettled(work: () => void, quietMs: number): Scheduled {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Quiet time counts from the end of the last run: work slower than `quietMs` (a loaded machine)
  // must not make every input of a drag look like the first one after a pause.
  const fire = () => {
    timer = undefined;
    work();
    last = performance.now();
  };
  return {
    run() {
      if (timer !== undefined) clearTimeout(timer);
      if (performance.now() - last >= quietMs) fire();
      else timer = setTimeout(fire, quietMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Runs `work` at the next animation frame, once however often it is asked for before then. */
export function oncePerFrame(work: () => void): Scheduled {
  let frame: number | undefined;
  return {
    run() {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        work();
      });
    },
    cancel() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
    },
  };
}
