/**
 * Turns `TrainOptions` into a ready run: resolved configs, checked shapes, and every buffer the
 * epoch loop needs, allocated once.
 */
import {
  createRng,
  DeepnetsError,
  registry as defaultRegistry,
  type Network,
  type Rng,
  ShapeError,
} from '@deepnets/core';
import { type Backprop, createBackprop } from './backprop.ts';
import { splitSamples } from './datasets/samples.ts';
import type { Samples } from './datasets/types.ts';
import { type FloatArray, type Kernel, typescriptKernel } from './kernel.ts';
import { defaultLossName, type LossConfig, targetWidth } from './losses.ts';
import { checkTrainingMemory } from './memory.ts';
import {
  createOptimizerState,
  type OptimizerConfig,
  type OptimizerState,
  resolveOptimizerOptions,
} from './optimizers.ts';
import { layoutOf, type ParameterLayout, packParameters } from './parameters.ts';
import { getLoss, getOptimizer } from './plugin.ts';
import { type LearningRateSchedule, validateSchedule } from './schedule.ts';
import type { TrainOptions } from './train-types.ts';

/** Examples copied into the kernel's precision. */
export interface KernelSamples {
  count: number;
  x: FloatArray;
  y: FloatArray;
}

export interface Run {
  network: Network;
  layout: ParameterLayout;
  loss: LossConfig;
  optimizer: OptimizerConfig;
  optimizerOptions: Record<string, number>;
  state: OptimizerState;
  /** Base learning rate alpha_0. */
  learningRate: number;
  schedule: LearningRateSchedule;
  l2: number;
  maxEpochs: number;
  maxSteps: number;
  batchSize: number;
  seed: number;
  rng: Rng;
  kernel: Kernel;
  train: KernelSamples;
  validation: KernelSamples | null;
  theta: FloatArray;
  grad: FloatArray;
  backprop: Backprop;
  validationBackprop: Backprop | null;
  epoch: number;
  step: number;
}

const positiveInteger = (value: number | undefined, path: string): number => {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(value) || value < 1) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be a positive integer, got ${value}`, path);
  }
  return value;
};

function toKernel(kernel: Kernel, s: Samples): KernelSamples {
  const x = kernel.alloc(s.x.length);
  const y = kernel.alloc(s.y.length);
  x.set(s.x);
  y.set(s.y);
  return { count: s.count, x, y };
}

function checkSamples(s: Samples, layout: ParameterLayout, loss: LossConfig, path: string): void {
  const din = layout.widths[0] as number;
  const dOut = layout.widths[layout.widths.length - 1] as number;
  if (s.inputs !== din)
    throw new ShapeError(`has ${s.inputs} inputs per example, the network takes ${din}`, path);
  const tw = targetWidth(loss, dOut);
  if (s.targetWidth !== tw) {
    throw new ShapeError(`has ${s.targetWidth} targets per example, loss "${loss.name}" needs ${tw}`, path);
  }
  if (s.count < 1) throw new ShapeError('has no examples', path);
  loss.validateTargets(s.y, s.count, dOut);
}

export function setupRun(options: TrainOptions): Run {
  const registry = options.registry ?? defaultRegistry;
  const { resume } = options;
  const network = resume ? resume.network : options.network;
  const layout = layoutOf(network);
  const activation = registry.get('activation', network.activation);
  const dataset = 'train' in options.data ? options.data : null;
  const data = dataset ? dataset.train : (options.data as Samples);
  const lossName = options.loss ?? (dataset && defaultLossName(dataset.task));
  if (!lossName) {
    throw new DeepnetsError(
      'UNKNOWN_NAME',
      'give a loss (e.g. "least-squares") when `data` is plain samples',
      'loss',
    );
  }
  const loss = typeof lossName === 'string' ? getLoss(lossName, registry) : lossName;
  checkSamples(data, layout, loss, 'data');

  const seed = options.seed ?? 0;
  if (resume && resume.seed !== seed) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `the checkpoint was made with seed ${resume.seed}, not ${seed}`,
      'seed',
    );
  }
  const rng = createRng(seed);
  let trainSamples = data;
  let validationSamples: Samples | null = null;
  if (typeof options.validation === 'number' && options.validation !== 0) {
    [trainSamples, validationSamples] = splitSamples(data, options.validation, rng, 'validation');
  } else if (options.validation) {
    validationSamples = options.validation;
  }
  if (validationSamples) checkSamples(validationSamples, layout, loss, 'validation');
  if (resume) rng.setState(resume.rng);

  const optimizerRef = options.optimizer ?? 'gd';
  const optimizer = typeof optimizerRef === 'string' ? getOptimizer(optimizerRef, registry) : optimizerRef;
  const optimizerOptions = resolveOptimizerOptions(optimizer, options.optimizerOptions);
  const requested = options.batchSize ?? optimizer.batchSize;
  const batchSize =
    requested === 'full'
      ? trainSamples.count
      : Math.min(positiveInteger(requested, 'batchSize'), trainSamples.count);

  checkTrainingMemory(layout.widths, {
    optimizerBuffers: optimizer.buffers.length,
    batchSize: Math.max(batchSize, validationSamples?.count ?? 0),
    dataValues: data.x.length + data.y.length,
    ...(options.memoryLimit === undefined ? {} : { limit: options.memoryLimit }),
  });
  let state = createOptimizerState(optimizer, layout.size);
  if (resume) {
    if (resume.optimizer.name !== optimizer.name) {
      throw new DeepnetsError(
        'OUT_OF_RANGE',
        `the checkpoint was made with optimizer "${resume.optimizer.name}", not "${optimizer.name}"`,
        'optimizer',
      );
    }
    const buffers: Record<string, Float64Array> = {};
    for (const name of optimizer.buffers) {
      const saved = resume.optimizer.buffers[name];
      if (saved?.length !== layout.size) {
        throw new DeepnetsError(
          'INVALID_FORMAT',
          `optimizer "${optimizer.name}" needs ${layout.size} values here, the checkpoint has ${saved?.length ?? 'none'}`,
          `resume.optimizer.buffers.${name}`,
        );
      }
      buffers[name] = Float64Array.from(saved);
    }
    state = { step: resume.optimizer.step, buffers };
  }

  const schedule = options.schedule ?? { type: 'constant' };
  validateSchedule(options.learningRate, schedule);
  const l2 = options.l2 ?? 0;
  if (!(l2 >= 0 && Number.isFinite(l2)))
    throw new DeepnetsError('OUT_OF_RANGE', `must be >= 0, got ${l2}`, 'l2');
  const maxEpochs = positiveInteger(options.epochs, 'epochs');
  const maxSteps = positiveInteger(options.steps, 'steps');
  if (options.epochs === undefined && options.steps === undefined) {
    throw new DeepnetsError('OUT_OF_RANGE', 'give `epochs` or `steps` (or both)', 'epochs');
  }
  const kernel = options.kernel ?? typescriptKernel;
  const theta = packParameters(network, layout, kernel.alloc(layout.size));
  const validation = validationSamples ? toKernel(kernel, validationSamples) : null;
  return {
    network,
    layout,
    loss,
    optimizer,
    optimizerOptions,
    state,
    learningRate: options.learningRate,
    schedule,
    l2,
    maxEpochs,
    maxSteps,
    batchSize,
    seed,
    rng,
    kernel,
    train: toKernel(kernel, trainSamples),
    validation,
    theta,
    grad: kernel.alloc(layout.size),
    backprop: createBackprop(layout, activation, loss, kernel, batchSize),
    validationBackprop: validation
      ? createBackprop(layout, activation, loss, kernel, validation.count)
      : null,
    epoch: resume?.epoch ?? 0,
    step: resume?.step ?? 0,
  };
}
