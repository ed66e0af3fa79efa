/**
 * Pause and resume across the thread boundary. The trainer's `TrainingController` is checked by
 * `train` between epochs; this subclass also tells listeners when it changes, so a runner can
 * forward `pause()` and `resume()` to the controller of the job running in the worker. It is a
 * `TrainingController`, so the same object works with a local `train` call too.
 */
import { TrainingController } from '@deepnets/trainer';

export class ObservableTrainingController extends TrainingController {
  #listeners = new Set<(paused: boolean) => void>();

  override pause(): void {
    super.pause();
    for (const listener of this.#listeners) listener(true);
  }

  override resume(): void {
    super.resume();
    for (const listener of this.#listeners) listener(false);
  }

  /** Calls `listener(paused)` after every `pause()` and `resume()`; returns the unsubscribe. */
  subscribe(listener: (paused: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
