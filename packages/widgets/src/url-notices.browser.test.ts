/**
 * Issue 19 item 8, for every widget that keeps its state in the URL: a tampered URL gets a notice
 * that names the parameter and says what was expected, never silence (composition-2d ignored bad
 * parameters silently), never "expected a undefined from undefined to undefined" (`?lp.constructor=1`
 * found a prototype property) and never "a integer".
 */
import { corePlugin, createRegistry } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { host, setSearch } from './kit/test-helpers.ts';
import { getWidget, useWidgetsPlugin, widgetsPlugin } from './registry.ts';

const registry = useWidgetsPlugin(createRegistry([corePlugin]));
/** Widgets without URL state (their inputs are answers or a run's settings typed each time). */
const NO_URL_STATE = new Set(['exercises', 'depth-demo']);
const TAMPERED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'no-such-key'];

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const noticeText = (root: Element): string =>
  [...root.querySelectorAll<HTMLElement>('.dn-notice')]
    .filter((n) => !n.hidden)
    .map((n) => n.textContent ?? '')
    .join(' ');

describe('a tampered URL gets a proper notice in every widget', () => {
  for (const { name } of widgetsPlugin.widgets.filter((w) => !NO_URL_STATE.has(w.name))) {
    it(`${name}: names each prototype-like or unknown parameter it ignored`, async () => {
      setSearch(`?${TAMPERED.map((k) => `t.${k}=1`).join('&')}`);
      const element = host();
      const handle = getWidget(name, registry).mount(element, { urlPrefix: 't' });
      // some widgets read the URL after their first asynchronous draw
      await new Promise((r) => setTimeout(r, 50));
      const text = noticeText(element);
      for (const key of TAMPERED) expect(text).toContain(`"t.${key}"`);
      expect(text).not.toMatch(/undefined|\ba integer\b|\[object/);
      expect(text.length).toBeLessThan(2_000);
      handle.destroy();
    });
  }
});
