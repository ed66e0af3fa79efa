import { AbortError, DeepnetsError, UnknownNameError } from '@deepnets/core';
import { RegionsError } from '@deepnets/regions';
import { TrainingDivergedError } from '@deepnets/trainer';
import { describe, expect, it } from 'vitest';
import { deserializeError, registerErrorClass, serializeError, WorkerDiedError } from './errors.ts';

/** What the other thread receives: serialized, structured-cloned, rebuilt. */
const roundTrip = (error: Error): Error => deserializeError(structuredClone(serializeError(error)));

describe('errors across the boundary', () => {
  it('keep class, code, path, message and stack', () => {
    const original = new RegionsError('OUT_OF_RANGE', 'must be an interval', 'domain');
    const copy = roundTrip(original) as RegionsError;
    expect(copy).toBeInstanceOf(RegionsError);
    expect(copy).toBeInstanceOf(DeepnetsError);
    expect(copy).toBeInstanceOf(Error);
    expect(copy).not.toBe(original);
    expect(copy.name).toBe('RegionsError');
    expect(copy.code).toBe('OUT_OF_RANGE');
    expect(copy.path).toBe('domain');
    expect(copy.message).toBe('domain: must be an interval');
    expect(copy.stack).toBe(original.stack);
  });

  it('keep the extra fields of each class', () => {
    const diverged = roundTrip(new TrainingDivergedError(3, 7, 0.5, Number.NaN)) as TrainingDivergedError;
    expect(diverged).toBeInstanceOf(TrainingDivergedError);
    expect([diverged.epoch, diverged.learningRate, diverged.loss]).toEqual([3, 0.5, Number.NaN]);
    const unknown = roundTrip(new UnknownNameError('loss', 'l3', ['mse'])) as UnknownNameError;
    expect(unknown).toBeInstanceOf(UnknownNameError);
    expect(unknown.known).toEqual(['mse']);
    expect(roundTrip(new AbortError())).toBeInstanceOf(AbortError);
    expect(roundTrip(new WorkerDiedError('gone'))).toMatchObject({ code: 'WORKER_DIED', message: 'gone' });
  });

  it('keep built-in classes and causes', () => {
    const error = roundTrip(new TypeError('outer', { cause: new AbortError('inner') }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.cause).toBeInstanceOf(AbortError);
    expect((error.cause as AbortError).message).toBe('inner');
  });

  it('turn an unknown class with a code into a DeepnetsError and any other into an Error', () => {
    class PluginError extends DeepnetsError {
      constructor() {
        super('UNKNOWN_NAME', 'from a plugin');
        this.name = 'PluginError';
      }
    }
    const withCode = roundTrip(new PluginError());
    expect(withCode).toBeInstanceOf(DeepnetsError);
    expect(withCode.name).toBe('PluginError');
    class Odd extends Error {
      override name = 'Odd';
    }
    const plain = roundTrip(new Odd('odd'));
    expect(plain.constructor).toBe(Error);
    expect(plain.name).toBe('Odd');
    registerErrorClass(Odd);
    expect(roundTrip(new Odd('odd'))).toBeInstanceOf(Odd);
  });

  it('drop fields that cannot be cloned', () => {
    const error = Object.assign(new Error('x'), { callback: () => 1, count: 2 });
    const copy = roundTrip(error) as Error & { callback?: unknown; count?: number };
    expect(copy.callback).toBeUndefined();
    expect(copy.count).toBe(2);
  });
});
