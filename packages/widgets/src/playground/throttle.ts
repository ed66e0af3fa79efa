/** At most one call of `run` per `everyMs()` milliseconds; calls asked for meanwhile merge into one. */
export function createThrottle(run: () => void, everyMs: () => number) {
  let dirty = false;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  return {
    schedule(): void {
      dirty = true;
      if (timer !== undefined || cancelled) return;
      const wait = Math.max(0, last + everyMs() - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        if (!dirty || cancelled) return;
        dirty = false;
        last = performance.now();
        run();
      }, wait);
    },
    cancel(): void {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
