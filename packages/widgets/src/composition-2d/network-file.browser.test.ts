import { evaluate } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { exportedNetwork } from '../kit/network-file-test-helpers.ts';
import { host } from '../kit/test-helpers.ts';
import { type Composition2DState, mountComposition2d } from './mount.ts';
import '../../test/cli-command.ts';

afterEach(() => document.body.replaceChildren());

const key = (svg: SVGSVGElement, k: string, shiftKey = false) =>
  svg.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));

describe('composition-2d: Export network', () => {
  it('writes files that give the y and y′ the probe reads, and deepnets regions counts the stated regions', async () => {
    const element = host();
    let state: Composition2DState | undefined;
    const handle = mountComposition2d(element);
    handle.subscribe((s) => {
      state = s;
    });
    const root = element.querySelector('[data-widget="composition-2d"]') as HTMLElement;
    const composed = await exportedNetwork(root, 'composition');
    const first = await exportedNetwork(root, 'network-1');
    const second = await exportedNetwork(root, 'network-2');
    expect(composed.fileName).toBe('composition-2d-composition.json');
    expect(composed.network.layers.map((l) => l.weights.length)).toEqual([3, 2, 1]);
    const svg = root.querySelector('[data-panel="composition"] svg') as SVGSVGElement;
    svg.focus();
    for (const steps of [['ArrowRight'], ['ArrowUp', 'ArrowUp'], ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']]) {
      for (const k of steps) key(svg, k, true);
      const probe = (state as Composition2DState).probe!;
      const y = evaluate(first.network, probe.x)[0] as number;
      expect(y).toBeCloseTo(probe.y, 12);
      expect(evaluate(composed.network, probe.x)[0]).toBeCloseTo(probe.composed, 12);
      expect(evaluate(second.network, [y])[0]).toBeCloseTo(probe.composed, 12);
      expect(root.querySelector('p[data-role="probe"]')?.textContent).toContain(
        `the composition's value there (${probe.composed.toFixed(3)})`,
      );
    }
    for (const [file, of] of [
      [composed, 'composition'],
      [first, 'network-1'],
    ] as const) {
      const shown = Number(
        (root.querySelector(`[data-of="${of}"][data-regions]`) as HTMLElement).dataset.regions,
      );
      const cli = await commands.cliRegions(file.text, ['--box', '-1,1,-1,1']);
      expect(cli.code, cli.err).toBe(0);
      expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(shown);
    }
    handle.destroy();
  });
});
