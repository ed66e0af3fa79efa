/**
 * The example networks of the lecture's section 1 (two shallow networks composed), in its scalar
 * notation: network 1 (theta, phi: x -> y), network 2 (theta', phi': y -> y'). These are inputs,
 * not results: the CLI's `deepnets verify` and the docs widgets compute every count from them.
 */

/**
 * Two shallow networks in the lecture's scalar notation: network 1 with h_d = a[theta_d0 +
 * sum_j theta_dj x_j] and y = phi_0 + sum_d phi_d h_d, network 2 the same in y -> y'.
 */
export interface ShallowPair {
  /** Network 1: theta[d] = [theta_d0, theta_d1, ...] (one column per input). */
  theta1: number[][];
  /** Network 1: [phi_0, ..., phi_D]. */
  phi1: number[];
  /** Network 2: theta'[d] = [theta'_d0, theta'_d1]. */
  theta2: number[][];
  /** Network 2: [phi'_0, ..., phi'_D']. */
  phi2: number[];
}

/** The two 1-3-1 networks of the book's Figure 4.1 (UDL notebook 4.1, "Composing networks"). */
export const FIGURE_4_1: ShallowPair = {
  theta1: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi1: [1, -2, -3, 9.3],
  theta2: [
    [-0.6, -1],
    [0.2, 1],
    [-0.5, 1],
  ],
  phi2: [0.5, -1, -1.5, 2],
};

/**
 * Network 1 folds [-1, 1] three times onto y in about [-1, 1] (joints at -1, -0.33, 0.33; slopes 3,
 * -3, 3); network 2 has two joints inside that range (y = -0.3, 0.4) and one outside (y = -1.5).
 * Each fold carries network 2's three pieces, so the composition has 3 x 3 = 9 linear regions
 * on [-1, 1] (checked by the tests by sampling, independently of @deepnets/regions).
 */
export const NINE_REGIONS: ShallowPair = {
  theta1: [
    [1, 1],
    [0.33, 1],
    [-0.33, 1],
  ],
  phi1: [-1, 3, -6, 6],
  theta2: [
    [1.5, 1],
    [0.3, 1],
    [-0.4, 1],
  ],
  phi2: [-0.5, 1, -2.5, 3.5],
};

/**
 * A composition with 16 linear regions on [-1, 1], the most any 1-3-3-1 network has on a line:
 * network 1 zig-zags four times between y = -0.5 and y = 0.5 (joints -1/3, 1/3, 2/3), and network 2
 * has all three joints (y = -0.25, 0, 0.25) inside, with slopes 0.5, -0.5, 1, -1.
 */
export const SIXTEEN_REGIONS: ShallowPair = {
  theta1: [
    [1 / 3, 1],
    [1 / 3, -1],
    [2 / 3, -1],
  ],
  phi1: [3.5, -3, 4.5, -6],
  theta2: [
    [0.25, 1],
    [0, -1],
    [0.25, -1],
  ],
  phi2: [0, -1, 1.5, -2],
};

/**
 * The book's example, constructed: the three lines n_d . x = 0.3 with normals at 90, 210 and 330
 * degrees bound a triangle around the origin where every unit is off, so network 1 is flat there
 * (y = phi_0 = -1) and has 7 linear regions on [-1, 1]^2. Network 2 bends at y = -0.8, just above that
 * flat value (its other joint, y = -1.5, is never reached), so its level line y = -0.8 runs around
 * the triangle through each of the 6 sloped regions and splits it in two: 6 x 2 + 1 = 13.
 */
export const FIGURE_4_2: ShallowPair = {
  theta1: [
    [-0.3, 0, 1],
    [-0.3, -0.87, -0.5],
    [-0.3, 0.87, -0.5],
  ],
  phi1: [-1, 1.2, 1.6, 2],
  theta2: [
    [1.5, 1],
    [0.8, 1],
  ],
  phi2: [0, 1, -2],
};
