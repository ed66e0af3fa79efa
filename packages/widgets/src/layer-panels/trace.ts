/**
 * Everything the panels of the book's Figure 4.5 show, for a 1-3-3-1 network on an interval:
 * the first-layer units h_d(x), the second layer's pre-activations z'_i(x) = psi_i0 + sum_j psi_ij h_j,
 * their clipped versions h'_i = a[z'_i], the weighted terms phi'_i h'_i and the output y'.
 *
 * All of these are linear between consecutive edges of the network's activation regions (from
 * `@deepnets/regions`), so evaluating them at the edges (core's `forwardTrace`) draws them exactly.
 */
import { forwardTrace, type Network } from '@deepnets/core';
import type { Regions1D } from '@deepnets/regions';

export interface PanelJoint {
  x: number;
  /** 1 = a first-layer unit switches, 2 = a second-layer unit switches. */
  layer: 1 | 2;
  /** 0-based unit in that layer. */
  unit: number;
}

export interface PanelsTrace {
  xs: number[];
  /** Per unit d: h_d at each x. */
  h1: number[][];
  /** Per unit i: z'_i (second layer pre-activation) at each x. */
  z2: number[][];
  h2: number[][];
  /** Per unit i: phi'_i h'_i at each x. */
  weighted: number[][];
  y: number[];
  joints: PanelJoint[];
}

const columns = (rows: number[][]): number[][] =>
  (rows[0] ?? []).map((_, c) => rows.map((r) => r[c] as number));

export function tracePanels(net: Network, regions: Regions1D): PanelsTrace {
  const xs = Array.from(regions.edges);
  const traces = xs.map((x) => forwardTrace(net, [x]));
  const phi = net.layers[2]?.weights[0] ?? [];
  const h2rows = traces.map((t) => t.activations[1] ?? []);
  const joints: PanelJoint[] = [];
  const scale = Math.max(1, ...net.layers.flatMap((l) => [...l.biases, ...l.weights.flat()].map(Math.abs)));
  for (const x of regions.breakpoints) {
    const t = forwardTrace(net, [x]);
    const z1 = t.preActivations[0] ?? [];
    const first = z1.findIndex((z) => Math.abs(z) <= 1e-9 * scale);
    if (first >= 0) {
      joints.push({ x, layer: 1, unit: first });
      continue;
    }
    const z2 = (t.preActivations[1] ?? []).map(Math.abs);
    joints.push({ x, layer: 2, unit: z2.indexOf(Math.min(...z2)) });
  }
  return {
    xs,
    h1: columns(traces.map((t) => t.activations[0] ?? [])),
    z2: columns(traces.map((t) => t.preActivations[1] ?? [])),
    h2: columns(h2rows),
    weighted: columns(h2rows.map((h) => h.map((v, i) => v * (phi[i] ?? 0)))),
    y: traces.map((t) => t.output[0] as number),
    joints,
  };
}
