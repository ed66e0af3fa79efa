/**
 * Conv calculator, state: the image and layers the reader chose, the defaults, the URL schema, and
 * the pure derivation of what is shown (parameter counts of one dense and one convolutional layer,
 * the stacked convolutions it takes to see the whole image, the receptive-field curve). No DOM:
 * tested in Node (state.test.ts); the formulas are receptive.ts's.
 */
import type { UrlSchema } from '../kit/url-state.ts';
import { convParameters, denseParameters, layersToSee, receptiveField } from './receptive.ts';

export interface ConvCalculatorOptions {
  height: number;
  width: number;
  channels: number;
  /** Units of the fully connected layer (default: one per pixel). */
  units?: number;
  kernel: number;
  outChannels: number;
  stride: number;
  urlPrefix?: string;
}

export interface ConvCalculatorState {
  pixels: number;
  inputs: number;
  units: number;
  dense: number;
  conv: number;
  /** Fewest stacked convolutions after which some unit sees every pixel. */
  layers: number;
}

export const DEFAULT_OPTIONS: ConvCalculatorOptions = {
  height: 1000,
  width: 1000,
  channels: 1,
  kernel: 3,
  outChannels: 1,
  stride: 1,
};

export const URL_SCHEMA: UrlSchema = {
  h: { type: 'integer', min: 1, max: 20000 },
  w: { type: 'integer', min: 1, max: 20000 },
  c: { type: 'integer', min: 1, max: 64 },
  u: { type: 'integer', min: 1, max: 1e9 },
  k: { type: 'choice', values: ['3', '5', '7'] },
  co: { type: 'integer', min: 1, max: 1024 },
  s: { type: 'choice', values: ['1', '2'] },
};

type UrlValues = Partial<Record<keyof typeof URL_SCHEMA, number | string>>;

/** The options with whatever the URL set (values already checked against `URL_SCHEMA`). */
export function optionsFromUrl(options: ConvCalculatorOptions, v: UrlValues): ConvCalculatorOptions {
  const num = (x: number | string | undefined, fallback: number) => (x === undefined ? fallback : Number(x));
  return {
    ...options,
    height: num(v.h, options.height),
    width: num(v.w, options.width),
    channels: num(v.c, options.channels),
    ...(v.u === undefined ? {} : { units: Number(v.u) }),
    kernel: num(v.k, options.kernel),
    outChannels: num(v.co, options.outChannels),
    stride: num(v.s, options.stride),
  };
}

/** The URL values of `o` (the inverse of `optionsFromUrl`). */
export const urlValues = (o: ConvCalculatorOptions): Record<keyof typeof URL_SCHEMA, number | string> => ({
  h: o.height,
  w: o.width,
  c: o.channels,
  u: o.units ?? o.height * o.width,
  k: String(o.kernel),
  co: o.outChannels,
  s: String(o.stride),
});

/** Counts and depth for `o`: H W pixels, H W C inputs, dense vs k x k conv, layers to see it all. */
export function convState(o: ConvCalculatorOptions): ConvCalculatorState {
  const pixels = o.height * o.width;
  const inputs = pixels * o.channels;
  const units = o.units ?? pixels;
  return {
    pixels,
    inputs,
    units,
    dense: denseParameters(inputs, units),
    conv: convParameters(o.kernel, o.channels, o.outChannels),
    layers: Math.max(layersToSee(o.height, o.kernel, o.stride), layersToSee(o.width, o.kernel, o.stride)),
  };
}

/** The receptive-field curve: r(L) at 200 depths from 0 to a little past `layers`, and the image side. */
export function fieldCurve(
  o: ConvCalculatorOptions,
  layers: number,
): { maxL: number; side: number; ls: number[]; rs: number[] } {
  const maxL = Math.max(2, Math.min(layers * 1.15, 100_000));
  const ls = Array.from({ length: 200 }, (_, i) => (i / 199) * maxL);
  return {
    maxL,
    side: Math.max(o.height, o.width),
    ls,
    rs: ls.map((l) => receptiveField(Math.floor(l), o.kernel, o.stride)),
  };
}

/** `n` float32 numbers in bytes, with a unit (3 significant digits). */
export function float32Bytes(n: number): string {
  const b = 4 * n;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  const e = Math.min(units.length - 1, Math.floor(Math.log10(Math.max(1, b)) / 3));
  return `${(b / 1000 ** e).toPrecision(3)} ${units[e]}`;
}
