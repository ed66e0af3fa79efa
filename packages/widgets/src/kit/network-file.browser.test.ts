import { type Network, networkToJson } from '@deepnets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetworkFileControls } from './network-file.ts';
import {
  dropNetworkFile,
  exportedNetwork,
  networkNumbers,
  pickNetworkFile,
  sameBits,
} from './network-file-test-helpers.ts';
import { host } from './test-helpers.ts';

const net: Network = {
  activation: 'relu',
  layers: [
    { weights: [[-1], [1], [0.1 + 0.2]], biases: [-0, 5e-324, -0.67] },
    { weights: [[-2, -3, 9.3]], biases: [1] },
  ],
};

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('network file controls', () => {
  it('export only when no open handler is given: no Open button, a drop does nothing', async () => {
    const root = host();
    const files = createNetworkFileControls(root, {
      name: 'only-export',
      network: () => net,
      dropTarget: root,
    });
    expect(root.querySelector('button[data-action="open-network"]')).toBeNull();
    expect(root.querySelector('input[type="file"]')).toBeNull();
    dropNetworkFile(root, 'x.json', 'not json');
    expect(files.error.hidden).toBe(true);
    const { text, fileName } = await exportedNetwork(root);
    expect(fileName).toBe('only-export.json');
    expect(text).toBe(networkToJson(net));
    files.destroy();
  });

  it('opens by picker and drop, refuses by check with the code, and disables Export without a network', async () => {
    const root = host();
    const opened: Network[] = [];
    let shown: Network | undefined;
    const files = createNetworkFileControls(root, {
      name: 'n',
      network: () => shown,
      open: (n) => opened.push(n),
      check: (n) => {
        if (n.layers.length > 2) throw Object.assign(new Error('too deep'), { code: 'OUT_OF_RANGE' });
      },
      dropTarget: root,
    });
    expect(files.exportButton.disabled).toBe(true);
    shown = net;
    files.refresh();
    expect(files.exportButton.disabled).toBe(false);
    pickNetworkFile(root, 'a.json', networkToJson(net));
    dropNetworkFile(root, 'b.json', networkToJson(net));
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect(opened.every((n) => sameBits(networkNumbers(n), networkNumbers(net)))).toBe(true);
    pickNetworkFile(root, 'c.json', '{');
    await vi.waitFor(() => expect(files.error.hidden).toBe(false));
    expect(files.error.dataset.code).toBe('INVALID_FORMAT');
    expect(files.error.textContent).toMatch(/^c\.json: .*\[INVALID_FORMAT\]$/);
    expect(opened).toHaveLength(2);
    files.destroy();
  });
});
