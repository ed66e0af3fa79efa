import { evaluate, forwardTrace } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { exportedNetwork } from '../kit/network-file-test-helpers.ts';
import { host, moveSlider } from '../kit/test-helpers.ts';
import { type CombiningState, mountCombining } from './mount.ts';

afterEach(() => document.body.replaceChildren());

describe('combining: Export network', () => {
  it('writes the combined network, which gives the y′ and hidden units the check table shows', async () => {
    const element = host();
    let state: CombiningState | undefined;
    const handle = mountCombining(element);
    handle.subscribe((s) => {
      state = s;
    });
    const root = element.querySelector('[data-widget="combining"]') as HTMLElement;
    moveSlider(root, 'n1.phi.2', -1.7);
    const combined = await exportedNetwork(root, 'combined');
    expect(combined.fileName).toBe('combining-combined.json');
    const first = await exportedNetwork(root, 'network-1');
    const second = await exportedNetwork(root, 'network-2');
    expect(first.network.layers[1]?.weights[0]?.[1]).toBe(-1.7);
    for (const x of [-0.8, -0.31, 0.25, 0.6]) {
      handle.update({ cursor: x });
      const rows = (state as CombiningState).check.rows;
      const shown = (name: string) => rows.find((r) => r.name === name)?.combined as number;
      const trace = forwardTrace(combined.network, [x]);
      expect(trace.output[0]).toBeCloseTo(shown('y′'), 12);
      expect(trace.activations[1]?.[2]).toBeCloseTo(shown('h′₃'), 12);
      // And network 2 after network 1, from their own files, is the same function.
      const y = evaluate(first.network, [x]);
      expect(evaluate(second.network, y)[0]).toBeCloseTo(shown('y′'), 12);
    }
    const free = await exportedNetwork(root, 'free-psi');
    expect(free.network.layers.map((l) => l.weights.length)).toEqual([3, 3, 1]);
    expect(free.network.layers[1]?.weights[0]?.[0]).toBe(-3.1);
    handle.destroy();
  });
});
