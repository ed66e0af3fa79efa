/**
 * Parameter counts the lecture and the book state: sum_k (D_k + 1) D_{k+1} over the layers
 * (core's `countParameters` on built networks, `parametersForWidths` for shapes).
 */
import { countParameters, initNetwork, parametersForWidths } from '@deepnets/core';
import { NINE_REGIONS, networksOf, shallowSixUnits } from './networks.ts';
import { type Check, grouped } from './rows.ts';

/** A check that a count equals the stated one. */
const equal = (
  claim: string,
  source: string,
  stated: string | null,
  value: number,
  expected: number | null,
  typo?: string,
): Check => ({
  claim,
  source,
  stated,
  computed: grouped(value),
  ok: expected === null ? Number.isInteger(value) : value === expected,
  ...(typo ? { typo } : {}),
});

/** Parameters of a network of widths [D_i, D_1, ..., D_K, D_o], built and counted. */
const built = (widths: number[]): number => {
  const n = countParameters(initNetwork(widths, { init: 'he-normal', rng: 1 }));
  if (n !== parametersForWidths(widths)) throw new Error(`parameter counts disagree for ${widths.join('-')}`);
  return n;
};

export function parameterChecks(): Check[] {
  const [a, b] = networksOf(NINE_REGIONS);
  const figure202 = [
    { name: '1x298', widths: [40, 298, 10], stated: '15208', expected: 15208 },
    { name: '2x100', widths: [40, 100, 100, 10], stated: '15210', expected: 15210 },
    { name: '3x75', widths: [40, 75, 75, 75, 10], stated: '15235', expected: 15235 },
    { name: '4x63', widths: [40, 63, 63, 63, 63, 10], stated: '15139', expected: 15139 },
  ];
  return [
    equal(
      'two composed 1-3-1 networks: parameters',
      'slide "Comparing to shallow with six hidden units"',
      '20',
      countParameters(a) + countParameters(b),
      20,
    ),
    equal(
      'shallow network with six hidden units: parameters',
      'slide "Comparing to shallow with six hidden units"',
      '19',
      countParameters(shallowSixUnits()),
      19,
    ),
    equal(
      'general two-layer network, 3 + 3 hidden units, 1 input, 1 output: parameters',
      'book, section 4.3 (slide "Two-layer network")',
      '22',
      built([1, 3, 3, 1]),
      22,
    ),
    equal(
      'example network D_i = 3, widths 4, 2, 3, D_o = 2: parameters',
      'book, section 4.4 (slide "Example")',
      '43',
      built([3, 4, 2, 3, 2]),
      43,
    ),
    equal(
      '5 layers of 10 units, one input: parameters',
      'slide "Number of linear regions per parameter"',
      '471',
      built([1, 10, 10, 10, 10, 10, 1]),
      471,
    ),
    equal(
      '10 inputs, 5 layers of 50 units: parameters',
      'book, Figure 4.7b caption',
      '10,801',
      built([10, 50, 50, 50, 50, 50, 1]),
      10801,
    ),
    ...figure202.map((m) =>
      equal(
        `Figure 20.2 model ${m.name} (${m.widths.join('-')}): parameters`,
        'slide "Fitting and generalization", Figure 20.2 caption',
        m.stated,
        built(m.widths),
        m.expected,
        m.name === '4x63' ? 'the caption’s 15139 swaps digits of 15319' : undefined,
      ),
    ),
  ];
}
