/**
 * The widget's plane computations, one at a time and latest wins (`latestQueue`): each job tells
 * the plane view a new plane has begun, hands it every batch of polygons the source streams (none
 * after the job was superseded, aborted or the widget destroyed), shows the enumeration's
 * progress, and resolves to the exact counts and the milliseconds they took.
 */
import type { Network } from '@deepnets/core';
import type { RegionCounts } from '@deepnets/regions';
import { type LatestQueue, latestQueue } from './latest.ts';
import type { PlaneRegionsSource } from './plane-source.ts';
import type { PlanePoint, PlaneView } from './plane-view.ts';

export interface PlaneJob {
  net: Network;
  points: [number[], number[], number[]];
  /** The three examples as the plane marks them. */
  marks: PlanePoint[];
}

export function planeJobs(
  view: { plane: PlaneView; setStatus(text: string): void },
  source: () => PlaneRegionsSource,
  destroyed: () => boolean,
): LatestQueue<PlaneJob, { counts: RegionCounts; ms: number }> {
  return latestQueue(async (job: PlaneJob, signal: AbortSignal) => {
    const started = performance.now();
    view.plane.begin(job.marks);
    const counts = await source()(job.net, job.points, {
      signal,
      onPolygons: (batch) => {
        if (!signal.aborted && !destroyed()) view.plane.append(batch);
      },
      onProgress: (p) => {
        if (!signal.aborted)
          view.setStatus(
            `Enumerating: hidden layer ${p.layer} of ${p.layers}, ${p.regions.toLocaleString('en-GB')} regions so far…`,
          );
      },
    });
    return { counts, ms: performance.now() - started };
  });
}
