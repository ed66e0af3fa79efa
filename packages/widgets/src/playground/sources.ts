/**
 * Where the playground's data sets and optimizers come from. The trainer's built-ins live in the
 * worker that trains: given `worker` (a runner's `api`), the playground asks it once for its
 * catalog and has it generate the chosen data set. Data sets registered on the page (a plugin
 * registered in this thread's registry) are offered too and generated here. Widgets never import
 * the trainer: they reach it only through the worker's typed API (DESIGN.md).
 */
import type { Registry } from '@deepnets/core';
import type { RunnerApi, WorkerCatalog } from '@deepnets/worker';
import { datasetMenu, type MenuItem, type PlaygroundDataset, type PlaygroundDatasetConfig } from './menus.ts';

/** The worker calls the playground makes; a runner's `api` (`createRunner(...).api`) has them all. */
export type PlaygroundWorker = Pick<RunnerApi, 'train' | 'regions2d' | 'catalog' | 'makeDataset'>;

/** The seed every data set of the playground is generated with. */
const DATA_SEED = 0;

export interface PlaygroundSources {
  /** False until the worker's catalog has arrived (always true without a worker). */
  readonly ready: boolean;
  /** Why the worker's catalog could not be read, if it failed. */
  readonly failure: string | undefined;
  /** The worker's 2-input classification data sets, then the page's that the worker lacks. */
  datasets(): MenuItem[];
  /** The worker's optimizers once known, else undefined (the caller falls back). */
  optimizers(): string[] | undefined;
  /** The data set `name`: generated on the page (synchronously) or in the worker (a promise). */
  make(name: string): PlaygroundDataset | Promise<PlaygroundDataset>;
}

const playable = (catalog: WorkerCatalog): MenuItem[] =>
  catalog.datasets
    .filter((d) => d.task === 'classification' && d.inputs === 2)
    .map((d) => ({ value: d.name, text: d.name }));

/**
 * Sources over `registry` and, when given, `worker`; `onChange` runs once the worker's catalog
 * has arrived (or failed), so the menus can be read again.
 */
export function createPlaygroundSources(
  registry: Registry,
  worker: PlaygroundWorker | undefined,
  onChange: () => void,
): PlaygroundSources {
  let catalog: WorkerCatalog | undefined;
  let failure: string | undefined;
  let ready = worker === undefined;
  if (worker) {
    worker.catalog().then(
      (c) => {
        catalog = c;
        ready = true;
        onChange();
      },
      (e: unknown) => {
        failure = `the worker's data sets could not be read: ${e instanceof Error ? e.message : String(e)}`;
        ready = true;
        onChange();
      },
    );
  }
  const fromWorker = () => (catalog ? playable(catalog) : []);
  return {
    get ready() {
      return ready;
    },
    get failure() {
      return failure;
    },
    datasets() {
      const remote = fromWorker();
      const known = new Set(remote.map((i) => i.value));
      return [...remote, ...datasetMenu(registry).filter((i) => !known.has(i.value))];
    },
    optimizers() {
      return catalog && catalog.optimizers.length > 0 ? [...catalog.optimizers] : undefined;
    },
    make(name) {
      if (worker && fromWorker().some((i) => i.value === name)) {
        return worker.makeDataset(name, { seed: DATA_SEED }) as Promise<PlaygroundDataset>;
      }
      const config = registry.get('dataset' as never, name) as unknown as PlaygroundDatasetConfig;
      return config.generate({ seed: DATA_SEED });
    },
  };
}
