/**
 * Region counts of the lecture, counted by exact enumeration (`@deepnets/regions`) of networks
 * built to reach them, next to the formula they should equal.
 */
import { compose, type Network } from '@deepnets/core';
import {
  countRegions1d,
  type EnumerationOptions,
  maxRegionsNetwork,
  regions2d,
  serraUpper,
  udlMaxRegions,
  zaslavsky,
} from '@deepnets/regions';
import { FIGURE_4_2, NINE_REGIONS, networksOf, SIXTEEN_REGIONS, shallowSixUnits } from './networks.ts';
import { type Check, grouped } from './rows.ts';

const composed = (pair: [Network, Network]): Network => compose(pair[0], pair[1]);
const SLIDE_COMPARE = 'slide "Comparing to shallow with six hidden units"';

export function regionChecks(options: EnumerationOptions = {}): Check[] {
  const nine = countRegions1d(composed(networksOf(NINE_REGIONS)), {
    ...options,
    domain: [-1, 1],
  }).linearRegions;
  const shallow = countRegions1d(shallowSixUnits(), {
    ...options,
    domain: [-Infinity, Infinity],
  }).linearRegions;
  const shallowMax = zaslavsky(1, 6);
  const twoD = regions2d(composed(networksOf(FIGURE_4_2)), { ...options, box: [-1, 1, -1, 1] }).linearRegions;
  const sixteen = countRegions1d(composed(networksOf(SIXTEEN_REGIONS)), {
    ...options,
    domain: [-1, 1],
  }).linearRegions;
  const sixteenMax = serraUpper({ inputs: 1, widths: [3, 3] });
  const deep = (layers: number, width: number) => ({
    counted: countRegions1d(maxRegionsNetwork({ layers, width }), { ...options, domain: [0, 1] })
      .linearRegions,
    formula: udlMaxRegions({ inputs: 1, width, layers }),
  });
  const slide = deep(5, 10);
  const big = deep(6, 12);
  return [
    {
      claim: 'two composed 1-3-1 networks: linear regions',
      source: SLIDE_COMPARE,
      stated: 'at least 9',
      computed: `${nine} (exact enumeration of the composed network on [-1, 1])`,
      ok: nine >= 9,
    },
    {
      claim: 'shallow network with six hidden units: linear regions',
      source: SLIDE_COMPARE,
      stated: 'max 7',
      computed: `at most ${shallowMax} (Zaslavsky: 6 joints on a line); a 1-6-1 network reaches ${shallow} (exact enumeration on the real line)`,
      ok: shallowMax === 7n && BigInt(shallow) === shallowMax,
    },
    {
      claim: 'composing a 2-input network (7 regions) with a 1-input network: linear regions',
      source: 'slide "Composing networks in 2D" (book Figure 4.2)',
      stated: '13',
      computed: `${twoD} (exact enumeration of the composed network on [-1, 1]²)`,
      ok: twoD === 13,
    },
    {
      claim: 'two hidden layers of 3 units, one input: linear regions',
      source: 'book, section 4.3 (slide "Two-layer network")',
      stated: 'at most 16',
      computed: `at most ${sixteenMax} (Serra et al. 2018 upper bound, exact for one input); a composed pair reaches ${sixteen} (exact enumeration on [-1, 1])`,
      ok: sixteenMax === 16n && BigInt(sixteen) === sixteenMax,
    },
    {
      claim: '5 layers of 10 units, one input: linear regions',
      source: 'slide "Number of linear regions per parameter"',
      stated: '161,501',
      computed: `${grouped(slide.counted)} (exact enumeration of the zig-zag construction on [0, 1]; (D + 1)^K = ${grouped(slide.formula)})`,
      ok: slide.counted === 161501 && BigInt(slide.counted) === slide.formula,
      typo: 'the slide swaps two digits of 161,051 = 11⁵',
    },
    {
      claim: '6 layers of 12 units, one input: linear regions of the construction',
      source: 'docs, section 5 (the widget’s largest preset)',
      stated: null,
      computed: `${grouped(big.counted)} (exact enumeration on [0, 1]; (D + 1)^K = ${grouped(big.formula)})`,
      ok: BigInt(big.counted) === big.formula,
    },
  ];
}
