// comlink ships its Node adapter as an .mjs file without a .d.mts beside it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** What the adapter needs of a `worker_threads` Worker or MessagePort. */
  interface NodeEndpoint {
    postMessage: (...args: never[]) => void;
    on: (...args: never[]) => unknown;
    off: (...args: never[]) => unknown;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
