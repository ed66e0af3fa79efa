/**
 * The curve and checkpoint bookkeeping shared by every resumable training run (the random-labels
 * experiment, sweep trials): a point at epoch 1, every `curveEvery` and every `checkpointEvery`
 * epochs, the last epoch always on the curve, and a state handed out at each checkpoint and once
 * more at the end when the last checkpoint was not the final epoch. A run continued from a saved
 * state therefore records exactly the curve of a run made in one go.
 */
import type { Checkpoint } from './checkpoint.ts';
import type { EpochMetrics, TrainOptions } from './train-types.ts';

/** How often a resumable run records its curve and saves its state. */
export interface CurveCadence {
  curveEvery: number;
  checkpointEvery: number;
}

/** True for the epochs a run in one go puts on its curve (1, every `curveEvery`, every checkpoint). */
export function isRegularEpoch(epoch: number, cadence: CurveCadence): boolean {
  return epoch === 1 || epoch % cadence.curveEvery === 0 || epoch % cadence.checkpointEvery === 0;
}

/**
 * The curve saved at `savedEpoch`, without the extra point a stop (Ctrl-C, abort) added at its
 * epoch, so that continuing it gives the curve of an uninterrupted run.
 */
export function resumableCurve<P extends { epoch: number }>(
  saved: readonly P[],
  savedEpoch: number,
  cadence: CurveCadence,
): P[] {
  return saved.filter((p) => p.epoch <= savedEpoch && isRegularEpoch(p.epoch, cadence));
}

/** What `recordCurve` needs to know about a run. */
export interface CurveRecorderOptions<P extends { epoch: number }, S> extends CurveCadence {
  /** The curve so far (from `resumableCurve` when resuming); points are appended to it. */
  curve: P[];
  /** The curve point of one epoch's metrics. */
  pointOf: (metrics: EpochMetrics) => P;
  /** The run's state at `checkpoint`, given a copy of the curve up to that epoch. */
  stateOf: (checkpoint: Checkpoint, curve: P[]) => S;
  onCheckpoint?: ((state: S) => void | Promise<void>) | undefined;
  onEpoch?: ((metrics: EpochMetrics) => void) | undefined;
}

/** The `train` hooks of a recorded run and the call that hands out its final state. */
export interface CurveRecorder<S> {
  hooks: Required<Pick<TrainOptions, 'checkpointEvery' | 'onCheckpoint' | 'onEpoch'>>;
  /** The state at the run's final checkpoint, handed to `onCheckpoint` unless it already was. */
  finish: (checkpoint: Checkpoint) => Promise<S>;
}

/** Builds the `train` hooks that record a run's curve and hand out its states. */
export function recordCurve<P extends { epoch: number }, S>(
  options: CurveRecorderOptions<P, S>,
): CurveRecorder<S> {
  const { curve, pointOf } = options;
  let last: EpochMetrics | null = null;
  let savedEpoch = -1;
  const stateAt = (checkpoint: Checkpoint): S => {
    // The last epoch (stop, cap or abort) is always on the curve.
    if (last && curve.at(-1)?.epoch !== last.epoch) curve.push(pointOf(last));
    return options.stateOf(checkpoint, [...curve]);
  };
  return {
    hooks: {
      checkpointEvery: options.checkpointEvery,
      onCheckpoint: (checkpoint) => {
        savedEpoch = checkpoint.epoch;
        return options.onCheckpoint?.(stateAt(checkpoint));
      },
      onEpoch: (metrics) => {
        last = metrics;
        if (isRegularEpoch(metrics.epoch, options)) curve.push(pointOf(metrics));
        options.onEpoch?.(metrics);
      },
    },
    finish: async (checkpoint) => {
      const final = stateAt(checkpoint);
      if (savedEpoch !== checkpoint.epoch) await options.onCheckpoint?.(final);
      return final;
    },
  };
}
