import { regions1d, sawtoothNetwork } from '@deepnets/regions';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { exportedNetwork, networkNumbers, sameBits } from '../kit/network-file-test-helpers.ts';
import { host, moveSlider, nextDraw } from '../kit/test-helpers.ts';
import { mountSawtooth } from './mount.ts';
import { shallowFromPieces } from './shallow.ts';
import '../../test/cli-command.ts';

afterEach(() => document.body.replaceChildren());

const shownRegions = (root: ParentNode, network: string) =>
  Number(root.querySelector(`tr[data-network="${network}"] [data-regions]`)?.getAttribute('data-regions'));

describe('sawtooth: Export network', () => {
  it('saves the deep and the shallow network of the K on show; deepnets regions counts what the table states', async () => {
    const element = host();
    const handle = mountSawtooth(element);
    await nextDraw(handle.subscribe);
    const root = element.querySelector('[data-widget="sawtooth"]') as HTMLElement;
    const pending = nextDraw(handle.subscribe);
    moveSlider(root, 'k', 5);
    const state = await pending;
    expect(state.layers).toBe(5);
    const deep = await exportedNetwork(root, 'deep');
    const shallow = await exportedNetwork(root, 'shallow');
    expect(deep.fileName).toBe('sawtooth-k5-deep.json');
    expect(shallow.fileName).toBe('sawtooth-k5-shallow.json');
    // Independent rebuild: regions' sawtooth network and the shallow network from its pieces.
    const rebuilt = sawtoothNetwork({ layers: 5, width: 2 });
    expect(sameBits(networkNumbers(deep.network), networkNumbers(rebuilt))).toBe(true);
    const rebuiltShallow = shallowFromPieces(regions1d(rebuilt, { domain: [0, 1] }), 0);
    expect(sameBits(networkNumbers(shallow.network), networkNumbers(rebuiltShallow))).toBe(true);
    for (const [file, network] of [
      [deep, 'deep'],
      [shallow, 'shallow'],
    ] as const) {
      const cli = await commands.cliRegions(file.text, ['--domain', '0,1']);
      expect(cli.err).toBe('');
      const counted = (JSON.parse(cli.out) as { linearRegions: number }).linearRegions;
      expect(counted).toBe(shownRegions(root, network));
      expect(counted).toBe(2 ** 5);
    }
    handle.destroy();
  });
});
