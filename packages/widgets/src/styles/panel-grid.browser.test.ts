/**
 * The composition widgets' three panels never leave an empty grid cell (issue 19, item 9): three
 * in a row, or one under the other, at any width. With the package stylesheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountComposition } from '../composition/mount.ts';
import { mountComposition2d } from '../composition-2d/mount.ts';
import stylesheet from './index.css?inline';

beforeAll(() => {
  const style = document.head.appendChild(document.createElement('style'));
  style.dataset.test = 'panel-grid';
  style.textContent = stylesheet;
});
afterAll(() => document.head.querySelector('style[data-test="panel-grid"]')?.remove());

describe('composition panels fill their grid', () => {
  for (const [name, mount] of [
    ['composition', mountComposition],
    ['composition-2d', mountComposition2d],
  ] as const) {
    for (const width of [360, 520, 688, 760, 900, 1200]) {
      it(`${name} at ${width} px: 1 or 3 columns`, () => {
        const element = document.body.appendChild(document.createElement('div'));
        element.style.width = `${width}px`;
        const handle = mount(element);
        const panels = [...element.querySelectorAll(':scope [data-widget] > .dn-cmp-panels > *')];
        expect(panels).toHaveLength(3);
        const columns = new Set(panels.map((p) => Math.round(p.getBoundingClientRect().left))).size;
        expect([1, 3], `${columns} columns`).toContain(columns);
        for (const p of panels) expect(p.getBoundingClientRect().width).toBeGreaterThan(100);
        handle.destroy();
        element.remove();
      });
    }
  }
});
