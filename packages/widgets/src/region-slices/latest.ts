/**
 * Latest-wins job queue for one worker: at most one job runs; a new request aborts the running
 * one (its `AbortSignal`; a worker busy in synchronous code sees it where the page can share an
 * abort flag, else the result is dropped when it arrives) and replaces any request still waiting.
 * So moving a slider quickly never piles up enumerations: the worker finishes (or stops) the
 * current plane, then computes only the newest one.
 */

/** What a superseded request resolves to. */
export const STALE = Symbol('stale');

export interface LatestQueue<A, R> {
  /**
   * Runs `job(arg)` once the running job has settled; resolves `STALE` if a newer request came
   * first. `preempt` (default true) aborts the running job; false lets it finish and be shown
   * (a live run's frames: each one drawn, the skipped ones never computed).
   */
  request(arg: A, preempt?: boolean): Promise<R | typeof STALE>;
  /** Aborts the running job and drops the waiting one (e.g. on destroy). */
  cancel(): void;
  /** Jobs started so far (each started job ran `job` once). */
  readonly started: number;
}

export function latestQueue<A, R>(job: (arg: A, signal: AbortSignal) => Promise<R>): LatestQueue<A, R> {
  let running: { abort: AbortController; done: Promise<unknown> } | undefined;
  let waiting: { arg: A; resolve: (v: R | typeof STALE) => void; reject: (e: unknown) => void } | undefined;
  let started = 0;

  const start = (entry: NonNullable<typeof waiting>) => {
    const abort = new AbortController();
    started++;
    const done = job(entry.arg, abort.signal).then(
      (value) => entry.resolve(abort.signal.aborted ? STALE : value),
      (error) => (abort.signal.aborted ? entry.resolve(STALE) : entry.reject(error)),
    );
    running = { abort, done };
    void done.then(() => {
      running = undefined;
      const next = waiting;
      waiting = undefined;
      if (next) start(next);
    });
  };

  return {
    request(arg, preempt = true) {
      return new Promise((resolve, reject) => {
        waiting?.resolve(STALE);
        waiting = { arg, resolve, reject };
        if (running) {
          if (preempt) running.abort.abort();
        } else {
          const next = waiting;
          waiting = undefined;
          start(next);
        }
      });
    },
    cancel() {
      waiting?.resolve(STALE);
      waiting = undefined;
      running?.abort.abort();
    },
    get started() {
      return started;
    },
  };
}
