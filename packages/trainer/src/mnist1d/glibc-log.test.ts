import { describe, expect, it } from 'vitest';
import { fma } from './fma.ts';
import { glibcLog } from './glibc-log.ts';

describe('fma (rounding-to-odd emulation)', () => {
  // [a, b, c, RN(a*b + c)] with the exact value from Python fractions:
  //   float(Fraction(a) * Fraction(b) + Fraction(c))
  const cases: [number, number, number, number][] = [
    [0.8329897566346092, 1.8060984592660647, -1.504461516042182, -9.541524282974105e-17],
    [1.6488617847204734, 1.2776269818094148, -2.1066303054333035, -3.670358616393343e-17],
    [-0.11738155420809382, -0.0006833802645746976, 0.7598740624025577, 0.7599542786401287],
    [1.0000000000000002, 1.0000000000000002, -1.0, 4.440892098500626e-16],
    [1.0000000009313226, 0.9999999990686774, 8.271806125530277e-25, 1.0],
    [1.0000000074505806, 1.0000000074505806, 0.0, 1.0000000149011612],
    [1.1802696888767692, 1.0194752414876245, -1.633425550447116e-17, 1.2032557260881676],
    [1.9262829603269964, 1.1051751560377112, -1.2180802292386977e-16, 2.1288800712521723],
    [1.4873716073198717, 1.9418066523433661, 1.5578431406061576e-16, 2.888188081600372],
    [1.713761933958054, 1.517898536428095, 1.2673805203156145e-16, 2.6013167313411123],
    [1.6789070840034936, 1.485158817767163, -1.2940371420547252e-16, 2.4934436600195435],
  ];

  it('rounds a * b + c once', () => {
    for (const [a, b, c, exact] of cases) expect(fma(a, b, c)).toBe(exact);
  });

  it('differs from the twice-rounded a * b + c on these cases', () => {
    const naiveWrong = cases.filter(([a, b, c, exact]) => a * b + c !== exact).length;
    // 7 of the 11: the cancellations, (1 + 2^-52)^2 - 1 and the five near-ties.
    expect(naiveWrong).toBe(7);
  });
});

describe('glibcLog', () => {
  // [x, log(x)] from Python's math.log, i.e. glibc 2.36's log on x86-64 with FMA:
  //   python3 -c "import math; print([[x, math.log(x)] for x in XS])"
  // The first twelve are inputs where V8's Math.log rounds the other way (main branch, the branch
  // near 1, and x > 1); the next three are where glibc is not correctly rounded (the correctly
  // rounded values are one ulp away: -0.09864486522211574, -0.06849883767936243,
  // -0.24139653079964318, from Python's decimal at 40 digits).
  const cases: [number, number][] = [
    [0.3809411331485384, -0.9651104219645595],
    [0.06593634690590511, -2.719065443147618],
    [0.3703510829880352, -0.9933038502985868],
    [0.4129918291138346, -0.8843274704448182],
    [0.9435438943348082, -0.058112392378307426],
    [0.9418564263446066, -0.05990242966882859],
    [0.9662643416751128, -0.03431783657734378],
    [0.9473859177083064, -0.05404875274871878],
    [1.0656260703567406, 0.0635624859295832],
    [1.0659155072287987, 0.06383406109084731],
    [1.066074402648489, 0.0639831194135423],
    [1.0665088050971272, 0.06439051496375452],
    [0.9060644258822016, -0.09864486522211573],
    [0.9337945454715635, -0.06849883767936242],
    [0.7855300777532378, -0.24139653079964316],
    [5e-324, -744.4400719213812],
    [1e-310, -713.8013788281542],
    [0.9375, -0.06453852113757118],
    [1e300, 690.7755278982137],
  ];

  it('equals glibc bit for bit', () => {
    for (const [x, y] of cases) expect(glibcLog(x)).toBe(y);
  });

  it('is not Math.log on the first twelve inputs (the fixture can tell them apart)', () => {
    for (const [x, y] of cases.slice(0, 12)) expect(Math.log(x)).not.toBe(y);
  });

  it('handles the special values like C', () => {
    expect(glibcLog(1)).toBe(0);
    expect(glibcLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(glibcLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(Number.NaN)).toBeNaN();
  });

  it('stays within one ulp of Math.log on a sweep', () => {
    for (let x = 1e-6; x < 1e6; x *= 1.0137) {
      const a = glibcLog(x);
      const b = Math.log(x);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * 2 ** -52 + 1e-300);
    }
  });
});
