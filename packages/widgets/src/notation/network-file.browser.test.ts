import { countParameters, evaluate, widths } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { exportedNetwork, networkNumbers, sameBits } from '../kit/network-file-test-helpers.ts';
import { host } from '../kit/test-helpers.ts';
import { exampleNetwork } from './coefficients.ts';
import { mountNotation } from './mount.ts';
import '../../test/cli-command.ts';

afterEach(() => document.body.replaceChildren());

const root = () => document.querySelector('[data-widget="notation"]') as HTMLElement;
const shownParameters = () =>
  Number(root().querySelector('[data-parameters]')?.getAttribute('data-parameters'));

describe('notation: Export network', () => {
  it('saves the network the equations write, bit for bit, with the parameter count the page states', async () => {
    const handle = mountNotation(host(), { widths: [1, 3, 3, 1] });
    let file = await exportedNetwork(root());
    expect(file.fileName).toBe('notation-1-3-3-1.json');
    expect(sameBits(networkNumbers(file.network), networkNumbers(exampleNetwork(1, [1, 3, 3, 1])))).toBe(
      true,
    );
    expect(countParameters(file.network)).toBe(shownParameters());
    // "New numbers" draws the next seed's network; Export follows it.
    (root().querySelector('[data-action="sample"]') as HTMLButtonElement).click();
    file = await exportedNetwork(root());
    expect(sameBits(networkNumbers(file.network), networkNumbers(exampleNetwork(2, [1, 3, 3, 1])))).toBe(
      true,
    );
    // The CLI evaluates the file to what core computes for the network on the page.
    const cli = await commands.cliRun(['eval', 'net.json', '--x', '0.5', '--json'], {
      'net.json': file.text,
    });
    expect(cli.err).toBe('');
    expect((JSON.parse(cli.out) as { y: number[] }).y).toEqual(
      evaluate(exampleNetwork(2, [1, 3, 3, 1]), [0.5]),
    );
    handle.destroy();
  });

  it('on the renaming tab saves the two-layer network whose blocks it renames', async () => {
    const handle = mountNotation(host());
    (root().querySelector('[data-tab="renaming"]') as HTMLButtonElement).click();
    const file = await exportedNetwork(root());
    expect(file.network.layers).toHaveLength(3);
    expect(file.fileName).toBe(`notation-${widths(file.network).join('-')}.json`);
    expect(countParameters(file.network)).toBe(shownParameters());
    handle.destroy();
  });
});
