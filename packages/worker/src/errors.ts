/**
 * Errors across the thread boundary. Comlink's own handler turns every thrown value into a plain
 * `Error` with a message, a name and a stack; `installErrorTransfer()` replaces it with one that
 * also keeps the error's class (looked up by `name`), its `code`, `path` and other cloneable own
 * fields, and its `cause`, so `error instanceof AbortError` and `error.code === 'ABORTED'` hold on
 * the main thread for an error thrown in the worker (and the other way round, for callbacks).
 */
import {
  AbortError,
  DeepnetsError,
  DuplicateNameError,
  NetworkValidationError,
  NotPiecewiseLinearError,
  ShapeError,
  UnknownNameError,
} from '@deepnets/core';
import { RegionsError } from '@deepnets/regions';
import { TrainingDivergedError } from '@deepnets/trainer';
import * as Comlink from 'comlink';

/** A worker stopped (killed, out of memory, crashed) while it held a job; the runner starts a new one. */
export class WorkerDiedError extends DeepnetsError {
  constructor(message: string) {
    super('WORKER_DIED', message);
    this.name = 'WorkerDiedError';
  }
}

// biome-ignore lint/suspicious/noExplicitAny: error classes take different constructor arguments.
type ErrorClass = abstract new (...args: any[]) => Error;

const classes = new Map<string, ErrorClass>();

/**
 * Makes errors named `name` (by default the class's name) arrive as instances of `ctor`. The
 * deepnets error classes and JavaScript's built-in ones are registered already; a plugin that
 * throws its own error class registers it on both sides (in its worker entry and in the page).
 */
export function registerErrorClass(ctor: ErrorClass, name: string = ctor.name): void {
  classes.set(name, ctor);
}

for (const ctor of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) {
  registerErrorClass(ctor);
}
registerErrorClass(DeepnetsError, 'DeepnetsError');
registerErrorClass(NetworkValidationError, 'NetworkValidationError');
registerErrorClass(ShapeError, 'ShapeError');
registerErrorClass(UnknownNameError, 'UnknownNameError');
registerErrorClass(DuplicateNameError, 'DuplicateNameError');
registerErrorClass(NotPiecewiseLinearError, 'NotPiecewiseLinearError');
registerErrorClass(AbortError, 'AbortError');
registerErrorClass(RegionsError, 'RegionsError');
registerErrorClass(TrainingDivergedError, 'TrainingDivergedError');
registerErrorClass(WorkerDiedError, 'WorkerDiedError');

/** The wire form of an error. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Cloneable own fields (`code`, `path`, `epoch`, ...). */
  fields: Record<string, unknown>;
  cause?: SerializedError | { value: unknown };
}

const cloneable = (value: unknown): boolean => {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
};

/** An `Error` as plain cloneable data. */
export function serializeError(error: Error, depth = 0): SerializedError {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'name' && key !== 'message' && key !== 'stack' && key !== 'cause' && cloneable(value)) {
      fields[key] = value;
    }
  }
  const out: SerializedError = { name: error.name, message: error.message, fields };
  if (error.stack !== undefined) out.stack = error.stack;
  if (error.cause !== undefined && depth < 4) {
    out.cause =
      error.cause instanceof Error
        ? serializeError(error.cause, depth + 1)
        : { value: cloneable(error.cause) ? error.cause : String(error.cause) };
  }
  return out;
}

/**
 * Rebuilds an error of the registered class named `name` (a genuine `Error` object whose
 * prototype is the class's, built without running its constructor), with message, stack and
 * fields; an unknown name with a `code` becomes a `DeepnetsError`, otherwise an `Error`.
 */
export function deserializeError(data: SerializedError): Error {
  const ctor = classes.get(data.name) ?? ('code' in data.fields ? DeepnetsError : Error);
  const error = Reflect.construct(Error, [data.message], ctor) as Error;
  Object.assign(error, data.fields);
  Object.defineProperty(error, 'name', { value: data.name, writable: true, configurable: true });
  if (data.stack !== undefined) {
    Object.defineProperty(error, 'stack', { value: data.stack, writable: true, configurable: true });
  }
  if (data.cause) {
    const cause = 'value' in data.cause ? data.cause.value : deserializeError(data.cause);
    Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  }
  return error;
}

type Thrown = { isError: true; value: SerializedError } | { isError: false; value: unknown };

const serializeThrown = ({ value }: { value: unknown }): [Thrown, Transferable[]] => {
  if (value instanceof Error) return [{ isError: true, value: serializeError(value) }, []];
  return [{ isError: false, value: cloneable(value) ? value : String(value) }, []];
};

const deserializeThrown = (thrown: Thrown): never => {
  throw thrown.isError ? deserializeError(thrown.value) : thrown.value;
};

let installed = false;

/** Replaces comlink's `throw` transfer handler (idempotent); both sides of a channel call it. */
export function installErrorTransfer(): void {
  if (installed) return;
  // Comlink marks thrown values with a private symbol: keep its test for them.
  const original = Comlink.transferHandlers.get('throw') as Comlink.TransferHandler<unknown, unknown>;
  const handler: Comlink.TransferHandler<{ value: unknown }, Thrown> = {
    canHandle: (value): value is { value: unknown } => original.canHandle(value),
    serialize: serializeThrown,
    deserialize: deserializeThrown,
  };
  Comlink.transferHandlers.set('throw', handler as Comlink.TransferHandler<unknown, unknown>);
  installed = true;
}
