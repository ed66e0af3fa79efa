/**
 * Problems 4.1-4.3 of the book's chapter 4, in our words: composing two shallow networks, reading
 * the hyper-parameters off a network's weight shapes, and the scaling identity of ReLU.
 */
import {
  compose,
  countParameters,
  evaluate,
  FIGURE_4_1,
  hiddenWidths,
  initNetwork,
  type Network,
  shallowNetwork,
} from '@deepnets/core';
import { countRegions1d, regions1d } from '@deepnets/regions';
import { groupDigits, parseNumberList } from './answers.ts';
import { checkIntegers, type Exercise, verdictOf } from './exercise.ts';
import { findScalingIdentity, SCALE_CHOICES } from './scaling.ts';

const round = (v: number) => Number(v.toFixed(2)).toString();

/** Network 1 and network 2 of the book's Figure 4.1, and their composition y' = f2(f1(x)). */
export function figure41Networks(): { first: Network; second: Network; composed: Network } {
  const first = shallowNetwork({ theta: FIGURE_4_1.theta1, phi: FIGURE_4_1.phi1 });
  const second = shallowNetwork({ theta: FIGURE_4_1.theta2, phi: FIGURE_4_1.phi2 });
  return { first, second, composed: compose(first, second) };
}

/** Problem 4.1: regions of network 1 and of the composition on [-1, 1]. */
export const problem41: Exercise = {
  id: '4.1',
  title: 'Composing two shallow networks',
  statement: [
    "Network 1 has three ReLU units: h_1 = ReLU[-x], h_2 = ReLU[x], h_3 = ReLU[x - 0.67], and output y = 1 - 2h_1 - 3h_2 + 9.3h_3. Network 2 takes y to y' with units ReLU[-0.6 - y], ReLU[0.2 + y], ReLU[-0.5 + y] and output y' = 0.5 - ReLU[-0.6 - y] - 1.5 ReLU[0.2 + y] + 2 ReLU[-0.5 + y].",
    "Feed network 1 into network 2. How many linear regions does network 1 have on -1 <= x <= 1, and how many does the composition x -> y' have there? (Sketch y against x first: every time y crosses one of network 2's joints, the composition bends.)",
  ],
  fields: [
    { name: 'first', label: 'regions of network 1', kind: 'integer' },
    { name: 'composed', label: 'regions of the composition', kind: 'integer' },
  ],
  check(answers) {
    const { first, composed } = figure41Networks();
    return verdictOf(
      checkIntegers(answers, {
        first: BigInt(countRegions1d(first).linearRegions),
        composed: BigInt(countRegions1d(composed).linearRegions),
      }),
    );
  },
  solution() {
    const { first, second, composed } = figure41Networks();
    const r1 = regions1d(first);
    const joints2 = second.layers[0]?.biases.map(
      (b, d) => -b / (second.layers[0]?.weights[d]?.[0] as number),
    );
    const edges = [...r1.edges];
    const ys = edges.map((x) => evaluate(first, [x])[0] as number);
    const lines: string[] = [
      `Network 1 bends at x = ${[...r1.breakpoints].map(round).join(', ')} (units 1 and 2 share the joint x = 0), so it has ${r1.linearRegions} linear regions on [-1, 1]. Its output runs through y = ${ys.map(round).join(' -> ')}.`,
      `Network 2 bends where its units switch: y = ${(joints2 ?? []).map(round).join(', ')}.`,
    ];
    let bends = 0;
    for (let i = 0; i + 1 < ys.length; i++) {
      const [a, b] = [ys[i] as number, ys[i + 1] as number];
      const inside = (joints2 ?? []).filter((j) => j > Math.min(a, b) && j < Math.max(a, b));
      bends += inside.length;
      lines.push(
        `On x in [${round(edges[i] as number)}, ${round(edges[i + 1] as number)}] y goes from ${round(a)} to ${round(b)} and crosses ${inside.length} of those joints${inside.length ? ` (${inside.map(round).join(', ')})` : ''}.`,
      );
    }
    const own = r1.breakpoints.length;
    lines.push(
      `The composition bends at those ${bends} crossings and at network 1's own ${own} joints: ${bends + own} joints, ${bends + own + 1} linear regions. Counted exactly by @deepnets/regions on the composed network: ${countRegions1d(composed).linearRegions}.`,
    );
    return lines;
  },
};

/** The network of section 4.4's example (3 inputs, 2 outputs), by its shape only. */
export function section44Network(): Network {
  return initNetwork([3, 4, 2, 3, 2], { init: 'he-normal', rng: 44 });
}

const shapes = (net: Network) =>
  net.layers.map((l, k) => `Omega_${k}: ${l.weights.length} x ${l.weights[0]?.length ?? 0}`).join(', ');

/** Problem 4.2: the hyper-parameters K, D_1..D_K of a network given by its weight shapes. */
export const problem42: Exercise = {
  id: '4.2',
  title: 'Reading off the hyper-parameters',
  statement: [
    `A network takes 3 inputs to 2 outputs. Its weight matrices have the shapes ${shapes(section44Network())} (rows x columns).`,
    'What are its hyper-parameters: the number of hidden layers K and the widths D_1, ..., D_K (type them as a list)? How many parameters (weights and biases) does it have?',
  ],
  fields: [
    { name: 'depth', label: 'K', kind: 'integer' },
    { name: 'widths', label: 'D_1, ..., D_K', kind: 'list', placeholder: 'e.g. 5, 5' },
    { name: 'parameters', label: 'parameters', kind: 'integer' },
  ],
  check(answers) {
    const net = section44Network();
    const fields = checkIntegers(answers, {
      depth: BigInt(net.layers.length - 1),
      parameters: BigInt(countParameters(net)),
    });
    try {
      const given = parseNumberList(answers.widths ?? '');
      const widths = hiddenWidths(net);
      const same = given.length === widths.length && given.every((w, i) => w === widths[i]);
      fields.widths = same ? { ok: true } : { ok: false, note: 'not these widths' };
    } catch (error) {
      fields.widths = { ok: false, note: (error as Error).message };
    }
    return verdictOf(fields);
  },
  solution() {
    const net = section44Network();
    const widths = hiddenWidths(net);
    const terms = net.layers.map((l) => `${l.weights.length} x ${l.weights[0]?.length} + ${l.biases.length}`);
    return [
      `Omega_k maps h_k to h_{k+1}, so its number of rows is the next layer's width. The last matrix maps to the outputs, so there are ${net.layers.length} matrices and K = ${net.layers.length - 1} hidden layers of widths ${widths.join(', ')}.`,
      `Each layer has D_{k+1} x D_k weights and D_{k+1} biases: ${terms.join(' + ')} = ${groupDigits(countParameters(net))} parameters.`,
    ];
  },
};

/** Problem 4.3: which factor comes out of the nested ReLUs and how the biases scale. */
export const problem43: Exercise = {
  id: '4.3',
  title: 'The scaling identity of ReLU',
  statement: [
    'ReLU is non-negatively homogeneous: ReLU[lambda z] = lambda ReLU[z] for lambda >= 0. Take two layers whose weight matrices are scaled by lambda_0 > 0 and lambda_1 > 0: ReLU[beta_1 + lambda_1 Omega_1 ReLU[beta_0 + lambda_0 Omega_0 x]].',
    'Write it as F ReLU[beta_1 / G + Omega_1 ReLU[beta_0 / H + Omega_0 x]]. What are F, G and H? The check tries your choice on random networks and inputs.',
  ],
  fields: [
    { name: 'outer', label: 'F (factor in front)', kind: 'choice', choices: SCALE_CHOICES },
    { name: 'beta1', label: 'G (divides beta_1)', kind: 'choice', choices: SCALE_CHOICES },
    { name: 'beta0', label: 'H (divides beta_0)', kind: 'choice', choices: SCALE_CHOICES },
  ],
  check(answers) {
    const found = findScalingIdentity();
    const fields: Record<string, { ok: boolean; note?: string }> = {};
    for (const name of ['outer', 'beta1', 'beta0'] as const) {
      const ok = answers[name] === SCALE_CHOICES[found[name]];
      fields[name] = ok ? { ok } : { ok, note: 'the two sides differ with this choice' };
    }
    return verdictOf(fields);
  },
  solution() {
    const found = findScalingIdentity();
    const [f, g, h] = [found.outer, found.beta1, found.beta0].map((i) => SCALE_CHOICES[i]);
    return [
      'Inner layer: beta_0 + lambda_0 Omega_0 x = lambda_0 (beta_0 / lambda_0 + Omega_0 x), and lambda_0 > 0 leaves the ReLU, so ReLU[beta_0 + lambda_0 Omega_0 x] = lambda_0 ReLU[beta_0 / lambda_0 + Omega_0 x].',
      'Outer layer: beta_1 + lambda_1 Omega_1 lambda_0 ReLU[...] = lambda_0 lambda_1 (beta_1 / (lambda_0 lambda_1) + Omega_1 ReLU[...]), and the positive factor leaves the outer ReLU too.',
      `Of all ${SCALE_CHOICES.length ** 3} choices of (F, G, H) the check tried, only F = ${f}, G = ${g}, H = ${h} made both sides agree (to 1e-9) on ${found.trials} random networks and inputs: the rescaled network computes the same function, so weights and biases can trade scale between layers.`,
    ];
  },
};
