import { evaluate, networkToJson } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import {
  exportedNetwork,
  networkNumbers,
  pickNetworkFile,
  sameBits,
} from '../kit/network-file-test-helpers.ts';
import { host, moveSlider, nextDraw, shownRegions } from '../kit/test-helpers.ts';
import { mountLayerPanels } from './mount.ts';
import { layerPanelsNetwork, randomLayerPanels } from './params.ts';
import '../../test/cli-command.ts';

afterEach(() => document.body.replaceChildren());

const root = () => document.querySelector('[data-widget="layer-panels"]') as HTMLElement;

describe('layer-panels: the network travels as a file', () => {
  it('exports the 1-3-3-1 network it draws, bit for bit, and deepnets regions counts what the panel states', async () => {
    const handle = mountLayerPanels(host());
    await nextDraw(handle.subscribe);
    const pending = nextDraw(handle.subscribe);
    moveSlider(root(), 'psi.3.2', -1.7);
    const state = await pending;
    const file = await exportedNetwork(root());
    expect(file.fileName).toBe('layer-panels-1-3-3-1.json');
    expect(sameBits(networkNumbers(file.network), networkNumbers(layerPanelsNetwork(state.params)))).toBe(
      true,
    );
    // The file evaluates to the output panel at every edge of its regions.
    for (const [k, x] of state.trace.xs.entries())
      expect(evaluate(file.network, [x])[0]).toBe(state.trace.y[k]);
    const cli = await commands.cliRegions(file.text, ['--domain', '0,1']);
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(shownRegions(root()));
    handle.destroy();
  });

  it('opens a 1-3-3-1 file into the 22 sliders, and shows why another file cannot be opened', async () => {
    const handle = mountLayerPanels(host());
    await nextDraw(handle.subscribe);
    const params = randomLayerPanels(17);
    const drawn = nextDraw(handle.subscribe);
    pickNetworkFile(root(), 'mine.json', networkToJson(layerPanelsNetwork(params)));
    const state = await drawn;
    expect(state.params).toEqual(params);
    expect(root().querySelector<HTMLInputElement>('input[data-param="psi.2.3"]')?.value).toBe(
      String(params['psi.2.3']),
    );
    const shallow = {
      activation: 'relu',
      layers: [
        { weights: [[1]], biases: [0] },
        { weights: [[1]], biases: [0] },
      ],
    };
    pickNetworkFile(root(), 'shallow.json', networkToJson(shallow));
    await new Promise((r) => setTimeout(r, 50));
    const error = root().querySelector('[data-role="network-file-error"]') as HTMLElement;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toMatch(/shallow\.json.*1-3-3-1/s);
    // Nothing lost: the panels still show the opened network.
    expect(root().querySelector<HTMLInputElement>('input[data-param="psi.2.3"]')?.value).toBe(
      String(params['psi.2.3']),
    );
    handle.destroy();
  });
});
