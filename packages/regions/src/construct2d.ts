/**
 * A network with two inputs that reaches the book's maximum (eq. 4.17 with D_i = 2) on [0, 1]^2:
 *
 *   (D/2 + 1)^(2 (K - 1)) * (1 + D + C(D, 2))   linear regions,  e.g. D = 6, K = 3: 4^4 * 22 = 5,632.
 *
 * The first K - 1 hidden layers fold each coordinate separately with the zig-zag of D/2 >= 3 units
 * (D/2 + 1 pieces, each onto [0, 1]), so [0, 1]^2 is cut into (D/2 + 1)^(2(K-1)) cells, each mapped
 * onto the unit square (u, v). The last hidden layer draws D lines in general position inside that
 * square, tangent to the circle of radius r around (1/2, 1/2) at normal angles
 * theta_i = 10 deg + 180 deg i / D (no two parallel, no three concurrent, all C(D, 2) crossings
 * within 0.4 of the centre), so each copy holds 1 + D + C(D, 2) cells (Zaslavsky's count).
 * Neighbouring copies must not merge: no axis-parallel normal, generic output weights, and the
 * orientation is chosen so that no cell has every unit off (three lines with normals
 * alpha < beta < gamma, "on" inside, outside, inside, have empty common "off" side).
 */
import type { Layer, Network } from '@deepnets/core';
import { checkConstructionSize, checkInteger, RegionsError } from './errors.ts';
import { zigzag } from './zigzag.ts';

/** K hidden layers of (even) width D, D/2 >= 3, with the maximal region count on [0, 1]^2. */
export function maxRegions2dNetwork(options: { layers: number; width: number }): Network {
  const { layers: K, width: D } = options;
  checkInteger(K, 1, 'layers');
  checkInteger(D, 6, 'width');
  checkConstructionSize(K, D);
  if (D % 2 !== 0)
    throw new RegionsError('OUT_OF_RANGE', `must be even (D/2 units fold each input), got ${D}`, 'width');
  const m = D / 2;
  const g = zigzag(m);
  const zeros = (n: number) => Array.from({ length: n }, () => 0);
  // Layer 0 feeds x (resp. y) into the first (second) group of m units.
  const first: Layer = {
    weights: [...g.w.map((w) => [w, 0]), ...g.w.map((w) => [0, w])],
    biases: [...g.b, ...g.b],
  };
  // Folding again: unit j of a group reads u = c + v . h_group, so its row is w_j v on its group.
  const fold: Layer = {
    weights: [
      ...g.w.map((w) => [...g.v.map((v) => w * v), ...zeros(m)]),
      ...g.w.map((w) => [...zeros(m), ...g.v.map((v) => w * v)]),
    ],
    biases: [
      ...g.w.map((w, j) => w * g.c + (g.b[j] as number)),
      ...g.w.map((w, j) => w * g.c + (g.b[j] as number)),
    ],
  };
  // Lines z_i = sigma_i (r + n_i . (1/2, 1/2) - n_i . (u, v)) in the folded coordinates.
  const r = 0.4 * Math.cos((Math.PI * (D - 1)) / (2 * D));
  const lines = Array.from({ length: D }, (_, i) => {
    const theta = Math.PI / 18 + (Math.PI * i) / D;
    const sigma = i === 1 ? -1 : 1;
    const nx = Math.cos(theta);
    const ny = Math.sin(theta);
    return { a: -sigma * nx, b: -sigma * ny, c: sigma * (r + 0.5 * (nx + ny)) };
  });
  const lineLayer: Layer =
    K === 1
      ? { weights: lines.map((l) => [l.a, l.b]), biases: lines.map((l) => l.c) }
      : {
          // u = c_g + v . h_x, v = c_g + v . h_y
          weights: lines.map((l) => [...g.v.map((v) => l.a * v), ...g.v.map((v) => l.b * v)]),
          biases: lines.map((l) => l.c + (l.a + l.b) * g.c),
        };
  const output: Layer = { weights: [lines.map((_, i) => 1 + 0.1 * i)], biases: [0] };
  const copy = (l: Layer): Layer => ({ weights: l.weights.map((row) => [...row]), biases: [...l.biases] });
  const folds = K === 1 ? [] : [first, ...Array.from({ length: K - 2 }, () => copy(fold))];
  return { activation: 'relu', layers: [...folds, lineLayer, output] };
}
