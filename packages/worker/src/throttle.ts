/**
 * Throttling of progress events: at most one event per `intervalMs`, the latest one wins, and the
 * latest is always delivered (after the interval, or at once by `flush()`). Events keep their order.
 */

export interface Throttle<T> {
  /** Offers an event: sent now if the interval has passed, else kept (replacing an older kept one). */
  push(event: T): void;
  /** Sends the kept event, if any, now. */
  flush(): void;
  /** Drops the kept event and the timer. */
  cancel(): void;
}

export interface ThrottleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** Wraps `send` so that it is called at most once per `intervalMs` (0: every event). */
export function createThrottle<T>(
  send: (event: T) => void,
  intervalMs: number,
  clock: ThrottleClock = realClock,
): Throttle<T> {
  let last = Number.NEGATIVE_INFINITY;
  let kept: { event: T } | undefined;
  let timer: unknown;
  const fire = () => {
    timer = undefined;
    if (!kept) return;
    const { event } = kept;
    kept = undefined;
    last = clock.now();
    send(event);
  };
  return {
    push(event) {
      const wait = last + intervalMs - clock.now();
      if (wait <= 0 && timer === undefined) {
        kept = { event };
        fire();
        return;
      }
      kept = { event };
      timer ??= clock.setTimeout(fire, Math.max(0, wait));
    },
    flush() {
      if (timer !== undefined) clock.clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      kept = undefined;
    },
  };
}
