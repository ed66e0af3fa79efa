// Build-time numbers of section 5, computed (never typed in): eq. 4.17 and the bounds beside it
// for Figure 4.7b's point, the committed Figure 20.2 run (experiments/random-labels) and the
// committed random-network measurement (experiments/random-regions).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parametersForWidths } from '@deepnets/core';
import { regionSummary } from '@deepnets/regions';

const file = (path: string) => fileURLToPath(new URL(`../../experiments/${path}`, import.meta.url));
const CURVES = file('random-labels/curves.json');
const RANDOM = file('random-regions/regions.json');

/** 1.8e41 -> "1.80 × 10^41" as LaTeX-free text with Unicode superscripts. */
function short(v: bigint): string {
  const text = v.toString();
  if (text.length <= 9) return v.toLocaleString('en-GB');
  const sup = [...String(text.length - 1)].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('');
  return `${Number(`${text[0]}.${text.slice(1, 12)}`).toFixed(2)} × 10${sup}`;
}

/** Words for the size of a range of counts: "hundreds of thousands" for 137,134 to 598,625. */
function magnitude(lo: number, hi: number): string {
  const names = ['', 'tens', 'hundreds'];
  const unit = (n: number) => {
    const digits = Math.floor(Math.log10(n));
    const group = digits >= 6 ? 'millions' : digits >= 3 ? 'thousands' : '';
    const power = digits >= 6 ? digits - 6 : digits >= 3 ? digits - 3 : digits;
    return group ? `${names[power] ? `${names[power]} of ` : ''}${group}` : 'hundreds';
  };
  return unit(lo) === unit(hi) ? unit(lo) : `${unit(lo)} to ${unit(hi)}`;
}

interface RandomRow {
  width: number;
  layers: number;
  biases: { kind: string };
  networks: number;
  mean: number;
  sd: number;
  perUnit: number;
  perUnitSd: number;
  maximum: string;
}

export default {
  watch: [CURVES, RANDOM],
  load() {
    const widths = [50, 50, 50, 50, 50];
    const b = regionSummary({ inputs: 10, widths });
    const figure47b = {
      parameters: parametersForWidths([10, ...widths, 1]).toLocaleString('en-GB'),
      eq417: short(b.eq417?.value ?? 0n),
      eq417Status: b.eq417?.status,
      upper: short(b.upper.value),
    };
    const two = regionSummary({ inputs: 2, widths: [4, 4] });
    const builderExample = { eq417: String(two.eq417?.value), upper: String(two.upper.value) };

    const curves = JSON.parse(readFileSync(CURVES, 'utf8')) as {
      seed: number;
      models: { name: string; widths: number[]; epochsTo100: number | null }[];
    };
    const models = [...curves.models].sort((x, y) => x.widths.length - y.widths.length);
    const epochs = models.map((m) => m.epochsTo100 ?? Number.NaN);
    const finished = epochs.every(Number.isFinite);
    const lo = Math.min(...epochs);
    const hi = Math.max(...epochs);
    const byName = Object.fromEntries(models.map((m) => [m.name, m.epochsTo100 ?? 0]));
    const gap = ((byName['3x75'] ?? 0) - (byName['4x63'] ?? 0)) / (byName['4x63'] ?? 1);
    const figure202 = {
      finished,
      seed: curves.seed,
      words: finished ? magnitude(lo, hi) : 'many thousands',
      lo: lo.toLocaleString('en-GB'),
      hi: hi.toLocaleString('en-GB'),
      gap3x75vs4x63: `${Math.round(gap * 100)}%`,
    };

    const random = JSON.parse(readFileSync(RANDOM, 'utf8')) as {
      settings: { networks: number; domain: [number, number]; widths: number[]; depths: number[] };
      rows: RandomRow[];
    };
    const cell = (r: RandomRow) => `${r.perUnit.toFixed(2)} ± ${r.perUnitSd.toFixed(2)}`;
    const find = (kind: string, width: number, layers: number) =>
      random.rows.find((x) => x.layers === layers && x.width === width && x.biases.kind === kind);
    const table = ['constant', 'uniform'].flatMap((kind) =>
      random.settings.widths.map((width) => ({
        label: `${width}, ${kind === 'constant' ? '0.1' : 'random'}`,
        cells: random.settings.depths.map((layers) => {
          const r = find(kind, width, layers);
          return r ? cell(r) : '—';
        }),
      })),
    );
    const widest = Math.max(...random.settings.widths);
    const [first, last] = [random.settings.depths[0] ?? 1, random.settings.depths.at(-1) ?? 1];
    const counts = (layers: number) => {
      const r = find('uniform', widest, layers);
      return r
        ? { layers, regions: `${r.mean.toFixed(0)} ± ${r.sd.toFixed(0)}`, maximum: short(BigInt(r.maximum)) }
        : undefined;
    };
    const conv = parametersForWidths([3 * 3, 1]);
    return {
      figure47b,
      builderExample,
      figure202,
      random: {
        networks: random.settings.networks,
        domain: random.settings.domain,
        depths: random.settings.depths,
        widest,
        table,
        shallowest: counts(first),
        deepest: counts(last),
      },
      conv,
    };
  },
};
