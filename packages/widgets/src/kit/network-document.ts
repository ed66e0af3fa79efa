/**
 * The network inside a file the CLI writes: a `deepnets.network/v1` file (`deepnets construct`,
 * `compose`, an export), a `deepnets.snapshot/v1` document, a `deepnets experiment` state file
 * (`<model>.state.json`: its checkpoint's network) or a snapshots file
 * (`snapshots/<labels>-<model>.json`: the last snapshot). Anything else is read as a network file,
 * so its error is the parser's (format tag, shapes, finite numbers).
 */
import {
  DeepnetsError,
  NETWORK_FORMAT,
  type Network,
  NetworkValidationError,
  parseNetwork,
  parseNetworkJson,
  parseSnapshot,
  SNAPSHOT_FORMAT,
} from '@deepnets/core';

/** A network found in a document, and where (empty for a plain network file). */
export interface FoundNetwork {
  network: Network;
  /** E.g. "checkpoint.network (epoch 137134)"; '' when the file is the network itself. */
  where: string;
}

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const epochOf = (v: unknown): string => (isDoc(v) && Number.isInteger(v.epoch) ? ` (epoch ${v.epoch})` : '');

/** Reads `value` (a network or snapshot document) at `path`, prefixing its errors with the path. */
function readAt(value: unknown, path: string): Network {
  try {
    return isDoc(value) && value.format === SNAPSHOT_FORMAT
      ? parseSnapshot(value, path)
      : parseNetwork(value);
  } catch (e) {
    if (e instanceof DeepnetsError && !e.message.startsWith(path))
      throw new NetworkValidationError(e.message, path, e.code);
    throw e;
  }
}

/** The network in the text of a file (see the module comment); throws the parser's typed errors. */
export function networkFromDocument(text: string): FoundNetwork {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { network: parseNetworkJson(text), where: '' }; // throws the parser's "not valid JSON" error
  }
  if (!isDoc(value) || value.format !== undefined) {
    if (isDoc(value) && value.format === SNAPSHOT_FORMAT) return { network: parseSnapshot(value), where: '' };
    return { network: parseNetwork(value), where: '' };
  }
  // An experiment state: { checkpoint: { epoch, network } } or region-density's { training: { checkpoint } }.
  const checkpoint = isDoc(value.training) ? value.training.checkpoint : value.checkpoint;
  const base = isDoc(value.training) ? 'training.checkpoint' : 'checkpoint';
  if (isDoc(checkpoint) && checkpoint.network !== undefined) {
    const where = `${base}.network`;
    return { network: readAt(checkpoint.network, where), where: `${where}${epochOf(checkpoint)}` };
  }
  // A snapshots file: { snapshots: [{ epoch, network }, ...] }, the last one.
  if (Array.isArray(value.snapshots) && value.snapshots.length > 0) {
    const last = value.snapshots.length - 1;
    const snap = value.snapshots[last] as unknown;
    const where = `snapshots[${last}].network`;
    return {
      network: readAt(isDoc(snap) ? snap.network : undefined, where),
      where: `${where}${epochOf(snap)}`,
    };
  }
  throw new NetworkValidationError(
    `has no "format"; expected "${NETWORK_FORMAT}" (or a "${SNAPSHOT_FORMAT}", an experiment state or snapshots file)`,
    'format',
    'INVALID_FORMAT',
  );
}
