/**
 * Issue 19 item 9, notation: the diagram names the layers as the tab's equations do. On the
 * 1-3-3-1 network the scalar and vector tabs (sections 1-2) write h, h′ and y′; the matrix,
 * general and renaming tabs write h₁, h₂ and y.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { host } from '../kit/test-helpers.ts';
import { mountNotation } from './mount.ts';

afterEach(() => document.body.replaceChildren());

const root = () => document.querySelector('[data-widget="notation"]') as HTMLElement;
/** The column names under the network diagram, left to right. */
const columnNames = () =>
  [...root().querySelectorAll('svg text.dn-label')].map((t) => t.textContent?.trim() ?? '');
const tabButton = (tab: string) => root().querySelector(`[role="tab"][data-tab="${tab}"]`) as HTMLElement;

describe('notation diagram names its layers as the tab does', () => {
  for (const [tab, names] of [
    ['scalar', ['x', 'h', 'h′', 'y′']],
    ['vector', ['x', 'h', 'h′', 'y′']],
    ['matrix', ['x', 'h₁', 'h₂', 'y']],
    ['general', ['x', 'h₁', 'h₂', 'y']],
  ] as const) {
    it(`1-3-3-1 network, ${tab} tab: ${names.join(', ')}`, async () => {
      const handle = mountNotation(host(), { widths: [1, 3, 3, 1] });
      tabButton(tab).click();
      await expect.poll(columnNames).toEqual(names);
      handle.destroy();
    });
  }

  it('a deeper network keeps h₁, h₂, h₃ on the scalar tab (the lecture writes h_k there too)', async () => {
    const handle = mountNotation(host(), { widths: [1, 2, 2, 2, 1] });
    tabButton('scalar').click();
    await expect.poll(columnNames).toEqual(['x', 'h₁', 'h₂', 'h₃', 'y']);
    handle.destroy();
  });
});
