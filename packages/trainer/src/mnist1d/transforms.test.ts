import { describe, expect, it } from 'vitest';
import { gaussianFilter1d, gaussianKernel, interp, linspace, resample } from './transforms.ts';

describe('gaussianFilter1d (scipy.ndimage, reflect mode)', () => {
  const x = [0.3, -1.2, 0.5, 2.0, 0.0, 0.7, -0.4, 1.1, 0.9, -2.2, 0.25, 0.6];

  it('has scipy’s kernel', () => {
    // scipy.ndimage._filters._gaussian_kernel1d(2, 0, 8).tolist()
    expect(Array.from(gaussianKernel(2))).toEqual([
      6.691628957263553e-5, 0.0004363490205067883, 0.002215963172596555, 0.00876430436278587,
      0.026995957967298846, 0.06475993660472744, 0.12098748976534904, 0.17603575888479037, 0.199474647864745,
      0.17603575888479037, 0.12098748976534904, 0.06475993660472744, 0.026995957967298846,
      0.00876430436278587, 0.002215963172596555, 0.0004363490205067883, 6.691628957263553e-5,
    ]);
  });

  it('equals scipy.ndimage.gaussian_filter(x, 2) bit for bit', () => {
    // python3 -c "import numpy as np; from scipy.ndimage import gaussian_filter; print(gaussian_filter(np.array(X), 2).tolist())"
    expect(Array.from(gaussianFilter1d(x, 2))).toEqual([
      0.03984980487301329, 0.1513981043157624, 0.3179813646378253, 0.45241728415059024, 0.49521107683794124,
      0.4497599344415342, 0.35000648960446457, 0.21912503850537202, 0.08404054272882741, -0.00439030662206169,
      -0.01583198944943809, 0.01043265597616927,
    ]);
  });

  it('agrees with a direct convolution over the mirrored signal', () => {
    const sigma = 2;
    const radius = 8;
    // Independent construction: mirror the whole signal (d c b a | a b c d | d c b a) and
    // convolve with freshly normalised Gaussian weights.
    const mirrored = [...[...x].reverse(), ...x, ...[...x].reverse()];
    const w = Array.from({ length: 2 * radius + 1 }, (_, i) =>
      Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
    );
    const total = w.reduce((a, b) => a + b, 0);
    const out = gaussianFilter1d(x, sigma);
    x.forEach((_, i) => {
      let direct = 0;
      for (let k = -radius; k <= radius; k++)
        direct += (mirrored[x.length + i + k] as number) * ((w[k + radius] as number) / total);
      expect(out[i]).toBeCloseTo(direct, 14);
    });
  });
});

describe('linspace and interp', () => {
  it('linspace ends exactly at stop and steps like numpy', () => {
    const g = linspace(-5, 5, 12);
    expect(g[0]).toBe(-5);
    expect(g[11]).toBe(5);
    expect(g[3]).toBe(3 * (10 / 11) - 5);
    expect(Array.from(linspace(2, 3, 1))).toEqual([2]);
  });

  it('interp is piecewise linear, exact at knots, clamped outside', () => {
    const xp = [0, 1, 3];
    const fp = [1, 3, -1];
    expect(Array.from(interp([-1, 0, 0.5, 1, 2, 3, 4], xp, fp))).toEqual([1, 1, 2, 3, 1, -1, -1]);
  });

  it('resample keeps a linear signal linear', () => {
    const line = linspace(0, 7, 8);
    const r = resample(line, 15);
    r.forEach((v, i) => {
      expect(v).toBeCloseTo(i / 2, 14);
    });
  });
});
