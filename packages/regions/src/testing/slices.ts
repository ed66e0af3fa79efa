/**
 * Independent references for regions along segments and on planes of a network with any number
 * of inputs: a plain ReLU-style forward pass in the input space (no restriction, no typed-array
 * preparation) that reports the activation pattern and the outputs, and the explicit restriction
 * of the first layer by matrix products.
 */
import { getActivation, type Network } from '@deepnets/core';

/** Pattern key (piece of every hidden unit, by the activation's breakpoints) and outputs at x. */
export function forwardWithPattern(net: Network, x: readonly number[]): { key: string; y: number[] } {
  const act = getActivation(net.activation);
  const breakpoints = 'breakpoints' in act ? (act.breakpoints as readonly number[]) : [];
  let h = [...x];
  const key: number[] = [];
  net.layers.forEach((layer, k) => {
    const z = layer.weights.map((row, i) =>
      row.reduce((s, w, j) => s + w * (h[j] as number), layer.biases[i] as number),
    );
    if (k === net.layers.length - 1) {
      h = z;
      return;
    }
    for (const v of z) key.push(breakpoints.filter((b) => v >= b).length);
    h = z.map((v) => act.f(v));
  });
  return { key: key.join(''), y: h };
}

/** x = p0 + sum_j s_j (p_{j+1} - p0). */
export function pointOn(points: readonly (readonly number[])[], s: readonly number[]): number[] {
  const p0 = points[0] as readonly number[];
  return p0.map((v, d) =>
    s.reduce((acc, sj, j) => acc + sj * (((points[j + 1] as readonly number[])[d] as number) - v), v),
  );
}

/**
 * Dense sampling along the segment p0 -> p1 at `samples` equally spaced t in [0, 1]: the number
 * of runs of equal patterns (activation regions seen), and of runs of equal output slopes
 * (linear regions seen: neighbouring runs merged when the network's slope, measured by two
 * forward passes inside each run, agrees to `slopeTolerance` relative).
 */
export function sampleSegment(
  net: Network,
  p0: readonly number[],
  p1: readonly number[],
  samples: number,
  slopeTolerance = 1e-7,
): { activation: number; linear: number } {
  const runs: { first: number; last: number }[] = [];
  let previous = '';
  for (let s = 0; s < samples; s++) {
    const { key } = forwardWithPattern(net, pointOn([p0, p1], [(s + 0.5) / samples]));
    if (key !== previous || runs.length === 0) runs.push({ first: s, last: s });
    else (runs[runs.length - 1] as { last: number }).last = s;
    previous = key;
  }
  const slopeOf = ({ first, last }: { first: number; last: number }): number[] | null => {
    if (last === first) return null;
    const [ta, tb] = [(first + 0.5) / samples, (last + 0.5) / samples];
    const ya = forwardWithPattern(net, pointOn([p0, p1], [ta])).y;
    const yb = forwardWithPattern(net, pointOn([p0, p1], [tb])).y;
    return ya.map((v, o) => ((yb[o] as number) - v) / (tb - ta));
  };
  let linear = 0;
  let last: number[] | null = null;
  for (const run of runs) {
    const slope = slopeOf(run);
    const same =
      slope !== null &&
      last !== null &&
      slope.every((v, o) => Math.abs(v - (last as number[])[o]!) <= slopeTolerance * (1 + Math.abs(v)));
    if (!same) linear++;
    last = slope;
  }
  return { activation: runs.length, linear };
}

/** The network on the plane p0 + s (p1 - p0) + t (p2 - p0), first layer restricted by explicit matrix products. */
export function restrictedByHand(net: Network, points: readonly (readonly number[])[]): Network {
  const [first, ...rest] = net.layers;
  if (!first) return net;
  const p0 = points[0] as readonly number[];
  const directions = points.slice(1).map((p) => p.map((v, d) => v - (p0[d] as number)));
  const weights = first.weights.map((row) =>
    directions.map((dir) => row.reduce((s, w, d) => s + w * (dir[d] as number), 0)),
  );
  const biases = first.weights.map((row, i) =>
    row.reduce((s, w, d) => s + w * (p0[d] as number), first.biases[i] as number),
  );
  return { activation: net.activation, layers: [{ weights, biases }, ...rest] };
}
