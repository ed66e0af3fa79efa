import { evaluate } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { exportedNetwork } from '../kit/network-file-test-helpers.ts';
import { valuesAtEdges } from '../kit/pieces-1d.ts';
import { polylineAt } from '../kit/polyline-at.ts';
import { host, moveSlider } from '../kit/test-helpers.ts';
import { type CompositionState, mountComposition } from './mount.ts';
import '../../test/cli-command.ts';

afterEach(() => document.body.replaceChildren());

const XS = [-0.95, -0.5, -0.12, 0.2, 0.61, 0.9];

function mounted() {
  const element = host();
  let state: CompositionState | undefined;
  const handle = mountComposition(element);
  handle.subscribe((s) => {
    state = s;
  });
  const root = element.querySelector('[data-widget="composition"]') as HTMLElement;
  return { handle, root, state: () => state as CompositionState };
}

describe('composition: Export network', () => {
  it('writes the composition, network 1 and network 2 as files that evaluate to the drawn curves', async () => {
    const { handle, root, state } = mounted();
    moveSlider(root, 'n2.phi.2', -1.3);
    const s = state();
    const drawn = (r: CompositionState['regions1'], x: number) => polylineAt(r.edges, valuesAtEdges(r), x);
    const composed = await exportedNetwork(root, 'composition');
    expect(composed.fileName).toBe('composition-composition.json');
    expect(composed.network.layers.map((l) => l.weights.length)).toEqual([3, 3, 1]);
    const first = await exportedNetwork(root, 'network-1');
    const second = await exportedNetwork(root, 'network-2');
    expect(second.fileName).toBe('composition-network-2.json');
    expect(second.network.layers[1]?.weights[0]?.[1]).toBe(-1.3);
    for (const x of XS) {
      expect(evaluate(composed.network, [x])[0]).toBeCloseTo(drawn(s.composedRegions, x), 10);
      expect(evaluate(first.network, [x])[0]).toBeCloseTo(drawn(s.regions1, x), 10);
      // Network 2 after network 1, from the two files, is the composition drawn.
      const y = evaluate(first.network, [x])[0] as number;
      expect(evaluate(second.network, [y])[0]).toBeCloseTo(drawn(s.composedRegions, x), 10);
    }
    handle.destroy();
  });

  it('deepnets regions on the exported composition counts the regions the widget states', async () => {
    const { handle, root } = mounted();
    const shown = Number(
      (root.querySelector('[data-of="composition"][data-regions]') as HTMLElement).dataset.regions,
    );
    expect(shown).toBe(9);
    const { text } = await exportedNetwork(root, 'composition');
    const cli = await commands.cliRegions(text, ['--domain', '-1,1']);
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(shown);
    handle.destroy();
  });
});
