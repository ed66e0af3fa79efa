/**
 * `deepnets bounds --inputs DI --width D --layers K [--outputs DO]`: parameters and the maximum
 * number of linear regions (Zaslavsky for K = 1, the book's eq. 4.17, Montufar et al.'s lower and
 * Serra et al.'s upper bound). Counts beyond 2^53 are printed as exact decimal strings.
 */
import { regionBounds } from '@deepnets/regions';
import { integerFlag } from '../args.ts';
import { type Command, UsageError } from '../command.ts';

/** A count as a JSON number when it is exactly representable, else as an exact decimal string. */
const exact = (v: bigint | undefined): number | string | null =>
  v === undefined ? null : v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();

export interface BoundsResult {
  parameters: number;
  zaslavsky: number | string | null;
  udl: number | string;
  montufarLower: number | string | null;
  serraUpper: number | string;
}

export const boundsCommand: Command = {
  path: ['bounds'],
  summary: 'Maximum numbers of linear regions for D_i inputs and K layers of width D.',
  usage: 'deepnets bounds --inputs DI --width D --layers K [--outputs DO] [--json]',
  async run(args) {
    const need = (name: string) => {
      const v = integerFlag(args, name, { min: 1, max: 100000 });
      if (v === undefined) throw new UsageError(`--${name} is required`);
      return v;
    };
    const inputs = need('inputs');
    const width = need('width');
    const layers = need('layers');
    const outputs = integerFlag(args, 'outputs', { fallback: 1, min: 1, max: 100000 }) as number;
    const b = regionBounds({ inputs, width, layers, outputs });
    const result: BoundsResult = {
      parameters: b.parameters,
      zaslavsky: exact(b.zaslavsky),
      udl: exact(b.udl) as number | string,
      montufarLower: exact(b.montufarLower),
      serraUpper: exact(b.serraUpper) as number | string,
    };
    return result;
  },
  human(result) {
    const r = result as BoundsResult;
    return [
      `parameters      ${r.parameters}`,
      ...(r.zaslavsky !== null ? [`zaslavsky       ${r.zaslavsky}`] : []),
      `udl (eq. 4.17)  ${r.udl}`,
      `montufar lower  ${r.montufarLower ?? 'n/a (needs D >= D_i)'}`,
      `serra upper     ${r.serraUpper}`,
    ].join('\n');
  },
};
