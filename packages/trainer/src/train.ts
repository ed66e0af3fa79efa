/**
 * The training loop: epochs of (mini-)batch steps phi <- update(phi, dL/dphi) with seeded
 * shuffling, per-epoch metrics, cancellation, pause/resume and checkpoints.
 *
 * The numeric work of an epoch (forward, backward, L2, update, shuffling and gathering)
 * allocates nothing; each epoch adds one small metrics record to the history.
 */
import { AbortError, NETWORK_FORMAT } from '@deepnets/core';
import { CHECKPOINT_FORMAT, type Checkpoint } from './checkpoint.ts';
import { yieldToEventLoop } from './controller.ts';
import { gatherRows, shuffleIndices } from './datasets/samples.ts';
import { DIVERGENCE_FACTOR, firstNonFinite, TrainingDivergedError } from './diverged.ts';
import { targetWidth } from './losses.ts';
import { unpackParameters } from './parameters.ts';
import { addL2 } from './regularization.ts';
import { learningRateAt } from './schedule.ts';
import { type Run, setupRun } from './train-setup.ts';
import type { EpochMetrics, TrainOptions, TrainResult } from './train-types.ts';

function checkpointOf(run: Run): Checkpoint {
  const network = unpackParameters(run.theta, run.layout, run.network.activation);
  const buffers = Object.fromEntries(Object.entries(run.state.buffers).map(([k, v]) => [k, Array.from(v)]));
  return {
    format: CHECKPOINT_FORMAT,
    epoch: run.epoch,
    step: run.step,
    seed: run.seed,
    network: { format: NETWORK_FORMAT, ...network },
    optimizer: { name: run.optimizer.name, step: run.state.step, buffers },
    rng: run.rng.getState(),
  };
}

/** Creates the function that runs one epoch of `run` and returns its metrics. */
function epochRunner(run: Run, shuffle: boolean): () => EpochMetrics {
  const { train, layout, batchSize, backprop, theta, grad } = run;
  const din = layout.widths[0] as number;
  const tw = targetWidth(run.loss, layout.widths[layout.widths.length - 1] as number);
  const full = batchSize >= train.count;
  const order = new Uint32Array(train.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const bx = full ? train.x : run.kernel.alloc(batchSize * din);
  const by = full ? train.y : run.kernel.alloc(batchSize * tw);
  // max(1, the first batch's loss of this call): the scale that divergence is measured against.
  let reference = Number.NaN;
  return () => {
    const lr = learningRateAt(run.learningRate, run.schedule, run.epoch);
    if (!full && shuffle) shuffleIndices(run.rng, order);
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (let from = 0; from < train.count && run.step < run.maxSteps; from += batchSize) {
      const n = Math.min(batchSize, train.count - from);
      if (!full) {
        gatherRows(train.x, din, order, from, n, bx);
        gatherRows(train.y, tw, order, from, n, by);
      }
      const pass = backprop.gradient(theta, bx, by, n, grad);
      if (!Number.isFinite(pass.loss))
        throw new TrainingDivergedError(run.epoch + 1, run.step + 1, lr, pass.loss);
      if (Number.isNaN(reference)) reference = Math.max(1, pass.loss);
      if (pass.loss > DIVERGENCE_FACTOR * reference) {
        const what = `the loss ${pass.loss.toPrecision(3)} is more than ${DIVERGENCE_FACTOR} times the first batch's ${reference.toPrecision(3)}`;
        throw new TrainingDivergedError(run.epoch + 1, run.step + 1, lr, pass.loss, what);
      }
      lossSum += pass.loss * n;
      correct += pass.correct;
      seen += n;
      addL2(theta, grad, layout, run.l2);
      run.optimizer.step(theta, grad, lr, run.state, run.optimizerOptions);
      run.step++;
    }
    const bad = firstNonFinite(theta);
    if (bad >= 0) {
      const what = `parameter ${bad} of phi is ${theta[bad]}`;
      throw new TrainingDivergedError(run.epoch + 1, run.step, lr, lossSum / seen, what);
    }
    run.epoch++;
    const metrics: EpochMetrics = {
      epoch: run.epoch,
      step: run.step,
      learningRate: lr,
      loss: lossSum / seen,
    };
    if (run.loss.classification) metrics.accuracy = correct / seen;
    if (run.validation && run.validationBackprop) {
      const v = run.validationBackprop.evaluate(
        theta,
        run.validation.x,
        run.validation.y,
        run.validation.count,
      );
      metrics.validationLoss = v.loss;
      if (run.loss.classification) metrics.validationAccuracy = v.correct / run.validation.count;
    }
    return metrics;
  };
}

/**
 * Trains a copy of `options.network` (or continues `options.resume`) and resolves with the
 * trained network, the per-epoch history and a checkpoint of the final state.
 *
 * Rejects with `AbortError` when `options.signal` aborts (checked before every epoch; after
 * calling `onCheckpoint` with the last completed epoch's state), with `TrainingDivergedError`
 * (code `TRAINING_DIVERGED`) when the loss or a parameter stops being finite or the loss grows
 * `DIVERGENCE_FACTOR` (10^6) times above max(1, its first batch's value) (nothing is checkpointed
 * then), with `TOO_LARGE` before allocating when the run would need more than `memoryLimit`, and with a `DeepnetsError`
 * naming the option for bad input. The same options and seed give bit-identical results,
 * also across a stop and a resume from a checkpoint.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const run = setupRun(options);
  const runEpoch = epochRunner(run, options.shuffle ?? true);
  const { signal, controller, onCheckpoint } = options;
  const every = options.checkpointEvery ?? 0;
  const yieldEveryMs = options.yieldEveryMs ?? 10;
  const history: EpochMetrics[] = [];
  let lastYield = performance.now();
  let stoppedBy: TrainResult['stoppedBy'] = 'epochs';
  try {
    while (true) {
      if (run.epoch >= run.maxEpochs) break;
      if (run.step >= run.maxSteps) {
        stoppedBy = 'steps';
        break;
      }
      if (signal?.aborted) throw new AbortError('training was aborted');
      if (controller?.paused) await controller.waitWhilePaused(signal);
      const metrics = runEpoch();
      if (options.keepHistory !== false) history.push(metrics);
      options.onEpoch?.(metrics);
      if (onCheckpoint && every > 0 && run.epoch % every === 0) await onCheckpoint(checkpointOf(run));
      if (options.stopWhen?.(metrics)) {
        stoppedBy = 'stopWhen';
        break;
      }
      if (performance.now() - lastYield >= yieldEveryMs) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
  } catch (error) {
    if (error instanceof AbortError && onCheckpoint) await onCheckpoint(checkpointOf(run));
    throw error;
  }
  const checkpoint = checkpointOf(run);
  const network = unpackParameters(run.theta, run.layout, run.network.activation);
  return { network, history, epoch: run.epoch, step: run.step, stoppedBy, checkpoint };
}
