/**
 * Browser-test inputs of the region-slices widget: the committed experiment's curves and snapshot
 * files (imported as they are), and the options the docs give it, with a worker for MNIST-1D and
 * the streamed plane counts. Used by mount.browser.test.ts and the long-task test.
 */
import type { NetworkSnapshot } from '@deepnets/core';
import type { Runner } from '@deepnets/worker';
import curves from '../../../../experiments/region-density/curves.json';
import type { RegionSlicesOptions } from './options.ts';
import { planeRegionsFrom } from './plane-source.ts';
import type { RegionDensityDocument, SnapshotFile } from './state.ts';

const DIR = '../../../../experiments/region-density/snapshots';
const files: Record<string, () => Promise<{ default: unknown }>> = {
  'true-2x100': () => import('../../../../experiments/region-density/snapshots/true-2x100.json'),
  'true-4x63': () => import('../../../../experiments/region-density/snapshots/true-4x63.json'),
  'shuffle-1x298': () => import('../../../../experiments/region-density/snapshots/shuffle-1x298.json'),
  'shuffle-4x63': () => import('../../../../experiments/region-density/snapshots/shuffle-4x63.json'),
};

/** The committed file as it is (networks inline). */
export async function readSnapshotFile(
  labels: string,
  model: string,
): Promise<{ snapshots: { epoch: number; network: NetworkSnapshot }[] }> {
  const load = files[`${labels}-${model}`];
  if (!load) throw new Error(`the tests do not load ${DIR}/${labels}-${model}.json`);
  return (await load()).default as { snapshots: { epoch: number; network: NetworkSnapshot }[] };
}

/** What the docs give the widget: the list, each network loaded only when asked for. */
export async function loadSnapshots(labels: string, model: string): Promise<SnapshotFile> {
  const file = (await readSnapshotFile(labels, model)) as SnapshotFile;
  return {
    ...file,
    snapshots: file.snapshots.map((s) => ({ ...s, network: async () => s.network as NetworkSnapshot })),
  };
}

/** The docs' options: curves, snapshots, MNIST-1D and the plane from `runner`. */
export const docsOptions = (runner: Runner): RegionSlicesOptions => ({
  curves: curves as unknown as RegionDensityDocument,
  loadSnapshots,
  mnist1d: (o) => runner.api.makeMnist1d(o),
  planeRegions: planeRegionsFrom((net, points, o) => runner.api.countRegionsOnPlane(net, points, o)),
});
