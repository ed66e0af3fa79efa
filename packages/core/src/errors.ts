/**
 * Typed errors of deepnets. Every error is a `DeepnetsError` with a stable `code`
 * (TanStack-style), and a message that says what is wrong and where, at most
 * `MAX_MESSAGE_LENGTH` characters (longer paths and texts are elided in the middle).
 */
import { describeValue, elide, MAX_MESSAGE_LENGTH } from './bounded.ts';

/** Stable machine-readable error codes. */
export type DeepnetsErrorCode =
  | 'INVALID_NETWORK'
  | 'INVALID_FORMAT'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'PRECISION_LOST'
  | 'TOO_LARGE'
  | 'UNKNOWN_NAME'
  | 'DUPLICATE_NAME'
  | 'NOT_PIECEWISE_LINEAR'
  | 'OUT_OF_RANGE'
  | 'ABORTED'
  | 'WORKER_DIED'
  | 'TRAINING_DIVERGED'
  | 'UNSAFE_PATH'
  | 'STATE_EXISTS'
  | 'SETTINGS_MISMATCH';

/** Base class of all errors thrown by deepnets packages. */
export class DeepnetsError extends Error {
  readonly code: DeepnetsErrorCode;
  /** Where the problem is, e.g. `layers[1].weights[2]`; empty when not about a location. */
  readonly path: string;

  constructor(code: DeepnetsErrorCode, message: string, path = '') {
    const where = elide(path, 120);
    super(elide(where ? `${where}: ${message}` : message, MAX_MESSAGE_LENGTH));
    this.name = 'DeepnetsError';
    this.code = code;
    this.path = where;
  }
}

/** A network (or network file) that is malformed: shapes, format tag, missing fields. */
export class NetworkValidationError extends DeepnetsError {
  constructor(message: string, path = '', code: DeepnetsErrorCode = 'INVALID_NETWORK') {
    super(code, message, path);
    this.name = 'NetworkValidationError';
  }
}

/** An input whose shape does not fit the network (wrong number of inputs, batch size). */
export class ShapeError extends DeepnetsError {
  constructor(message: string, path = '') {
    super('SHAPE_MISMATCH', message, path);
    this.name = 'ShapeError';
  }
}

/** Lookup of a name that no plugin registered; the message lists the known names. */
export class UnknownNameError extends DeepnetsError {
  readonly kind: string;
  readonly known: readonly string[];
  constructor(kind: string, name: string, known: readonly string[]) {
    super(
      'UNKNOWN_NAME',
      `unknown ${kind} ${describeValue(name)}; known ${kind}s: ${known.join(', ') || '(none)'}`,
    );
    this.name = 'UnknownNameError';
    this.kind = kind;
    this.known = known;
  }
}

/** Two plugins registered the same name; the message names both plugins. */
export class DuplicateNameError extends DeepnetsError {
  constructor(kind: string, name: string, firstPlugin: string, secondPlugin: string) {
    super(
      'DUPLICATE_NAME',
      `${kind} "${name}" is registered twice: by plugin "${firstPlugin}" and by plugin "${secondPlugin}"`,
    );
    this.name = 'DuplicateNameError';
  }
}

/** Exact region analysis asked of an activation that is not piecewise linear (tanh, GELU...). */
export class NotPiecewiseLinearError extends DeepnetsError {
  constructor(activation: string) {
    super(
      'NOT_PIECEWISE_LINEAR',
      `activation "${activation}" is not piecewise linear, so its linear regions cannot be enumerated exactly; use relu, leaky-relu, abs, hard-tanh, identity or another piecewise-linear activation`,
    );
    this.name = 'NotPiecewiseLinearError';
  }
}

/** Long work cancelled through an `AbortSignal`. */
export class AbortError extends DeepnetsError {
  constructor(message = 'the operation was aborted') {
    super('ABORTED', message);
    this.name = 'AbortError';
  }
}

/** Throws an `AbortError` if `signal` has been aborted. Call it between units of long work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}
