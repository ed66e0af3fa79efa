/**
 * Problems 4.8, 4.10 and 4.11 of the book's chapter 4, in our words: a four-region zig-zag and
 * its compositions, the parameter count of a deep network with one input and output, and a
 * shallow and a deep network of equal size compared by their maximum number of regions.
 */
import { evaluate, type Network, parametersForWidths } from '@deepnets/core';
import { countRegions1d, problem48Network, udlMaxRegions, zaslavsky } from '@deepnets/regions';
import { groupDigits, parseNumberList } from './answers.ts';
import { checkIntegers, type Exercise, type FieldVerdict, verdictOf } from './exercise.ts';

const UNIT_01: [number, number] = [0, 1];

/** Problem 4.8's hidden layer (slopes 1, 1, -1; joints 1/6, 2/6, 4/6) with the reader's phi. */
export function zigzagWithPhi(phi: readonly number[]): Network {
  const base = problem48Network(0);
  const hidden = base.layers[0] as Network['layers'][number];
  return { ...base, layers: [hidden, { weights: [phi.slice(1)], biases: [phi[0] as number] }] };
}

/** True when `net` has 4 regions on [0, 1] and its values at 0, 1/6, 2/6, 4/6, 1 alternate 0 and 1. */
export function oscillatesFourTimes(net: Network): boolean {
  if (countRegions1d(net, { domain: UNIT_01 }).linearRegions !== 4) return false;
  const ys = [0, 1 / 6, 2 / 6, 4 / 6, 1].map((x) => evaluate(net, [x])[0] as number);
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const first = ys[0] as number;
  if (!(near(first, 0) || near(first, 1))) return false;
  return ys.every((y, i) => near(y, i % 2 === 0 ? first : 1 - first));
}

/** Problem 4.8: phi for four oscillating regions, then regions of 1, 2 and 3 copies composed. */
export const problem48: Exercise = {
  id: '4.8',
  title: 'Composing a four-piece zig-zag',
  statement: [
    'A shallow network has three ReLU units on [0, 1]: h_1 = ReLU[x - 1/6], h_2 = ReLU[x - 2/6] and h_3 = ReLU[4/6 - x] (slopes 1, 1 and -1).',
    'Choose phi_0, phi_1, phi_2, phi_3 so that y = phi_0 + phi_1 h_1 + phi_2 h_2 + phi_3 h_3 has four linear regions and runs back and forth between 0 and 1. Then feed the output of one copy into another copy: how many linear regions do one, two and three copies in a row make on [0, 1]?',
  ],
  fields: [
    { name: 'phi', label: 'phi_0, phi_1, phi_2, phi_3', kind: 'list', placeholder: 'four numbers' },
    { name: 'one', label: 'one copy', kind: 'integer' },
    { name: 'two', label: 'two copies', kind: 'integer' },
    { name: 'three', label: 'three copies', kind: 'integer' },
  ],
  check(answers) {
    const count = (c: number) =>
      BigInt(countRegions1d(problem48Network(c), { domain: UNIT_01 }).linearRegions);
    const fields: Record<string, FieldVerdict> = checkIntegers(answers, {
      one: count(0),
      two: count(1),
      three: count(2),
    });
    try {
      const phi = parseNumberList(answers.phi ?? '');
      if (phi.length !== 4) fields.phi = { ok: false, note: `needs 4 numbers, got ${phi.length}` };
      else
        fields.phi = oscillatesFourTimes(zigzagWithPhi(phi))
          ? { ok: true }
          : { ok: false, note: 'this y does not make 4 pieces between 0 and 1' };
    } catch (error) {
      fields.phi = { ok: false, note: (error as Error).message };
    }
    return verdictOf(fields);
  },
  solution() {
    const phi = problem48Network(0).layers[1] as Network['layers'][number];
    const values = [phi.biases[0] as number, ...(phi.weights[0] as number[])];
    const counts = [0, 1, 2].map(
      (c) => countRegions1d(problem48Network(c), { domain: UNIT_01 }).linearRegions,
    );
    return [
      'At x = 0 only h_3 is on (h_3 = 4/6), so y(0) = phi_0 + (4/6) phi_3; ask for 0. Unit h_3 is on left of 4/6, h_1 right of 1/6, h_2 right of 2/6, so the slopes are -phi_3 on [0, 1/6], phi_1 - phi_3 on [1/6, 2/6], phi_1 + phi_2 - phi_3 on [2/6, 4/6] and phi_1 + phi_2 on [4/6, 1]. Going 0 -> 1 -> 0 -> 1 -> 0 needs slopes 6, -6, 3, -3.',
      `Solving gives phi = (${values.join(', ')}): y = ${values[0]} ${values
        .slice(1)
        .map((v, i) => `${v < 0 ? '-' : '+'} ${Math.abs(v)} h_${i + 1}`)
        .join(' ')}.`,
      `Each of the 4 pieces maps its interval onto all of [0, 1], so the next copy draws its 4 pieces inside every one of them: 4, 4 x 4, 4 x 4 x 4. Counted exactly on the composed networks: ${counts.join(', ')} regions.`,
    ];
  },
};

const oneInOneOut = (layers: number, width: number) => [1, ...Array<number>(layers).fill(width), 1];

/** Problem 4.10: parameters of K hidden layers of width D between one input and one output. */
export const problem410: Exercise = {
  id: '4.10',
  title: 'Counting parameters of a deep network',
  statement: [
    'A network maps one input x to one output y through K hidden layers of D units each. Find a formula for its number of parameters (weights and biases) in terms of K and D.',
    'Use it for K = 3, D = 4 and for K = 10, D = 5.',
  ],
  fields: [
    { name: 'small', label: 'K = 3, D = 4', kind: 'integer' },
    { name: 'large', label: 'K = 10, D = 5', kind: 'integer' },
  ],
  check(answers) {
    return verdictOf(
      checkIntegers(answers, {
        small: BigInt(parametersForWidths(oneInOneOut(3, 4))),
        large: BigInt(parametersForWidths(oneInOneOut(10, 5))),
      }),
    );
  },
  solution() {
    const formula = (k: number, d: number) => 3 * d + 1 + (k - 1) * d * (d + 1);
    const rows = [
      [3, 4],
      [10, 5],
      [1, 95],
    ].map(
      ([k, d]) =>
        `K = ${k}, D = ${d}: ${formula(k as number, d as number)} (layer by layer: ${parametersForWidths(oneInOneOut(k as number, d as number))})`,
    );
    return [
      'The first layer has D weights and D biases (2D), the output layer D weights and one bias (D + 1), and each of the K - 1 layers between hidden layers D x D weights and D biases, D(D + 1).',
      `Total: 3D + 1 + (K - 1) D (D + 1). ${rows.join('; ')}.`,
    ];
  },
};

/** Problem 4.11: 95 shallow units against 10 layers of 5 units. */
export const problem411: Exercise = {
  id: '4.11',
  title: 'Same size, shallow or deep',
  statement: [
    'Two networks map a scalar x to a scalar y. The shallow one has one hidden layer of 95 units; the deep one has K = 10 hidden layers of D = 5 units.',
    'How many parameters does each have, and what is the most linear regions each can make? (Powers like 6^10 are fine.)',
  ],
  fields: [
    { name: 'shallowParameters', label: 'shallow: parameters', kind: 'integer' },
    { name: 'deepParameters', label: 'deep: parameters', kind: 'integer' },
    { name: 'shallowRegions', label: 'shallow: max regions', kind: 'integer' },
    { name: 'deepRegions', label: 'deep: max regions', kind: 'integer' },
  ],
  check(answers) {
    return verdictOf(
      checkIntegers(answers, {
        shallowParameters: BigInt(parametersForWidths([1, 95, 1])),
        deepParameters: BigInt(parametersForWidths(oneInOneOut(10, 5))),
        shallowRegions: zaslavsky(1, 95),
        deepRegions: udlMaxRegions({ inputs: 1, width: 5, layers: 10 }),
      }),
    );
  },
  solution() {
    const shallow = parametersForWidths([1, 95, 1]);
    const deep = parametersForWidths(oneInOneOut(10, 5));
    const rs = zaslavsky(1, 95);
    const rd = udlMaxRegions({ inputs: 1, width: 5, layers: 10 });
    return [
      `Parameters (problem 4.10's formula): shallow 3 x 95 + 1 = ${shallow}, deep 3 x 5 + 1 + 9 x 5 x 6 = ${deep}. The same budget.`,
      `Regions: each of the 95 shallow units adds at most one joint on the line, so at most ${groupDigits(rs)} regions. The deep network can fold the line D + 1 = 6 times per layer, at most 6^10 = ${groupDigits(rd)} regions (the book's eq. 4.17, a proven upper bound that the zig-zag construction of section 3 reaches).`,
      `Ratio: ${groupDigits(rd / rs)} times as many regions for the same number of parameters. The shallow network runs faster though: its 95 units work in parallel, the deep network's 10 layers one after another.`,
    ];
  },
};
