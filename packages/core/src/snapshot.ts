/**
 * The compact network format `deepnets.snapshot/v1`, a sibling of `deepnets.network/v1` for
 * saving many networks (e.g. the checkpoints of an experiment):
 *
 *   { "format": "deepnets.snapshot/v1", "activation": "relu", "widths": [40, 63, 10],
 *     "dtype": "float32", "parameters": "<base64>" }
 *
 * `widths` = [D_i, D_1, ..., D_K, D_o]. `parameters` is the base64 of the little-endian values
 * of every layer in order, Omega_k row by row (weights[i][j] at i D_k + j) then beta_k. `dtype`
 * is `float32` (4 bytes a value) when every parameter is exactly a float32 (networks trained by
 * the float32 kernels), else `float64`; either way reading gives back the same doubles bit for
 * bit (-0 included). A float32 snapshot of the 15,319-parameter 4x63 network is about 82 kB.
 */
import { NetworkValidationError } from './errors.ts';
import type { Network } from './network.ts';
import { createNetwork, validateNetwork } from './validate.ts';

/** The format tag of snapshot documents. */
export const SNAPSHOT_FORMAT = 'deepnets.snapshot/v1';

export interface NetworkSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  activation: string;
  widths: number[];
  dtype: 'float32' | 'float64';
  parameters: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] as number, bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[n >> 18] + (ALPHABET[(n >> 12) & 63] as string);
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

function fromBase64(text: string, path: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new NetworkValidationError(
      'is not base64 (A-Z a-z 0-9 + /, padded to a multiple of 4)',
      path,
      'INVALID_FORMAT',
    );
  }
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const ch = text[i + k] as string;
      n = (n << 6) | (ch === '=' ? 0 : ALPHABET.indexOf(ch));
    }
    for (const shift of [16, 8, 0]) if (o < bytes.length) bytes[o++] = (n >> shift) & 255;
  }
  return bytes;
}

/** Every parameter in snapshot order: Omega_k row by row, then beta_k, layer by layer. */
function flatParameters(net: Network): number[] {
  return net.layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
}

/** The snapshot of `net` (`dtype` defaults to float32 when that loses nothing, else float64). */
export function networkToSnapshot(
  net: Network,
  options: { dtype?: 'float32' | 'float64' } = {},
): NetworkSnapshot {
  validateNetwork(net);
  const values = flatParameters(net);
  const exact32 = values.every((v) => Object.is(Math.fround(v), v));
  const dtype = options.dtype ?? (exact32 ? 'float32' : 'float64');
  if (dtype === 'float32' && !exact32) {
    throw new NetworkValidationError(
      'has parameters that are not float32 values; use dtype float64',
      'dtype',
      'OUT_OF_RANGE',
    );
  }
  const size = dtype === 'float32' ? 4 : 8;
  const view = new DataView(new ArrayBuffer(size * values.length));
  for (const [i, v] of values.entries()) {
    if (size === 4) view.setFloat32(4 * i, v, true);
    else view.setFloat64(8 * i, v, true);
  }
  return {
    format: SNAPSHOT_FORMAT,
    activation: net.activation,
    widths: [net.layers[0]?.weights[0]?.length ?? 0, ...net.layers.map((l) => l.weights.length)],
    dtype,
    parameters: toBase64(new Uint8Array(view.buffer)),
  };
}

const KEYS = new Set(['format', 'activation', 'widths', 'dtype', 'parameters']);

/** Reads a parsed `deepnets.snapshot/v1` document back into the network it was made from. */
export function parseSnapshot(value: unknown, path = 'snapshot'): Network {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NetworkValidationError(
      `expected an object with "format": "${SNAPSHOT_FORMAT}"`,
      path,
      'INVALID_FORMAT',
    );
  }
  const doc = value as Record<string, unknown>;
  if (doc.format !== SNAPSHOT_FORMAT) {
    throw new NetworkValidationError(
      `expected "${SNAPSHOT_FORMAT}", got ${JSON.stringify(doc.format) ?? 'nothing'}`,
      `${path}.format`,
      'INVALID_FORMAT',
    );
  }
  for (const key of Object.keys(doc)) {
    if (!KEYS.has(key)) throw new NetworkValidationError(`unknown field "${key}"`, path, 'INVALID_FORMAT');
  }
  const { widths, dtype, parameters } = doc;
  if (!Array.isArray(widths) || widths.length < 2 || !widths.every((w) => Number.isInteger(w) && w >= 1)) {
    throw new NetworkValidationError(
      'must be an array of at least 2 positive integers [D_i, ..., D_o]',
      `${path}.widths`,
    );
  }
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new NetworkValidationError(
      `must be "float32" or "float64", got ${JSON.stringify(dtype)}`,
      `${path}.dtype`,
      'INVALID_FORMAT',
    );
  }
  if (typeof parameters !== 'string')
    throw new NetworkValidationError('must be a base64 string', `${path}.parameters`, 'INVALID_FORMAT');
  const bytes = fromBase64(parameters, `${path}.parameters`);
  const size = dtype === 'float32' ? 4 : 8;
  const ws = widths as number[];
  const count = ws.slice(1).reduce((s, d, k) => s + d * ((ws[k] as number) + 1), 0);
  if (bytes.length !== size * count) {
    throw new NetworkValidationError(
      `holds ${bytes.length} bytes; widths ${ws.join('-')} need ${count} ${dtype} values (${size * count} bytes)`,
      `${path}.parameters`,
      'SHAPE_MISMATCH',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const next = () => (size === 4 ? view.getFloat32(4 * at++, true) : view.getFloat64(8 * at++, true));
  const layers = ws.slice(1).map((rows, k) => ({
    weights: Array.from({ length: rows }, () => Array.from({ length: ws[k] as number }, next)),
    biases: Array.from({ length: rows }, next),
  }));
  return createNetwork(layers, doc.activation === undefined ? 'relu' : (doc.activation as string));
}
