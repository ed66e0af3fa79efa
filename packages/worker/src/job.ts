/**
 * The worker side of a long job: its `AbortSignal` (fed by `control` messages and, where there is
 * one, a shared abort flag), its `TrainingController`, and its event stream to the main thread
 * (throttled progress, plus events that must all arrive, each in order).
 */
import { AbortError } from '@deepnets/core';
import { TrainingController, yieldToEventLoop } from '@deepnets/trainer';
import * as Comlink from 'comlink';
import { createThrottle } from './throttle.ts';
import { transferViews } from './transfer.ts';
import type { JobEvent, JobWire } from './types.ts';

/** The main-thread callback of a job, as the worker sees it (a comlink proxy). */
export type EmitProxy = Comlink.Remote<(event: JobEvent) => void>;

export interface Job {
  signal: AbortSignal;
  controller: TrainingController;
  /** A throttled event (epoch metrics, regions so far): may be dropped for a later one. */
  progress(event: JobEvent): void;
  /** An event that must arrive (checkpoint, trial row); resolves when the main thread handled it. */
  send(event: JobEvent): Promise<void>;
  /**
   * An event that must arrive, posted at once with the buffers of `views` transferred, without
   * waiting for the main thread (synchronous work such as an enumeration goes on meanwhile).
   */
  stream(event: JobEvent, views: Iterable<ArrayBufferView>): void;
}

/** What `control` can ask of a running job. */
export type JobAction = 'abort' | 'pause' | 'resume';

const running = new Map<number, { abort: AbortController; controller: TrainingController }>();

/** Applies `action` to job `id`; ignored when the job has already finished. */
export function controlJob(id: number, action: JobAction): void {
  const job = running.get(id);
  if (!job) return;
  if (action === 'abort') job.abort.abort(new AbortError('the job was aborted'));
  else if (action === 'pause') job.controller.pause();
  else job.controller.resume();
}

/** An abort signal that also reads the shared flag each time `aborted` is asked. */
function jobSignal(abort: AbortController, flag: Int32Array | undefined): AbortSignal {
  const signal = abort.signal;
  if (!flag) return signal;
  const base = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get;
  if (!base) return signal;
  Object.defineProperty(signal, 'aborted', {
    get() {
      if (!base.call(signal) && Atomics.load(flag, 0) === 1) {
        abort.abort(new AbortError('the job was aborted'));
      }
      return base.call(signal);
    },
  });
  return signal;
}

/**
 * Runs `work` as job `wire.id`. Before settling it delivers the last progress event and gives
 * the event loop one turn, so an abort that arrived during synchronous work rejects the job with
 * `AbortError` instead of resolving it. A failing main-thread callback fails the job.
 */
export async function runJob<T>(
  wire: JobWire,
  emit: EmitProxy | undefined,
  work: (job: Job) => Promise<T> | T,
): Promise<T> {
  const abort = new AbortController();
  const controller = new TrainingController();
  if (wire.paused) controller.pause();
  const signal = jobSignal(abort, wire.abortFlag);
  running.set(wire.id, { abort, controller });
  let lastSend: Promise<void> = Promise.resolve();
  let callbackError: { error: unknown } | undefined;
  const post = (event: JobEvent): Promise<void> => {
    if (!emit) return Promise.resolve();
    lastSend = Promise.resolve(emit(event)).then(
      () => undefined,
      (error: unknown) => {
        callbackError ??= { error };
      },
    );
    return lastSend;
  };
  const throttle = createThrottle(post, wire.throttleMs);
  const job: Job = {
    signal,
    controller,
    progress(event) {
      if (callbackError) throw callbackError.error;
      throttle.push(event);
    },
    async send(event) {
      throttle.flush();
      await post(event);
      if (callbackError) throw callbackError.error;
    },
    stream(event, views) {
      if (callbackError) throw callbackError.error;
      throttle.flush();
      void post(transferViews(event, views));
    },
  };
  let outcome: { value: T } | { error: unknown };
  try {
    const value = await work(job);
    await yieldToEventLoop();
    if (signal.aborted) throw new AbortError('the job was aborted');
    outcome = { value };
  } catch (error) {
    outcome = { error };
  }
  running.delete(wire.id);
  throttle.flush();
  await lastSend;
  emit?.[Comlink.releaseProxy]();
  // A main-thread callback that threw is the cause of whatever the work did after it.
  if (callbackError) throw callbackError.error;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
